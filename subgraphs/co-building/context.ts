import type { Caller } from '../../lib/auth/caller.js';
import type { Database } from '../../lib/kernel/database.js';
import type { PeerClient } from '../../lib/subgraph/peer-client.js';
import type { OrderProgressSource } from './domain/commitments.js';
import type { CoBuildingLoaders } from './loaders.js';
import type { CoBuildingStore } from './store.js';

export interface CoBuildingContext {
  store: CoBuildingStore;
  loaders: CoBuildingLoaders;
  /** "Now" for a pairing's status, credit validity and commitment periods; injected so that tests see a fixed day. */
  clock: () => Date;
  /** For writes that need a transaction. */
  db: Database;
  /** Order-based commitment progress: the fulfilments resource-pools reported, counted once per request (order-fulfilments.ts). */
  orders: OrderProgressSource;
  /** Other subgraphs, for the reference checks of service reports (peers.ts); undefined: none reachable. */
  peers: PeerClient | undefined;
  /** Who asks: the signed caller the gateway forwarded (lib/auth); decides what may be changed and unmasked. */
  caller: Caller;
}
