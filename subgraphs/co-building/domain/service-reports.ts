import type { Database, Queryable } from '../../../lib/kernel/database.js';
import { badUserInput, ErrorCode, HubError } from '../../../lib/kernel/errors.js';
import type { PeerClient } from '../../../lib/subgraph/peer-client.js';
import { askOwner } from '../../../lib/subgraph/references.js';
import { REPORTING_MEMBER, SERVED_COMMUNITY } from '../peers.js';
import { creditDelta, creditValidUntil, type CreditReason } from './credit.js';
import { shanghaiDate } from './pairing-status.js';
import { ALL_SERVICE_REPORTS, createCoBuildingStore, WHOLE_DISTRICT, type CreditEventRow, type ReporterKind, type ServiceReportRow } from '../store.js';

export interface SubmitServiceReportInput {
  unitId: string;
  reporter: ReporterKind;
  memberId?: string | null;
  communityId: string;
  activity: string;
  hours: number;
  servedOn: string;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function isCalendarDate(value: string): boolean {
  return ISO_DATE.test(value) && new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) === value;
}

/** One report is one activity: a long shift at most; longer service is reported day by day. */
export const MAX_HOURS_PER_REPORT = 12;
/** Nobody serves more than a day has: the hours of one reporter (a unit, or one member) on one day. */
export const MAX_HOURS_PER_DAY = 24;
/** No service before this day is taken (双报到 began in the 2010s; older dates are typing errors). */
export const EARLIEST_SERVICE_DAY = '2000-01-01';

/**
 * 双报到: a unit reports to a community it is paired with, on a day the pairing was in force; an
 * in-service member of the unit reports to the community they live in. What the report refers to is
 * checked with its owner — the member with organisations (exists, works for the unit, lives in the
 * community), the community with grids — and an owner that cannot answer refuses the report
 * (DEPENDENCY_UNAVAILABLE, lib/subgraph/references.ts askOwner). Plausibility: 0.5–12 hours in half hours,
 * a day from 2000-01-01 to today, and at most 24 hours per reporter and day over all its reports,
 * checked and written under a lock on that reporter's day so that concurrent reports cannot overrun it.
 */
export async function submitServiceReport(db: Database, input: SubmitServiceReportInput, now: Date, peers: PeerClient | undefined): Promise<ServiceReportRow> {
  const store = createCoBuildingStore(db);
  const activity = input.activity.trim();
  if (activity.length === 0 || activity.length > 200) throw badUserInput('input.activity', 'must be 1–200 characters');
  if (!(input.hours > 0 && input.hours <= MAX_HOURS_PER_REPORT && Number.isInteger(input.hours * 2))) {
    throw badUserInput('input.hours', `must be 0.5–${MAX_HOURS_PER_REPORT} in steps of half an hour`);
  }
  if (!isCalendarDate(input.servedOn)) throw badUserInput('input.servedOn', 'must be a date YYYY-MM-DD');
  if (input.servedOn > shanghaiDate(now)) throw badUserInput('input.servedOn', 'must not be in the future');
  if (input.servedOn < EARLIEST_SERVICE_DAY) throw badUserInput('input.servedOn', `must not be before ${EARLIEST_SERVICE_DAY}`);
  const memberId = input.memberId?.trim() || null;
  if ((input.reporter === 'IN_SERVICE_MEMBER') !== (memberId !== null)) {
    throw badUserInput('input.memberId', 'is required for IN_SERVICE_MEMBER reports and not allowed for UNIT reports');
  }
  const [unit] = await store.findUnitsByIds([input.unitId], WHOLE_DISTRICT);
  if (!unit) throw badUserInput('input.unitId', `no co-building unit ${input.unitId}`);
  if (input.reporter === 'UNIT') {
    const pairing = await store.findPairingOf(input.unitId, input.communityId);
    if (!pairing) throw badUserInput('input.communityId', `unit ${input.unitId} is not paired with community ${input.communityId}`);
    const lastDay = pairing.terminated_on ?? pairing.ends_on;
    if (input.servedOn < pairing.starts_on || input.servedOn > lastDay) {
      throw badUserInput('input.servedOn', `must be within the pairing with community ${input.communityId} (${pairing.starts_on} – ${lastDay})`);
    }
  }
  await checkWithOwners(peers, input.unitId, input.communityId, memberId);

  return db.transaction(async (tx) => {
    const locked = createCoBuildingStore(tx);
    const reporter = { unitId: input.unitId, memberId };
    await locked.lockServiceDay(`service-day:${memberId === null ? `unit:${input.unitId}` : `member:${memberId}`}:${input.servedOn}`);
    const already = await locked.sumServiceHoursOn(input.servedOn, reporter);
    if (already + input.hours > MAX_HOURS_PER_DAY) {
      throw badUserInput('input.hours', `${already} hours are reported for ${input.servedOn} already; at most ${MAX_HOURS_PER_DAY} a day`);
    }
    return locked.insertServiceReport({
      unit_id: input.unitId,
      reporter: input.reporter,
      member_id: memberId,
      community_id: input.communityId,
      activity,
      hours: input.hours,
      served_on: input.servedOn,
      verified: false,
      submitted_at: now,
    });
  });
}

