import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { Kind, OperationTypeNode, type DocumentNode } from 'graphql';
import { Counter, type Registry } from 'prom-client';
import Pool from 'undici/lib/dispatcher/pool.js';
import { ErrorCode } from '../../lib/kernel/errors.js';
import { IDEMPOTENCY_KEY_HEADER, IDEMPOTENT_REPLAY_HEADER } from '../../lib/kernel/api-contract.js';
import { REQUEST_ID_HEADER, currentRequest, type RequestContext } from '../../lib/kernel/request-context.js';
import { injectContext } from '../../lib/kernel/tracing.js';
import { NOT_SENT_ERROR_CODES, ReplicaRotation } from '../../lib/kernel/replicas.js';
import { InFlightDeduplicator } from './dedup.js';
import { batchedQuery, batchedVariables, entityFetchOf, splitBatchedAnswer, type EntityFetch } from './entity-batching.js';
import type { GatewayContext } from './security.js';

/** What a data source answers the gateway with (the type lives in a package we do not depend on directly). */
type GatewayGraphQLResponse = Awaited<ReturnType<GraphQLDataSource['process']>>;

/**
 * Incoming request headers the gateway passes on to every subgraph fetch (docs/trust-contract.md):
 * Authorization, so that each subgraph verifies the caller's token itself (the gateway verified it
 * too, before anything was planned); Idempotency-Key makes a retried mutation safe
 * (lib/subgraph/idempotency.ts); x-request-id ties the subgraphs' log lines to the gateway's.
 */
export const FORWARDED_HEADERS = ['authorization', 'idempotency-key', REQUEST_ID_HEADER] as const;

/**
 * Headers that only correlate logs and traces and never change an answer. They are left out of the
 * deduplication key: every request gets its own x-request-id (made up when the caller sends none),
 * so keying on it would mean nothing is ever shared. A request that joins another's fetch is
 * answered under the first request's id in the subgraph's logs.
 */
const CORRELATION_HEADERS = new Set<string>([REQUEST_ID_HEADER, 'traceparent', 'tracestate', 'baggage']);

/** The client's request headers as the gateway hands them over (Apollo's HeaderMap or a Headers). */
export interface IncomingHeaders {
  get(name: string): string | null | undefined;
}

/** Symbol in the Apollo context of the warm-up requests (warm-up.ts): plan, but fetch nothing. */
export const WARM_UP = Symbol('gateway warm-up');

export interface FetcherOptions {
  /** Connections kept open to each subgraph. */
  connections?: number;
  /** HTTP/1.1 requests sent on one connection before the first answer (1: no pipelining). */
  pipelining?: number;
  /** Share identical in-flight query fetches (never mutations). Default on. */
  dedup?: boolean;
  /** Send the entity fetches of one query to one subgraph that are ready together as one request (entity-batching.ts). Default on. */
  batchEntityFetches?: boolean;
  /** Counts sent and shared subgraph fetches on this registry (hub_gateway_subgraph_fetches_total). */
  registry?: Registry;
  /**
   * Headers that vouch for one request to one subgraph, made from its exact body each time it is
   * sent (a resend gets a new one): the router signature of the trust contract. Not part of the
   * deduplication key, which already holds the caller's Authorization.
   */
  signRequest?: (subgraph: string, body: string) => Record<string, string>;
  /**
   * How long one fetch may take, per subgraph name, before it is abandoned with SUBGRAPH_TIMEOUT
   * (SUBGRAPH_TIMEOUT_MS and SUBGRAPH_<NAME>_TIMEOUT_MS, see config.ts). Unlisted: DEFAULT_SUBGRAPH_TIMEOUT_MS.
   */
  timeoutsMs?: Partial<Record<string, number>>;
}

