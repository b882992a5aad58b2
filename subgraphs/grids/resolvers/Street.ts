import type { StreetResolvers } from '../__generated__/resolvers-types.js';

export const Street: StreetResolvers = {
  areaKm2: (street) => street.area_km2,
  offices: (_street, _args, { store }) => store.findOffices(),
};
