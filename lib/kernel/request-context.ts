import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

/**
 * The request a piece of work belongs to, without threading it through every call: log lines
 * carry its id, and the gateway forwards the id to subgraphs (header x-request-id), so one id
 * follows a request across processes. The subgraphs run each request in an AsyncLocalStorage
 * (runInRequest, currentRequest); the gateway does not (lib/kernel/http-service.ts,
 * asyncRequestContext: false) and carries the same object on Apollo's context.
 */
export interface RequestContext {
  requestId: string;
  /**
   * Error answers of this request may carry stack traces: HUB_DEBUG_ERRORS is on and the caller is on
   * this machine (lib/kernel/http-service.ts). Off everywhere else.
   */
  debugErrors?: boolean;
  /** Aborted when the client goes away before its answer was sent: the work done for it can stop. */
  signal?: AbortSignal;
  /**
   * The request's statements outside transactions may be read from the database's read replica
   * (lib/subgraph/read-routing.ts decides: queries, never mutations, and a caller's reads only once
   * the replica has caught up with their writes).
   */
  readFromReplica?: boolean;
}

export const REQUEST_ID_HEADER = 'x-request-id';

const storage = new AsyncLocalStorage<RequestContext>();

export function runInRequest<T>(context: RequestContext, work: () => T): T {
  return storage.run(context, work);
}

export function currentRequest(): RequestContext | undefined {
  return storage.getStore();
}

/** A caller's own id is kept if it looks like an id (so it can be grepped); anything else is replaced. */
export function requestIdFrom(header: string | undefined): string {
  return header !== undefined && /^[\w.:-]{1,100}$/.test(header) ? header : randomUUID();
}
