import { ErrorCode, HubError } from '../errors.js';
import type { Caller, Role } from './caller.js';

/**
 * Who may run which mutation, in one table for the whole hub. Each subgraph looks up the scope of
 * what a mutation touches (the incident's grid and community, the demand's provider …) and asks
 * `authorize` before it writes; the README's role table says the same in words, and the
 * authorization matrix test (test/authorization-matrix.test.ts) checks every cell through the
 * gateway against its own, independently written table.
 *
 * A role may act only inside its own scope:
 * - STREET_ADMIN: the whole street (one hub serves one street);
 * - COMMUNITY_WORKER: targets in its community (its grids included);
 * - GRID_WORKER: targets in its grid (its micro-grids included);
 * - UNIT_MEMBER: targets of its co-building unit;
 * - DEPARTMENT_STAFF: targets of its department (incidents it leads or assists, orders of its resources).
 * DISTRICT_PLATFORM reads everything but changes nothing (a data platform, not an operator); SYSTEM
 * is another subgraph or a job acting on its own behalf (signed with the internal secret).
 */

/** What a mutation touches, as far as scopes go; a subgraph fills in what it knows. */
export interface TargetScope {
  communityIds?: readonly (string | null | undefined)[];
  gridIds?: readonly (string | null | undefined)[];
  unitIds?: readonly (string | null | undefined)[];
  departmentIds?: readonly (string | null | undefined)[];
}

export type ScopedRole = Exclude<Role, 'DISTRICT_PLATFORM'>;

/** The roles allowed to run each mutation (always inside their scope). SYSTEM may run every one. */
export const MUTATION_POLICY = {
  // grids
  reportIncident: ['STREET_ADMIN', 'COMMUNITY_WORKER', 'GRID_WORKER'],
  transitionIncident: ['STREET_ADMIN', 'COMMUNITY_WORKER', 'GRID_WORKER', 'DEPARTMENT_STAFF'],
  rateIncident: ['STREET_ADMIN', 'COMMUNITY_WORKER', 'GRID_WORKER'],
  setIncidentRoutingRule: ['STREET_ADMIN'],
  // co-building
  submitServiceReport: ['STREET_ADMIN', 'UNIT_MEMBER'],
  verifyServiceReport: ['STREET_ADMIN', 'COMMUNITY_WORKER'],
  recordCreditEvent: [],
  // resource-pools: the raising side (community, grid) and the providing side (unit, department)
  submitDemand: ['STREET_ADMIN', 'COMMUNITY_WORKER', 'GRID_WORKER'],
  dispatchDemand: ['STREET_ADMIN', 'COMMUNITY_WORKER', 'GRID_WORKER'],
  acceptOrder: ['STREET_ADMIN', 'UNIT_MEMBER', 'DEPARTMENT_STAFF'],
  declineOrder: ['STREET_ADMIN', 'UNIT_MEMBER', 'DEPARTMENT_STAFF'],
  fulfilOrder: ['STREET_ADMIN', 'UNIT_MEMBER', 'DEPARTMENT_STAFF'],
  rateOrder: ['STREET_ADMIN', 'COMMUNITY_WORKER', 'GRID_WORKER'],
  cancelDemand: ['STREET_ADMIN', 'COMMUNITY_WORKER', 'GRID_WORKER'],
  expireDemand: ['STREET_ADMIN'],
  proposeAllocations: ['STREET_ADMIN', 'COMMUNITY_WORKER'],
} as const satisfies Record<string, readonly ScopedRole[]>;

export type GuardedMutation = keyof typeof MUTATION_POLICY;

function within(values: readonly (string | null | undefined)[] | undefined, id: string | null): boolean {
  // Every id of the target must be the caller's: a community worker may not touch two communities at once.
  return id !== null && values !== undefined && values.length > 0 && values.every((value) => value === id);
}

function inScope(caller: Caller, role: ScopedRole, target: TargetScope): boolean {
  switch (role) {
    case 'STREET_ADMIN':
      return true;
    case 'COMMUNITY_WORKER':
      return within(target.communityIds, caller.communityId);
    case 'GRID_WORKER':
      // Subgraphs that do not know the grid tree (resource-pools) also name the community: a grid
      // worker whose token carries its community may not pair its grid with another community.
      return (
        within(target.gridIds, caller.gridId) &&
        (caller.communityId === null || target.communityIds === undefined || within(target.communityIds, caller.communityId))
      );
    case 'UNIT_MEMBER':
      return within(target.unitIds, caller.unitId);
    case 'DEPARTMENT_STAFF':
      // An incident has a lead and assisting departments: any of them may work on it.
      return caller.departmentId !== null && (target.departmentIds ?? []).includes(caller.departmentId);
  }
}

