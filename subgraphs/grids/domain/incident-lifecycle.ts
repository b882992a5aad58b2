/**
 * The incident loop (网格吹哨、部门报到) as data: which action is legal in which status, and the
 * deadline arithmetic. Pure, so every status × action pair is tested without a database; the
 * store and resolvers only ask this module and never compare statuses themselves.
 */
import { greatCircleMetres } from '../../../lib/subgraph/geo.js';

export const INCIDENT_STATUSES = [
  'REPORTED',
  'DISPATCHED',
  'ACCEPTED',
  'IN_PROGRESS',
  'WAITING_ON_RESIDENT',
  'RESOLVED',
  'VERIFIED',
  'CLOSED',
  'RETURNED',
  'ESCALATED',
] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

export const INCIDENT_ACTIONS = [
  'DISPATCH',
  'ACCEPT',
  'RETURN',
  'START',
  'WAIT_FOR_RESIDENT',
  'RESUME',
  'RESOLVE',
  'REJECT_RESOLUTION',
  'VERIFY',
  'CLOSE',
  'ESCALATE',
] as const;
export type IncidentAction = (typeof INCIDENT_ACTIONS)[number];

export const ESCALATION_LEVELS = ['GRID', 'COMMUNITY', 'STREET', 'DISTRICT'] as const;
export type EscalationLevel = (typeof ESCALATION_LEVELS)[number];

/** Timeline entries that are not status changes (the report itself, a resident's rating). */
export type IncidentEventKind = IncidentAction | 'REPORT' | 'RATE';

/**
 * The transition table. A missing entry is an illegal transition. Escalation is possible from every
 * status in which someone is still expected to act, except while the clock is paused for the
 * resident (the delay is not the handler's fault).
 */
const TRANSITIONS: Readonly<Record<IncidentStatus, Partial<Record<IncidentAction, IncidentStatus>>>> = {
  REPORTED: { DISPATCH: 'DISPATCHED', ESCALATE: 'ESCALATED' },
  DISPATCHED: { ACCEPT: 'ACCEPTED', RETURN: 'RETURNED', ESCALATE: 'ESCALATED' },
  ACCEPTED: { START: 'IN_PROGRESS', RETURN: 'RETURNED', ESCALATE: 'ESCALATED' },
  IN_PROGRESS: { WAIT_FOR_RESIDENT: 'WAITING_ON_RESIDENT', RESOLVE: 'RESOLVED', ESCALATE: 'ESCALATED' },
  WAITING_ON_RESIDENT: { RESUME: 'IN_PROGRESS' },
  // The grid checks the result on site (核查); a poor job goes back to the handler.
  RESOLVED: { VERIFY: 'VERIFIED', REJECT_RESOLUTION: 'IN_PROGRESS' },
  VERIFIED: { CLOSE: 'CLOSED' },
  CLOSED: {},
  // 退单: the grid re-dispatches (to another department) or escalates.
  RETURNED: { DISPATCH: 'DISPATCHED', ESCALATE: 'ESCALATED' },
  // A higher level re-dispatches, or escalates once more when it cannot settle it either.
  ESCALATED: { DISPATCH: 'DISPATCHED', ESCALATE: 'ESCALATED' },
};

/** The status after `action`, or null when `action` is illegal in `status`. */
export function nextStatus(status: IncidentStatus, action: IncidentAction): IncidentStatus | null {
  return TRANSITIONS[status][action] ?? null;
}

/** Actions a client may offer for an incident in `status` (e.g. as buttons). */
export function allowedActions(status: IncidentStatus): IncidentAction[] {
  return INCIDENT_ACTIONS.filter((action) => nextStatus(status, action) !== null);
}

/** The next level up (grid → community → street → district); null at the top. */
export function nextEscalationLevel(level: EscalationLevel): EscalationLevel | null {
  return ESCALATION_LEVELS[ESCALATION_LEVELS.indexOf(level) + 1] ?? null;
}

/** Statuses in which the incident still waits for someone: it counts as open and can be overdue. */
export const OPEN_STATUSES: readonly IncidentStatus[] = INCIDENT_STATUSES.filter(
  (status) => status !== 'RESOLVED' && status !== 'VERIFIED' && status !== 'CLOSED',
);

/** Open statuses whose deadline clock runs (it stops while waiting on the resident). */
export const CLOCK_RUNNING_STATUSES: readonly IncidentStatus[] = OPEN_STATUSES.filter((status) => status !== 'WAITING_ON_RESIDENT');

export function isOpen(status: IncidentStatus): boolean {
  return OPEN_STATUSES.includes(status);
}

/** Resident ratings are taken once the handler says it is done. */
export function canBeRated(status: IncidentStatus): boolean {
  return status === 'RESOLVED' || status === 'VERIFIED' || status === 'CLOSED';
}

const HOUR_MS = 3_600_000;

export interface DeadlineState {
  status: IncidentStatus;
  dueAt: Date;
  /** Set while the clock is paused for the resident. */
  pausedSince: Date | null;
}

/**
 * The deadline as it stands at `now`: while paused, the time spent waiting so far is added, so a
 * paused incident never becomes overdue and resumes with the time it had left.
 */
export function effectiveDueAt(state: DeadlineState, now: Date): Date {
  if (state.pausedSince === null) return state.dueAt;
  return new Date(state.dueAt.getTime() + Math.max(0, now.getTime() - state.pausedSince.getTime()));
}

export function isOverdue(state: DeadlineState, now: Date): boolean {
  return isOpen(state.status) && effectiveDueAt(state, now).getTime() < now.getTime();
}

/** A fresh deadline period of `hours` from `from` (on reporting, and at each escalation). */
export function deadlineFrom(from: Date, hours: number): Date {
  return new Date(from.getTime() + hours * HOUR_MS);
}

/** Whether the handler resolved within the (pause-extended) deadline; decides the credit event. */
export function deadlineKept(dueAt: Date, resolvedAt: Date): boolean {
  return resolvedAt.getTime() <= dueAt.getTime();
}

/** A new report this close to an open one of the same category is flagged as a likely duplicate. */
export const DUPLICATE_RADIUS_M = 50;
export const DUPLICATE_WINDOW_DAYS = 7;

/** Great-circle distance in metres, for tests and seeds; the store does it in SQL with the same radius. */
export const distanceMetres = greatCircleMetres;
