import { auditLogField } from '../../../lib/subgraph/audit.js';
import { readPageArgs, toConnection } from '../../../lib/subgraph/pagination.js';
import type { QueryResolvers } from '../__generated__/resolvers-types.js';
import { matchCandidates } from '../domain/matching-service.js';
import { directoryStreetOf } from '../../../lib/auth/policy.js';

export const Query: QueryResolvers = {
  resourcePoolsAuditLog: (_parent, args, { db, caller }) => auditLogField(db, caller, args),
  // A street admin's directories are its street's; out of them reads as not found (loaders.ts).
  async resources(_parent, args, { store, caller }) {
    const page = readPageArgs(args);
    return toConnection(await store.findResourcesPage({ ...args.filter, streetId: directoryStreetOf(caller) }, page), page);
  },
  resource: (_parent, { id }, { loaders }) => loaders.resourceById.load(id),
  async demands(_parent, args, { store, caller }) {
    const page = readPageArgs(args);
    return toConnection(await store.findDemandsPage({ ...args.filter, streetId: directoryStreetOf(caller) }, page), page);
  },
  demand: (_parent, { id }, { loaders }) => loaders.demandById.load(id),
  matchCandidates: (_parent, { demandId, first }, context) => matchCandidates(context, demandId, first ?? 10),
  helpKinds: (_parent, _args, { store }) => store.findHelpKinds(),
  categoryFits: (_parent, _args, { store }) => store.findCategoryFits(),
};
