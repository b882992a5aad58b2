/**
 * The order loop's writes (点单 → 派单 → 接单 → 评单). Each runs in one transaction that locks the
 * demand row, asks the pure transition table (order-lifecycle.ts) what may happen, and writes the
 * row and its timeline entry together; a dispatch also holds the resource's capacity for the current
 * period with a conditional upsert (store.holdCapacity) until the order is declined, cancelled or
 * expires. For an order a co-building unit's resource took, fulfilling it and rating it write events
 * for co-building to the outbox (subgraphs/co-building/events.ts): the fulfilment (its commitment
 * progress) and the credit the rating moves. Any refusal throws, which rolls the transaction back, so
 * a refused call changes nothing.
 */
import { creditEventMessage, orderFulfilmentMessage } from '../../co-building/events.js';
import type { Database, Queryable } from '../../../lib/kernel/database.js';
import { assertNever, badUserInput, ErrorCode, HubError } from '../../../lib/kernel/errors.js';
import { enqueueOutbox, type OutboxMessage } from '../../../lib/subgraph/outbox.js';
import type { PeerClient } from '../../../lib/subgraph/peer-client.js';
import { askOwner } from '../../../lib/subgraph/references.js';
import { COMMUNITY_OF_DEMAND, GRID_OF_DEMAND } from '../peers.js';
import { categoryFitsFromRows } from './matching.js';
import { capacityPeriodKey, nextDemandStatus, type OrderAction } from './order-lifecycle.js';
import {
  createResourcePoolsStore,
  type DemandEventRow,
  type DemandRow,
  type DemandSource,
  type ResourceCategory,
  type ResourcePoolsStore,
  type ResourceRow,
  WHOLE_DISTRICT,
} from '../store.js';

const MAX_TEXT = 2000;
const ID = /^[\w.:-]{1,100}$/;

function requireText(value: string, field: string, max = MAX_TEXT): string {
  const trimmed = value.trim();
  if (trimmed.length === 0) throw badUserInput(field, 'must not be empty');
  if (trimmed.length > max) throw badUserInput(field, `must be at most ${max} characters`);
  return trimmed;
}

function optionalText(value: string | null | undefined, field: string, max = MAX_TEXT): string | null {
  if (value == null || value.trim() === '') return null;
  return requireText(value, field, max);
}

function requireId(value: string, field: string): string {
  if (!ID.test(value)) throw badUserInput(field, 'is not a valid id');
  return value;
}

export interface SubmitDemandInput {
  title: string;
  description: string;
  category: ResourceCategory;
  communityId: string;
  gridId?: string | null;
  source: DemandSource;
  location?: { lat: number; lng: number } | null;
  /** The narrower kind of help (help_kinds); GENERAL when omitted. */
  subKind?: string | null;
  /** How much, in `unit`; both default to the kind's (help_kinds). */
  amount?: number | null;
  unit?: string | null;
  actor: string;
  /** The actor's identity for separation of duties (lib/auth/policy.ts actorKeyOf). */
  actorKey?: string | null;
}

/**
 * A demand's place exists and holds together, as grids (its owner) says: the grid exists and
 * belongs to the community named, which decides (a grid of another community is refused on
 * `input.gridId`); without a grid, the community exists. Asked before the write's transaction, so
 * no lock waits on another subgraph; grids and communities are never deleted, so the answer holds.
 */
export async function checkDemandPlace(peers: PeerClient | undefined, input: Pick<SubmitDemandInput, 'communityId' | 'gridId'>): Promise<void> {
  const communityId = requireId(input.communityId, 'input.communityId');
  if (input.gridId == null) {
    const { community } = await askOwner(peers, COMMUNITY_OF_DEMAND, { id: communityId });
    if (community === null) throw badUserInput('input.communityId', `no community ${communityId}`);
    return;
  }
  const gridId = requireId(input.gridId, 'input.gridId');
  const { grid } = await askOwner(peers, GRID_OF_DEMAND, { id: gridId });
  if (grid === null) throw badUserInput('input.gridId', `no grid ${gridId}`);
  if (grid.community.id !== communityId) throw badUserInput('input.gridId', `grid ${gridId} belongs to community ${grid.community.id}, not ${communityId}`);
}

