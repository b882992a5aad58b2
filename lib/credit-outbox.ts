import { z } from 'zod';
import { systemCaller } from './auth/caller.js';
import { parseInternalSecrets, signCaller } from './auth/internal-signature.js';
import { parseEnv } from './env.js';
import { createLogger } from './log.js';
import { graphqlDelivery, relayOutboxOnce, startTimer, type OutboxDelivery, type OutboxMessage } from './outbox.js';
import type { SubgraphDeps, SubgraphName } from './subgraph.js';

/**
 * Credit events (履责信用积分) that a subgraph reports to co-building through its transactional
 * outbox (lib/outbox.ts): grids for incidents (deadline kept or missed, resident rating), resource
 * pools for rated orders. Both share this module: the topic, the payload (exactly co-building's
 * RecordCreditEventInput), the signed delivery and the relay timer. The sender reports what
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

const RECORD_CREDIT_EVENT = `mutation RecordCreditEvent($input: RecordCreditEventInput!) {
  recordCreditEvent(input: $input) { created }
}`;

/**
 * Delivers credit events to the co-building subgraph at `url`. Calls between subgraphs carry the
 * signed caller `system:<sender>` when internal secrets are configured, like calls from the gateway.
 */
export function creditEventDelivery(sender: SubgraphName, url: string, internalSecrets: readonly string[] = []): OutboxDelivery {
  const post = graphqlDelivery({
    url,
    document: (message) => ({ query: RECORD_CREDIT_EVENT, variables: { input: message.payload } }),
    headers: () => (internalSecrets.length === 0 ? {} : signCaller(internalSecrets, systemCaller(sender))),
  });
  return async (message) => {
    if (message.topic !== CREDIT_EVENT_TOPIC) throw new Error(`no delivery for outbox topic ${message.topic}`);
    await post(message);
  };
}

/**
 * The relay of a subgraph's credit outbox to co-building, every OUTBOX_RELAY_INTERVAL_MS (default
 * 5 s); only when CO_BUILDING_URL is set — otherwise the rows wait in the outbox until it is.
 * Returns a stop function that waits for a running pass.
 */
export function startCreditEventRelay(sender: SubgraphName, deps: SubgraphDeps): () => Promise<void> {
  const log = deps.log ?? createLogger(sender);
  const clock = deps.clock ?? (() => new Date());
  const env = parseEnv(sender, {
    OUTBOX_RELAY_INTERVAL_MS: z.coerce.number().int().min(100).default(5_000),
    CO_BUILDING_URL: z.string().url().optional(),
    HUB_INTERNAL_SECRETS: z.string().optional(),
  });
  if (!env.CO_BUILDING_URL) {
    log.warn('CO_BUILDING_URL is not set: credit events stay in the outbox until it is');
    return async () => undefined;
  }
  const deliver = creditEventDelivery(sender, env.CO_BUILDING_URL, parseInternalSecrets(env.HUB_INTERNAL_SECRETS ?? ''));
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