export function requireAuthenticated(caller: Caller): void {
  if (caller.role === 'ANONYMOUS') throw new HubError(ErrorCode.UNAUTHENTICATED, 'sign in first: send Authorization: Bearer <token>');
}

export function isAllowed(caller: Caller, mutation: GuardedMutation, target: TargetScope): boolean {
  if (caller.role === 'SYSTEM') return true;
  if (caller.role === 'ANONYMOUS' || caller.role === 'DISTRICT_PLATFORM') return false;
  const roles: readonly ScopedRole[] = MUTATION_POLICY[mutation];
  return roles.includes(caller.role) && inScope(caller, caller.role, target);
}

/** Throws UNAUTHENTICATED for anonymous callers and FORBIDDEN outside the role or scope; call before any write. */
export function authorize(caller: Caller, mutation: GuardedMutation, target: TargetScope = {}): void {
  requireAuthenticated(caller);
  if (!isAllowed(caller, mutation, target)) {
    throw new HubError(ErrorCode.FORBIDDEN, `${caller.role} may not ${mutation} here`, { mutation, role: caller.role });
  }
}

/**
 * The actor recorded in timelines and audit entries: the signed-in caller's subject. Only a SYSTEM
 * caller (a job, another subgraph, in-process code) may name someone else, e.g. "system:allocation".
 */
export function actorOf(caller: Caller, supplied?: string | null): string {
  if (caller.role === 'SYSTEM' && supplied != null && supplied.trim() !== '') return supplied;
  return caller.subject;
}

/** The audit log is read by the district platform only. */
export function authorizeAuditRead(caller: Caller): void {
  requireAuthenticated(caller);
  if (caller.role !== 'DISTRICT_PLATFORM' && caller.role !== 'SYSTEM') {
    throw new HubError(ErrorCode.FORBIDDEN, 'only DISTRICT_PLATFORM may read the audit log', { role: caller.role });
  }
}

/** Internal fields (@inaccessible, so not in the gateway's API) answer only other subgraphs, signed as SYSTEM. */
export function authorizeInternal(caller: Caller, field: string): void {
  requireAuthenticated(caller);
  if (caller.role !== 'SYSTEM') throw new HubError(ErrorCode.FORBIDDEN, `${field} is internal: only other subgraphs may call it`, { role: caller.role });
}

/**
 * What part of the operational records (incidents …) a caller may read: street-wide roles all of
 * it, scoped roles what lies in their scope — a community worker its community, a grid worker its
 * grid, department staff what its department leads or assists, a unit member what its unit is
 * answerable for. Subgraphs turn it into a WHERE condition, so pages and counts agree.
 */
export type ReadScope =
  | { kind: 'all' }
  | { kind: 'none' }
  | { kind: 'community' | 'grid' | 'department' | 'unit'; id: string };

export function readScopeOf(caller: Caller): ReadScope {
  switch (caller.role) {
    case 'SYSTEM':
    case 'DISTRICT_PLATFORM':
    case 'STREET_ADMIN':
      return { kind: 'all' };
    case 'ANONYMOUS':
      return { kind: 'none' };
    case 'COMMUNITY_WORKER':
      return caller.communityId ? { kind: 'community', id: caller.communityId } : { kind: 'none' };
    case 'GRID_WORKER':
      return caller.gridId ? { kind: 'grid', id: caller.gridId } : { kind: 'none' };
    case 'DEPARTMENT_STAFF':
      return caller.departmentId ? { kind: 'department', id: caller.departmentId } : { kind: 'none' };
    case 'UNIT_MEMBER':
      return caller.unitId ? { kind: 'unit', id: caller.unitId } : { kind: 'none' };
  }
}

/**
 * Whether a caller may read a record that is its owners' own business (a demand's timeline, a
 * unit's orders or credit history): street-wide roles always, anonymous callers never, a scoped role
 * when the record lies in its scope by the same rule as for writes (`inScope`): a community worker
 * when the record names its community, a grid worker its grid, a unit member its unit, department
 * staff its department. Name every party the record belongs to in `owners` (e.g. an order's raising
 * community and grid and its providing unit or department); each role looks only at its own kind.
 */
export function isReadable(caller: Caller, owners: TargetScope): boolean {
  switch (caller.role) {
    case 'SYSTEM':
    case 'DISTRICT_PLATFORM':
    case 'STREET_ADMIN':
      return true;
    case 'ANONYMOUS':
      return false;
    case 'COMMUNITY_WORKER':
    case 'GRID_WORKER':
    case 'UNIT_MEMBER':
    case 'DEPARTMENT_STAFF':
      return inScope(caller, caller.role, owners);
  }
}
