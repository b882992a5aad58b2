import type { StreetResolvers } from '../__generated__/resolvers-types.js';
import { badUserInput } from '../../../lib/kernel/errors.js';
import type { GridsLoaders } from '../loaders.js';
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

/**
 * An id naming a street — an argument, a filter, a street admin's token — must name one of this hub's
 * (docs/streets.md): an unknown street is BAD_USER_INPUT with the field named, never an empty answer
 * that looks like a quiet street. `street(id)` alone answers null for an unknown id (a lookup).
 */
export async function requireKnownStreet(loaders: Pick<GridsLoaders, 'streetById'>, streetId: string, field: string): Promise<void> {
  if (!(await loaders.streetById.load(streetId))) throw badUserInput(field, `no street ${streetId}`);
}
