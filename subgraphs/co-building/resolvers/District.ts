import { authorizeDistrictFigures } from '../../../lib/auth/policy.js';
import { DISTRICT_ID } from '../../../lib/subgraph/district-figures.js';
import type { DistrictResolvers, StreetResolvers } from '../__generated__/resolvers-types.js';
import type { CoBuildingContext } from '../context.js';
import { CREDIT_BAND_WIDTH } from '../domain/credit.js';

/**
 * The credit bands of a street, or of the district (`district`): one row per band with units in it;
 * district bands of several streets are added up. DISTRICT_PLATFORM only.
 */
async function creditBands(context: CoBuildingContext, streetId: string): Promise<{ from: number; to: number; units: number }[]> {
  authorizeDistrictFigures(context.caller);
  const rows =
    streetId === DISTRICT_ID ? await context.loaders.districtCreditBands.load(DISTRICT_ID) : await context.loaders.creditBandsByStreetId.load(streetId);
  const units = new Map<number, number>();
  for (const row of rows) units.set(row.band_from, (units.get(row.band_from) ?? 0) + row.units);
  return [...units].sort(([a], [b]) => a - b).map(([from, count]) => ({ from, to: from + CREDIT_BAND_WIDTH, units: count }));
}

const unitCount = async (context: CoBuildingContext, streetId: string) => (await creditBands(context, streetId)).reduce((sum, band) => sum + band.units, 0);

export const Street: StreetResolvers = {
  __resolveReference: (reference) => ({ id: reference.id }),
  unitCount: (street, _args, context) => unitCount(context, street.id),
  creditDistribution: (street, _args, context) => creditBands(context, street.id),
};

export const District: DistrictResolvers = {
  __resolveReference: (reference) => ({ id: reference.id }),
  unitCount: (_district, _args, context) => unitCount(context, DISTRICT_ID),
  creditDistribution: (_district, _args, context) => creditBands(context, DISTRICT_ID),
};
