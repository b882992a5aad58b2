import type { CommunityResolvers } from '../__generated__/resolvers-types.js';

/** Community is owned by grids; this subgraph only adds its pairings, so the reference is all it needs. */
export const Community: CommunityResolvers = {
  __resolveReference: (reference) => ({ id: reference.id }),
  // The pairings of the caller's directory only (loaders.ts).
  pairings: (community, _args, { loaders }) => loaders.pairingsByCommunityId.load(community.id),
};