/** The units capacities are counted in (help_kinds checks the same list). */
export const CAPACITY_UNITS = ['人次', '小时', '元', '场', '件'] as const;
const MAX_AMOUNT = 1_000_000_000;

/** Writes a demand whose place checkDemandPlace has confirmed (the Mutation resolver asks first). */
export async function submitDemand(db: Database, input: SubmitDemandInput, now: Date): Promise<DemandRow> {
  const title = requireText(input.title, 'input.title', 100);
  const description = requireText(input.description, 'input.description');
  const communityId = requireId(input.communityId, 'input.communityId');
  const gridId = input.gridId == null ? null : requireId(input.gridId, 'input.gridId');
  const actor = requireText(input.actor, 'input.actor', 100);
  let lat: number | null = null;
  let lng: number | null = null;
  if (input.location != null) {
    ({ lat, lng } = input.location);
    if (!Number.isFinite(lat) || lat < -90 || lat > 90) throw badUserInput('input.location.lat', 'must be between -90 and 90');
    if (!Number.isFinite(lng) || lng < -180 || lng > 180) throw badUserInput('input.location.lng', 'must be between -180 and 180');
  }
  if (input.amount != null && (!Number.isInteger(input.amount) || input.amount < 1 || input.amount > MAX_AMOUNT)) {
    throw badUserInput('input.amount', `must be a whole number from 1 to ${MAX_AMOUNT}`);
  }
  if (input.unit != null && !(CAPACITY_UNITS as readonly string[]).includes(input.unit)) {
    throw badUserInput('input.unit', `must be one of ${CAPACITY_UNITS.join(', ')}`);
  }
  return db.transaction(async (tx) => {
    const store = createResourcePoolsStore(tx);
    const subKind = input.subKind ?? 'GENERAL';
    const kinds = (await store.findHelpKinds()).filter((row) => row.category === input.category);
    const kind = kinds.find((row) => row.sub_kind === subKind);
    if (!kind) throw badUserInput('input.subKind', `must be one of the kinds of ${input.category}: ${kinds.map((row) => row.sub_kind).join(', ')}`);
    const unit = input.unit ?? kind.unit;
    // A default amount only makes sense in the kind's own unit (1000 元 is not 1000 场).
    const amount = input.amount ?? (unit === kind.unit ? kind.default_amount : 1);
    const demand = await store.insertDemand({
      title,
      description,
      category: input.category,
      sub_kind: subKind,
      community_id: communityId,
      grid_id: gridId,
      source: input.source,
      status: 'OPEN',
      created_at: now.toISOString(),
      lat,
      lng,
      amount,
      unit,
      resource_id: null,
      usage_period: null,
      rating: null,
      rating_comment: null,
    });
    await store.insertDemandEvents([
      {
        demand_id: demand.id,
        kind: 'SUBMIT',
        from_status: null,
        to_status: 'OPEN',
        actor,
        actor_key: input.actorKey ?? null,
        note: null,
        resource_id: null,
        occurred_at: now.toISOString(),
      },
    ]);
    return demand;
  });
}

export interface OrderActionInput {
  id: string;
  actor: string;
  /** The actor's identity for separation of duties (lib/auth/policy.ts actorKeyOf). */
  actorKey?: string | null;
  note?: string | null;
  /** DISPATCH only. */
  resourceId?: string | null;
  /** RATE only. */
  rating?: number | null;
  comment?: string | null;
}

/** The illegal-transition error every refused action raises; carries the status and action. */
export function illegalTransition(demand: DemandRow, action: OrderAction): HubError {
  return new HubError(ErrorCode.ILLEGAL_TRANSITION, `a ${demand.status} demand cannot take ${action}`, {
    status: demand.status,
    action,
  });
}

/** The answer for a demand id that is not there (to a caller who may act anywhere). */
export function noDemand(id: string): HubError {
  return badUserInput('input.id', `no demand ${id}`);
}

/**
 * How a request's caller is checked on the demand it names (resolvers/Mutation.ts), inside the
 * transaction and before the demand's state or the input is looked at; omitted by in-process callers.
 */
export interface OrderGuard {
  /** The refusal for a demand that does not exist: to a scoped caller, the same as for one not its own. */
  missing(id: string): HubError;
  /** Throws FORBIDDEN unless the caller may take this step on this demand, given its timeline. */
  authorize(demand: DemandRow, timeline: readonly DemandEventRow[], store: ResourcePoolsStore): Promise<void>;
}

