import { auditLogField } from '../../../lib/subgraph/audit.js';
import { readPageArgs, toConnection } from '../../../lib/subgraph/pagination.js';
import type { QueryResolvers } from '../__generated__/resolvers-types.js';
import { matchCandidates } from '../domain/matching-service.js';
import { directoryStreetOf } from '../../../lib/auth/policy.js';
import { isListed, isResourceListed } from '../read-scope.js';

export const Query: QueryResolvers = {
  resourcePoolsAuditLog: (_parent, args, { db, caller }) => auditLogField(db, caller, args),
  // A street admin's directories are its street's (read-scope.ts); out of them reads as not found.
  async resources(_parent, args, { store, caller }) {
    const page = readPageArgs(args);
    return toConnection(await store.findResourcesPage({ ...args.filter, streetId: directoryStreetOf(caller) }, page), page);
  },
  resource: async (_parent, { id }, { loaders, caller }) => {
    const resource = await loaders.resourceById.load(id);
    return resource && isResourceListed(caller, resource) ? resource : null;
  },
  async demands(_parent, args, { store, caller }) {
    const page = readPageArgs(args);
    return toConnection(await store.findDemandsPage({ ...args.filter, streetId: directoryStreetOf(caller) }, page), page);
  },
  demand: async (_parent, { id }, { loaders, caller }) => {
    const demand = await loaders.demandById.load(id);
    return demand && isListed(caller, demand) ? demand : null;
  },
  matchCandidates: (_parent, { demandId, first }, context) => matchCandidates(context, demandId, first ?? 10),
  helpKinds: (_parent, _args, { store }) => store.findHelpKinds(),
  categoryFits: (_parent, _args, { store }) => store.findCategoryFits(),
};
