import { IN_PROCESS_CALLER, type Caller } from '../../lib/auth/caller.js';
import { startCoBuildingEventRelay } from '../co-building/events.js';
import { createLoaders } from './loaders.js';
import { resolvers } from './resolvers/index.js';
import { matchingSettingsFromEnv, type MatchingSettings } from './settings.js';
import { createResourcePoolsStore } from './store.js';
import type { ResourcePoolsContext } from './context.js';
import { createLogger } from '../../lib/kernel/log.js';
import { createSubgraphApollo, type SubgraphDeps, type SubgraphModule } from '../../lib/subgraph/runtime.js';

export function createServer(deps: SubgraphDeps, env: NodeJS.ProcessEnv = process.env) {
  // Read the configuration when the server is made, so a bad value fails at start, not per request.
  settingsFor(deps, env);
  return createSubgraphApollo<ResourcePoolsContext>('resource-pools', resolvers, deps.log);
}

const settingsByDeps = new WeakMap<SubgraphDeps, MatchingSettings>();
const defaultLog = createLogger('resource-pools');

/** Environment configuration, parsed once per set of deps (once per process in production). */
function settingsFor(deps: SubgraphDeps, env: NodeJS.ProcessEnv = process.env): MatchingSettings {
  let settings = settingsByDeps.get(deps);
  if (!settings) {
    settings = matchingSettingsFromEnv(deps.peers, env);
    settingsByDeps.set(deps, settings);
  }
  return settings;
}

/**
 * A fresh context per request: the loaders cache only within one request. Tests pass `settings`
 * (e.g. a partner directory pointing at a co-building subgraph they started).
 */
export function createContext(
  deps: SubgraphDeps,
  settings: MatchingSettings = settingsFor(deps),
  caller: Caller = IN_PROCESS_CALLER,
): ResourcePoolsContext {
  const store = createResourcePoolsStore(deps.db);
  const clock = deps.clock ?? (() => new Date());
  return { store, loaders: createLoaders(store), db: deps.db, clock, matching: settings, peers: deps.peers, caller, log: deps.log ?? defaultLog };
}

export const resourcePoolsSubgraph: SubgraphModule<ResourcePoolsContext> = {
  createServer,
  createContext: (deps, caller) => createContext(deps, settingsFor(deps), caller),
  // Ratings of orders co-building units fulfilled reach co-building's credit score through the outbox.
  startBackgroundJobs: (deps) => startCoBuildingEventRelay('resource-pools', deps),
};
