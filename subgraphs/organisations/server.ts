import { IN_PROCESS_CALLER, type Caller } from '../../lib/auth/caller.js';
import { createLoaders } from './loaders.js';
import { resolvers } from './resolvers/index.js';
import { createOrganisationsStore } from './store.js';
import type { OrganisationsContext } from './context.js';
import { createSubgraphApollo, type SubgraphDeps, type SubgraphModule } from '../../lib/subgraph/runtime.js';

export function createServer(deps: SubgraphDeps) {
  return createSubgraphApollo<OrganisationsContext>('organisations', resolvers, deps.log);
}

/** A fresh context per request: the loaders cache only within one request. */
export function createContext(deps: SubgraphDeps, caller: Caller = IN_PROCESS_CALLER): OrganisationsContext {
  const store = createOrganisationsStore(deps.db);
  return { store, loaders: createLoaders(store, caller), caller };
}

/** Its statements look rows up by ids, parents and paths: one plan serves every value (lib/kernel/database.ts genericPlans). */
export const organisationsSubgraph: SubgraphModule<OrganisationsContext> = { defaultSettings: undefined, createServer, createContext, genericPlans: true };
