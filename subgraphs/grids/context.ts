import type { GridsLoaders } from './loaders.js';
import type { GridsStore } from './store.js';

export interface GridsContext {
  store: GridsStore;
  loaders: GridsLoaders;
}
