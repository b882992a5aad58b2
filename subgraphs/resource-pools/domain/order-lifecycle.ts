/**
 * The order loop (点单 → 派单 → 接单 → 评单) as data: which action is legal in which status. Pure, so
 * every status × action pair is tested without a database; orders.ts asks this module and never
 * compares statuses itself.
 */
import { assertNever } from '../../../lib/kernel/errors.js';
import type { CapacityPeriod, DemandStatus } from '../store.js';

export const DEMAND_STATUSES = ['OPEN', 'DISPATCHED', 'ACCEPTED', 'FULFILLED', 'RATED', 'CANCELLED', 'DECLINED', 'EXPIRED'] as const;

export const ORDER_ACTIONS = ['DISPATCH', 'ACCEPT', 'DECLINE', 'FULFIL', 'RATE', 'CANCEL', 'EXPIRE'] as const;
export type OrderAction = (typeof ORDER_ACTIONS)[number];

/** Timeline entries: the submission itself, then one per action. */
export type DemandEventKind = OrderAction | 'SUBMIT';

/**
 * The transition table; a missing entry is an illegal transition.
 * - A declined order (拒单) goes back to the dispatcher, who dispatches it to another resource,
 *   cancels it or lets it expire.
 * - Once accepted, the provider has committed capacity: the order can no longer be cancelled or
 *   expire, only be fulfilled.
 */
const TRANSITIONS: Readonly<Record<DemandStatus, Partial<Record<OrderAction, DemandStatus>>>> = {
  OPEN: { DISPATCH: 'DISPATCHED', CANCEL: 'CANCELLED', EXPIRE: 'EXPIRED' },
  DISPATCHED: { ACCEPT: 'ACCEPTED', DECLINE: 'DECLINED', CANCEL: 'CANCELLED', EXPIRE: 'EXPIRED' },
  ACCEPTED: { FULFIL: 'FULFILLED' },
  FULFILLED: { RATE: 'RATED' },
  RATED: {},
  CANCELLED: {},
  DECLINED: { DISPATCH: 'DISPATCHED', CANCEL: 'CANCELLED', EXPIRE: 'EXPIRED' },
  EXPIRED: {},
};

/** The status after `action`, or null when `action` is illegal in `status`. */
export function nextDemandStatus(status: DemandStatus, action: OrderAction): DemandStatus | null {
  return TRANSITIONS[status][action] ?? null;
}

/** Actions a client may offer for a demand in `status` (e.g. as buttons). */
export function allowedOrderActions(status: DemandStatus): OrderAction[] {
  return ORDER_ACTIONS.filter((action) => nextDemandStatus(status, action) !== null);
}

/** A shortest chain of actions from OPEN to `status` (for seeds and tests); null if unreachable. */
export function pathToStatus(status: DemandStatus): OrderAction[] | null {
  const queue: { status: DemandStatus; path: OrderAction[] }[] = [{ status: 'OPEN', path: [] }];
  const seen = new Set<DemandStatus>(['OPEN']);
  while (queue.length > 0) {
    const current = queue.shift()!;
    if (current.status === status) return current.path;
    for (const action of ORDER_ACTIONS) {
      const next = nextDemandStatus(current.status, action);
      if (next !== null && !seen.has(next)) {
        seen.add(next);
        queue.push({ status: next, path: [...current.path, action] });
      }
    }
  }
  return null;
}

const CST_OFFSET_MS = 8 * 3_600_000;

/**
 * The key of the capacity period `at` falls in: the period's first day in China Standard Time
 * (weeks start on Monday), or 'ONCE' for one-off supplies that never renew.
 */
export function capacityPeriodKey(period: CapacityPeriod, at: Date): string {
  const local = new Date(at.getTime() + CST_OFFSET_MS);
  const y = local.getUTCFullYear();
  const m = local.getUTCMonth();
  const d = local.getUTCDate();
  const iso = (date: Date) => date.toISOString().slice(0, 10);
  switch (period) {
    case 'DAY':
      return iso(new Date(Date.UTC(y, m, d)));
    case 'WEEK': {
      const mondayOffset = (local.getUTCDay() + 6) % 7;
      return iso(new Date(Date.UTC(y, m, d - mondayOffset)));
    }
    case 'MONTH':
      return iso(new Date(Date.UTC(y, m, 1)));
    case 'YEAR':
      return iso(new Date(Date.UTC(y, 0, 1)));
    case 'ONCE':
      return 'ONCE';
    default:
      return assertNever(period, 'capacity period');
  }
}
