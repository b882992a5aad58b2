import type { Caller } from '../../lib/auth/caller.js';
import type { Database } from '../../lib/kernel/database.js';
import type { PeerClient } from '../../lib/subgraph/peer-client.js';
import type { Logger } from '../../lib/kernel/log.js';
import type { ResourcePoolsLoaders } from './loaders.js';
import type { MatchingSettings } from './settings.js';
import type { ResourcePoolsStore } from './store.js';

export interface ResourcePoolsContext {
  store: ResourcePoolsStore;
  loaders: ResourcePoolsLoaders;
  /** For the order loop's transactions (a store over the pool cannot hold one). */
  db: Database;
  /** "Now" for capacity periods and timelines; tests inject a fixed clock. */
  clock: () => Date;
  /** Weights, fairness share and the co-building partner directory. */
  matching: MatchingSettings;
  /** Other subgraphs, for the reference checks of writes (peers.ts); undefined: none reachable. */
  peers: PeerClient | undefined;
  /** Who asks: the signed caller the gateway forwarded (lib/auth); decides what may be changed and unmasked. */
  caller: Caller;
  /** The service's log (e.g. matching that had to do without partner data says so here). */
  log: Logger;
}
