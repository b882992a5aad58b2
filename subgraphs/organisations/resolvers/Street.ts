import type { StreetResolvers } from '../__generated__/resolvers-types.js';
import { isListed } from '../read-scope.js';

// An entity owned by grids, to which this subgraph adds the street's party working committee.
export const Street: StreetResolvers = {
  __resolveReference: (reference) => ({ id: reference.id }),
  partyCommittee: async (street, _args, { loaders, caller }) => {
    const committee = await loaders.streetCommitteeByStreetId.load(street.id);
    return committee && isListed(caller, committee) ? committee : null;
  },
};
