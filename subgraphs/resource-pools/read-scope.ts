import type { Caller } from '../../lib/auth/caller.js';
import { isReadable, type TargetScope } from '../../lib/auth/policy.js';
import type { ResourcePoolsLoaders } from './loaders.js';
import type { DemandRow, ResourceRow } from './store.js';

/**
 * What of resource-pools a caller reads: ROWS are decided in SQL, FIELDS here.
 *
 * Rows are decided by the store's SQL (store.ts resourceInDirectorySql, demandInDirectorySql,
 * orderScopeSql) in every list and in the batched queries of the loaders, which are made per request
 * for the caller (loaders.ts), so a row out of them is not there whichever way it is reached — a root
 * field, an entity reference, a community's or a provider's list — and no resolver filters rows
 * after loading. Resources and demands are the street's shared directory, a street admin's its own
 * street's (lib/auth/policy.ts directoryStreetOf: the demands of its communities, the resources
 * serving it); everyone else's the district's. A unit's list of orders holds those the caller is a
 * party of (orderScopeSql, readScopeOf: the same parties as orderParties below).
 *
 * Fields are the predicates below (docs/security.md → Scoped reads): the demand itself — title,
 * category, community, status — is public; who serves it, how it was rated and the timeline of its
 * actors belong to the order's parties: the raising community and grid, the providing unit or
 * department (lib/auth/policy.ts isReadable), besides the district-wide roles and the street admin of
 * the demand's street (its community's). Outside them the fields read as not there (null, an empty
 * list), never as an error.
 */
type Provider = Pick<ResourceRow, 'provider_kind' | 'provider_id'>;

export function orderParties(demand: DemandRow, resource: Provider | null): TargetScope {
  return {
    streetIds: [demand.street_id],
    communityIds: [demand.community_id],
    gridIds: [demand.grid_id],
    ...(resource === null
      ? {}
      : resource.provider_kind === 'CO_BUILDING_UNIT'
        ? { unitIds: [resource.provider_id] }
        : { departmentIds: [resource.provider_id] }),
  };
}

/** A demand's order records, looking up its resource's provider only for callers with a scope. */
export async function canReadOrderOf(caller: Caller, demand: DemandRow, loaders: Pick<ResourcePoolsLoaders, 'resourceById'>): Promise<boolean> {
  if (isReadable(caller, {})) return true;
  const resource = demand.resource_id === null ? null : await loaders.resourceById.load(demand.resource_id);
  return isReadable(caller, orderParties(demand, resource ?? null));
}

/**
 * Whether a resource's text is in the caller's scope, so that pii:read shows a number written into
 * it in clear: the district platform, the street admin of its street, the providing unit or department, and the community workers
 * of the communities it serves (who book it for residents).
 */
export async function isResourceInScope(
  caller: Caller,
  resource: ResourceRow,
  loaders: Pick<ResourcePoolsLoaders, 'communityIdsByResourceId'>,
): Promise<boolean> {
  const provider = resource.provider_kind === 'CO_BUILDING_UNIT' ? { unitIds: [resource.provider_id] } : { departmentIds: [resource.provider_id] };
  // The street admin of the resource's (home) street reads it in clear.
  if (isReadable(caller, { ...provider, streetIds: [resource.street_id] })) return true;
  if (caller.role !== 'COMMUNITY_WORKER') return false;
  return (await loaders.communityIdsByResourceId.load(resource.id)).some((link) => isReadable(caller, { communityIds: [link.community_id] }));
}
