import { z } from 'zod';
import { parseEnv } from '../../lib/kernel/env.js';
import { createLogger } from '../../lib/kernel/log.js';
import { relayOutboxOnce, startTimer, type OutboxDelivery, type OutboxMessage } from '../../lib/subgraph/outbox.js';
import { definePeerOperation, type PeerClient } from '../../lib/subgraph/peer-client.js';
import type { SubgraphDeps, SubgraphName } from '../../lib/subgraph/runtime.js';

/**
 * Credit events (履责信用积分) that a subgraph reports to co-building through its transactional
 * outbox (lib/subgraph/outbox.ts): grids for incidents (deadline kept or missed, resident rating), resource
 * pools for rated orders. Both share this module: the topic, the payload (exactly co-building's
 * RecordCreditEventInput), the delivery through the peer client and the relay timer. The sender reports what
 * happened (a rating of 4); co-building alone decides how many points it is worth (credit.ts).
 */

/** The outbox topic delivered to co-building's recordCreditEvent. */
export const CREDIT_EVENT_TOPIC = 'co-building.recordCreditEvent';

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

/** co-building's internal mutation (@inaccessible: not in the API) that counts a reported event once. */
export const RECORD_CREDIT_EVENT = definePeerOperation<{ recordCreditEvent: { created: boolean } }, { input: CreditEventPayload }>(
  'co-building',
  `mutation RecordCreditEvent($input: RecordCreditEventInput!) {
  recordCreditEvent(input: $input) { created }
}`,
);

/**
 * Delivers credit events to the co-building subgraph through the sender's peer client (a service
 * token as system:<sender>). Any failure, refused or unavailable, leaves the row for a later pass.
 */
export function creditEventDelivery(peers: PeerClient): OutboxDelivery {
  return async (message) => {
    if (message.topic !== CREDIT_EVENT_TOPIC) throw new Error(`no delivery for outbox topic ${message.topic}`);
    await peers.request(RECORD_CREDIT_EVENT, { input: message.payload as CreditEventPayload });
  };
}

/**
 * The relay of a subgraph's credit outbox to co-building, every OUTBOX_RELAY_INTERVAL_MS (default
 * 5 s); only when co-building is configured as a peer (PEER_CO_BUILDING_URL) — otherwise the rows
 * wait in the outbox until it is. Returns a stop function that waits for a running pass.
 */
export function startCreditEventRelay(sender: SubgraphName, deps: SubgraphDeps): () => Promise<void> {
  const log = deps.log ?? createLogger(sender);
  const clock = deps.clock ?? (() => new Date());
  const env = parseEnv(sender, { OUTBOX_RELAY_INTERVAL_MS: z.coerce.number().int().min(100).default(5_000) });
  if (!deps.peers?.knows('co-building')) {
    log.warn('co-building is not configured as a peer (PEER_CO_BUILDING_URL): credit events stay in the outbox until it is');
    return async () => undefined;
  }
  const deliver = creditEventDelivery(deps.peers);
  return startTimer(
    'outbox relay',
    env.OUTBOX_RELAY_INTERVAL_MS,
    async () => {
      const result = await relayOutboxOnce(deps.db, deliver, clock());
      if (result.failed > 0) log.warn('outbox delivery failed; will retry', { ...result });
    },
    log,
  );
}
