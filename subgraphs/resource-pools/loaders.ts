import { loaderById, loaderOfGroups, loaderOfNumbers } from '../../lib/loaders.js';
import type { ResourcePoolsStore } from './store.js';

/** Created once per request, so caching never leaks data between callers. */
export function createLoaders(store: ResourcePoolsStore) {
  return {
    resourceById: loaderById(store.findResourcesByIds),
    // Unit and department ids could in principle collide, so each provider kind has its own loader.
    resourcesByUnitId: loaderOfGroups(
      (ids: readonly string[]) => store.findResourcesByProviderIds('CO_BUILDING_UNIT', ids),
      (row) => row.provider_id,
    ),
    resourcesByDepartmentId: loaderOfGroups(
      (ids: readonly string[]) => store.findResourcesByProviderIds('DEPARTMENT', ids),
      (row) => row.provider_id,
    ),
    resourcesByCommunityId: loaderOfGroups(store.findResourcesServingCommunityIds, (row) => row.served_community_id),
    communityIdsByResourceId: loaderOfGroups(store.findResourceCommunitiesByResourceIds, (row) => row.resource_id),
    demandById: loaderById(store.findDemandsByIds),
    demandsByCommunityId: loaderOfGroups(store.findDemandsByCommunityIds, (row) => row.community_id),
    openDemandCountByCommunityId: loaderOfNumbers(store.countOpenDemandsByCommunityIds),
  };
}

export type ResourcePoolsLoaders = ReturnType<typeof createLoaders>;
