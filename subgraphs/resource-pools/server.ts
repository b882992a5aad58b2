import { IN_PROCESS_CALLER, type Caller } from '../../lib/auth/caller.js';
import { startResourcePoolsBackgroundJobs } from './jobs.js';
import { createLoaders } from './loaders.js';
import { resolvers } from './resolvers/index.js';
import { DEFAULT_RESOURCE_POOLS_SETTINGS, type ResourcePoolsSettings } from './env.js';
import { matchingSettingsFrom, type MatchingSettings } from './settings.js';
import { createResourcePoolsStore } from './store.js';
import type { ResourcePoolsContext } from './context.js';
import { createLogger } from '../../lib/kernel/log.js';
import { createSubgraphApollo, type SubgraphDeps, type SubgraphModule } from '../../lib/subgraph/runtime.js';

export function createServer(deps: SubgraphDeps, settings: ResourcePoolsSettings = DEFAULT_RESOURCE_POOLS_SETTINGS) {
  // Requests of this server match with these settings (createContext finds them by deps).
  settingsFor(deps, settings);
  return createSubgraphApollo<ResourcePoolsContext>('resource-pools', resolvers, deps.log);
}

const settingsByDeps = new WeakMap<SubgraphDeps, MatchingSettings>();
const defaultLog = createLogger('resource-pools');

/** The matching settings of a set of deps (one per process in production), made once. */
function settingsFor(deps: SubgraphDeps, settings: ResourcePoolsSettings = DEFAULT_RESOURCE_POOLS_SETTINGS): MatchingSettings {
  let matching = settingsByDeps.get(deps);
  if (!matching) {
    matching = matchingSettingsFrom(settings, deps.peers);
    settingsByDeps.set(deps, matching);
  }
  return matching;
}

/**
 * A fresh context per request: the loaders cache only within one request. The signature of every
 * subgraph's createContext; tests may also pass `settings` (e.g. a partner directory pointing at a
 * co-building subgraph they started).
 */
export function createContext(deps: SubgraphDeps, caller: Caller = IN_PROCESS_CALLER, settings: MatchingSettings = settingsFor(deps)): ResourcePoolsContext {
  const store = createResourcePoolsStore(deps.db);
  const clock = deps.clock ?? (() => new Date());
  return {
    store,
    loaders: createLoaders(store, clock, caller),
    db: deps.db,
    clock,
    matching: settings,
    peers: deps.peers,
    caller,
    log: deps.log ?? defaultLog,
  };
}

export const resourcePoolsSubgraph: SubgraphModule<ResourcePoolsContext, ResourcePoolsSettings> = {
  defaultSettings: DEFAULT_RESOURCE_POOLS_SETTINGS,
  createServer,
  createContext: (deps, caller) => createContext(deps, caller),
  startBackgroundJobs: startResourcePoolsBackgroundJobs,
  // No generic plans (lib/kernel/database.ts genericPlans): matching's statements are planned for
  // their values — a demand's box, a batch plan's thousands of communities — and would lose by it.
};
