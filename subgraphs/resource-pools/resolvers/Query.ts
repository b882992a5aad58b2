import { auditLogField } from '../../../lib/subgraph/audit.js';
import { readPageArgs, toConnection } from '../../../lib/subgraph/pagination.js';
import type { QueryResolvers } from '../__generated__/resolvers-types.js';
import { matchCandidates } from '../domain/matching-service.js';

export const Query: QueryResolvers = {
  resourcePoolsAuditLog: (_parent, args, { db, caller }) => auditLogField(db, caller, args),
  async resources(_parent, args, { store }) {
    const page = readPageArgs(args);
    return toConnection(await store.findResourcesPage(args.filter ?? {}, page), page);
  },
  resource: (_parent, { id }, { loaders }) => loaders.resourceById.load(id),
  async demands(_parent, args, { store }) {
    const page = readPageArgs(args);
    return toConnection(await store.findDemandsPage(args.filter ?? {}, page), page);
  },
  demand: (_parent, { id }, { loaders }) => loaders.demandById.load(id),
  matchCandidates: (_parent, { demandId, first }, context) => matchCandidates(context, demandId, first ?? 10),
  helpKinds: (_parent, _args, { store }) => store.findHelpKinds(),
  categoryFits: (_parent, _args, { store }) => store.findCategoryFits(),
};
