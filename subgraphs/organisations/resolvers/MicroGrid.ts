import type { MicroGridResolvers } from '../__generated__/resolvers-types.js';

// An entity owned by grids, to which this subgraph adds the party organisation that leads it.
// References are taken as they come: an id with no organisation simply has none (null).
export const MicroGrid: MicroGridResolvers = {
  __resolveReference: (reference) => ({ id: reference.id }),
  partyGroup: (microGrid, _args, { loaders }) => loaders.organisationByMicroGridId.load(microGrid.id),
};
