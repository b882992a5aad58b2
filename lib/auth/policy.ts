import { ErrorCode, HubError } from '../kernel/errors.js';
import { identityKey, type Caller, type Role } from './caller.js';

/**
 * How the hub decides who may write, the mechanism only: each subgraph states its own rules in
 * `subgraphs/<name>/domain/policy.ts` — the steps of its loop (`LoopRules`: the incident loop in
 * grids, the order loop in resource-pools) and the roles of its other mutations (`mutationPolicy`) —
 * and asks these functions before it writes. The authorization matrix test
 * (test/authorization-matrix.test.ts) checks every cell through the gateway against its own,
 * independently written table; docs/security.md says the same in words.
 *
 * A role may act only inside its own scope:
 * - STREET_ADMIN: its street (`street_id`, which its token must name: docs/streets.md);
 * - COMMUNITY_WORKER: targets in its community (its grids included);
 * - GRID_WORKER: targets in its grid (its micro-grids included);
 * - UNIT_MEMBER: targets of its co-building unit;
 * - DEPARTMENT_STAFF: targets of its department (incidents it leads or assists, orders of its resources).
 * DISTRICT_PLATFORM reads everything but changes nothing (a data platform, not an operator); SYSTEM
 * is another subgraph or a job acting on its own behalf (signed with the internal secret).
 *
 * A loop is a table of steps with separation of duties (SEPARATION_OF_DUTIES, the same for every
 * loop) checked against each item's timeline; other mutations name the roles that may run them.
 */

/** What a mutation touches, as far as scopes go; a subgraph fills in what it knows. */
export interface TargetScope {
  /** The streets of what is touched: a STREET_ADMIN naming a street acts only where all are its own. */
  streetIds?: readonly (string | null | undefined)[];
  communityIds?: readonly (string | null | undefined)[];
  gridIds?: readonly (string | null | undefined)[];
  unitIds?: readonly (string | null | undefined)[];
  departmentIds?: readonly (string | null | undefined)[];
}

export type ScopedRole = Exclude<Role, 'DISTRICT_PLATFORM'>;

/**
 * Each loop has a raising side — the grid or community that reports an incident or raises a demand,
 * and that speaks for the residents when it checks, closes and rates the result — and a handling side:
 * the departments an incident is dispatched to (lead and assisting), the unit or department whose
 * resource an order went to. `street` steps are the street's own (letting an order expire).
 */
export type LoopSide = 'raising' | 'handling' | 'street';

export interface LoopRules {
  /** The loop's name in refusals ("may not ACCEPT this order"). */
  name: string;
  /** The roles that act for each side (always inside their scope on that side). */
  sides: Partial<Record<LoopSide, readonly ScopedRole[]>>;
  /**
   * Which side takes each step; a timeline's entries are these steps. A step not in the table is
   * taken by nobody but SYSTEM; the authorization matrix test fails for a step without an
   * expectation of its own.
   */
  steps: Record<string, LoopSide>;
}

/** A step of `loop`, by name. */
export type LoopStep<L extends LoopRules> = keyof L['steps'] & string;

/**
 * Separation of duties, read against the item's timeline: whoever took a step of `took` on an item
 * never takes a step of `mayNotTake` on the same item. A street admin (the one role on both sides)
 * who handled an incident does not verify, close or rate it; one who reported or dispatched it does
 * not handle it. The actor is the caller's identity (role, subject, scope ids: identityKey).
 */
export const SEPARATION_OF_DUTIES = [
  { took: 'handling', mayNotTake: 'raising', why: 'whoever handled it never dispatches, escalates, checks, closes or rates it' },
  { took: 'raising', mayNotTake: 'handling', why: 'whoever raised, dispatched or checks it never handles it' },
] as const satisfies readonly { took: LoopSide; mayNotTake: LoopSide; why: string }[];

/** One entry of an item's timeline, as far as duties go. */
export interface LoopRecord {
  step: string;
  /** The subject shown in the timeline. */
  actor: string;
  /** The actor's identityKey; null on entries written before it was recorded (then `actor` is compared). */
  actorKey: string | null;
}

/** What the policy needs to know of an item: its parties on each side and its timeline. */
export interface LoopItem {
  parties: Partial<Record<LoopSide, TargetScope>>;
  timeline: readonly LoopRecord[];
}

function sideOf(loop: LoopRules, step: string): LoopSide | undefined {
  return loop.steps[step];
}

/** The roles allowed to run each mutation of a subgraph outside its loop (always inside their scope). SYSTEM may run every one. */
export type MutationRoles = Record<string, readonly ScopedRole[]>;

function within(values: readonly (string | null | undefined)[] | undefined, id: string | null): boolean {
  // Every id of the target must be the caller's: a community worker may not touch two communities at once.
  return id !== null && values !== undefined && values.length > 0 && values.every((value) => value === id);
}

