/**
 * What the hub's API promises clients on the wire, shared by the services that keep the promise
 * (the subgraphs) and those that pass it on or plan around it (the gateways), without either
 * loading the other's code.
 */

/** Connections answer this many items when `first` is not given. */
export const DEFAULT_PAGE_SIZE = 20;
/** The largest page a connection serves; a larger `first` is refused with BAD_USER_INPUT. */
export const MAX_PAGE_SIZE = 100;

/** Request header that makes a retried mutation safe (lib/subgraph/idempotency.ts). */
export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';
/** Set on an answer that is the stored result of an earlier request with the same key; gateways pass it on. */
export const IDEMPOTENT_REPLAY_HEADER = 'idempotent-replay';
