import { GraphQLError } from 'graphql';

/**
 * Every error the hub raises on purpose carries one of these codes in `extensions.code`, so that
 * clients branch on a stable value instead of parsing (bilingual) messages.
 */
export const ErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  /** The HTTP request itself is unusable: malformed JSON, no query, wrong content type. */
  BAD_REQUEST: 'BAD_REQUEST',
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  /** A document over the depth, alias, cost or token limits (gateway/src/query-limits.ts). */
  QUERY_TOO_COMPLEX: 'QUERY_TOO_COMPLEX',
  /** A state change the entity's current state does not allow (e.g. closing an incident not yet verified); nothing changed. */
  ILLEGAL_TRANSITION: 'ILLEGAL_TRANSITION',
  /** A resource has no capacity left in the current period for one more order; nothing changed. */
  CAPACITY_EXHAUSTED: 'CAPACITY_EXHAUSTED',
  /** The gateway could not reach a subgraph (down, restarting, refusing connections); `extensions.serviceName` names it. */
  SUBGRAPH_UNAVAILABLE: 'SUBGRAPH_UNAVAILABLE',
  /** A subgraph did not answer within its timeout (SUBGRAPH_TIMEOUT_MS); `extensions.serviceName` names it. */
  SUBGRAPH_TIMEOUT: 'SUBGRAPH_TIMEOUT',
  /**
   * A subgraph's PostgreSQL is down, restarting or dropped the connection (refused, terminated,
   * `57P01` admin shutdown, `57P03` starting up …). `extensions.retryable` is true: the same request
   * may succeed once the database is back (seconds, under the launcher). A query can simply be sent
   * again; a mutation should be retried with its Idempotency-Key, since a connection lost during
   * COMMIT leaves it unknown whether the change was made.
   */
  DATABASE_UNAVAILABLE: 'DATABASE_UNAVAILABLE',
  /**
   * The client closed its connection before the answer: the gateway stopped the subgraph fetches of
   * its query. No client sees it (there is no one to answer); it shows in logs and traces.
   */
  REQUEST_ABANDONED: 'REQUEST_ABANDONED',
  /**
   * A write could not check its references with the subgraph that owns them (down, too slow,
   * refusing the call), so it was refused and changed nothing; `extensions.dependency` names that
   * subgraph and `extensions.retryable` is true when sending the same write again later may work.
   * Also (HTTP 503, `dependency: "jwks"`): a token could not be checked because the identity
   * provider's key set (JWT_JWKS_URL) could not be fetched; the same request may pass shortly.
   */
  DEPENDENCY_UNAVAILABLE: 'DEPENDENCY_UNAVAILABLE',
  /** The caller sent more requests than its rate limit (HTTP 429 with Retry-After). */
  RATE_LIMITED: 'RATE_LIMITED',
  /** Safelist mode (SAFELIST_PATH): the operation is not in the persisted-operations manifest. */
  OPERATION_NOT_IN_SAFELIST: 'OPERATION_NOT_IN_SAFELIST',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export interface HubErrorDetails {
  /** The argument or input field at fault, as a path such as `filter.officeId`. */
  field?: string;
  [detail: string]: unknown;
}

export class HubError extends GraphQLError {
  constructor(code: ErrorCode, message: string, details: HubErrorDetails = {}) {
    super(message, { extensions: { code, ...details } });
  }
}

export function badUserInput(field: string, message: string, details: HubErrorDetails = {}): HubError {
  return new HubError(ErrorCode.BAD_USER_INPUT, `${field}: ${message}`, { ...details, field });
}

/** Compile-time proof that a switch handled every member of a union; throws if reached anyway. */
export function assertNever(value: never, what: string): never {
  throw new Error(`Unhandled ${what}: ${String(value)}`);
}
