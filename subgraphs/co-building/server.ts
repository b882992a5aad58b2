import { IN_PROCESS_CALLER, type Caller } from '../../lib/auth/caller.js';
import { DEFAULT_CO_BUILDING_SETTINGS, type CoBuildingSettings } from './env.js';
import { startCoBuildingBackgroundJobs } from './jobs.js';
import { createLoaders } from './loaders.js';
import { resolvers } from './resolvers/index.js';
import { createCoBuildingStore } from './store.js';
import { batchedOrderProgress, recordedOrderProgress } from './domain/order-fulfilments.js';
import type { CoBuildingContext } from './context.js';
import { createSubgraphApollo, type SubgraphDeps, type SubgraphModule } from '../../lib/subgraph/runtime.js';

export function createServer(deps: SubgraphDeps) {
  return createSubgraphApollo<CoBuildingContext>('co-building', resolvers, deps.log);
}

/** A fresh context per request: the loaders cache only within one request. */
export function createContext(deps: SubgraphDeps, caller: Caller = IN_PROCESS_CALLER): CoBuildingContext {
  const store = createCoBuildingStore(deps.db);
  const clock = deps.clock ?? (() => new Date());
  return {
    store,
    loaders: createLoaders(store, clock, caller),
    clock,
    db: deps.db,
    orders: batchedOrderProgress(recordedOrderProgress(store)),
    peers: deps.peers,
    caller,
  };
}

export const coBuildingSubgraph: SubgraphModule<CoBuildingContext, CoBuildingSettings> = {
  defaultSettings: DEFAULT_CO_BUILDING_SETTINGS,
  createServer,
  createContext,
  startBackgroundJobs: startCoBuildingBackgroundJobs,
  // Its statements look rows up by ids and keys: one plan serves every value (lib/kernel/database.ts genericPlans).
  genericPlans: true,
};
