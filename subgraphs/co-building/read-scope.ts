import type { Caller } from '../../lib/auth/caller.js';
import { isReadable, readScopeOf } from '../../lib/auth/policy.js';
import type { CoBuildingLoaders } from './loaders.js';
import type { PairingRow, ServiceReportRow } from './store.js';

/**
 * Who reads service reports (lib/auth/policy.ts readScopeOf): street-wide roles all of them; a
 * unit's members their unit's; a community worker single reports addressed to its community (the
 * ones it verifies). Others see none: a report out of scope reads as not found.
 */
export function canReadServiceReport(caller: Caller, report: ServiceReportRow): boolean {
  const scope = readScopeOf(caller);
  switch (scope.kind) {
    case 'all':
      return true;
    case 'unit':
      return report.unit_id === scope.id;
    case 'community':
      return report.community_id === scope.id;
    // A street-bound street admin: reports name a community, not a street, here; refused until they do.
    case 'street':
    case 'grid':
    case 'department':
    case 'none':
      return false;
  }
}

/**
 * A unit's own records — its list of service reports, its credit history (which names the incidents
 * and orders behind each event): street-wide roles and the unit's own members. The credit score's
 * value stays public, since matching explanations show it.
 */
export function canReadUnitRecordsOf(caller: Caller, unitId: string): boolean {
  return isReadable(caller, { unitIds: [unitId] });
}

/**
 * The parties of a pairing (its agreement's text): the unit and the community. Personal data in
 * what they agreed is in clear for pii:read within them (lib/subgraph/masking.ts personalDataFor).
 */
export function isPairingInScope(caller: Caller, pairing: Pick<PairingRow, 'unit_id' | 'community_id'>): boolean {
  return isReadable(caller, { unitIds: [pairing.unit_id] }) || isReadable(caller, { communityIds: [pairing.community_id] });
}

/**
 * Whether a unit's contact person is in the caller's scope, so that pii:read shows them in clear:
 * street-wide roles, the unit's own members, and the community workers of the communities the unit
 * is paired with (who work with it). Grid workers and departments see the contact masked.
 */
export async function isUnitInScope(caller: Caller, unitId: string, loaders: Pick<CoBuildingLoaders, 'pairingsByUnitId'>): Promise<boolean> {
  if (isReadable(caller, { unitIds: [unitId] })) return true;
  if (caller.role !== 'COMMUNITY_WORKER') return false;
  return (await loaders.pairingsByUnitId.load(unitId)).some((pairing) => isReadable(caller, { communityIds: [pairing.community_id] }));
}
