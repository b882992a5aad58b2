import type { StreetResolvers } from '../__generated__/resolvers-types.js';
import { readPageArgs, toConnection } from '../../../lib/subgraph/pagination.js';
import { gridFigures } from './District.js';

export const Street: StreetResolvers = {
  __resolveReference: (reference, { loaders }) => loaders.streetById.load(reference.id),
  areaKm2: (street) => street.area_km2,
  communityCount: async (street, _args, context) => (await gridFigures(context, street.id)).communities,
  gridCount: async (street, _args, context) => (await gridFigures(context, street.id)).grids,
  overdueIncidentCount: async (street, _args, context) => (await gridFigures(context, street.id)).overdue_incidents,
  offices: (street, _args, { loaders }) => loaders.officesByStreetId.load(street.id),
  async communities(street, args, { store }) {
    const page = readPageArgs(args);
    return toConnection(await store.findCommunitiesPage({ ...args.filter, streetId: street.id }, page), page);
  },
};
