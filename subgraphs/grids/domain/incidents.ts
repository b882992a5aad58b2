import type { Database, Queryable } from '../../../lib/kernel/database.js';
import { assertNever, badUserInput, ErrorCode, HubError } from '../../../lib/kernel/errors.js';
import { creditEventMessage, type ReportedCreditReason } from '../../co-building/events.js';
import { enqueueOutbox, type OutboxMessage } from '../../../lib/subgraph/outbox.js';
import { canBeRated, deadlineFrom, deadlineKept, nextEscalationLevel, nextStatus, type IncidentAction, type IncidentStatus } from './incident-lifecycle.js';
import type { ReadScope } from '../../../lib/auth/policy.js';
import {
  ALL_INCIDENTS,
  createGridsStore,
  type IncidentCategory,
  type IncidentChannel,
  type GridRow,
  type IncidentEventRow,
  type IncidentMutableFields,
  type IncidentRow,
  type IncidentRoutingRuleRow,
} from '../store.js';

/**
 * The incident loop's writes. Each runs in one transaction that locks the incident, asks the pure
 * lifecycle module what may happen, writes the row, its timeline entry and — for incidents a
 * co-building unit answers for — the credit event's outbox row, so all of them happen or none.
 */

function creditEvent(incident: IncidentRow, reason: ReportedCreditReason, at: Date, rating: number | null = null): OutboxMessage[] {
  if (incident.responsible_unit_id === null) return [];
  return [creditEventMessage({ unitId: incident.responsible_unit_id, reason, rating, source: { subgraph: 'grids', type: 'Incident', id: incident.id } }, at)];
}

const DEPARTMENT_ID = /^department-\d{2,}$/;
const MAX_TEXT = 2000;

function requireText(value: string, field: string, max = MAX_TEXT): string {
  const trimmed = value.trim();
  if (trimmed.length === 0) throw badUserInput(field, 'must not be empty');
  if (trimmed.length > max) throw badUserInput(field, `must be at most ${max} characters`);
  return trimmed;
}

function requireDepartmentId(value: string, field: string): string {
  if (!DEPARTMENT_ID.test(value)) throw badUserInput(field, 'is not a department id (department-NN)');
  return value;
}

/** The rule an incident of `category` in street `streetId` follows: the street's own, else the district's. */
async function requireRule(db: Queryable, streetId: string, category: IncidentCategory): Promise<IncidentRoutingRuleRow> {
  const [rule] = await createGridsStore(db).findRoutingRules(streetId, [category]);
  if (!rule) throw new HubError(ErrorCode.INTERNAL_SERVER_ERROR, `no routing rule for category ${category}`);
  return rule;
}

function mutableFields(row: IncidentRow): IncidentMutableFields {
  return {
    status: row.status,
    escalation_level: row.escalation_level,
    lead_department_id: row.lead_department_id,
    assisting_department_ids: row.assisting_department_ids,
    due_at: row.due_at,
    paused_since: row.paused_since,
    paused_seconds: row.paused_seconds,
    resolved_at: row.resolved_at,
    closed_at: row.closed_at,
    deadline_kept: row.deadline_kept,
    return_reason: row.return_reason,
    rating: row.rating,
    rating_comment: row.rating_comment,
    rated_at: row.rated_at,
  };
}

export interface ReportIncidentInput {
  gridId?: string | null;
  microGridId?: string | null;
  category: IncidentCategory;
  description: string;
  location: { lat: number; lng: number };
  photoUrls?: readonly string[] | null;
  reporter: { name: string; phone?: string | null };
  channel: IncidentChannel;
  responsibleUnitId?: string | null;
  actor?: string | null;
  /** The actor's identity for separation of duties (lib/auth/policy.ts actorKeyOf); none for jobs. */
  actorKey?: string | null;
}

/**
 * What a request checks before a report is written (resolvers/Mutation.ts); omitted by in-process
 * callers (tests, seeds, jobs).
 */
export interface ReportChecks {
  /** May the caller report in this grid (lib/auth/policy.ts)? Throws FORBIDDEN. */
  authorize(grid: GridRow): void;
  /** May this unit answer for an incident of this community (peers.ts)? Throws a coded error. */
  responsibleUnit(unitId: string, communityId: string): Promise<void>;
}

