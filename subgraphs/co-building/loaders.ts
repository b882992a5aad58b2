import { loaderById, loaderOfGroups, loaderOfNumbers, loaderOfPages } from '../../lib/subgraph/loaders.js';
import { DISTRICT_ID } from '../../lib/subgraph/district-figures.js';
import { CREDIT_BAND_WIDTH, CREDIT_BASE } from './domain/credit.js';
import type { Caller } from '../../lib/auth/caller.js';
import { directoryStreetOf, readScopeOf } from '../../lib/auth/policy.js';
import type { CoBuildingStore } from './store.js';

/**
 * Created once per request for its caller, so caching never leaks data between callers. Which rows
 * the caller sees is decided here, once, by the store's SQL (read-scope.ts): units and pairings of
 * its directory (directoryStreetOf), service reports of its read scope (readScopeOf). A row out of
 * them is not there, whichever resolver asks — a root field, an entity reference or a list.
 */
export function createLoaders(store: CoBuildingStore, clock: () => Date, caller: Caller) {
  // One "now" per request: every unit's score in one answer is as of the same instant.
  const now = clock();
  const directory = directoryStreetOf(caller);
  const reports = readScopeOf(caller);
  return {
    unitById: loaderById((ids) => store.findUnitsByIds(ids, directory)),
    pairingById: loaderById((ids) => store.findPairingsByIds(ids, directory)),
    pairingsByUnitId: loaderOfGroups(
      (ids) => store.findPairingsByUnitIds(ids, directory),
      (row) => row.unit_id,
    ),
    pairingsByCommunityId: loaderOfGroups(
      (ids) => store.findPairingsByCommunityIds(ids, directory),
      (row) => row.community_id,
    ),
    serviceReportById: loaderById((ids) => store.findServiceReportsByIds(ids, reports)),
    serviceReportPageByUnitId: loaderOfPages((ids, request) => store.findServiceReportPagesByUnitIds(ids, request), { rows: [], totalCount: 0 }),
    verifiedHoursByUnitId: loaderOfNumbers((ids) => store.sumVerifiedHoursByUnitIds(ids)),
    commitmentsByPairingId: loaderOfGroups(
      (ids) => store.findCommitmentsByPairingIds(ids),
      (row) => row.pairing_id,
    ),
    verifiedReportsByPairingId: loaderOfGroups(
      (ids) => store.findVerifiedReportsByPairingIds(ids),
      (row) => row.pairing_id,
    ),
    creditEventsByUnitId: loaderOfGroups(
      (ids) => store.findCreditEventsByUnitIds(ids),
      (row) => row.unit_id,
    ),
    // District figures: one statement for every street asked for (all bands of each), one for the district.
    creditBandsByStreetId: loaderOfGroups(
      (ids) => store.findStreetCreditBands(ids, now, CREDIT_BASE, CREDIT_BAND_WIDTH),
      (row) => row.street_id,
    ),
    districtCreditBands: loaderOfGroups(
      async () => (await store.findStreetCreditBands(null, now, CREDIT_BASE, CREDIT_BAND_WIDTH)).map((row) => ({ ...row, street_id: DISTRICT_ID })),
      (row) => row.street_id,
    ),
    validCreditByUnitId: loaderOfNumbers((ids) => store.sumValidCreditByUnitIds(ids, now)),
  };
}

export type CoBuildingLoaders = ReturnType<typeof createLoaders>;
