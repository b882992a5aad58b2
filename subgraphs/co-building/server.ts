import { IN_PROCESS_CALLER, type Caller } from '../../lib/auth/caller.js';
import { z } from 'zod';
import { parseEnv } from '../../lib/kernel/env.js';
import { startTimer } from '../../lib/subgraph/outbox.js';
import { recordCommitmentOutcomes } from './commitment-outcomes.js';
import { createLoaders } from './loaders.js';
import { resolvers } from './resolvers/index.js';
import { createCoBuildingStore } from './store.js';
import type { OrderProgressSource } from './commitments.js';
import { batchedOrderProgress, orderProgressFrom } from './order-progress.js';
import type { CoBuildingContext } from './context.js';
import { createSubgraphApollo, type SubgraphDeps, type SubgraphModule } from '../../lib/subgraph/runtime.js';

export function createServer(deps: SubgraphDeps) {
  // Read the configuration when the server is made, so a bad value fails at start, not per request.
  orderProgressFor(deps);
  return createSubgraphApollo<CoBuildingContext>('co-building', resolvers, deps.log);
}

const orderProgressByDeps = new WeakMap<SubgraphDeps, OrderProgressSource>();

/** Where order-based commitment progress comes from (resource-pools as a peer), once per set of deps. */
function orderProgressFor(deps: SubgraphDeps): OrderProgressSource {
  let source = orderProgressByDeps.get(deps);
  if (!source) {
    source = orderProgressFrom(deps.peers, deps.log);
    orderProgressByDeps.set(deps, source);
  }
  return source;
}

/**
 * A fresh context per request: the loaders cache only within one request. Tests pass `orders`
 * (e.g. a source pointing at a resource-pools subgraph they started).
 */
export function createContext(deps: SubgraphDeps, caller: Caller = IN_PROCESS_CALLER, orders: OrderProgressSource = orderProgressFor(deps)): CoBuildingContext {
  const store = createCoBuildingStore(deps.db);
  const clock = deps.clock ?? (() => new Date());
  return { store, loaders: createLoaders(store, clock), clock, db: deps.db, orders: batchedOrderProgress(orders), peers: deps.peers, caller };
}

/**
 * The commitment job (COMMITMENT_OUTCOMES_INTERVAL_MS, default hourly): judges periods as they end,
 * order-based commitments with resource-pools' counts (a period it cannot count now is judged on a
 * later pass).
 */
export function startCoBuildingBackgroundJobs(deps: SubgraphDeps): () => Promise<void> {
  const env = parseEnv('co-building', { COMMITMENT_OUTCOMES_INTERVAL_MS: z.coerce.number().int().min(1000).default(3_600_000) });
  const clock = deps.clock ?? (() => new Date());
  const orders = orderProgressFor(deps);
  return startTimer(
    'commitment outcomes',
    env.COMMITMENT_OUTCOMES_INTERVAL_MS,
    async () => {
      const created = await recordCommitmentOutcomes(deps.db, clock(), orders);
      if (created > 0) deps.log?.info('recorded commitment outcomes', { created });
    },
    deps.log,
  );
}

export const coBuildingSubgraph: SubgraphModule<CoBuildingContext> = {
  createServer,
  createContext: (deps, caller) => createContext(deps, caller),
  startBackgroundJobs: startCoBuildingBackgroundJobs,
};
