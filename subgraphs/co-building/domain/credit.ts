import { assertNever } from '../../../lib/kernel/errors.js';

/**
 * The duty credit policy (履责信用积分): a base score plus the deltas of the events still valid.
 * The co-building subgraph owns the policy, so other subgraphs report only what happened (a deadline
 * kept, a rating of 4) and never how many points it is worth.
 */
export const CREDIT_BASE = 100;
/** District figures show how scores are spread in bands of this many points (100–110, 110–120 …). */
export const CREDIT_BAND_WIDTH = 10;
/** An event counts for a year after it happened, so a unit can recover from old failures. */
export const CREDIT_VALIDITY_DAYS = 365;

export const CREDIT_REASONS = ['RATING_RECEIVED', 'DEADLINE_KEPT', 'DEADLINE_MISSED', 'COMMITMENT_MET', 'COMMITMENT_MISSED'] as const;
export type CreditReason = (typeof CREDIT_REASONS)[number];

/**
 * A rating received (RATING_RECEIVED): a resident's 1–5 for an incident the unit answered for (grids)
 * or for an order one of its resources fulfilled (resource-pools, source Demand). One scale for both,
 * asymmetric on purpose: a bad rating costs more than a good one earns. A 3 is recorded with 0 points,
 * so the history still shows the rating.
 */
const RATING_DELTAS: Readonly<Record<number, number>> = { 1: -4, 2: -2, 3: 0, 4: 1, 5: 3 };

/** Points of one event; null when the event lacks what its reason needs (a rating 1–5). */
export function creditDelta(reason: CreditReason, rating: number | null): number | null {
  switch (reason) {
    case 'RATING_RECEIVED':
      return rating === null ? null : (RATING_DELTAS[rating] ?? null);
    case 'DEADLINE_KEPT':
      return 2;
    case 'DEADLINE_MISSED':
      return -5;
    case 'COMMITMENT_MET':
      return 5;
    case 'COMMITMENT_MISSED':
      return -5;
    default:
      return assertNever(reason, 'credit reason');
  }
}

export function creditValidUntil(occurredAt: Date): Date {
  return new Date(occurredAt.getTime() + CREDIT_VALIDITY_DAYS * 86_400_000);
}

/** Whether an event counts at `now`: it has happened and has not expired. */
export function creditEventValid(event: { occurredAt: Date; validUntil: Date }, now: Date): boolean {
  return event.occurredAt.getTime() <= now.getTime() && now.getTime() < event.validUntil.getTime();
}