/**
 * How long an idle connection to a subgraph is kept. undici also follows the subgraph's advertised
 * `Keep-Alive: timeout` (less a 2 s threshold) but never beyond keepAliveMaxTimeout, so this is
 * the bound: far below the subgraphs' own idle timeout (SERVER_KEEP_ALIVE_TIMEOUT_MS in lib/kernel/http-service.ts, 65 s), so the
 * pool never reuses a connection a subgraph is about to close, even when the subgraph is too busy
 * to read for seconds (lib/kernel/keep-alive.test.ts).
 */
export const SUBGRAPH_POOL_KEEP_ALIVE = { keepAliveTimeout: 4_000, keepAliveMaxTimeout: 4_000 } as const;

/** Time a subgraph gets to answer one fetch unless configured otherwise. */
export const DEFAULT_SUBGRAPH_TIMEOUT_MS = 15_000;

export type SubgraphFaultCode = typeof ErrorCode.SUBGRAPH_UNAVAILABLE | typeof ErrorCode.SUBGRAPH_TIMEOUT | typeof ErrorCode.REQUEST_ABANDONED;

/**
 * A fetch that got no answer from a subgraph: it is down, restarting, refused or dropped the
 * connection, or took longer than its timeout. The data source turns it into a coded GraphQL error
 * on the fields that subgraph owns, so the rest of the answer still reaches the client.
 */
export class SubgraphFetchError extends Error {
  override name = 'SubgraphFetchError';
  constructor(
    readonly code: SubgraphFaultCode,
    readonly subgraph: string,
    message: string,
    /** Whether the subgraph may have received the request (a timeout, a dropped connection). */
    readonly maybeReceived: boolean,
    /** The connection was refused or could not be made: the request reached no replica, so another may take it. */
    readonly notSent = false,
  ) {
    super(message);
  }
}

/** undici / socket error codes that mean "no usable connection", not "the subgraph answered badly". */
export const CONNECTION_ERROR_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_DESTROYED',
]);
/** A keep-alive socket the subgraph closed (e.g. it restarted) just as we reused it: safe to resend a query once. */
const STALE_CONNECTION_CODES = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET']);

