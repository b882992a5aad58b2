import DataLoader from 'dataloader';
import { loaderById, loaderOfGroups, loaderOfNumbers } from '../../lib/subgraph/loaders.js';
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
    openDemandsByCommunityId: loaderOfGroups(store.findOpenDemandsByCommunityIds, (row) => row.community_id),
    demandEventsByDemandId: loaderOfGroups(store.findDemandEventsByDemandIds, (row) => row.demand_id),
    ordersByUnitId: loaderOfGroups(
      (ids: readonly string[]) => store.findOrdersByProviderIds('CO_BUILDING_UNIT', ids),
      (row) => row.provider_id,
    ),
    /** Capacity used, keyed `resourceId|periodStart`; 0 where no order was accepted in the period. */
    usedCapacity: new DataLoader<string, number>(async (keys) => {
      const pairs = keys.map((key) => {
        const [resourceId = '', periodStart = ''] = key.split('|');
        return { resourceId, periodStart };
      });
      const used = new Map((await store.findCapacityUsage(pairs)).map((row) => [`${row.resource_id}|${row.period_start}`, row.used]));
      return keys.map((key) => used.get(key) ?? 0);
    }),
  };
}

export type ResourcePoolsLoaders = ReturnType<typeof createLoaders>;
