import { loaderById, loaderOfGroups, loaderOfOne, loaderOfPages, loadersOfGroupsAndNumbers } from '../../lib/subgraph/loaders.js';
import { DISTRICT_ID, sumFigures } from '../../lib/subgraph/district-figures.js';
import type { PageRequest } from '../../lib/subgraph/pagination.js';
import type { IncidentStatus } from './domain/incident-lifecycle.js';
import type { ReadScope } from '../../lib/auth/policy.js';
import type { GridsStore, IncidentPage } from './store.js';

/**
 * A page of incidents per parent and optional status: the status travels inside the key
 * (`status|parentId`) so that parents asking for the same status and page share one statement.
 */
function incidentPagesBy(store: GridsStore, keyColumn: 'grid_id' | 'lead_department_id', scope: ReadScope) {
  const loader = loaderOfPages<IncidentPage>(
    async (keys, request: PageRequest) => {
      const byStatus = new Map<string, string[]>();
      for (const key of keys) {
        const [status = '', id = ''] = key.split('|');
        byStatus.set(status, [...(byStatus.get(status) ?? []), id]);
      }
      const pages = new Map<string, IncidentPage>();
      for (const [status, ids] of byStatus) {
        const found = await store.findIncidentPagesByKey(keyColumn, ids, (status || null) as IncidentStatus | null, request, scope);
        for (const [id, page] of found) pages.set(`${status}|${id}`, page);
      }
      return pages;
    },
    { rows: [], totalCount: 0 },
  );
  return {
    load: (id: string, status: IncidentStatus | null | undefined, request: PageRequest) => loader.load({ key: `${status ?? ''}|${id}`, request }),
  };
}

/**
 * Created once per request, so caching never leaks data between callers. `scope`: the incidents
 * the caller may read (lib/auth/policy.ts readScopeOf). Every incident loader passes it to the store,
 * whose SQL applies it, so single incidents, entity references, duplicates, timelines, pages, counts
 * and figures all leave out the same incidents.
 */
export function createLoaders(store: GridsStore, clock: () => Date, scope: ReadScope) {
  // A community's grids and its number of micro-grids (the sum over its grids): one statement when a
  // request asks for both (a dashboard's communities); the counts only when some count was asked.
  const gridsOfCommunity = loadersOfGroupsAndNumbers(
    async (communityIds, want) => {
      const numbers = new Map<string, number>();
      const groups = (await store.findGridsByCommunityIds(communityIds, want.numbers)).map(({ micro_grid_count, ...grid }) => {
        numbers.set(grid.community_id, (numbers.get(grid.community_id) ?? 0) + (micro_grid_count ?? 0));
        return grid;
      });
      return { groups, numbers };
    },
    (grid) => grid.community_id,
  );
  return {
    streetById: loaderById((ids) => store.findStreetsByIds(ids)),
    // District figures: one statement for every street asked for, one for the district's totals.
    streetFiguresById: ((now: Date) =>
      loaderOfOne(
        (ids) => store.findStreetFigures(ids, now),
        (row) => row.street_id,
      ))(clock()),
    districtFigures: ((now: Date) =>
      loaderOfOne(
        async () => [{ street_id: DISTRICT_ID, ...sumFigures(await store.findStreetFigures(null, now), ['communities', 'grids', 'overdue_incidents']) }],
        (row) => row.street_id,
      ))(clock()),
    officesByStreetId: loaderOfGroups(
      (ids) => store.findOfficesByStreetIds(ids),
      (row) => row.street_id,
    ),
    officeById: loaderById((ids) => store.findOfficesByIds(ids)),
    communityById: loaderById((ids) => store.findCommunitiesByIds(ids)),
    communitiesByOfficeId: loaderOfGroups(
      (ids) => store.findCommunitiesByOfficeIds(ids),
      (row) => row.office_id,
    ),
    gridById: loaderById((ids) => store.findGridsByIds(ids)),
    gridsByCommunityId: gridsOfCommunity.groups,
    microGridById: loaderById((ids) => store.findMicroGridsByIds(ids)),
    microGridsByGridId: loaderOfGroups(
      (ids) => store.findMicroGridsByGridIds(ids),
      (row) => row.grid_id,
    ),
    microGridCountByCommunityId: gridsOfCommunity.numbers,
    // Out of the caller's scope reads as not found (null).
    incidentById: loaderById((ids) => store.findIncidentsByIds(ids, scope)),
    duplicatesByIncidentId: loaderOfGroups(
      (ids) => store.findDuplicatesByIncidentIds(ids, scope),
      (row) => row.duplicate_of ?? '',
    ),
    incidentEventsByIncidentId: loaderOfGroups(
      (ids) => store.findIncidentEventsByIncidentIds(ids, scope),
      (row) => row.incident_id,
    ),
    // One "now" per request, so every community's figures are as of the same instant.
    incidentStatsByCommunityId: ((now: Date) =>
      loaderOfOne(
        (ids) => store.findIncidentStatsByCommunityIds(ids, now, scope),
        (row) => row.key,
      ))(clock()),
    incidentPagesByGridId: incidentPagesBy(store, 'grid_id', scope),
    incidentPagesByDepartmentId: incidentPagesBy(store, 'lead_department_id', scope),
  };
}

export type GridsLoaders = ReturnType<typeof createLoaders>;
