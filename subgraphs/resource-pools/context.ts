import type { ResourcePoolsLoaders } from './loaders.js';
import type { ResourcePoolsStore } from './store.js';

export interface ResourcePoolsContext {
  store: ResourcePoolsStore;
  loaders: ResourcePoolsLoaders;
}
