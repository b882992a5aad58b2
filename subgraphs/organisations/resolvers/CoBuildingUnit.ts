import type { CoBuildingUnitResolvers } from '../__generated__/resolvers-types.js';

// An entity owned by co-building, to which this subgraph adds the party organisation that leads it.
// References are taken as they come: an id with no organisation simply has none (null).
export const CoBuildingUnit: CoBuildingUnitResolvers = {
  __resolveReference: (reference) => ({ id: reference.id }),
  partyBranch: (unit, _args, { loaders }) => loaders.organisationByUnitId.load(unit.id),
};
