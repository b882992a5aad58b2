import type { CommunityResolvers } from '../__generated__/resolvers-types.js';

/**
 * Communities belong to the grids subgraph; here they are only a key. An unknown id resolves to a
 * community without demands or resources, since this subgraph cannot tell whether it exists. A
 * street admin's lists hold its own street's demands and the resources serving its street only
 * (loaders.ts reads no others).
 */
export const Community: CommunityResolvers = {
  __resolveReference: (reference) => ({ id: reference.id }),
  async demands(community, { status }, { loaders }) {
    const demands = await loaders.demandsByCommunityId.load(community.id);
    return status ? demands.filter((demand) => demand.status === status) : demands;
  },
  openDemandCount: (community, _args, { loaders }) => loaders.openDemandCountByCommunityId.load(community.id),
  openDemands: (community, _args, { loaders }) => loaders.openDemandsByCommunityId.load(community.id),
  servedBy: (community, _args, { loaders }) => loaders.resourcesByCommunityId.load(community.id),
};
