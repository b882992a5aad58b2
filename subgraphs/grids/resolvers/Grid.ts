import type { GridResolvers } from '../__generated__/resolvers-types.js';
import { readPageArgs, toConnection } from '../../../lib/subgraph/pagination.js';
import { requireLoaded } from '../../../lib/subgraph/references.js';

export const Grid: GridResolvers = {
  __resolveReference: (reference, { loaders }) => loaders.gridById.load(reference.id),
  dedicatedTo: (grid) => grid.dedicated_to,
  community: async (grid, _args, { loaders }) => requireLoaded(await loaders.communityById.load(grid.community_id), 'Community', grid.community_id),
  microGrids: (grid, _args, { loaders }) => loaders.microGridsByGridId.load(grid.id),
  async incidents(grid, args, { loaders }) {
    const request = readPageArgs(args);
    return toConnection(await loaders.incidentPagesByGridId.load(grid.id, args.status, request), request);
  },
};