export async function reportIncident(db: Database, input: ReportIncidentInput, now: Date, checks?: ReportChecks): Promise<IncidentRow> {
  if ((input.gridId == null) === (input.microGridId == null)) {
    throw badUserInput('input.gridId', 'give exactly one of gridId and microGridId');
  }
  const description = requireText(input.description, 'input.description');
  const { lat, lng } = input.location;
  if (!Number.isFinite(lat) || lat < -90 || lat > 90) throw badUserInput('input.location.lat', 'must be between -90 and 90');
  if (!Number.isFinite(lng) || lng < -180 || lng > 180) throw badUserInput('input.location.lng', 'must be between -180 and 180');
  const photoUrls = [...(input.photoUrls ?? [])];
  if (photoUrls.length > 9) throw badUserInput('input.photoUrls', 'at most 9 photos');
  photoUrls.forEach((url, i) => {
    if (!/^https?:\/\/\S+$/.test(url)) throw badUserInput(`input.photoUrls.${i}`, 'must be an http(s) URL');
  });
  const reporterName = requireText(input.reporter.name, 'input.reporter.name', 50);
  const reporterPhone = input.reporter.phone?.trim() || null;
  if (reporterPhone !== null && !/^[\d+\- ]{5,20}$/.test(reporterPhone)) throw badUserInput('input.reporter.phone', 'is not a phone number');
  const responsibleUnitId = input.responsibleUnitId?.trim() || null;

  // Grids and micro-grids are the street's public directory: naming a missing one tells nobody anything.
  const directory = createGridsStore(db);
  let gridId: string;
  let microGridId: string | null = null;
  if (input.microGridId != null) {
    const [microGrid] = await directory.findMicroGridsByIds([input.microGridId]);
    if (!microGrid) throw badUserInput('input.microGridId', `no micro-grid ${input.microGridId}`);
    gridId = microGrid.grid_id;
    microGridId = microGrid.id;
  } else {
    gridId = input.gridId!;
  }
  const [grid] = await directory.findGridsByIds([gridId]);
  if (!grid) throw badUserInput('input.gridId', `no grid ${gridId}`);
  checks?.authorize(grid);
  // Asked before the transaction opens, so no connection waits on another subgraph.
  if (responsibleUnitId !== null) await checks?.responsibleUnit(responsibleUnitId, grid.community_id);

  return db.transaction(async (tx) => {
    const store = createGridsStore(tx);
    const rule = await requireRule(tx, grid.street_id, input.category);
    const duplicateOf = await store.findLikelyOriginal(input.category, { lat, lng }, now);
    const incident = await store.insertIncident({
      community_id: grid.community_id,
      grid_id: grid.id,
      micro_grid_id: microGridId,
      category: input.category,
      description,
      lat,
      lng,
      photo_urls: photoUrls,
      reporter_name: reporterName,
      reporter_phone: reporterPhone,
      channel: input.channel,
      status: 'REPORTED',
      escalation_level: 'GRID',
      lead_department_id: rule.lead_department_id,
      assisting_department_ids: rule.assisting_department_ids,
      responsible_unit_id: responsibleUnitId,
      duplicate_of: duplicateOf,
      deadline_hours: rule.deadline_hours,
      reported_at: now,
      due_at: deadlineFrom(now, rule.deadline_hours),
      paused_since: null,
      paused_seconds: 0,
      resolved_at: null,
      closed_at: null,
      deadline_kept: null,
      return_reason: null,
      rating: null,
      rating_comment: null,
      rated_at: null,
    });
    await store.insertIncidentEvents([
      {
        incident_id: incident.id,
        kind: 'REPORT',
        from_status: null,
        to_status: 'REPORTED',
        actor: input.actor?.trim() || `channel:${input.channel}`,
        actor_key: input.actorKey ?? null,
        note: duplicateOf === null ? null : `likely duplicate of ${duplicateOf}`,
        occurred_at: now,
      },
    ]);
    return incident;
  });
}

export interface TransitionInput {
  id: string;
  action: IncidentAction;
  actor: string;
  /** The actor's identity for separation of duties (lib/auth/policy.ts actorKeyOf); none for jobs. */
  actorKey?: string | null;
  note?: string | null;
  reason?: string | null;
  leadDepartmentId?: string | null;
}

function illegal(incident: IncidentRow, action: IncidentAction, why = `status ${incident.status} does not allow it`): HubError {
  return new HubError(ErrorCode.ILLEGAL_TRANSITION, `cannot ${action} incident ${incident.id}: ${why}`, {
    status: incident.status,
    action,
  });
}

/**
 * What `action` changes besides the status, plus the credit events it causes. Throws (before any
 * write) when the action is illegal or its input is missing.
 */
