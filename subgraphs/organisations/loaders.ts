import { loaderById, loaderOfGroups, loaderOfNumbers, loaderOfOne, loaderOfPages } from '../../lib/subgraph/loaders.js';
import type { Caller } from '../../lib/auth/caller.js';
import { directoryStreetOf, readScopeOf } from '../../lib/auth/policy.js';
import DataLoader from 'dataloader';
import { LED_ENTITY_COLUMNS, type LedEntityColumn, type OrganisationRow, type OrganisationsStore } from './store.js';

/**
 * Created once per request for its caller, so caching never leaks data between callers. Which rows
 * the caller sees is decided here, once, by the store's SQL (read-scope.ts): organisations of its
 * directory (directoryStreetOf), party members of its read scope (readScopeOf). A row out of them is
 * not there, whichever resolver asks — a root field, an entity reference or a list.
 */
export function createLoaders(store: OrganisationsStore, caller: Caller) {
  const directory = directoryStreetOf(caller);
  const members = readScopeOf(caller);
  // One loader for the four kinds of led entity: a request asking for a community's organisation,
  // its grids' branches and their micro-grids' groups sends one statement for all of them.
  const leading = new DataLoader<{ column: LedEntityColumn; id: string }, OrganisationRow | null, string>(
    async (asks) => {
      const ids = Object.fromEntries(LED_ENTITY_COLUMNS.map((column) => [column, [] as string[]])) as Record<LedEntityColumn, string[]>;
      for (const { column, id } of asks) ids[column].push(id);
      const found = new Map((await store.findOrganisationsLeading(ids, directory)).map((row) => [`${row.led_column}|${row.led_id}`, row]));
      return asks.map(({ column, id }) => found.get(`${column}|${id}`) ?? null);
    },
    { cacheKeyFn: ({ column, id }) => `${column}|${id}` },
  );
  const organisationLeading = (column: LedEntityColumn) => ({ load: (id: string) => leading.load({ column, id }) });
  return {
    organisationById: loaderById((ids) => store.findOrganisationsByIds(ids, directory)),
    organisationsByParentId: loaderOfGroups(
      (ids) => store.findOrganisationsByParentIds(ids, directory),
      (row) => row.parent_id ?? '',
    ),
    organisationByCommunityId: organisationLeading('community_id'),
    organisationByGridId: organisationLeading('grid_id'),
    organisationByMicroGridId: organisationLeading('micro_grid_id'),
    organisationByUnitId: organisationLeading('unit_id'),
    streetCommitteeByStreetId: loaderOfOne(
      (ids) => store.findStreetCommitteesOf(ids, directory),
      (row) => row.street_id,
    ),
    // For a field's decision (read-scope.ts canListMembersOf), not rows shown: the whole district's.
    chainScopeByOrganisationId: loaderOfOne(
      (ids) => store.findChainScopesOf(ids),
      (row) => row.organisation_id,
    ),
    memberCountInSubtreeByOrganisationId: loaderOfNumbers((ids) => store.countMembersInSubtrees(ids)),
    secretaryByOrganisationId: loaderOfOne(
      (ids) => store.findSecretariesOf(ids, members),
      (row) => row.organisation_id,
    ),
    memberPageByOrganisationId: loaderOfPages((ids, request) => store.findMemberPagesOf(ids, request), { rows: [], totalCount: 0 }),
    partyMemberById: loaderById((ids) => store.findPartyMembersByIds(ids, members)),
    departmentById: loaderById((ids) => store.findDepartmentsByIds(ids)),
  };
}

export type OrganisationsLoaders = ReturnType<typeof createLoaders>;
