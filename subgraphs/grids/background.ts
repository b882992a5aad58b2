import { z } from 'zod';
import { startCreditEventRelay } from '../../lib/credit-outbox.js';
import { parseEnv } from '../../lib/env.js';
import { createLogger } from '../../lib/log.js';
import { startTimer } from '../../lib/outbox.js';
import type { SubgraphDeps } from '../../lib/subgraph.js';
import { runEscalationPass } from './incidents.js';

/**
 * The grids subgraph's timers: the escalation job (ESCALATION_INTERVAL_MS, default 60 s) and the
 * credit outbox relay to co-building (lib/credit-outbox.ts, shared with resource-pools).
 */
export function startGridsBackgroundJobs(deps: SubgraphDeps): () => Promise<void> {
  const log = deps.log ?? createLogger('grids');
  const clock = deps.clock ?? (() => new Date());
  const env = parseEnv('grids', { ESCALATION_INTERVAL_MS: z.coerce.number().int().min(1000).default(60_000) });
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
    startCreditEventRelay('grids', deps),
  ];
  return async () => void (await Promise.all(stops.map((stop) => stop())));
}