async function applyAction(
  tx: Queryable,
  incident: IncidentRow,
  input: TransitionInput,
  now: Date,
): Promise<{ fields: IncidentMutableFields; messages: OutboxMessage[] }> {
  const to = nextStatus(incident.status, input.action);
  if (to === null) throw illegal(incident, input.action);
  const fields: IncidentMutableFields = { ...mutableFields(incident), status: to };
  switch (input.action) {
    case 'DISPATCH': {
      // The rule as it is now: a re-routed category applies from the next dispatch on.
      const rule = await requireRule(tx, incident.street_id, incident.category);
      const lead = input.leadDepartmentId ? requireDepartmentId(input.leadDepartmentId, 'input.leadDepartmentId') : rule.lead_department_id;
      fields.lead_department_id = lead;
      fields.assisting_department_ids = rule.assisting_department_ids.filter((id) => id !== lead);
      return { fields, messages: [] };
    }
    case 'ACCEPT':
    case 'START':
      return { fields, messages: [] };
    case 'RETURN': {
      const reason = input.reason?.trim();
      if (!reason) throw badUserInput('input.reason', 'a return (退单) needs a reason');
      fields.return_reason = requireText(reason, 'input.reason');
      return { fields, messages: [] };
    }
    case 'WAIT_FOR_RESIDENT':
      fields.paused_since = now;
      return { fields, messages: [] };
    case 'RESUME': {
      const pausedMs = Math.max(0, now.getTime() - (incident.paused_since ?? now).getTime());
      fields.due_at = new Date(incident.due_at.getTime() + pausedMs);
      fields.paused_seconds = incident.paused_seconds + Math.round(pausedMs / 1000);
      fields.paused_since = null;
      return { fields, messages: [] };
    }
    case 'RESOLVE':
      fields.resolved_at = now;
      fields.deadline_kept = deadlineKept(incident.due_at, now);
      return { fields, messages: [] };
    case 'REJECT_RESOLUTION':
      fields.resolved_at = null;
      fields.deadline_kept = null;
      return { fields, messages: [] };
    case 'VERIFY': {
      // Credited on verification, not on resolution: a rejected resolution must not count.
      const kept = incident.deadline_kept ?? false;
      return { fields, messages: creditEvent(incident, kept ? 'DEADLINE_KEPT' : 'DEADLINE_MISSED', now) };
    }
    case 'CLOSE':
      fields.closed_at = now;
      return { fields, messages: [] };
    case 'ESCALATE': {
      const level = nextEscalationLevel(incident.escalation_level);
      if (level === null) throw illegal(incident, input.action, 'it is already at district level');
      fields.escalation_level = level;
      // The next level gets a fresh period of the category's deadline.
      fields.due_at = deadlineFrom(now, incident.deadline_hours);
      return { fields, messages: [] };
    }
    default:
      return assertNever(input.action, 'incident action');
  }
}

/** The answer for an incident id that is not there (to a caller who could see it if it were). */
export function noIncident(id: string): HubError {
  return badUserInput('input.id', `no incident ${id}`);
}

/**
 * How a request's caller is checked on the incident it names (resolvers/Mutation.ts), inside the
 * transaction and before anything is validated or written; omitted by in-process callers.
 */
export interface IncidentGuard {
  /** The incidents the caller may see: one outside them is locked as if it did not exist. */
  scope: ReadScope;
  /** The refusal for an id the caller cannot see or that does not exist (the same for both). */
  missing(id: string): HubError;
  /** Throws FORBIDDEN unless the caller may take this step on this incident, given its timeline. */
  authorize(incident: IncidentRow, timeline: readonly IncidentEventRow[]): void;
}

/** Locks the incident (within what the caller may see) and passes it and its timeline to the guard. */
async function lockFor(tx: Queryable, id: string, guard: IncidentGuard | undefined): Promise<IncidentRow> {
  const store = createGridsStore(tx);
  const incident = await store.lockIncident(id, guard?.scope ?? ALL_INCIDENTS);
  if (!incident) throw guard ? guard.missing(id) : noIncident(id);
  guard?.authorize(incident, await store.findIncidentEventsByIncidentIds([incident.id], ALL_INCIDENTS));
  return incident;
}

export async function transitionIncident(db: Database, input: TransitionInput, now: Date, guard?: IncidentGuard): Promise<IncidentRow> {
  const actor = requireText(input.actor, 'input.actor', 100);
  const note = input.note?.trim() || null;
  return db.transaction(async (tx) => {
    const store = createGridsStore(tx);
    const incident = await lockFor(tx, input.id, guard);
    const { fields, messages } = await applyAction(tx, incident, input, now);
    const updated = await store.updateIncident(incident.id, fields);
    await store.insertIncidentEvents([
      {
        incident_id: incident.id,
        kind: input.action,
        from_status: incident.status,
        to_status: fields.status,
        actor,
        actor_key: input.actorKey ?? null,
        note: input.action === 'RETURN' ? fields.return_reason : note,
        occurred_at: now,
      },
    ]);
    await enqueueOutbox(tx, messages, now);
    return updated;
  });
}

