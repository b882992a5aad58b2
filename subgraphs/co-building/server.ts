import { z } from 'zod';
import { parseEnv } from '../../lib/env.js';
import { startTimer } from '../../lib/outbox.js';
import { recordCommitmentOutcomes } from './commitment-outcomes.js';
import { createLoaders } from './loaders.js';
import { resolvers } from './resolvers/index.js';
import { createCoBuildingStore } from './store.js';
import { UNKNOWN_ORDER_PROGRESS } from './commitments.js';
import type { CoBuildingContext } from './context.js';
import { createSubgraphApollo, type SubgraphDeps, type SubgraphModule } from '../../lib/subgraph.js';

export function createServer(deps: SubgraphDeps) {
  return createSubgraphApollo<CoBuildingContext>('co-building', resolvers, deps.log);
}

/** A fresh context per request: the loaders cache only within one request. */
export function createContext(deps: SubgraphDeps): CoBuildingContext {
  const store = createCoBuildingStore(deps.db);
  const clock = deps.clock ?? (() => new Date());
  return { store, loaders: createLoaders(store, clock), clock, db: deps.db, orders: UNKNOWN_ORDER_PROGRESS };
}

/** The commitment job (COMMITMENT_OUTCOMES_INTERVAL_MS, default hourly): judges periods as they end. */
export function startCoBuildingBackgroundJobs(deps: SubgraphDeps): () => Promise<void> {
  const env = parseEnv('co-building', { COMMITMENT_OUTCOMES_INTERVAL_MS: z.coerce.number().int().min(1000).default(3_600_000) });
  const clock = deps.clock ?? (() => new Date());
  return startTimer(
    'commitment outcomes',
    env.COMMITMENT_OUTCOMES_INTERVAL_MS,
    async () => {
      const created = await recordCommitmentOutcomes(deps.db, clock());
      if (created > 0) deps.log?.info('recorded commitment outcomes', { created });
    },
    deps.log,
  );
}

export const coBuildingSubgraph: SubgraphModule<CoBuildingContext> = {
  createServer,
  createContext,
  startBackgroundJobs: startCoBuildingBackgroundJobs,
};
