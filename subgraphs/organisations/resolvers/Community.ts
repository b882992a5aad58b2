import type { CommunityResolvers } from '../__generated__/resolvers-types.js';

// An entity owned by grids, to which this subgraph adds the party organisation that leads it.
// References are taken as they come: an id with no organisation simply has none (null).
export const Community: CommunityResolvers = {
  __resolveReference: (reference) => ({ id: reference.id }),
  partyOrganisation: (community, _args, { loaders }) => loaders.organisationByCommunityId.load(community.id),
};
