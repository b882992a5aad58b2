import type { Caller } from '../../lib/auth/caller.js';
import { isInDirectoryOf, isReadable, readScopeOf, servesDirectoryOf } from '../../lib/auth/policy.js';
import type { CoBuildingLoaders } from './loaders.js';
import type { PairingRow, ServiceReportRow, UnitRow } from './store.js';

/**
 * The one place that decides what of co-building a caller reads (lib/auth/policy.ts readScopeOf,
 * isReadable). Units and pairings are the district's directory, shown to everyone except that a
 * street admin sees its own street's only; a unit's records, a pairing's agreement text and service
 * reports are their parties' business. A record's street is its unit's (store.ts reads it along).
 */

/**
 * Who reads service reports: district-wide roles all of them; a street admin its street's; a
 * unit's members their unit's; a community worker single reports addressed to its community (the
 * ones it verifies). Others see none: a report out of scope reads as not found.
 */
export function canReadServiceReport(caller: Caller, report: Pick<ServiceReportRow, 'unit_id' | 'street_id' | 'community_id'>): boolean {
  const scope = readScopeOf(caller);
  switch (scope.kind) {
    case 'all':
      return true;
    case 'street':
      return report.street_id === scope.id;
    case 'unit':
      return report.unit_id === scope.id;
    case 'community':
      return report.community_id === scope.id;
    case 'grid':
    case 'department':
    case 'none':
      return false;
  }
}

/** Whether a pairing (in its unit's home street) is in the caller's directory. */
export function isListed(caller: Caller, record: Pick<PairingRow, 'street_id'>): boolean {
  return isInDirectoryOf(caller, record.street_id);
}

/** Whether a unit is in the caller's directory: it serves the street admin's street. */
export function isUnitListed(caller: Caller, unit: Pick<UnitRow, 'served_street_ids'>): boolean {
  return servesDirectoryOf(caller, unit.served_street_ids);
}

/**
 * A unit's own records — its list of service reports, its credit history (which names the incidents
 * and orders behind each event): district-wide roles, the street admin of its street and the unit's
 * own members. The credit score's value stays public, since matching explanations show it.
 */
export function canReadUnitRecordsOf(caller: Caller, unit: { id: string; street_id: string }): boolean {
  return isReadable(caller, { unitIds: [unit.id], streetIds: [unit.street_id] });
}

/**
 * The parties of a pairing (its agreement's text): the unit and the community, and the street admin
 * of the unit's street. Personal data in what they agreed is in clear for pii:read within them
 * (lib/subgraph/masking.ts personalDataFor).
 */
export function isPairingInScope(caller: Caller, pairing: Pick<PairingRow, 'unit_id' | 'street_id' | 'community_id'>): boolean {
  return isReadable(caller, { unitIds: [pairing.unit_id], streetIds: [pairing.street_id] }) || isReadable(caller, { communityIds: [pairing.community_id] });
}

/**
 * Whether a unit's contact person is in the caller's scope, so that pii:read shows them in clear:
 * district-wide roles, the street admin of its street, the unit's own members, and the community
 * workers of the communities the unit is paired with (who work with it). Grid workers and
 * departments see the contact masked.
 */
export async function isUnitInScope(
  caller: Caller,
  unit: Pick<UnitRow, 'id' | 'street_id'>,
  loaders: Pick<CoBuildingLoaders, 'pairingsByUnitId'>,
): Promise<boolean> {
  if (canReadUnitRecordsOf(caller, unit)) return true;
  if (caller.role !== 'COMMUNITY_WORKER') return false;
  return (await loaders.pairingsByUnitId.load(unit.id)).some((pairing) => isReadable(caller, { communityIds: [pairing.community_id] }));
}
