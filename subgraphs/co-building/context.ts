import type { CoBuildingLoaders } from './loaders.js';
import type { CoBuildingStore } from './store.js';

export interface CoBuildingContext {
  store: CoBuildingStore;
  loaders: CoBuildingLoaders;
  /** "Now" for a pairing's status; injected so that tests and replays see a fixed day. */
  clock: () => Date;
}
