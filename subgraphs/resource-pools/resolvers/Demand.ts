import type { DemandResolvers } from '../__generated__/resolvers-types.js';

export const Demand: DemandResolvers = {
  __resolveReference: (reference, { loaders }) => loaders.demandById.load(reference.id),
  community: (demand) => ({ id: demand.community_id }),
  grid: (demand) => (demand.grid_id === null ? null : { id: demand.grid_id }),
  createdAt: (demand) => demand.created_at,
};
