import { asLeader, JobLeader } from '../../lib/subgraph/job-leader.js';
import { startTimer } from '../../lib/subgraph/outbox.js';
import type { SubgraphDeps } from '../../lib/subgraph/runtime.js';
import { recordCommitmentOutcomes } from './domain/commitment-outcomes.js';
import { DEFAULT_CO_BUILDING_SETTINGS, type CoBuildingSettings } from './env.js';

/**
 * The commitment job (COMMITMENT_OUTCOMES_INTERVAL_MS, default hourly): judges periods as they end
 * (domain/commitment-outcomes.ts). With several instances over one database only the one leading the job
 * (an advisory lock, lib/subgraph/job-leader.ts) runs its passes.
 */
export function startCoBuildingBackgroundJobs(deps: SubgraphDeps, settings: CoBuildingSettings = DEFAULT_CO_BUILDING_SETTINGS): () => Promise<void> {
  const clock = deps.clock ?? (() => new Date());
  const leader = new JobLeader(deps.db, COMMITMENT_OUTCOMES_JOB);
  const stop = startTimer(
    'commitment outcomes',
    settings.commitmentOutcomesIntervalMs,
    asLeader(leader, async () => {
      const created = await recordCommitmentOutcomes(deps.db, clock());
      if (created > 0) deps.log?.info('recorded commitment outcomes', { created });
    }),
    deps.log,
  );
  return async () => {
    await stop();
    await leader.resign();
  };
}

/** The commitment job's name among the jobs led by one instance (its advisory lock). */
export const COMMITMENT_OUTCOMES_JOB = 'co-building:commitment-outcomes';
