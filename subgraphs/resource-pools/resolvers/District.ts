import { authorizeDistrictFigures } from '../../../lib/auth/policy.js';
import { DISTRICT_ID } from '../../../lib/subgraph/district-figures.js';
import type { DistrictResolvers, StreetResolvers } from '../__generated__/resolvers-types.js';
import type { ResourcePoolsContext } from '../context.js';
import type { StreetOrderFiguresRow } from '../store.js';

/** A street's demand and order figures, or the district's (`district`); DISTRICT_PLATFORM only. */
async function orderFigures(context: ResourcePoolsContext, streetId: string): Promise<Omit<StreetOrderFiguresRow, 'street_id'>> {
  authorizeDistrictFigures(context.caller);
  const row =
    streetId === DISTRICT_ID ? await context.loaders.districtOrderFigures.load(DISTRICT_ID) : await context.loaders.orderFiguresByStreetId.load(streetId);
  return row ?? { open_demands: 0, fulfilled_this_month: 0 };
}

export const Street: StreetResolvers = {
  __resolveReference: (reference) => ({ id: reference.id }),
  openDemandCount: async (street, _args, context) => (await orderFigures(context, street.id)).open_demands,
  ordersFulfilledThisMonth: async (street, _args, context) => (await orderFigures(context, street.id)).fulfilled_this_month,
};

export const District: DistrictResolvers = {
  __resolveReference: (reference) => ({ id: reference.id }),
  openDemandCount: async (_district, _args, context) => (await orderFigures(context, DISTRICT_ID)).open_demands,
  ordersFulfilledThisMonth: async (_district, _args, context) => (await orderFigures(context, DISTRICT_ID)).fulfilled_this_month,
};