function inScope(caller: Caller, role: ScopedRole, target: TargetScope): boolean {
  switch (role) {
    case 'STREET_ADMIN':
      // Only targets known to lie in its street (a subgraph that names no street refuses). A caller
      // without one exists only in-process (tests, seeds): tokens must name it (REQUIRED_SCOPE_IDS).
      return caller.streetId === null || within(target.streetIds, caller.streetId);
    case 'COMMUNITY_WORKER':
      return within(target.communityIds, caller.communityId);
    case 'GRID_WORKER':
      // Both its grid and that grid's community: a token naming another community than its grid's
      // acts nowhere, and subgraphs that do not know the grid tree (resource-pools) still check both.
      return within(target.gridIds, caller.gridId) && within(target.communityIds, caller.communityId);
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

function isAllowedBy(roles: readonly ScopedRole[], caller: Caller, target: TargetScope): boolean {
  if (caller.role === 'SYSTEM') return true;
  if (caller.role === 'ANONYMOUS' || caller.role === 'DISTRICT_PLATFORM') return false;
  return roles.includes(caller.role) && inScope(caller, caller.role, target);
}

/** The checks of a subgraph's mutations, from its table of roles (subgraphs/<name>/domain/policy.ts). */
export interface MutationGuard<Mutation extends string> {
  isAllowed(caller: Caller, mutation: Mutation, target: TargetScope): boolean;
  /** Throws UNAUTHENTICATED for anonymous callers and FORBIDDEN outside the role or scope; call before any write. */
  authorize(caller: Caller, mutation: Mutation, target?: TargetScope): void;
}

export function mutationPolicy<const Policy extends MutationRoles>(policy: Policy): MutationGuard<keyof Policy & string> {
  const rolesOf: MutationRoles = policy;
  const isAllowed = (caller: Caller, mutation: string, target: TargetScope) => isAllowedBy(rolesOf[mutation] ?? [], caller, target);
  return {
    isAllowed,
    authorize(caller, mutation, target = {}) {
      requireAuthenticated(caller);
      if (!isAllowed(caller, mutation, target)) {
        throw new HubError(ErrorCode.FORBIDDEN, `${caller.role} may not ${mutation} here`, { mutation, role: caller.role });
      }
    },
  };
}

function scopedRoleOf(caller: Caller): ScopedRole | null {
  switch (caller.role) {
    case 'SYSTEM':
    case 'ANONYMOUS':
    case 'DISTRICT_PLATFORM':
      return null;
    default:
      return caller.role;
  }
}

/**
 * The refusal for a step on an item the caller may not act on — and, to a caller who could not act
 * on it anyway, for an item that does not exist: the same words, so a refusal never tells which ids
 * exist elsewhere.
 */
export function stepRefused(caller: Caller, loop: LoopRules, step: string): HubError {
  return new HubError(ErrorCode.FORBIDDEN, `${caller.role} may not ${step} this ${loop.name}`, { loop: loop.name, step, role: caller.role });
}

/**
 * The first check of a loop's mutation, before the item is looked up or the input is read: whether
 * the caller's role takes `step` at all. UNAUTHENTICATED without a token, FORBIDDEN otherwise.
 */
export function authorizeStepRole<L extends LoopRules>(caller: Caller, loop: L, step: LoopStep<L>): void {
  requireAuthenticated(caller);
  if (caller.role === 'SYSTEM') return;
  const side = sideOf(loop, step);
  const role = scopedRoleOf(caller);
  if (side === undefined || role === null || !(loop.sides[side] ?? []).includes(role)) throw stepRefused(caller, loop, step);
}

/** Whether a timeline entry was written by this caller (identityKey; the subject for older entries). */
export function isActorOf(record: LoopRecord, caller: Caller): boolean {
  return record.actorKey !== null ? record.actorKey === identityKey(caller) : record.actor === caller.subject;
}

/**
 * The whole check of one step on one (locked) item, before anything is validated or written: the
 * role takes the step, the item's party on the step's side is in the caller's scope, and no rule
 * of SEPARATION_OF_DUTIES forbids it given who took the item's earlier steps. SYSTEM callers (jobs,
 * other subgraphs) are not people and may take every step.
 */
export function authorizeStep<L extends LoopRules>(caller: Caller, loop: L, step: LoopStep<L>, item: LoopItem): void {
  authorizeStepRole(caller, loop, step);
  const role = scopedRoleOf(caller);
  if (role === null) return; // SYSTEM: authorizeStepRole refused everyone else
  const side = sideOf(loop, step)!;
  if (!inScope(caller, role, item.parties[side] ?? {})) throw stepRefused(caller, loop, step);
  const broken = SEPARATION_OF_DUTIES.find(
    (rule) => rule.mayNotTake === side && item.timeline.some((record) => sideOf(loop, record.step) === rule.took && isActorOf(record, caller)),
  );
  if (broken) {
    throw new HubError(ErrorCode.FORBIDDEN, `${caller.role} may not ${step} this ${loop.name}: ${broken.why}`, {
      loop: loop.name,
      step,
      role: caller.role,
      rule: 'separation-of-duties',
    });
  }
}

/** The identity recorded with a timeline entry (`actor_key`): null for SYSTEM callers, which name their actor. */
export function actorKeyOf(caller: Caller): string | null {
  return caller.role === 'SYSTEM' ? null : identityKey(caller);
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

/** District figures (per street and the district's totals, docs/streets.md) are the district platform's. */
export function authorizeDistrictFigures(caller: Caller): void {
  requireAuthenticated(caller);
  if (caller.role !== 'DISTRICT_PLATFORM' && caller.role !== 'SYSTEM') {
    throw new HubError(ErrorCode.FORBIDDEN, 'only DISTRICT_PLATFORM may read district figures', { role: caller.role });
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
 * answerable for. Subgraphs turn it into a WHERE condition of their lists and of their loaders'
 * batched queries (loaders made per request for the caller), so pages and counts agree and a row out
 * of scope is not there whichever way it is reached; resolvers never filter rows after loading.
 */
export type ReadScope =
  | { kind: 'all' }
  | { kind: 'none' }
  | { kind: 'street' | 'community' | 'department' | 'unit'; id: string }
  /** A grid and the community it must lie in: a token naming another community reads nothing. */
  | { kind: 'grid'; id: string; communityId: string };

export function readScopeOf(caller: Caller): ReadScope {
  switch (caller.role) {
    case 'SYSTEM':
    case 'DISTRICT_PLATFORM':
      return { kind: 'all' };
    case 'STREET_ADMIN':
      return caller.streetId ? { kind: 'street', id: caller.streetId } : { kind: 'all' };
    case 'ANONYMOUS':
      return { kind: 'none' };
    case 'COMMUNITY_WORKER':
      return caller.communityId ? { kind: 'community', id: caller.communityId } : { kind: 'none' };
    case 'GRID_WORKER':
      return caller.gridId && caller.communityId ? { kind: 'grid', id: caller.gridId, communityId: caller.communityId } : { kind: 'none' };
    case 'DEPARTMENT_STAFF':
      return caller.departmentId ? { kind: 'department', id: caller.departmentId } : { kind: 'none' };
    case 'UNIT_MEMBER':
      return caller.unitId ? { kind: 'unit', id: caller.unitId } : { kind: 'none' };
  }
}

/**
 * The one parameter of a subgraph's SQL condition for a read scope (a text[]): the ids the scope
 * names, in the order the condition reads them — a grid's id, then the community it must lie in.
 */
export function readScopeIds(scope: ReadScope): string[] {
  switch (scope.kind) {
    case 'all':
    case 'none':
      return [];
    case 'grid':
      return [scope.id, scope.communityId];
    case 'street':
    case 'community':
    case 'department':
    case 'unit':
      return [scope.id];
  }
}

/** The directory a request reads: a street admin's street, or null for the whole district (directoryStreetOf). */
export type DirectoryStreet = string | null;

/** The whole district's directory: for writes (whose policy decides), jobs, matching and in-process callers, never for a request's reads. */
export const WHOLE_DISTRICT: DirectoryStreet = null;

/**
 * The street a caller's reads of the shared directories (units, pairings, resources, demands,
 * organisations) are confined to: a street admin's own street; null for every other caller, whose
 * directories are the whole district's (scoped roles are bound inside one street already). Like
 * readScopeOf, it decides rows: each subgraph's store turns it into a WHERE condition of its lists and
 * of its loaders' batched queries. A directory holds whatever serves the street — a unit or resource
 * homed in another street that also serves it — while acting on it stays with its home street's admin.
 */
export function directoryStreetOf(caller: Caller): DirectoryStreet {
  return caller.role === 'STREET_ADMIN' ? caller.streetId : null;
}

/**
 * A FIELD's decision, not a row's (rows are decided in SQL: readScopeOf, directoryStreetOf): whether
 * a caller may read a record that is its owners' own business (a demand's timeline, a
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
      return true;
    case 'ANONYMOUS':
      return false;
    case 'STREET_ADMIN':
    case 'COMMUNITY_WORKER':
    case 'GRID_WORKER':
    case 'UNIT_MEMBER':
    case 'DEPARTMENT_STAFF':
      return inScope(caller, caller.role, owners);
  }
}
