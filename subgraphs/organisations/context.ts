import type { OrganisationsLoaders } from './loaders.js';
import type { OrganisationsStore } from './store.js';

export interface OrganisationsContext {
  store: OrganisationsStore;
  loaders: OrganisationsLoaders;
}
