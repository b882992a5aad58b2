import { createLoaders } from './loaders.js';
import { resolvers } from './resolvers/index.js';
import { createResourcePoolsStore } from './store.js';
import type { ResourcePoolsContext } from './context.js';
import { createSubgraphApollo, type SubgraphDeps, type SubgraphModule } from '../../lib/subgraph.js';

export function createServer(deps: SubgraphDeps) {
  return createSubgraphApollo<ResourcePoolsContext>('resource-pools', resolvers, deps.log);
}

/** A fresh context per request: the loaders cache only within one request. */
export function createContext(deps: SubgraphDeps): ResourcePoolsContext {
  const store = createResourcePoolsStore(deps.db);
  return { store, loaders: createLoaders(store) };
}

export const resourcePoolsSubgraph: SubgraphModule<ResourcePoolsContext> = { createServer, createContext };
