import { createLoaders } from './loaders.js';
import { resolvers } from './resolvers/index.js';
import { createCoBuildingStore } from './store.js';
import type { CoBuildingContext } from './context.js';
import { createSubgraphApollo, type SubgraphDeps, type SubgraphModule } from '../../lib/subgraph.js';

export function createServer(deps: SubgraphDeps) {
  return createSubgraphApollo<CoBuildingContext>('co-building', resolvers, deps.log);
}

/** A fresh context per request: the loaders cache only within one request. */
export function createContext(deps: SubgraphDeps): CoBuildingContext {
  const store = createCoBuildingStore(deps.db);
  return { store, loaders: createLoaders(store), clock: deps.clock ?? (() => new Date()) };
}

export const coBuildingSubgraph: SubgraphModule<CoBuildingContext> = { createServer, createContext };
