import { ANONYMOUS, identityKey, type Caller, type Role } from '../lib/auth/caller.js';

export interface SeededActor {
  /** The subject shown in the timeline. */
  actor: string;
  /** The identity separation of duties compares (lib/auth/caller.ts identityKey); null for jobs and channels. */
  actor_key: string | null;
}

/**
 * Who takes a step in the seeded timelines: a person of the role, in the scope the step needs, as a
 * signed-in caller would be recorded — so the reference street's history obeys the same separation
 * of duties (lib/auth/policy.ts) as live requests.
 */
export function seededActor(role: Role, subject: string, ids: Partial<Pick<Caller, 'communityId' | 'gridId' | 'unitId' | 'departmentId'>>): SeededActor {
  return { actor: subject, actor_key: identityKey({ ...ANONYMOUS, role, subject, ...ids }) };
}

/** A job or intake channel: not a person, so no identity to compare. */
export function seededSystemActor(subject: string): SeededActor {
  return { actor: subject, actor_key: null };
}
