import type { MicroGridResolvers } from '../__generated__/resolvers-types.js';
import { requireLoaded } from '../../../lib/subgraph/references.js';

export const MicroGrid: MicroGridResolvers = {
  __resolveReference: (reference, { loaders }) => loaders.microGridById.load(reference.id),
  grid: async (microGrid, _args, { loaders }) => requireLoaded(await loaders.gridById.load(microGrid.grid_id), 'Grid', microGrid.grid_id),
};
