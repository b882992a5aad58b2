import type { Caller } from '../../lib/auth/caller.js';
import { isReadable, readScopeOf } from '../../lib/auth/policy.js';
import type { ServiceReportRow } from './store.js';

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
