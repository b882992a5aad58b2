import { IN_PROCESS_CALLER, type Caller } from '../../lib/auth/caller.js';
import { asLeader, JobLeader } from '../../lib/subgraph/job-leader.js';
import { startTimer } from '../../lib/subgraph/outbox.js';
import { recordCommitmentOutcomes } from './commitment-outcomes.js';
import { DEFAULT_CO_BUILDING_SETTINGS, type CoBuildingSettings } from './env.js';
import { createLoaders } from './loaders.js';
import { resolvers } from './resolvers/index.js';
import { createCoBuildingStore } from './store.js';
import { batchedOrderProgress, recordedOrderProgress } from './order-fulfilments.js';
import type { CoBuildingContext } from './context.js';
import { createSubgraphApollo, type SubgraphDeps, type SubgraphModule } from '../../lib/subgraph/runtime.js';

export function createServer(deps: SubgraphDeps) {
  return createSubgraphApollo<CoBuildingContext>('co-building', resolvers, deps.log);
}

/** A fresh context per request: the loaders cache only within one request. */
export function createContext(deps: SubgraphDeps, caller: Caller = IN_PROCESS_CALLER): CoBuildingContext {
  const store = createCoBuildingStore(deps.db);
  const clock = deps.clock ?? (() => new Date());
  return { store, loaders: createLoaders(store, clock), clock, db: deps.db, orders: batchedOrderProgress(recordedOrderProgress(store)), peers: deps.peers, caller };
}

/**
 * The commitment job (COMMITMENT_OUTCOMES_INTERVAL_MS, default hourly): judges periods as they end
 * (commitment-outcomes.ts). With several instances over one database only the one leading the job
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

export const coBuildingSubgraph: SubgraphModule<CoBuildingContext, CoBuildingSettings> = {
  defaultSettings: DEFAULT_CO_BUILDING_SETTINGS,
  createServer,
  createContext,
  startBackgroundJobs: startCoBuildingBackgroundJobs,
};
