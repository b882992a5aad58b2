import type { Caller } from '../../lib/auth/caller.js';
import { isReadable } from '../../lib/auth/policy.js';
import type { CoBuildingLoaders } from './loaders.js';
import type { PairingRow, UnitRow } from './store.js';

/**
 * What of co-building a caller reads: ROWS are decided in SQL, FIELDS here.
 *
 * Rows — which units, pairings and service reports a caller sees — are decided by the store's SQL
 * (store.ts unitInDirectorySql, pairingInDirectorySql, serviceReportScopeSql) in every list and in
 * the batched queries of the loaders, which are made per request for the caller (loaders.ts): units
 * and pairings are the district's directory, a street admin's its street's (lib/auth/policy.ts
 * directoryStreetOf); service reports are their parties' (readScopeOf). So a row out of them is not
 * there whichever way it is reached, and no resolver filters rows after loading.
 *
 * Fields — whether a row the caller sees shows its unit's records, its agreement's text or its
 * personal data in clear — are the predicates below (lib/auth/policy.ts isReadable).
 */

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
