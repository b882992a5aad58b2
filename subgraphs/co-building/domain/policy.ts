import { mutationPolicy } from '../../../lib/auth/policy.js';

/**
 * Who may write what in the co-building subgraph (the mechanism: lib/auth/policy.ts). Units and
 * their members report service; the community verifies it; only other subgraphs (their outbox
 * relays, signed as SYSTEM) record credit events and order fulfilments.
 */
export const coBuildingMutations = mutationPolicy({
  submitServiceReport: ['STREET_ADMIN', 'UNIT_MEMBER'],
  verifyServiceReport: ['STREET_ADMIN', 'COMMUNITY_WORKER'],
  recordCreditEvent: [],
  recordOrderFulfilment: [],
  // The street decides where its units serve: an admin of the unit's home street.
  setUnitServedStreets: ['STREET_ADMIN'],
});
