import DataLoader from 'dataloader';
import { DISTRICT_ID, sumFigures } from '../../lib/subgraph/district-figures.js';
import { loaderById, loaderOfGroups, loaderOfNumbers, loaderOfOne } from '../../lib/subgraph/loaders.js';
import type { ResourcePoolsStore } from './store.js';

/** Created once per request, so caching never leaks data between callers. */
export function createLoaders(store: ResourcePoolsStore, clock: () => Date = () => new Date()) {
  // One "now" per request: every street's month is the same month.
  const now = clock();
  return {
    // District figures: one statement for every street asked for, one for the district's totals.
    orderFiguresByStreetId: loaderOfOne(
      (ids) => store.findStreetOrderFigures(ids, now),
      (row) => row.street_id,
    ),
    districtOrderFigures: loaderOfOne(
      async () => [{ street_id: DISTRICT_ID, ...sumFigures(await store.findStreetOrderFigures(null, now), ['open_demands', 'fulfilled_this_month']) }],
      (row) => row.street_id,
    ),
    resourceById: loaderById((ids) => store.findResourcesByIds(ids)),
    // Unit and department ids could in principle collide, so each provider kind has its own loader.
    resourcesByUnitId: loaderOfGroups(
      (ids: readonly string[]) => store.findResourcesByProviderIds('CO_BUILDING_UNIT', ids),
      (row) => row.provider_id,
    ),
    resourcesByDepartmentId: loaderOfGroups(
      (ids: readonly string[]) => store.findResourcesByProviderIds('DEPARTMENT', ids),
      (row) => row.provider_id,
    ),
    resourcesByCommunityId: loaderOfGroups(
      (ids) => store.findResourcesServingCommunityIds(ids),
      (row) => row.served_community_id,
    ),
    communityIdsByResourceId: loaderOfGroups(
      (ids) => store.findResourceCommunitiesByResourceIds(ids),
      (row) => row.resource_id,
    ),
    demandById: loaderById((ids) => store.findDemandsByIds(ids)),
    demandsByCommunityId: loaderOfGroups(
      (ids) => store.findDemandsByCommunityIds(ids),
      (row) => row.community_id,
    ),
    openDemandCountByCommunityId: loaderOfNumbers((ids) => store.countOpenDemandsByCommunityIds(ids)),
    openDemandsByCommunityId: loaderOfGroups(
      (ids) => store.findOpenDemandsByCommunityIds(ids),
      (row) => row.community_id,
    ),
    demandEventsByDemandId: loaderOfGroups(
      (ids) => store.findDemandEventsByDemandIds(ids),
      (row) => row.demand_id,
    ),
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
