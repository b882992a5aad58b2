import { IN_PROCESS_CALLER, type Caller } from '../../lib/auth/caller.js';
import { createLoaders } from './loaders.js';
import { readScopeOf } from '../../lib/auth/policy.js';
import { resolvers } from './resolvers/index.js';
import { createGridsStore } from './store.js';
import type { GridsContext } from './context.js';
import { startGridsBackgroundJobs } from './jobs.js';
import { DEFAULT_GRIDS_SETTINGS, type GridsSettings } from './env.js';
import { createSubgraphApollo, type SubgraphDeps, type SubgraphModule } from '../../lib/subgraph/runtime.js';

export function createServer(deps: SubgraphDeps) {
  return createSubgraphApollo<GridsContext>('grids', resolvers, deps.log);
}

/** A fresh context per request: the loaders cache only within one request. */
export function createContext(deps: SubgraphDeps, caller: Caller = IN_PROCESS_CALLER): GridsContext {
  const store = createGridsStore(deps.db);
  const clock = deps.clock ?? (() => new Date());
  return { store, loaders: createLoaders(store, clock, readScopeOf(caller)), db: deps.db, clock, caller, peers: deps.peers };
}

export const gridsSubgraph: SubgraphModule<GridsContext, GridsSettings> = {
  defaultSettings: DEFAULT_GRIDS_SETTINGS,
  createServer,
  createContext,
  startBackgroundJobs: startGridsBackgroundJobs,
  // Its statements look rows up by ids and keys: one plan serves every value (lib/kernel/database.ts genericPlans).
  genericPlans: true,
};