export interface RateInput {
  id: string;
  rating: number;
  comment?: string | null;
  actor: string;
  /** The actor's identity for separation of duties (lib/auth/policy.ts actorKeyOf). */
  actorKey?: string | null;
}

export async function rateIncident(db: Database, input: RateInput, now: Date, guard?: IncidentGuard): Promise<IncidentRow> {
  const actor = requireText(input.actor, 'input.actor', 100);
  return db.transaction(async (tx) => {
    const store = createGridsStore(tx);
    const incident = await lockFor(tx, input.id, guard);
    if (!Number.isInteger(input.rating) || input.rating < 1 || input.rating > 5) throw badUserInput('input.rating', 'must be 1–5');
    const comment = input.comment?.trim() ? requireText(input.comment, 'input.comment', 500) : null;
    if (!canBeRated(incident.status)) {
      throw new HubError(ErrorCode.ILLEGAL_TRANSITION, `cannot rate incident ${incident.id} before it is resolved`, { status: incident.status });
    }
    if (incident.rating !== null) {
      throw new HubError(ErrorCode.ILLEGAL_TRANSITION, `incident ${incident.id} has been rated already`, { status: incident.status });
    }
    const updated = await store.updateIncident(incident.id, { ...mutableFields(incident), rating: input.rating, rating_comment: comment, rated_at: now });
    await store.insertIncidentEvents([
      {
        incident_id: incident.id,
        kind: 'RATE',
        from_status: incident.status,
        to_status: incident.status,
        actor,
        actor_key: input.actorKey ?? null,
        note: `rating ${input.rating}`,
        occurred_at: now,
      },
    ]);
    await enqueueOutbox(tx, creditEvent(incident, 'RATING_RECEIVED', now, input.rating), now);
    return updated;
  });
}

/** Writes street `streetId`'s own rule for a category, or with null the district's default. */
export async function setRoutingRule(
  db: Queryable,
  streetId: string | null,
  input: { category: IncidentCategory; leadDepartmentId: string; assistingDepartmentIds?: readonly string[] | null; deadlineHours: number },
  now: Date,
): Promise<IncidentRoutingRuleRow> {
  const lead = requireDepartmentId(input.leadDepartmentId, 'input.leadDepartmentId');
  const assisting = [...new Set(input.assistingDepartmentIds ?? [])];
  assisting.forEach((id, i) => requireDepartmentId(id, `input.assistingDepartmentIds.${i}`));
  if (assisting.includes(lead)) throw badUserInput('input.assistingDepartmentIds', 'must not include the lead department');
  if (!Number.isInteger(input.deadlineHours) || input.deadlineHours < 1 || input.deadlineHours > 8760) {
    throw badUserInput('input.deadlineHours', 'must be 1–8760 hours');
  }
  return createGridsStore(db).upsertRoutingRule(
    streetId,
    { category: input.category, lead_department_id: lead, assisting_department_ids: assisting, deadline_hours: input.deadlineHours },
    now,
  );
}

export const ESCALATION_ACTOR = 'system:escalation';

/**
 * One pass of the escalation job: every incident whose clock runs and whose deadline has passed goes
 * up one level with a fresh deadline. Idempotent — an escalated incident's new deadline lies in the
 * future, so a second pass at the same time finds nothing — and safe with several instances: rows
 * are claimed with FOR UPDATE SKIP LOCKED in batches, each batch one transaction.
 */
export async function runEscalationPass(db: Database, now: Date, options: { batchSize?: number } = {}): Promise<string[]> {
  const batchSize = options.batchSize ?? 100;
  const escalated: string[] = [];
  for (;;) {
    const batch = await db.transaction(async (tx) => {
      const store = createGridsStore(tx);
      const rows = await store.lockOverdueForEscalation(now, batchSize);
      const events: IncidentEventRow[] = [];
      for (const row of rows) {
        const { fields } = await applyAction(tx, row, { id: row.id, action: 'ESCALATE', actor: ESCALATION_ACTOR }, now);
        await store.updateIncident(row.id, fields);
        events.push({
          incident_id: row.id,
          kind: 'ESCALATE',
          from_status: row.status,
          to_status: fields.status,
          actor: ESCALATION_ACTOR,
          actor_key: null,
          note: `overdue since ${row.due_at.toISOString()}; now at ${fields.escalation_level} level`,
          occurred_at: now,
        });
      }
      await store.insertIncidentEvents(events);
      return rows.map((row) => row.id);
    });
    escalated.push(...batch);
    if (batch.length < batchSize) return escalated;
  }
}

export type { IncidentStatus };
