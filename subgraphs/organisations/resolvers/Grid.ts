import type { GridResolvers } from '../__generated__/resolvers-types.js';

// An entity owned by grids, to which this subgraph adds the party organisation that leads it.
// References are taken as they come: an id with no organisation simply has none (null).
export const Grid: GridResolvers = {
  __resolveReference: (reference) => ({ id: reference.id }),
  partyBranch: (grid, _args, { loaders }) => loaders.organisationByGridId.load(grid.id),
};