/** Applies one action of the order loop to one demand, or refuses with a coded error and changes nothing. */
export async function applyOrderAction(db: Database, action: OrderAction, input: OrderActionInput, now: Date, guard?: OrderGuard): Promise<DemandRow> {
  const id = requireId(input.id, 'input.id');
  const actor = requireText(input.actor, 'input.actor', 100);

  return db.transaction(async (tx) => {
    const store = createResourcePoolsStore(tx);
    const demand = await store.lockDemand(id);
    if (!demand) throw guard ? guard.missing(id) : noDemand(id);
    await guard?.authorize(demand, await store.findDemandEventsByDemandIds([demand.id]), store);
    let note = optionalText(input.note, 'input.note');
    let rating: number | null = null;
    let comment: string | null = null;
    if (action === 'RATE') {
      rating = input.rating ?? null;
      if (rating === null || !Number.isInteger(rating) || rating < 1 || rating > 5) throw badUserInput('input.rating', 'must be an integer from 1 to 5');
      comment = optionalText(input.comment, 'input.comment', 500);
      note ??= `${rating}星`;
    }
    if (action === 'DISPATCH' && (input.resourceId == null || !ID.test(input.resourceId))) throw badUserInput('input.resourceId', 'is not a valid id');
    const next = nextDemandStatus(demand.status, action);
    if (next === null) throw illegalTransition(demand, action);
    const fields = {
      status: next,
      resource_id: demand.resource_id,
      usage_period: demand.usage_period,
      rating: demand.rating,
      rating_comment: demand.rating_comment,
    };
    switch (action) {
      case 'DISPATCH': {
        const resource = await requireDispatchable(store, demand, input.resourceId!);
        fields.resource_id = resource.id;
        fields.usage_period = await holdCapacity(store, resource, demand.amount, now);
        break;
      }
      case 'ACCEPT':
        fields.usage_period = await keepCapacityForAcceptance(store, demand, now);
        break;
      case 'RATE':
        fields.rating = rating;
        fields.rating_comment = comment;
        break;
      case 'DECLINE':
      case 'CANCEL':
      case 'EXPIRE':
        // The order no longer needs the resource: what its dispatch held goes back (nothing when it was not dispatched).
        if (demand.resource_id !== null && demand.usage_period !== null) await store.releaseCapacity(demand.resource_id, demand.usage_period, demand.amount);
        fields.usage_period = null;
        break;
      case 'FULFIL':
        break;
      default:
        assertNever(action, 'order action');
    }
    const updated = await store.updateDemand(demand.id, fields);
    if (action === 'RATE') await recordRating(tx, store, updated, now);
    if (action === 'FULFIL') await reportFulfilment(tx, store, updated, now);
    await store.insertDemandEvents([
      {
        demand_id: demand.id,
        kind: action,
        from_status: demand.status,
        to_status: next,
        actor,
        actor_key: input.actorKey ?? null,
        note,
        resource_id: fields.resource_id,
        occurred_at: now.toISOString(),
      },
    ]);
    return updated;
  });
}

/**
 * What a rating (评单) moves, in its own transaction: the provider's rating summary (matching's
 * RATING term), and for orders a co-building unit fulfilled the credit event co-building turns into
 * points (its credit policy, subgraphs/co-building/domain/credit.ts), linked back to this demand. Orders of
 * departments' resources move no credit: only units have a duty credit score.
 */
async function recordRating(tx: Queryable, store: ResourcePoolsStore, demand: DemandRow, now: Date): Promise<void> {
  const [resource] = demand.resource_id === null ? [] : await store.findResourcesByIds([demand.resource_id], WHOLE_DISTRICT);
  if (!resource || demand.rating === null) return;
  await store.addProviderRating(resource.provider_kind, resource.provider_id, demand.rating);
  if (resource.provider_kind !== 'CO_BUILDING_UNIT') return;
  const message: OutboxMessage = creditEventMessage(
    { unitId: resource.provider_id, reason: 'RATING_RECEIVED', rating: demand.rating, source: { subgraph: 'resource-pools', type: 'Demand', id: demand.id } },
    now,
  );
  await enqueueOutbox(tx, [message], now);
}

