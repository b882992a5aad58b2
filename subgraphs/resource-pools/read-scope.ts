import type { Caller } from '../../lib/auth/caller.js';
import { isInDirectoryOf, isReadable, servesDirectoryOf, type TargetScope } from '../../lib/auth/policy.js';
import type { ResourcePoolsLoaders } from './loaders.js';
import type { DemandRow, ResourceRow } from './store.js';

/**
 * Who reads an order's own records (docs/security.md → Scoped reads). The demand itself — title,
 * category, community, status — is the street's shared directory; who serves it, how it was rated
 * and the timeline of its actors belong to the order's parties: the raising community and grid, the
 * providing unit or department (lib/auth/policy.ts isReadable), besides the district-wide roles and
 * the street admin of the demand's street (its community's). Outside them the fields read as not
 * there (null, an empty list), never as an error. A street admin's directories — resources, demands —
 * are its own street's (`isListed`: demands of its communities, `isResourceListed`: resources serving it);
 * everyone else's are the district's.
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

/** Whether a demand (its community's street) is in the caller's directory. */
export function isListed(caller: Caller, record: { street_id?: string | null }): boolean {
  return isInDirectoryOf(caller, record.street_id);
}

/** Whether a resource is in the caller's directory: it serves the street admin's street. */
export function isResourceListed(caller: Caller, resource: Pick<ResourceRow, 'served_street_ids'>): boolean {
  return servesDirectoryOf(caller, resource.served_street_ids);
}

/** When the provider is already known (a unit's orders): no resource to look up. */
export function canReadOrder(caller: Caller, demand: DemandRow, provider: Provider | null): boolean {
  return isReadable(caller, orderParties(demand, provider));
}

/** A demand's order records, looking up its resource's provider only for callers with a scope. */
export async function canReadOrderOf(caller: Caller, demand: DemandRow, loaders: Pick<ResourcePoolsLoaders, 'resourceById'>): Promise<boolean> {
  if (isReadable(caller, {})) return true;
  const resource = demand.resource_id === null ? null : await loaders.resourceById.load(demand.resource_id);
  return canReadOrder(caller, demand, resource ?? null);
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