export function errorCodeOf(error: unknown): string | undefined {
  for (let current: unknown = error, depth = 0; current && depth < 4; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/** What a subgraph sent back, kept as text so each waiting request parses its own copy. */
interface RawResponse {
  status: number;
  contentType: string | undefined;
  /** The subgraph answered from its idempotency store (a retried mutation): no second effect. */
  replayed?: boolean;
  text: string;
  url: string;
}

/**
 * One undici pool per subgraph origin, with keep-alive connections, shared by every data source of
 * a gateway. Compared to @apollo/gateway's make-fetch-happen fetcher this skips the WHATWG
 * Request/Response/Headers objects and the HTTP cache layer, and never opens a new connection per
 * request under load.
 */
export class SubgraphFetcher {
  private readonly pools = new Map<string, Pool>();
  /** One rotation per subgraph URL list (its replicas), shared by every fetch to that subgraph. */
  private readonly rotations = new Map<string, ReplicaRotation>();
  private readonly dedup = new InFlightDeduplicator<RawResponse>();
  private readonly fetches: Counter<'subgraph' | 'outcome'> | undefined;
  /** Each replica URL's origin and path, parsed once rather than for every fetch. */
  private readonly targets = new Map<string, { origin: string; path: string }>();
  /** The headers every fetch of one client request shares, by the request's header map (headersOf). */
  private readonly requestHeaders = new WeakMap<IncomingHeaders, { headers: Record<string, string>; key: string }>();

  constructor(private readonly options: FetcherOptions = {}) {
    this.fetches = options.registry
      ? new Counter({
          name: 'hub_gateway_subgraph_fetches_total',
          help: 'Subgraph fetches of the gateway: sent, or shared with an identical fetch already in flight',
          labelNames: ['subgraph', 'outcome'],
          registers: [options.registry],
        })
      : undefined;
  }

  get batchesEntityFetches(): boolean {
    return this.options.batchEntityFetches !== false;
  }

  /** How many fetches joined one already in flight (tests). */
  get sharedCount(): number {
    return this.dedup.sharedCount;
  }

  dataSource(name: string, url: string): GraphQLDataSource {
    return new HubSubgraphDataSource(this, name, url);
  }

  /**
   * Sends one request to one of the replicas at `urls` (one URL or several, comma-separated), or
   * joins an identical one in flight when `dedupScope` is given (queries only): the same body within
   * the same scope, which holds the URL and every header that can change the answer. `resendable`: the
   * request may be sent once more, to the next replica, when its connection dropped (a query, or a
   * mutation carrying an Idempotency-Key, which the subgraph answers once). `signal`: the client
   * went away; a shared fetch is abandoned only when every request waiting for it has gone.
   */
  async send(
    subgraph: string,
    urls: string,
    body: string,
    headers: Record<string, string>,
    dedupScope: string | undefined,
    signal?: AbortSignal,
    resendable = dedupScope !== undefined,
  ): Promise<RawResponse> {
    if (dedupScope === undefined || this.options.dedup === false) {
      this.fetches?.inc({ subgraph, outcome: 'sent' });
      return this.post(subgraph, urls, body, headers, resendable, signal);
    }
    let started = false;
    const response = this.dedup.run(
      body,
      (everyoneGone) => {
        started = true;
        return this.post(subgraph, urls, body, headers, resendable, everyoneGone);
      },
      signal,
      dedupScope,
    );
    this.fetches?.inc({ subgraph, outcome: started ? 'sent' : 'deduplicated' });
    return response;
  }

  private poolFor(origin: string): Pool {
    let pool = this.pools.get(origin);
    if (!pool) {
      pool = new Pool(origin, {
        connections: this.options.connections ?? 32,
        pipelining: this.options.pipelining ?? 1,
        ...SUBGRAPH_POOL_KEEP_ALIVE,
      });
      this.pools.set(origin, pool);
    }
    return pool;
  }

  private targetOf(url: string): { origin: string; path: string } {
    let target = this.targets.get(url);
    if (!target) {
      const parsed = new URL(url);
      target = { origin: parsed.origin, path: parsed.pathname + parsed.search };
      this.targets.set(url, target);
    }
    return target;
  }

  timeoutOf(subgraph: string): number {
    return this.options.timeoutsMs?.[subgraph] ?? DEFAULT_SUBGRAPH_TIMEOUT_MS;
  }

  private rotationFor(urls: string): ReplicaRotation {
    let rotation = this.rotations.get(urls);
    if (!rotation) {
      rotation = new ReplicaRotation(urls);
      this.rotations.set(urls, rotation);
    }
    return rotation;
  }

  private post(
    subgraph: string,
    urls: string,
    body: string,
    headers: Record<string, string>,
    resendable: boolean,
    signal: AbortSignal | undefined,
  ): Promise<RawResponse> {
    return this.rotationFor(urls).send((url) => this.postOnce(subgraph, url, body, headers, signal), {
      resendable,
      // A restarted or killed replica closes the pool's idle sockets; a request that reused one may
      // or may not have reached it.
      classify: (error) =>
        !(error instanceof SubgraphFetchError) || error.code !== ErrorCode.SUBGRAPH_UNAVAILABLE
          ? 'other'
          : error.notSent
            ? 'not-sent'
            : error.maybeReceived
              ? 'dropped'
              : 'other',
    });
  }

  private async postOnce(subgraph: string, url: string, body: string, headers: Record<string, string>, signal: AbortSignal | undefined): Promise<RawResponse> {
    const target = this.targetOf(url);
    const timeoutMs = this.timeoutOf(subgraph);
    const exchange = postText(
      this.poolFor(target.origin),
      target.path,
      this.options.signRequest ? { ...headers, ...this.options.signRequest(subgraph, body) } : headers,
      body,
    );
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      exchange.cancel(new Error(`no answer within ${timeoutMs} ms`));
    }, timeoutMs);
    const clientGone = () => exchange.cancel(new Error('the client went away'));
    signal?.addEventListener('abort', clientGone, { once: true });
    if (signal?.aborted) clientGone();
    try {
      return { ...(await exchange.answer), url };
    } catch (error) {
      const code = errorCodeOf(error);
      if (signal?.aborted && !timedOut) {
        throw new SubgraphFetchError(ErrorCode.REQUEST_ABANDONED, subgraph, `the client went away: the ${subgraph} fetch was abandoned`, true);
      }
      if (timedOut || code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT') {
        throw new SubgraphFetchError(ErrorCode.SUBGRAPH_TIMEOUT, subgraph, `the ${subgraph} subgraph did not answer within ${timeoutMs} ms`, true);
      }
      if (code !== undefined && CONNECTION_ERROR_CODES.has(code)) {
        throw new SubgraphFetchError(
          ErrorCode.SUBGRAPH_UNAVAILABLE,
          subgraph,
          `the ${subgraph} subgraph is unavailable (${code})`,
          STALE_CONNECTION_CODES.has(code),
          NOT_SENT_ERROR_CODES.has(code),
        );
      }
      throw error;
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', clientGone);
    }
  }

  async close(): Promise<void> {
    await Promise.all([...this.pools.values()].map((pool) => pool.close()));
    this.pools.clear();
  }

  /** The headers of one subgraph fetch: JSON, the forwarded ones, trace context. */
  headersFor(incoming: IncomingHeaders | undefined, requestId?: string): Record<string, string> {
    return this.headersOf(incoming, requestId).headers;
  }

  /**
   * The headers of one subgraph fetch and their deduplication key (headersKey). All but the trace
   * context are the same for every fetch of one client request (a dashboard makes about five), so
   * they and their key are made once per request, kept beside its header map. `requestId`: the id
   * the gateway's HTTP layer settled on for the request (the caller's or a new one), so the
   * subgraph logs the same id even when the caller sent none.
   */
  headersOf(incoming: IncomingHeaders | undefined, requestId?: string): { headers: Record<string, string>; key: string } {
    let common = incoming && this.requestHeaders.get(incoming);
    if (!common) {
      const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
      for (const name of FORWARDED_HEADERS) {
        const value = incoming?.get(name);
        if (value !== undefined && value !== null) headers[name] = value;
      }
      if (requestId !== undefined) headers[REQUEST_ID_HEADER] = requestId;
      common = { headers, key: headersKey(headers) };
      if (incoming) this.requestHeaders.set(incoming, common);
    }
    // The trace context is the active span's, which may differ from fetch to fetch.
    const headers = { ...common.headers };
    let keyed = true;
    injectContext((name, value) => {
      headers[name] = value;
      if (!CORRELATION_HEADERS.has(name)) keyed = false;
    });
    return { headers, key: keyed ? common.key : headersKey(headers) };
  }
}

