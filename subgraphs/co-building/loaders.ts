import { loaderById, loaderOfGroups, loaderOfNumbers, loaderOfPages } from '../../lib/subgraph/loaders.js';
import type { CoBuildingStore } from './store.js';

/** Created once per request, so caching never leaks data between callers. */
export function createLoaders(store: CoBuildingStore, clock: () => Date) {
  // One "now" per request: every unit's score in one answer is as of the same instant.
  const now = clock();
  return {
    unitById: loaderById(store.findUnitsByIds),
    pairingById: loaderById(store.findPairingsByIds),
    pairingsByUnitId: loaderOfGroups(store.findPairingsByUnitIds, (row) => row.unit_id),
    pairingsByCommunityId: loaderOfGroups(store.findPairingsByCommunityIds, (row) => row.community_id),
    serviceReportById: loaderById(store.findServiceReportsByIds),
    serviceReportPageByUnitId: loaderOfPages(store.findServiceReportPagesByUnitIds, { rows: [], totalCount: 0 }),
    verifiedHoursByUnitId: loaderOfNumbers(store.sumVerifiedHoursByUnitIds),
    commitmentsByPairingId: loaderOfGroups(store.findCommitmentsByPairingIds, (row) => row.pairing_id),
    verifiedReportsByPairingId: loaderOfGroups(store.findVerifiedReportsByPairingIds, (row) => row.pairing_id),
    creditEventsByUnitId: loaderOfGroups(store.findCreditEventsByUnitIds, (row) => row.unit_id),
    validCreditByUnitId: loaderOfNumbers((ids) => store.sumValidCreditByUnitIds(ids, now)),
  };
}

export type CoBuildingLoaders = ReturnType<typeof createLoaders>;
