import { duration } from '../../lib/kernel/env.js';
import { createLogger } from '../../lib/kernel/log.js';
import { relayOutboxOnce, startTimer, type OutboxDelivery, type OutboxMessage } from '../../lib/subgraph/outbox.js';
import { definePeerOperation, type PeerClient } from '../../lib/subgraph/peer-client.js';
import type { SubgraphDeps } from '../../lib/subgraph/runtime.js';
import type { SubgraphName } from '../../lib/subgraph/names.js';

/**
 * The events other subgraphs report to co-building through their transactional outboxes
 * (lib/subgraph/outbox.ts) — co-building's inbound contract, in one module: each topic, its payload
 * (exactly the input of the internal mutation that receives it), the delivery through the sender's
 * peer client and the relay timer.
 * - Credit events (履责信用积分): grids for incidents (deadline kept or missed, resident rating),
 *   resource-pools for rated orders. The sender reports what happened (a rating of 4); co-building
 *   alone decides how many points it is worth (credit.ts).
 * - Order fulfilments: resource-pools for each order a unit's resource fulfilled; co-building counts
 *   order-based commitment progress from them (order-fulfilments.ts).
 * docs/architecture.md draws every topic; test/architecture.test.ts fails for one it does not name.
 */

/** The outbox topic delivered to co-building's recordCreditEvent. */
export const CREDIT_EVENT_TOPIC = 'co-building.recordCreditEvent';
/** The outbox topic delivered to co-building's recordOrderFulfilment. */
export const ORDER_FULFILMENT_TOPIC = 'co-building.recordOrderFulfilment';

export type ReportedCreditReason = 'DEADLINE_KEPT' | 'DEADLINE_MISSED' | 'RATING_RECEIVED';

/** What happened: the payload without its time. */
export interface CreditEvent {
  unitId: string;
  reason: ReportedCreditReason;
  rating: number | null;
  /** The record that caused the event; co-building counts an event once per (source, reason). */
  source: { subgraph: SubgraphName; type: string; id: string };
}

/** The payload is exactly co-building's RecordCreditEventInput. */
export interface CreditEventPayload extends CreditEvent {
  occurredAt: string;
  [key: string]: unknown;
}

export function creditEventMessage(event: CreditEvent, at: Date): OutboxMessage {
  const payload: CreditEventPayload = { ...event, occurredAt: at.toISOString() };
  return { topic: CREDIT_EVENT_TOPIC, payload };
}

/** The payload of co-building.recordOrderFulfilment: exactly co-building's RecordOrderFulfilmentInput. */
export interface OrderFulfilment {
  orderId: string;
  unitId: string;
  communityId: string;
  /** resource-pools' DemandSource of the order (MICRO_WISH …). */
  demandSource: string;
  /** ISO 8601. */
  fulfilledAt: string;
}

/** An order a unit's resource fulfilled; call inside the fulfilment's transaction (enqueueOutbox). */
export function orderFulfilmentMessage(fulfilment: OrderFulfilment): OutboxMessage {
  return { topic: ORDER_FULFILMENT_TOPIC, payload: { ...fulfilment } };
}

/** co-building's internal mutation (@inaccessible: not in the API) that counts a reported event once. */
export const RECORD_CREDIT_EVENT = definePeerOperation<{ recordCreditEvent: { created: boolean } }, { input: CreditEventPayload }>(
  'co-building',
  `mutation RecordCreditEvent($input: RecordCreditEventInput!) {
  recordCreditEvent(input: $input) { created }
}`,
);

/** co-building's internal mutation that records a fulfilled order once. */
export const RECORD_ORDER_FULFILMENT = definePeerOperation<
  { recordOrderFulfilment: { created: boolean } },
  { input: OrderFulfilment & Record<string, unknown> }
>(
  'co-building',
  `mutation RecordOrderFulfilment($input: RecordOrderFulfilmentInput!) {
  recordOrderFulfilment(input: $input) { created }
}`,
);

/** Every topic co-building receives; test/architecture.test.ts checks each is drawn in docs/architecture.md. */
export const CO_BUILDING_TOPICS = [CREDIT_EVENT_TOPIC, ORDER_FULFILMENT_TOPIC] as const;

/**
 * Delivers co-building's events through the sender's peer client (a service token as
 * system:<sender>). Any failure, refused or unavailable, leaves the row for a later pass.
 */
export function coBuildingEventDelivery(peers: PeerClient): OutboxDelivery {
  return async (message) => {
    switch (message.topic) {
      case CREDIT_EVENT_TOPIC:
        await peers.request(RECORD_CREDIT_EVENT, { input: message.payload as CreditEventPayload });
        return;
      case ORDER_FULFILMENT_TOPIC:
        await peers.request(RECORD_ORDER_FULFILMENT, { input: message.payload as unknown as OrderFulfilment & Record<string, unknown> });
        return;
      default:
        throw new Error(`no delivery for outbox topic ${message.topic}`);
    }
  };
}

export const DEFAULT_OUTBOX_RELAY_INTERVAL_MS = 5_000;
/** OUTBOX_RELAY_INTERVAL_MS, read by the env.ts of each subgraph that sends co-building events. */
export const CO_BUILDING_RELAY_VARIABLES = {
  OUTBOX_RELAY_INTERVAL_MS: duration({ min: 100, max: 3_600_000 }).default(DEFAULT_OUTBOX_RELAY_INTERVAL_MS),
};

/**
 * The relay of a subgraph's outbox to co-building, every `intervalMs` (OUTBOX_RELAY_INTERVAL_MS, default
 * 5 s); only when co-building is configured as a peer (PEER_CO_BUILDING_URL) — otherwise the rows wait in
 * the outbox until it is. Returns a stop function that waits for a running pass.
 */
export function startCoBuildingEventRelay(sender: SubgraphName, deps: SubgraphDeps, intervalMs: number): () => Promise<void> {
  const log = deps.log ?? createLogger(sender);
  const clock = deps.clock ?? (() => new Date());
  if (!deps.peers?.knows('co-building')) {
    log.warn('co-building is not configured as a peer (PEER_CO_BUILDING_URL): its events stay in the outbox until it is');
    return async () => undefined;
  }
  const deliver = coBuildingEventDelivery(deps.peers);
  return startTimer(
    'outbox relay',
    intervalMs,
    async () => {
      const result = await relayOutboxOnce(deps.db, deliver, clock());
      if (result.failed > 0) log.warn('outbox delivery failed; will retry', { ...result });
    },
    log,
  );
}
