import { describe, expect, it } from '@jest/globals';
import {
  allowedActions,
  deadlineKept,
  distanceMetres,
  effectiveDueAt,
  INCIDENT_ACTIONS,
  INCIDENT_STATUSES,
  isOverdue,
  nextEscalationLevel,
  nextStatus,
  type IncidentAction,
  type IncidentStatus,
} from './incident-lifecycle.js';

/** Written out independently of the module's table: every legal (status, action) and where it leads. */
const LEGAL: Record<string, IncidentStatus> = {
  'REPORTED DISPATCH': 'DISPATCHED',
  'REPORTED ESCALATE': 'ESCALATED',
  'DISPATCHED ACCEPT': 'ACCEPTED',
  'DISPATCHED RETURN': 'RETURNED',
  'DISPATCHED ESCALATE': 'ESCALATED',
  'ACCEPTED START': 'IN_PROGRESS',
  'ACCEPTED RETURN': 'RETURNED',
  'ACCEPTED ESCALATE': 'ESCALATED',
  'IN_PROGRESS WAIT_FOR_RESIDENT': 'WAITING_ON_RESIDENT',
  'IN_PROGRESS RESOLVE': 'RESOLVED',
  'IN_PROGRESS ESCALATE': 'ESCALATED',
  'WAITING_ON_RESIDENT RESUME': 'IN_PROGRESS',
  'RESOLVED VERIFY': 'VERIFIED',
  'RESOLVED REJECT_RESOLUTION': 'IN_PROGRESS',
  'VERIFIED CLOSE': 'CLOSED',
  'RETURNED DISPATCH': 'DISPATCHED',
  'RETURNED ESCALATE': 'ESCALATED',
  'ESCALATED DISPATCH': 'DISPATCHED',
  'ESCALATED ESCALATE': 'ESCALATED',
};

const ALL_PAIRS = INCIDENT_STATUSES.flatMap((status) => INCIDENT_ACTIONS.map((action) => [status, action] as [IncidentStatus, IncidentAction]));

describe('incident transition table', () => {
  it('covers every status × action pair (10 × 11)', () => {
    expect(ALL_PAIRS).toHaveLength(110);
  });

  it.each(ALL_PAIRS)('%s + %s', (status, action) => {
    expect(nextStatus(status, action)).toBe(LEGAL[`${status} ${action}`] ?? null);
  });

  it('offers exactly the legal actions, and nothing once closed', () => {
    expect(allowedActions('CLOSED')).toEqual([]);
    expect(allowedActions('WAITING_ON_RESIDENT')).toEqual(['RESUME']);
    expect(allowedActions('DISPATCHED')).toEqual(['ACCEPT', 'RETURN', 'ESCALATE']);
  });

  it('escalates grid → community → street → district, and no further', () => {
    expect(nextEscalationLevel('GRID')).toBe('COMMUNITY');
    expect(nextEscalationLevel('COMMUNITY')).toBe('STREET');
    expect(nextEscalationLevel('STREET')).toBe('DISTRICT');
    expect(nextEscalationLevel('DISTRICT')).toBeNull();
  });
});

describe('deadlines', () => {
  const due = new Date('2026-11-01T10:00:00Z');
  it('is overdue only when open and past the deadline', () => {
    expect(isOverdue({ status: 'IN_PROGRESS', dueAt: due, pausedSince: null }, new Date('2026-11-01T10:00:01Z'))).toBe(true);
    expect(isOverdue({ status: 'IN_PROGRESS', dueAt: due, pausedSince: null }, new Date('2026-11-01T09:59:59Z'))).toBe(false);
    expect(isOverdue({ status: 'CLOSED', dueAt: due, pausedSince: null }, new Date('2026-12-01T00:00:00Z'))).toBe(false);
  });

  it('moves the deadline with a running pause, so waiting on the resident never makes it overdue', () => {
    const paused = { status: 'WAITING_ON_RESIDENT' as const, dueAt: due, pausedSince: new Date('2026-11-01T08:00:00Z') };
    const later = new Date('2026-11-03T08:00:00Z');
    expect(effectiveDueAt(paused, later).toISOString()).toBe('2026-11-03T10:00:00.000Z');
    expect(isOverdue(paused, later)).toBe(false);
    // Paused after the deadline had passed: it stays overdue.
    expect(isOverdue({ ...paused, pausedSince: new Date('2026-11-01T11:00:00Z') }, later)).toBe(true);
  });

  it('keeps the deadline when resolved at or before it', () => {
    expect(deadlineKept(due, due)).toBe(true);
    expect(deadlineKept(due, new Date(due.getTime() + 1))).toBe(false);
  });

  it('measures distances in metres', () => {
    const a = { lat: 31.9, lng: 121.18 };
    expect(distanceMetres(a, { lat: 31.9 + 45 / 111_195, lng: 121.18 })).toBeCloseTo(45, 0);
  });
});
