import type { StreetResolvers } from '../__generated__/resolvers-types.js';

// An entity owned by grids, to which this subgraph adds the street's party working committee.
export const Street: StreetResolvers = {
  __resolveReference: (reference) => ({ id: reference.id }),
  // Another street's committee is not in a street admin's directory (loaders.ts): null.
  partyCommittee: (street, _args, { loaders }) => loaders.streetCommitteeByStreetId.load(street.id),
};