/** A subgraph's answer before it is read as GraphQL. */
type TextAnswer = Omit<RawResponse, 'url'>;

/**
 * One POST through the pool's dispatch, its answer collected as text. undici's request() made a
 * Readable stream, an AsyncResource, an abort listener and an object of every response header for
 * each subgraph fetch, for a body the fetcher only ever reads whole; here the chunks are kept and
 * decoded once, as request()'s body.text() does (a UTF-8 byte-order mark dropped), and the two
 * headers the fetcher reads are picked out of the raw list. Errors are undici's own (the same
 * codes); `cancel` aborts the request whatever its stage, as an aborted signal did.
 */
export function postText(
  pool: Pool,
  path: string,
  headers: Record<string, string>,
  body: string,
): { answer: Promise<TextAnswer>; cancel(reason: Error): void } {
  let cancelled: Error | undefined;
  let abortRequest: ((reason: Error) => void) | undefined;
  const answer = new Promise<TextAnswer>((resolve, reject) => {
    let status = 0;
    let contentType: string | undefined;
    let replayed = false;
    let replayCount = 0;
    const chunks: Buffer[] = [];
    let length = 0;
    pool.dispatch(
      { method: 'POST', path, headers, body },
      {
        onConnect(abort: (reason: Error) => void) {
          if (cancelled) abort(cancelled);
          else abortRequest = abort;
        },
        onHeaders(statusCode: number, rawHeaders: Buffer[]) {
          // 1xx informational answers come before the real one (request() skipped them too).
          if (statusCode < 200) return true;
          status = statusCode;
          for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
            const name = rawHeaders[i]!;
            if (name.length === CONTENT_TYPE.length && contentType === undefined && name.toString('latin1').toLowerCase() === CONTENT_TYPE) {
              contentType = rawHeaders[i + 1]!.toString('latin1');
            } else if (name.length === IDEMPOTENT_REPLAY_HEADER.length && name.toString('latin1').toLowerCase() === IDEMPOTENT_REPLAY_HEADER) {
              // Sent twice, it was a list for request(), never the single `true` that marks a replay.
              replayed = replayCount++ === 0 && rawHeaders[i + 1]!.toString('latin1') === 'true';
            }
          }
          return true;
        },
        onData(chunk: Buffer) {
          chunks.push(chunk);
          length += chunk.length;
          return true;
        },
        onComplete() {
          const bytes = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, length);
          const start = bytes.length > 2 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
          resolve({ status, contentType, replayed, text: bytes.toString('utf8', start) });
        },
        onError: reject,
      },
    );
  });
  return {
    answer,
    cancel(reason) {
      if (cancelled) return;
      cancelled = reason;
      abortRequest?.(reason);
    },
  };
}
const CONTENT_TYPE = 'content-type';

