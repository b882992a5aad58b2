import type { Caller } from '../../lib/auth/caller.js';
import type { OrganisationsLoaders } from './loaders.js';
import type { OrganisationsStore } from './store.js';

export interface OrganisationsContext {
  store: OrganisationsStore;
  loaders: OrganisationsLoaders;
  /** Who asks: the signed caller the gateway forwarded (lib/auth); decides what may be changed and unmasked. */
  caller: Caller;
}
