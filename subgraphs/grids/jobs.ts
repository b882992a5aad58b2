import { startCoBuildingEventRelay } from '../co-building/events.js';
import { createLogger } from '../../lib/kernel/log.js';
import { startTimer } from '../../lib/subgraph/outbox.js';
import type { SubgraphDeps } from '../../lib/subgraph/runtime.js';
import { DEFAULT_GRIDS_SETTINGS, type GridsSettings } from './env.js';
import { runEscalationPass } from './domain/incidents.js';

/**
 * The grids subgraph's timers: the escalation job (ESCALATION_INTERVAL_MS, default 60 s) and the
 * credit outbox relay to co-building (subgraphs/co-building/events.ts, shared with resource-pools).
 */
export function startGridsBackgroundJobs(deps: SubgraphDeps, settings: GridsSettings = DEFAULT_GRIDS_SETTINGS): () => Promise<void> {
  const log = deps.log ?? createLogger('grids');
  const clock = deps.clock ?? (() => new Date());
  const stops = [
    startTimer(
      'escalation job',
      settings.escalationIntervalMs,
      async () => {
        const escalated = await runEscalationPass(deps.db, clock());
        if (escalated.length > 0) log.info('escalated overdue incidents', { count: escalated.length });
      },
      log,
    ),
    startCoBuildingEventRelay('grids', deps, settings.outboxRelayIntervalMs),
  ];
  return async () => void (await Promise.all(stops.map((stop) => stop())));
}
