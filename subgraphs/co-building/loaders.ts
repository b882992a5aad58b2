import { loaderById, loaderOfGroups, loaderOfNumbers, loaderOfPages } from '../../lib/loaders.js';
import type { CoBuildingStore } from './store.js';

/** Created once per request, so caching never leaks data between callers. */
export function createLoaders(store: CoBuildingStore) {
  return {
    unitById: loaderById(store.findUnitsByIds),
    pairingById: loaderById(store.findPairingsByIds),
    pairingsByUnitId: loaderOfGroups(store.findPairingsByUnitIds, (row) => row.unit_id),
    pairingsByCommunityId: loaderOfGroups(store.findPairingsByCommunityIds, (row) => row.community_id),
    serviceReportById: loaderById(store.findServiceReportsByIds),
    serviceReportPageByUnitId: loaderOfPages(store.findServiceReportPagesByUnitIds, { rows: [], totalCount: 0 }),
    verifiedHoursByUnitId: loaderOfNumbers(store.sumVerifiedHoursByUnitIds),
  };
}

export type CoBuildingLoaders = ReturnType<typeof createLoaders>;
