import DataLoader from 'dataloader';
import { DISTRICT_ID, sumFigures } from '../../lib/subgraph/district-figures.js';
import { loaderById, loaderOfGroups, loaderOfOne, loadersOfGroupsAndNumbers } from '../../lib/subgraph/loaders.js';
import type { Caller } from '../../lib/auth/caller.js';
import { directoryStreetOf, readScopeOf } from '../../lib/auth/policy.js';
import type { ResourcePoolsStore } from './store.js';

/**
 * Created once per request for its caller, so caching never leaks data between callers. Which rows
 * the caller sees is decided here, once, by the store's SQL (read-scope.ts): resources and demands
 * of its directory (directoryStreetOf), a unit's orders of its read scope (readScopeOf). A row out of
 * them is not there, whichever resolver asks — a root field, an entity reference or a list.
 */
export function createLoaders(store: ResourcePoolsStore, clock: () => Date, caller: Caller) {
  // One "now" per request: every street's month is the same month.
  const now = clock();
  const directory = directoryStreetOf(caller);
  const orders = readScopeOf(caller);
  // A community's demands and its number of open ones, asked together by a unit's view: the count
  // is read off the demands when they are loaded anyway, its own statement only when they are not.
  const demandsOfCommunity = loadersOfGroupsAndNumbers(
    async (communityIds, want) => {
      if (!want.groups) {
        const counts = await store.countOpenDemandsByCommunityIds(communityIds, directory);
        return { groups: [], numbers: new Map(counts.map(({ key, value }) => [key, value])) };
      }
      const groups = await store.findDemandsByCommunityIds(communityIds, directory);
      const numbers = new Map<string, number>();
      for (const demand of groups) if (demand.status === 'OPEN') numbers.set(demand.community_id, (numbers.get(demand.community_id) ?? 0) + 1);
      return { groups, numbers };
    },
    (demand) => demand.community_id,
  );
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
    resourceById: loaderById((ids) => store.findResourcesByIds(ids, directory)),
    // Unit and department ids could in principle collide, so each provider kind has its own loader.
    resourcesByUnitId: loaderOfGroups(
      (ids: readonly string[]) => store.findResourcesByProviderIds('CO_BUILDING_UNIT', ids, directory),
      (row) => row.provider_id,
    ),
    resourcesByDepartmentId: loaderOfGroups(
      (ids: readonly string[]) => store.findResourcesByProviderIds('DEPARTMENT', ids, directory),
      (row) => row.provider_id,
    ),
    resourcesByCommunityId: loaderOfGroups(
      (ids) => store.findResourcesServingCommunityIds(ids, directory),
      (row) => row.served_community_id,
    ),
    // For a field's decision (read-scope.ts isResourceInScope) and a resource's own list: not directory rows.
    communityIdsByResourceId: loaderOfGroups(
      (ids) => store.findResourceCommunitiesByResourceIds(ids),
      (row) => row.resource_id,
    ),
    demandById: loaderById((ids) => store.findDemandsByIds(ids, directory)),
    demandsByCommunityId: demandsOfCommunity.groups,
    openDemandCountByCommunityId: demandsOfCommunity.numbers,
    openDemandsByCommunityId: loaderOfGroups(
      (ids) => store.findOpenDemandsByCommunityIds(ids, directory),
      (row) => row.community_id,
    ),
    demandEventsByDemandId: loaderOfGroups(
      (ids) => store.findDemandEventsByDemandIds(ids),
      (row) => row.demand_id,
    ),
    ordersByUnitId: loaderOfGroups(
      (ids: readonly string[]) => store.findOrdersByProviderIds('CO_BUILDING_UNIT', ids, orders),
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
