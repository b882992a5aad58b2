/**
 * Who is asking. Every service derives the caller itself from the verified JWT the router forwards
 * (docs/trust-contract.md): the gateway to apply its limits, each subgraph to decide what the caller
 * may see and change. Calls between subgraphs carry a service token instead (service-token.ts).
 */
export const ROLES = ['DISTRICT_PLATFORM', 'STREET_ADMIN', 'COMMUNITY_WORKER', 'GRID_WORKER', 'UNIT_MEMBER', 'DEPARTMENT_STAFF'] as const;
export type Role = (typeof ROLES)[number];

/** Scopes beyond the role: `pii:read` unmasks personal data; `audit:read` (with DISTRICT_PLATFORM) reads the audit logs. */
export const SCOPES = ['pii:read', 'audit:read'] as const;
export type Scope = (typeof SCOPES)[number];

export interface Caller {
  /** `sub` of the token; `anonymous` without one; `system:<service>` for calls between subgraphs. */
  subject: string;
  role: Role | 'ANONYMOUS' | 'SYSTEM';
  /**
   * The street a caller acts in (`street_id`, docs/streets.md): a STREET_ADMIN reads and acts only
   * there, and its token must name one (REQUIRED_SCOPE_IDS); other roles need none.
   */
  streetId: string | null;
  /** The ids the role is bound to: a community worker's community, a grid worker's grid, … */
  communityId: string | null;
  gridId: string | null;
  unitId: string | null;
  departmentId: string | null;
  /** The hub's own scopes the token grants (what the hub's rules read). */
  scopes: Scope[];
  /**
   * Every scope the token names, the hub's and any other: `@requiresScopes` of a supergraph that is
   * not the hub's may ask for scopes the hub knows nothing of. Absent for callers not from a token.
   */
  grantedScopes?: readonly string[];
}

export const ANONYMOUS: Caller = {
  subject: 'anonymous',
  role: 'ANONYMOUS',
  streetId: null,
  communityId: null,
  gridId: null,
  unitId: null,
  departmentId: null,
  scopes: [],
};

/** A subgraph calling another on its own behalf (outbox delivery, matching data). */
export function systemCaller(service: string): Caller {
  return { ...ANONYMOUS, subject: `system:${service}`, role: 'SYSTEM' };
}

export type ScopeIdClaim = keyof Pick<Caller, 'streetId' | 'communityId' | 'gridId' | 'unitId' | 'departmentId'>;

/**
 * The id claims each role must carry; a token lacking one is refused at sign-in, so no rule ever
 * meets a scoped caller with a hole in its scope. A grid worker names its community too: rules of
 * subgraphs that do not know the grid tree (resource-pools) check the community, and the grids
 * subgraph checks that the two agree.
 */
export const REQUIRED_SCOPE_IDS: Record<Role, readonly ScopeIdClaim[]> = {
  DISTRICT_PLATFORM: [],
  // A street admin without a street would act in every street of the district.
  STREET_ADMIN: ['streetId'],
  COMMUNITY_WORKER: ['communityId'],
  GRID_WORKER: ['gridId', 'communityId'],
  UNIT_MEMBER: ['unitId'],
  DEPARTMENT_STAFF: ['departmentId'],
};

/**
 * Roles that may hold `pii:read` at all: those whose work needs residents' and members' names and
 * numbers in clear (the street's operators and the people in the community, grid or department who
 * act on a case). A co-building unit's member or a data platform never needs them, so a token that
 * grants them `pii:read` is refused rather than silently honoured (PIPL: the minimum necessary).
 */
export const ROLES_ALLOWED_PII: readonly Role[] = ['STREET_ADMIN', 'COMMUNITY_WORKER', 'GRID_WORKER', 'DEPARTMENT_STAFF'];

export function canReadPersonalData(caller: Caller): boolean {
  return caller.scopes.includes('pii:read');
}

/**
 * Who a caller is, apart from what its token lets it see: role, subject and every scope id. Two
 * callers who happen to share a `sub` (two units' default accounts) are never taken for one. The
 * timelines record it as the actor of each step, and separation of duties compares it
 * (lib/auth/policy.ts), so a token re-issued with other scopes (`pii:read`) is the same actor.
 */
export function identityKey(caller: Caller): string {
  return [caller.role, caller.subject, caller.communityId ?? '', caller.gridId ?? '', caller.unitId ?? '', caller.departmentId ?? ''].join('|');
}

/**
 * One string per distinct caller and what it may see: its identity and its scopes. Rate-limit
 * buckets, idempotency keys and deduplication use it.
 */
export function callerKey(caller: Caller): string {
  return [identityKey(caller), [...caller.scopes].sort().join(' ')].join('|');
}

/**
 * The caller of code running inside a subgraph's own process (tests calling `executeOperation`,
 * seeds, benchmarks). Over HTTP a subgraph never uses it: every request's caller comes from the
 * request's credentials (lib/auth/subgraph-trust.ts).
 */
export const IN_PROCESS_CALLER: Caller = systemCaller('in-process');
