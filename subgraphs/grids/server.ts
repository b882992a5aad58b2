import { createLoaders } from './loaders.js';
import { resolvers } from './resolvers/index.js';
import { createGridsStore } from './store.js';
import type { GridsContext } from './context.js';
import { createSubgraphApollo, type SubgraphDeps, type SubgraphModule } from '../../lib/subgraph.js';

export function createServer(deps: SubgraphDeps) {
  return createSubgraphApollo<GridsContext>('grids', resolvers, deps.log);
}

/** A fresh context per request: the loaders cache only within one request. */
export function createContext(deps: SubgraphDeps): GridsContext {
  const store = createGridsStore(deps.db);
  return { store, loaders: createLoaders(store) };
}

export const gridsSubgraph: SubgraphModule<GridsContext> = { createServer, createContext };
