import type { Caller } from '../../lib/auth/caller.js';
import type { Database } from '../../lib/kernel/database.js';
import type { PeerClient } from '../../lib/subgraph/peer-client.js';
import type { GridsLoaders } from './loaders.js';
import type { GridsStore } from './store.js';

export interface GridsContext {
  store: GridsStore;
  loaders: GridsLoaders;
  /** For the incident loop's transactions (a store over the pool cannot hold one). */
  db: Database;
  /** "Now" for deadlines and overdue figures; tests inject a fixed clock. */
  clock: () => Date;
  /** Who asks: the signed caller the gateway forwarded (lib/auth); decides what may be changed and unmasked. */
  caller: Caller;
  /** Calls to the other subgraphs (peers.ts); undefined in-process, where every peer is unavailable. */
  peers?: PeerClient;
}
