import { authorizeDistrictFigures } from '../../../lib/auth/policy.js';
import { DISTRICT_ID } from '../../../lib/subgraph/district-figures.js';
import type { DistrictResolvers } from '../__generated__/resolvers-types.js';
import type { GridsContext } from '../context.js';
import type { StreetGridFiguresRow } from '../store.js';

/** The district's totals (a row whose street_id is `district`), or a street's figures; DISTRICT_PLATFORM only. */
export async function gridFigures(context: GridsContext, streetId: string): Promise<Omit<StreetGridFiguresRow, 'street_id'>> {
  authorizeDistrictFigures(context.caller);
  const row = streetId === DISTRICT_ID ? await context.loaders.districtFigures.load(DISTRICT_ID) : await context.loaders.streetFiguresById.load(streetId);
  return row ?? { communities: 0, grids: 0, overdue_incidents: 0 };
}

export const District: DistrictResolvers = {
  __resolveReference: (reference) => ({ id: reference.id }),
  communityCount: async (_district, _args, context) => (await gridFigures(context, DISTRICT_ID)).communities,
  gridCount: async (_district, _args, context) => (await gridFigures(context, DISTRICT_ID)).grids,
  overdueIncidentCount: async (_district, _args, context) => (await gridFigures(context, DISTRICT_ID)).overdue_incidents,
};