/**
 * An order a co-building unit's resource fulfilled is reported to co-building, in the fulfilment's
 * transaction: co-building counts the unit's order-based commitments (micro-wishes adopted) from
 * these reports and never asks resource-pools.
 */
async function reportFulfilment(tx: Queryable, store: ResourcePoolsStore, demand: DemandRow, now: Date): Promise<void> {
  const [resource] = demand.resource_id === null ? [] : await store.findResourcesByIds([demand.resource_id], WHOLE_DISTRICT);
  if (resource?.provider_kind !== 'CO_BUILDING_UNIT') return;
  const message = orderFulfilmentMessage({
    orderId: demand.id,
    unitId: resource.provider_id,
    communityId: demand.community_id,
    demandSource: demand.source,
    fulfilledAt: now.toISOString(),
  });
  await enqueueOutbox(tx, [message], now);
}

/** A demand may go only to an existing resource that serves its community with a fitting category, counting capacity in the demand's unit. */
async function requireDispatchable(store: ResourcePoolsStore, demand: DemandRow, resourceId: string) {
  const [resource] = await store.findResourcesByIds([resourceId], WHOLE_DISTRICT);
  if (!resource) throw badUserInput('input.resourceId', `no resource ${resourceId}`);
  if (resource.capacity_unit !== demand.unit) {
    throw badUserInput(
      'input.resourceId',
      `resource ${resource.id} counts its capacity in ${resource.capacity_unit}, but the demand asks for ${demand.amount} ${demand.unit}; choose a resource that counts in ${demand.unit}`,
    );
  }
  const fit = categoryFitsFromRows(await store.findCategoryFits()).fit(
    { category: demand.category, subKind: demand.sub_kind },
    { category: resource.category, subKind: resource.sub_kind },
  );
  if (fit.weight === 0) throw badUserInput('input.resourceId', `resource ${resource.id} cannot meet this demand: ${fit.note}`);
  const served = await store.findResourceCommunitiesByResourceIds([resource.id]);
  if (!served.some((link) => link.community_id === demand.community_id)) {
    throw badUserInput('input.resourceId', `resource ${resource.id} does not serve ${demand.community_id}`);
  }
  return resource;
}

/** Holds `amount` of the resource's capacity in the period `now` falls in (the dispatch's), or CAPACITY_EXHAUSTED. */
async function holdCapacity(store: ResourcePoolsStore, resource: ResourceRow, amount: number, now: Date): Promise<string> {
  const period = capacityPeriodKey(resource.capacity_period, now);
  if ((await store.holdCapacity([{ resourceId: resource.id, periodStart: period, amount }])).length === 0) throw capacityExhausted(resource, period, amount);
  return period;
}

/**
 * Acceptance turns the dispatch's hold into use. Accepted in the period it was dispatched in, that
 * takes nothing more; accepted in a later period (a DAY resource dispatched yesterday), the order
 * uses today's capacity, so the hold moves: taken in the current period (or CAPACITY_EXHAUSTED),
 * given back in the old one. Orders dispatched before holds existed hold nothing and take it now.
 */
async function keepCapacityForAcceptance(store: ResourcePoolsStore, demand: DemandRow, now: Date): Promise<string> {
  const [resource] = demand.resource_id === null ? [] : await store.findResourcesByIds([demand.resource_id], WHOLE_DISTRICT);
  if (!resource) throw new HubError(ErrorCode.INTERNAL_SERVER_ERROR, `dispatched demand ${demand.id} has no resource`);
  const period = capacityPeriodKey(resource.capacity_period, now);
  if (demand.usage_period === period) return period;
  await holdCapacity(store, resource, demand.amount, now);
  if (demand.usage_period !== null) await store.releaseCapacity(resource.id, demand.usage_period, demand.amount);
  return period;
}

export function capacityExhausted(resource: Pick<ResourceRow, 'id' | 'capacity_unit' | 'capacity_amount'>, period: string, amount: number): HubError {
  return new HubError(
    ErrorCode.CAPACITY_EXHAUSTED,
    `resource ${resource.id} has less than ${amount} ${resource.capacity_unit} left for the period starting ${period}`,
    { resourceId: resource.id, periodStart: period, capacity: resource.capacity_amount, amount },
  );
}
