/**
 * Who is asking. The gateway derives the caller from a verified JWT and passes it, signed, to the
 * subgraphs (internal-signature.ts), which decide what the caller may see and change.
 */
export const ROLES = [
  'DISTRICT_PLATFORM',
  'STREET_ADMIN',
  'COMMUNITY_WORKER',
  'GRID_WORKER',
  'UNIT_MEMBER',
  'DEPARTMENT_STAFF',
] as const;
export type Role = (typeof ROLES)[number];

/** Scopes beyond the role: `pii:read` unmasks personal data; `audit:read` (with DISTRICT_PLATFORM) reads the audit logs. */
export const SCOPES = ['pii:read', 'audit:read'] as const;
export type Scope = (typeof SCOPES)[number];

export interface Caller {
  /** `sub` of the token; `anonymous` without one; `system:<service>` for calls between subgraphs. */
  subject: string;
  role: Role | 'ANONYMOUS' | 'SYSTEM';
  /** The ids the role is bound to: a community worker's community, a grid worker's grid, … */
  communityId: string | null;
  gridId: string | null;
  unitId: string | null;
  departmentId: string | null;
  scopes: Scope[];
}

export const ANONYMOUS: Caller = {
  subject: 'anonymous',
  role: 'ANONYMOUS',
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

/** Which id claim each role must carry: a scoped role without its scope id is refused at sign-in. */
export const REQUIRED_SCOPE_ID: Record<Role, keyof Pick<Caller, 'communityId' | 'gridId' | 'unitId' | 'departmentId'> | null> = {
  DISTRICT_PLATFORM: null,
  STREET_ADMIN: null,
  COMMUNITY_WORKER: 'communityId',
  GRID_WORKER: 'gridId',
  UNIT_MEMBER: 'unitId',
  DEPARTMENT_STAFF: 'departmentId',
};

export function canReadPersonalData(caller: Caller): boolean {
  return caller.scopes.includes('pii:read');
}

/**
 * The caller of code running inside a subgraph's own process (tests calling `executeOperation`,
 * seeds, benchmarks). Over HTTP a subgraph never uses it: every request's caller comes from the
 * signed headers (lib/subgraph.ts).
 */
export const IN_PROCESS_CALLER: Caller = systemCaller('in-process');
