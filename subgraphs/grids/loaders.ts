import { loaderById, loaderOfGroups, loaderOfNumbers } from '../../lib/loaders.js';
import type { GridsStore } from './store.js';

/** Created once per request, so caching never leaks data between callers. */
export function createLoaders(store: GridsStore) {
  return {
    officeById: loaderById(store.findOfficesByIds),
    communityById: loaderById(store.findCommunitiesByIds),
    communitiesByOfficeId: loaderOfGroups(store.findCommunitiesByOfficeIds, (row) => row.office_id),
    gridById: loaderById(store.findGridsByIds),
    gridsByCommunityId: loaderOfGroups(store.findGridsByCommunityIds, (row) => row.community_id),
    microGridById: loaderById(store.findMicroGridsByIds),
    microGridsByGridId: loaderOfGroups(store.findMicroGridsByGridIds, (row) => row.grid_id),
    microGridCountByCommunityId: loaderOfNumbers(store.countMicroGridsByCommunityIds),
  };
}

export type GridsLoaders = ReturnType<typeof createLoaders>;
