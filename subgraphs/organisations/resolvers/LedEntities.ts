import type {
  CoBuildingUnitResolvers,
  CommunityResolvers,
  GridResolvers,
  MicroGridResolvers,
} from '../__generated__/resolvers-types.js';

// Entities owned by grids and co-building, to which this subgraph adds the party organisation that
// leads them. References are taken as they come: an id with no organisation simply has none (null).

export const Community: CommunityResolvers = {
  __resolveReference: (reference) => ({ id: reference.id }),
  partyOrganisation: (community, _args, { loaders }) => loaders.organisationByCommunityId.load(community.id),
};

export const Grid: GridResolvers = {
  __resolveReference: (reference) => ({ id: reference.id }),
  partyBranch: (grid, _args, { loaders }) => loaders.organisationByGridId.load(grid.id),
};

export const MicroGrid: MicroGridResolvers = {
  __resolveReference: (reference) => ({ id: reference.id }),
  partyGroup: (microGrid, _args, { loaders }) => loaders.organisationByMicroGridId.load(microGrid.id),
};

export const CoBuildingUnit: CoBuildingUnitResolvers = {
  __resolveReference: (reference) => ({ id: reference.id }),
  partyBranch: (unit, _args, { loaders }) => loaders.organisationByUnitId.load(unit.id),
};
