import { loaderById, loaderOfGroups, loaderOfNumbers, loaderOfOne, loaderOfPages } from '../../lib/subgraph/loaders.js';
import type { LedEntityColumn, OrganisationsStore } from './store.js';

/** Created once per request, so caching never leaks data between callers. */
export function createLoaders(store: OrganisationsStore) {
  const organisationLeading = (column: LedEntityColumn) =>
    loaderOfOne((ids: readonly string[]) => store.findOrganisationsLeading(column, ids), (row) => row.led_id);
  return {
    organisationById: loaderById(store.findOrganisationsByIds),
    organisationsByParentId: loaderOfGroups(store.findOrganisationsByParentIds, (row) => row.parent_id ?? ''),
    organisationByCommunityId: organisationLeading('community_id'),
    organisationByGridId: organisationLeading('grid_id'),
    organisationByMicroGridId: organisationLeading('micro_grid_id'),
    organisationByUnitId: organisationLeading('unit_id'),
    chainScopeByOrganisationId: loaderOfOne(store.findChainScopesOf, (row) => row.organisation_id),
    memberCountInSubtreeByOrganisationId: loaderOfNumbers(store.countMembersInSubtrees),
    secretaryByOrganisationId: loaderOfOne(store.findSecretariesOf, (row) => row.organisation_id),
    memberPageByOrganisationId: loaderOfPages(store.findMemberPagesOf, { rows: [], totalCount: 0 }),
    partyMemberById: loaderById(store.findPartyMembersByIds),
    departmentById: loaderById(store.findDepartmentsByIds),
  };
}

export type OrganisationsLoaders = ReturnType<typeof createLoaders>;
