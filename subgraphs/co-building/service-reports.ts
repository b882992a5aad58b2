import type { Queryable } from '../../lib/database.js';
import { badUserInput, ErrorCode, HubError } from '../../lib/errors.js';
import { creditDelta, creditValidUntil, type CreditReason } from './credit.js';
import { shanghaiDate } from './pairing-status.js';
import { createCoBuildingStore, type CreditEventRow, type ReporterKind, type ServiceReportRow } from './store.js';

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

/** 双报到: a unit reports to a community it is paired with; a member reports to where they live (any community). */
export async function submitServiceReport(db: Queryable, input: SubmitServiceReportInput, now: Date): Promise<ServiceReportRow> {
  const store = createCoBuildingStore(db);
  const activity = input.activity.trim();
  if (activity.length === 0 || activity.length > 200) throw badUserInput('input.activity', 'must be 1–200 characters');
  if (!(input.hours > 0 && input.hours <= 24 && Number.isInteger(input.hours * 2))) {
    throw badUserInput('input.hours', 'must be 0.5–24 in steps of half an hour');
  }
  if (!isCalendarDate(input.servedOn)) throw badUserInput('input.servedOn', 'must be a date YYYY-MM-DD');
  if (input.servedOn > shanghaiDate(now)) throw badUserInput('input.servedOn', 'must not be in the future');
  const memberId = input.memberId?.trim() || null;
  if ((input.reporter === 'IN_SERVICE_MEMBER') !== (memberId !== null)) {
    throw badUserInput('input.memberId', 'is required for IN_SERVICE_MEMBER reports and not allowed for UNIT reports');
  }
  const [unit] = await store.findUnitsByIds([input.unitId]);
  if (!unit) throw badUserInput('input.unitId', `no co-building unit ${input.unitId}`);
  if (input.reporter === 'UNIT' && !(await store.hasPairing(input.unitId, input.communityId))) {
    throw badUserInput('input.communityId', `unit ${input.unitId} is not paired with community ${input.communityId}`);
  }
  return store.insertServiceReport({
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
}

export async function verifyServiceReport(db: Queryable, input: { id: string; verifiedBy: string }, now: Date): Promise<ServiceReportRow> {
  const verifiedBy = input.verifiedBy.trim();
  if (verifiedBy.length === 0 || verifiedBy.length > 100) throw badUserInput('input.verifiedBy', 'must be 1–100 characters');
  const store = createCoBuildingStore(db);
  // One conditional UPDATE: two verifiers racing cannot both succeed.
  const verified = await store.verifyServiceReport(input.id, verifiedBy, now);
  if (verified) return verified;
  const [existing] = await store.findServiceReportsByIds([input.id]);
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
  const [unit] = await store.findUnitsByIds([input.unitId]);
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
