import { z } from 'zod';
import { signCaller } from '../../lib/auth/internal-signature.js';
import { parseEnv } from '../../lib/env.js';
import { createLogger } from '../../lib/log.js';
import { graphqlDelivery, relayOutboxOnce, startTimer, type OutboxDelivery } from '../../lib/outbox.js';
import type { SubgraphDeps } from '../../lib/subgraph.js';
import { CREDIT_EVENT_TOPIC, runEscalationPass } from './incidents.js';

const RECORD_CREDIT_EVENT = `mutation RecordCreditEvent($input: RecordCreditEventInput!) {
  recordCreditEvent(input: $input) { created }
}`;

/**
 * Delivers the grids outbox to the co-building subgraph at `url`. Calls between subgraphs carry the
 * signed caller `system:grids` when internal secrets are configured, like calls from the gateway.
 */
export function creditEventDelivery(url: string, internalSecrets: readonly string[] = []): OutboxDelivery {
  const post = graphqlDelivery({
    url,
    document: (message) => ({ query: RECORD_CREDIT_EVENT, variables: { input: message.payload } }),
    headers: () =>
      internalSecrets.length === 0
        ? {}
        : signCaller(internalSecrets, {
            subject: 'system:grids',
            role: 'SYSTEM',
            communityId: null,
            gridId: null,
            unitId: null,
            departmentId: null,
            scopes: [],
          }),
  });
  return async (message) => {
    if (message.topic !== CREDIT_EVENT_TOPIC) throw new Error(`no delivery for outbox topic ${message.topic}`);
    await post(message);
  };
}

/**
 * The grids subgraph's timers: the escalation job (ESCALATION_INTERVAL_MS, default 60 s) and the
 * outbox relay to co-building (OUTBOX_RELAY_INTERVAL_MS, default 5 s; only when CO_BUILDING_URL is
 * set — otherwise outbox rows wait until it is).
 */
export function startGridsBackgroundJobs(deps: SubgraphDeps): () => Promise<void> {
  const log = deps.log ?? createLogger('grids');
  const clock = deps.clock ?? (() => new Date());
  const env = parseEnv('grids', {
    ESCALATION_INTERVAL_MS: z.coerce.number().int().min(1000).default(60_000),
    OUTBOX_RELAY_INTERVAL_MS: z.coerce.number().int().min(100).default(5_000),
    CO_BUILDING_URL: z.string().url().optional(),
    HUB_INTERNAL_SECRETS: z.string().optional(),
  });
  const stops = [
    startTimer(
      'escalation job',
      env.ESCALATION_INTERVAL_MS,
      async () => {
        const escalated = await runEscalationPass(deps.db, clock());
        if (escalated.length > 0) log.info('escalated overdue incidents', { count: escalated.length });
      },
      log,
    ),
  ];
  if (env.CO_BUILDING_URL) {
    const deliver = creditEventDelivery(env.CO_BUILDING_URL, env.HUB_INTERNAL_SECRETS?.split(',').filter(Boolean) ?? []);
    stops.push(
      startTimer(
        'outbox relay',
        env.OUTBOX_RELAY_INTERVAL_MS,
        async () => {
          const result = await relayOutboxOnce(deps.db, deliver, clock());
          if (result.failed > 0) log.warn('outbox delivery failed; will retry', { ...result });
        },
        log,
      ),
    );
  } else {
    log.warn('CO_BUILDING_URL is not set: credit events stay in the outbox until it is');
  }
  return async () => void (await Promise.all(stops.map((stop) => stop())));
}
