import { loaderById, loaderOfGroups, loaderOfNumbers, loaderOfOne, loaderOfPages } from '../../lib/subgraph/loaders.js';
import type { LedEntityColumn, OrganisationsStore } from './store.js';

/** Created once per request, so caching never leaks data between callers. */
export function createLoaders(store: OrganisationsStore) {
  const organisationLeading = (column: LedEntityColumn) =>
    loaderOfOne(
      (ids: readonly string[]) => store.findOrganisationsLeading(column, ids),
      (row) => row.led_id,
    );
  return {
    organisationById: loaderById((ids) => store.findOrganisationsByIds(ids)),
    organisationsByParentId: loaderOfGroups(
      (ids) => store.findOrganisationsByParentIds(ids),
      (row) => row.parent_id ?? '',
    ),
    organisationByCommunityId: organisationLeading('community_id'),
    organisationByGridId: organisationLeading('grid_id'),
    organisationByMicroGridId: organisationLeading('micro_grid_id'),
    organisationByUnitId: organisationLeading('unit_id'),
    streetCommitteeByStreetId: loaderOfOne(
      (ids) => store.findStreetCommitteesOf(ids),
      (row) => row.street_id,
    ),
    chainScopeByOrganisationId: loaderOfOne(
      (ids) => store.findChainScopesOf(ids),
      (row) => row.organisation_id,
    ),
    memberCountInSubtreeByOrganisationId: loaderOfNumbers((ids) => store.countMembersInSubtrees(ids)),
    secretaryByOrganisationId: loaderOfOne(
      (ids) => store.findSecretariesOf(ids),
      (row) => row.organisation_id,
    ),
    memberPageByOrganisationId: loaderOfPages((ids, request) => store.findMemberPagesOf(ids, request), { rows: [], totalCount: 0 }),
    partyMemberById: loaderById((ids) => store.findPartyMembersByIds(ids)),
    departmentById: loaderById((ids) => store.findDepartmentsByIds(ids)),
  };
}

export type OrganisationsLoaders = ReturnType<typeof createLoaders>;