/** The community with grids and the member (if any) with organisations, asked at the same time. */
async function checkWithOwners(peers: PeerClient | undefined, unitId: string, communityId: string, memberId: string | null): Promise<void> {
  const [{ community }, member] = await Promise.all([
    askOwner(peers, SERVED_COMMUNITY, { id: communityId }),
    memberId === null ? null : askOwner(peers, REPORTING_MEMBER, { id: memberId }).then((answer) => answer.partyMember),
  ]);
  if (community === null) throw badUserInput('input.communityId', `no community ${communityId}`);
  if (memberId === null) return;
  if (member === null) throw badUserInput('input.memberId', `no party member ${memberId}`);
  if (member.inServiceUnit?.id !== unitId) throw badUserInput('input.memberId', `party member ${memberId} is not an in-service member of unit ${unitId}`);
  // Where they live is personal data: the message does not say which community it is.
  if (member.residenceCommunity?.id !== communityId) {
    throw badUserInput('input.communityId', `an in-service member reports to the community they live in, which is not ${communityId}`);
  }
}

export async function verifyServiceReport(db: Queryable, input: { id: string; verifiedBy: string }, now: Date): Promise<ServiceReportRow> {
  const verifiedBy = input.verifiedBy.trim();
  if (verifiedBy.length === 0 || verifiedBy.length > 100) throw badUserInput('input.verifiedBy', 'must be 1–100 characters');
  const store = createCoBuildingStore(db);
  // One conditional UPDATE: two verifiers racing cannot both succeed.
  const verified = await store.verifyServiceReport(input.id, verifiedBy, now);
  if (verified) return verified;
  const [existing] = await store.findServiceReportsByIds([input.id], ALL_SERVICE_REPORTS);
  if (!existing) throw badUserInput('input.id', `no service report ${input.id}`);
  throw new HubError(ErrorCode.ILLEGAL_TRANSITION, `service report ${input.id} is verified already`);
}

export interface RecordCreditEventInput {
  unitId: string;
  reason: CreditReason;
  rating?: number | null;
  source: { subgraph: string; type: string; id: string };
  occurredAt: string;
}

export async function recordCreditEvent(db: Queryable, input: RecordCreditEventInput): Promise<{ event: CreditEventRow; created: boolean }> {
  const store = createCoBuildingStore(db);
  const occurredAt = new Date(input.occurredAt);
  if (Number.isNaN(occurredAt.getTime())) throw badUserInput('input.occurredAt', 'must be an ISO 8601 time');
  const rating = input.rating ?? null;
  const delta = creditDelta(input.reason, rating);
  if (delta === null) throw badUserInput('input.rating', 'RATING_RECEIVED needs a rating 1–5');
  for (const key of ['subgraph', 'type', 'id'] as const) {
    const value = input.source[key].trim();
    if (value.length === 0 || value.length > 100) throw badUserInput(`input.source.${key}`, 'must be 1–100 characters');
  }
  const [unit] = await store.findUnitsByIds([input.unitId], WHOLE_DISTRICT);
  if (!unit) throw badUserInput('input.unitId', `no co-building unit ${input.unitId}`);
  return store.recordCreditEvent({
    unit_id: input.unitId,
    reason: input.reason,
    delta,
    rating: input.reason === 'RATING_RECEIVED' ? rating : null,
    source_subgraph: input.source.subgraph.trim(),
    source_type: input.source.type.trim(),
    source_id: input.source.id.trim(),
    occurred_at: occurredAt,
    valid_until: creditValidUntil(occurredAt),
  });
}