/** The part of the headers that may change an answer, in a fixed order. */
export function headersKey(headers: Record<string, string>): string {
  return Object.keys(headers)
    .filter((name) => !CORRELATION_HEADERS.has(name))
    .sort()
    .map((name) => `${name}:${headers[name]}`)
    .join('\n');
}

/**
 * Whether a subgraph fetch may share an identical one in flight: only when both the client's
 * operation and the subgraph operation are queries. A mutation, and every fetch made on behalf of a
 * mutation (its follow-up entity fetches included), always goes out on its own.
 */
export function isDeduplicable(incomingOperation: OperationTypeNode | undefined, document: DocumentNode | undefined, query: string): boolean {
  if (incomingOperation !== OperationTypeNode.QUERY) return false;
  if (document) {
    return document.definitions.every((definition) => definition.kind !== Kind.OPERATION_DEFINITION || definition.operation === OperationTypeNode.QUERY);
  }
  // Without a parsed document, only text that starts as a query (or a selection set) qualifies.
  return /^\s*(query\b|\{)/.test(query);
}

/**
 * A subgraph behind the gateway, fetched through the shared SubgraphFetcher. Error behaviour is
 * @apollo/gateway's RemoteGraphQLDataSource's: a JSON body is the answer (errors and their codes pass
 * through); a non-2xx answer without GraphQL errors becomes "<status>: <text>" with the response
 * attached, 401/403 as UNAUTHENTICATED/FORBIDDEN.
 */
export class HubSubgraphDataSource implements GraphQLDataSource {
  constructor(
    private readonly fetcher: SubgraphFetcher,
    readonly name: string,
    readonly url: string,
  ) {}

  /** Entity fetches of one client request waiting for the end of the current turn, to go out together. */
  private readonly batches = new Map<object, BatchedFetch[]>();

  async process(options: GraphQLDataSourceProcessOptions): Promise<GatewayGraphQLResponse> {
    const { request } = options;
    if (!request.query) throw new Error('Missing query');
    // Only fetches for a client's operation have one (not health checks or schema loading).
    const incoming = 'incomingRequestContext' in options ? options.incomingRequestContext : undefined;
    if (incoming && isWarmUp(options.context)) {
      // Warm-up requests fill the parse, validation and plan caches; no subgraph is asked.
      return { data: null };
    }
    const document = 'document' in options ? options.document : undefined;
    const subgraphRequest: SubgraphRequest = { query: request.query, variables: request.variables, operationName: request.operationName, document };
    const entityFetch = incoming && isDeduplicable(incoming.operation?.operation, document, request.query) ? entityFetchOf(request.query) : null;
    if (!incoming || !entityFetch || !this.fetcher.batchesEntityFetches) return this.exchange(incoming, subgraphRequest);
    // The branches of a Parallel plan node call process() one after the other in one synchronous
    // turn; the batch leaves in the microtask after it, so it holds every sibling fetch to this subgraph.
    return new Promise((resolve, reject) => {
      let batch = this.batches.get(incoming);
      if (!batch) {
        const started: BatchedFetch[] = [];
        batch = started;
        this.batches.set(incoming, started);
        queueMicrotask(() => {
          this.batches.delete(incoming);
          void this.sendBatch(incoming, started);
        });
      }
      batch.push({ ...subgraphRequest, fetch: entityFetch, resolve, reject });
    });
  }

  /** One request for every fetch of the batch (see entity-batching.ts), or the fetch alone. */
  private async sendBatch(incoming: IncomingRequest, batch: readonly BatchedFetch[]): Promise<void> {
    if (batch.length === 1) {
      const [only] = batch;
      return this.exchange(incoming, only!).then(only!.resolve, only!.reject);
    }
    try {
      const { query, operationName } = batchedQuery(batch);
      const answer = await this.exchange(incoming, { query, operationName, variables: batchedVariables(batch) });
      const split = splitBatchedAnswer(answer, batch.length);
      if (split) {
        batch.forEach((fetch, index) => fetch.resolve(split[index] as GatewayGraphQLResponse));
        return;
      }
    } catch (error) {
      batch.forEach((fetch) => fetch.reject(error));
      return;
    }
    // Without data the batch failed as a whole: each fetch gets the answer it would have had alone.
    await Promise.all(batch.map((fetch) => this.exchange(incoming, fetch).then(fetch.resolve, fetch.reject)));
  }

  private async exchange(incoming: IncomingRequest | undefined, request: SubgraphRequest): Promise<GatewayGraphQLResponse> {
    const client = clientRequestOf(incoming);
    const { headers, key } = this.fetcher.headersOf(incoming?.request.http?.headers, client?.requestId);
    const body = JSON.stringify({ query: request.query, variables: request.variables, operationName: request.operationName });
    const dedupScope = incoming && isDeduplicable(incoming.operation?.operation, request.document, request.query) ? `${this.url}\n${key}` : undefined;
    // Queries stop when their client goes away; a mutation runs to its end, so a write the client
    // asked for is not cut off between two of its fields.
    const signal = incoming?.operation?.operation === OperationTypeNode.QUERY ? client?.signal : undefined;
    let raw: RawResponse;
    try {
      // The subgraph answers a mutation with an Idempotency-Key once however often it is sent
      // (lib/subgraph/idempotency.ts), so such a mutation may go again to another replica.
      const resendable = dedupScope !== undefined || headers[IDEMPOTENCY_KEY_HEADER] !== undefined;
      raw = await this.fetcher.send(this.name, this.url, body, headers, dedupScope, signal, resendable);
    } catch (error) {
      if (!(error instanceof SubgraphFetchError)) throw error;
      // Answered as this subgraph's GraphQL errors: the gateway adds the path and serviceName, and
      // resolves everything the other subgraphs own.
      const mutation = incoming?.operation?.operation === OperationTypeNode.MUTATION;
      const hint =
        mutation && error.maybeReceived
          ? '; the mutation may still have taken effect: retry it with the same Idempotency-Key'
          : mutation
            ? '; the mutation was not applied'
            : '';
      return { errors: [subgraphFault(error.code, `${error.message}${hint}`, this.name)] };
    }
    // A client retrying with an Idempotency-Key learns that this answer is the stored first one.
    if (raw.replayed) incoming?.response?.http?.headers.set(IDEMPOTENT_REPLAY_HEADER, 'true');
    return responseFrom(raw, this.name);
  }
}

/** The client request a fetch is made for (Apollo's request context). */
type IncomingRequest = Extract<GraphQLDataSourceProcessOptions, { incomingRequestContext: unknown }>['incomingRequestContext'];

/**
 * The id and client-gone signal of the HTTP request a fetch is made for: on Apollo's context, where
 * the gateway's HTTP layer puts them (http.ts), else those of the async context a caller runs it in.
 */
function clientRequestOf(incoming: IncomingRequest | undefined): RequestContext | undefined {
  return (incoming?.context as Partial<GatewayContext> | undefined)?.request ?? currentRequest();
}

interface SubgraphRequest {
  query: string;
  variables?: Record<string, unknown>;
  operationName?: string;
  /** The planner's parsed document of the fetch, when it has one. */
  document?: DocumentNode;
}

interface BatchedFetch extends SubgraphRequest {
  fetch: EntityFetch;
  // The promise's own settle functions: properties, since they are passed on unbound.
  resolve: (response: GatewayGraphQLResponse) => void;
  reject: (error: unknown) => void;
}

function subgraphFault(code: string, message: string, serviceName: string, extra: Record<string, unknown> = {}) {
  return { message, extensions: { code, serviceName, ...extra } };
}

function isWarmUp(context: unknown): boolean {
  return typeof context === 'object' && context !== null && WARM_UP in context;
}

function parseBody(raw: RawResponse): unknown {
  const json = raw.contentType !== undefined && /^application\/(graphql-response\+)?json/.test(raw.contentType);
  if (!json) return raw.text;
  try {
    return JSON.parse(raw.text);
  } catch {
    return raw.text;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Each caller parses the shared text itself: the gateway merges into (mutates) what it gets back.
 * A non-2xx answer without GraphQL errors becomes one coded error of this subgraph (5xx: it is
 * unavailable, e.g. a proxy in front of it answered 502/503); the subgraph's URL and body stay out of it.
 */
export function responseFrom(raw: RawResponse, subgraph = 'subgraph'): GatewayGraphQLResponse {
  const body = parseBody(raw);
  const ok = raw.status >= 200 && raw.status < 300;
  if (ok && isObject(body)) return body;
  // A subgraph's own GraphQL errors (e.g. a 400 validation failure) keep their codes.
  if (!ok && isObject(body) && Array.isArray(body.errors) && body.errors.length > 0) return body;
  if (ok) throw new Error(`Expected JSON response body, but received: ${raw.text.slice(0, 200)}`);
  const code =
    raw.status === 401
      ? ErrorCode.UNAUTHENTICATED
      : raw.status === 403
        ? ErrorCode.FORBIDDEN
        : raw.status >= 500
          ? ErrorCode.SUBGRAPH_UNAVAILABLE
          : 'DOWNSTREAM_SERVICE_ERROR';
  return {
    errors: [
      subgraphFault(code, `the ${subgraph} subgraph answered ${raw.status}: ${statusText(raw.status)}`, subgraph, {
        response: { status: raw.status, statusText: statusText(raw.status) },
      }),
    ],
  };
}

function statusText(status: number): string {
  const texts: Record<number, string> = {
    400: 'Bad Request',
    401: 'Unauthorized',
    403: 'Forbidden',
    404: 'Not Found',
    413: 'Payload Too Large',
    500: 'Internal Server Error',
    502: 'Bad Gateway',
    503: 'Service Unavailable',
    504: 'Gateway Timeout',
  };
  return texts[status] ?? 'Error';
}
