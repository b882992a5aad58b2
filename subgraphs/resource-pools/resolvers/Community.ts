import type { CommunityResolvers } from '../__generated__/resolvers-types.js';
import { isListed, isResourceListed } from '../read-scope.js';

/**
 * Communities belong to the grids subgraph; here they are only a key. An unknown id resolves to a
 * community without demands or resources, since this subgraph cannot tell whether it exists. A
 * street admin's lists hold its own street's demands and the resources serving its street only
 * (read-scope.ts isListed, isResourceListed).
 */
export const Community: CommunityResolvers = {
  __resolveReference: (reference) => ({ id: reference.id }),
  async demands(community, { status }, { loaders, caller }) {
    const demands = (await loaders.demandsByCommunityId.load(community.id)).filter((demand) => isListed(caller, demand));
    return status ? demands.filter((demand) => demand.status === status) : demands;
  },
  openDemandCount: (community, _args, { loaders }) => loaders.openDemandCountByCommunityId.load(community.id),
  openDemands: async (community, _args, { loaders, caller }) =>
    (await loaders.openDemandsByCommunityId.load(community.id)).filter((demand) => isListed(caller, demand)),
  servedBy: async (community, _args, { loaders, caller }) =>
    (await loaders.resourcesByCommunityId.load(community.id)).filter((resource) => isResourceListed(caller, resource)),
};
