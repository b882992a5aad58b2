import type { CommunityResolvers } from '../__generated__/resolvers-types.js';
import { isListed } from '../read-scope.js';

/** Community is owned by grids; this subgraph only adds its pairings, so the reference is all it needs. */
export const Community: CommunityResolvers = {
  __resolveReference: (reference) => ({ id: reference.id }),
  pairings: async (community, _args, { loaders, caller }) =>
    (await loaders.pairingsByCommunityId.load(community.id)).filter((pairing) => isListed(caller, pairing)),
};
