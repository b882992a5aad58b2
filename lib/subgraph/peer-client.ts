import { mintServiceToken } from '../auth/service-token.js';
import { duration, type EnvValues, type Variable } from '../kernel/env.js';
import { NOT_SENT_ERROR_CODES, ReplicaRotation, replicaUrlList } from '../kernel/replicas.js';
import { REQUEST_ID_HEADER, currentRequest } from '../kernel/request-context.js';
import { injectContext } from '../kernel/tracing.js';

/**
 * The one way a subgraph calls another directly (docs/architecture: every such edge is drawn there):
 * a typed operation (`definePeerOperation`, kept in the calling subgraph's `peers.ts` and validated
 * against the called subgraph's schema by test/peer-operations.test.ts), sent with a service token
 * (lib/auth/service-token.ts) bound to the called subgraph and the body, within one timeout, with one
 * error type. Callers decide what a failure means: the outbox retries later, matching marks its
 * plan degraded, a write refuses with a retryable error.
 */

/** The hub's subgraph names; a peer is addressed by the name it has in the supergraph. */
export type PeerName = 'organisations' | 'grids' | 'resource-pools' | 'co-building';
export const PEER_NAMES: readonly PeerName[] = ['organisations', 'grids', 'resource-pools', 'co-building'];

/** An operation one subgraph sends another; `Data` and `Variables` type the call. */
export interface PeerOperation<Data, Variables> {
  readonly target: PeerName;
  readonly name: string;
  /** A query may be sent again to another replica when its connection dropped; a mutation is not. */
  readonly kind: 'query' | 'mutation';
  readonly document: string;
  /** Types only: never set. */
  readonly types?: { data: Data; variables: Variables };
}

export function definePeerOperation<Data, Variables extends Record<string, unknown>>(target: PeerName, document: string): PeerOperation<Data, Variables> {
  const [, kind, name] = /^\s*(query|mutation)\s+(\w+)/.exec(document) ?? [];
  if (!name) throw new Error(`a peer operation must be a named query or mutation: ${document.slice(0, 60)}`);
  return { target, name, kind: kind as 'query' | 'mutation', document };
}

/**
 * A call that did not give data: `unavailable` when the peer is not configured, not reachable, too
 * slow or answered 5xx (try again later); `refused` when it answered with GraphQL errors (`code` is
 * the first one's), which retrying the same call will not change.
 */
export class PeerCallFailed extends Error {
  override name = 'PeerCallFailed';
  constructor(
    readonly peer: PeerName,
    readonly kind: 'unavailable' | 'refused',
    message: string,
    readonly code?: string,
    /** The peer did not answer within the timeout (a busy peer, perhaps, rather than a down one). */
    readonly timedOut = false,
  ) {
    super(`${peer}: ${message}`);
  }
}

export const DEFAULT_PEER_TIMEOUT_MS = 1500;

export interface PeerClientOptions {
  /** The calling subgraph: the service token's subject is system:<self>. */
  self: string;
  /**
   * Each peer's /graphql, or its replicas' separated by commas (balanced round robin,
   * lib/kernel/replicas.ts); a peer without a URL is unavailable.
   */
  urls: Partial<Record<PeerName, string>>;
  /** HUB_INTERNAL_SECRETS: the first signs the service tokens. */
  serviceSecrets: readonly string[];
  timeoutMs?: number;
}

export class PeerClient {
  /** Each peer's rotation, with the URL list it was made from. */
  private readonly rotations = new Map<PeerName, { urls: string; rotation: ReplicaRotation }>();

  constructor(private readonly options: PeerClientOptions) {}

  /**
   * The rotation over `peer`'s replicas, made when first needed and again if its URLs changed: the
   * URLs are read at each call, since an in-process hub (tests, the launcher's wiring) fills them in
   * after the clients are made, as each peer starts listening.
   */
  private rotationFor(peer: PeerName): ReplicaRotation | undefined {
    const urls = this.options.urls[peer];
    if (urls === undefined) return undefined;
    const known = this.rotations.get(peer);
    if (known?.urls === urls) return known.rotation;
    const rotation = new ReplicaRotation(urls);
    this.rotations.set(peer, { urls, rotation });
    return rotation;
  }

  /** How long a call may take unless it says otherwise (PEER_TIMEOUT_MS). */
  get timeoutMs(): number {
    return this.options.timeoutMs ?? DEFAULT_PEER_TIMEOUT_MS;
  }

  /** Whether `peer` has a URL configured (jobs that need it warn at start when it has none). */
  knows(peer: PeerName): boolean {
    return this.options.urls[peer] !== undefined;
  }

  async request<Data, Variables extends Record<string, unknown>>(
    operation: PeerOperation<Data, Variables>,
    variables: Variables,
    options: { timeoutMs?: number } = {},
  ): Promise<Data> {
    const { target } = operation;
    const rotation = this.rotationFor(target);
    if (rotation === undefined) throw new PeerCallFailed(target, 'unavailable', `no URL configured (${peerUrlVariable(target)})`);
    if (this.options.serviceSecrets.length === 0) throw new PeerCallFailed(target, 'unavailable', 'no HUB_INTERNAL_SECRETS to sign service tokens with');
    const body = JSON.stringify({ query: operation.document, variables, operationName: operation.name });
    const token = await mintServiceToken(this.options.serviceSecrets, this.options.self, target, body);
    const headers: Record<string, string> = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
    const requestId = currentRequest()?.requestId;
    if (requestId !== undefined) headers[REQUEST_ID_HEADER] = requestId;
    injectContext((name, value) => (headers[name] = value));
    const timeoutMs = options.timeoutMs ?? this.timeoutMs;
    let response: Response;
    let text: string;
    try {
      // A replica that refuses the connection never saw the call: the next one gets it. A query
      // whose connection dropped goes once more, to the next replica; a mutation may have taken
      // effect and is not resent (the outbox that sent it retries it later).
      ({ response, text } = await rotation.send(
        async (url) => {
          const answer = await fetch(url, { method: 'POST', headers, body, signal: AbortSignal.timeout(timeoutMs) });
          return { response: answer, text: await answer.text() };
        },
        {
          resendable: operation.kind === 'query',
          classify: (error) => (isTimeout(error) ? 'other' : NOT_SENT_ERROR_CODES.has(connectionErrorCode(error) ?? '') ? 'not-sent' : 'dropped'),
        },
      ));
    } catch (error) {
      const reason = isTimeout(error) ? `no answer within ${timeoutMs} ms` : `not reachable (${(error as Error).message})`;
      throw new PeerCallFailed(target, 'unavailable', `${operation.name}: ${reason}`, undefined, isTimeout(error));
    }
    const parsed = parseAnswer<Data>(text);
    const firstError = parsed?.errors?.[0];
    if (firstError) {
      const code = firstError.extensions?.code;
      const kind = response.status >= 500 || code === 'DATABASE_UNAVAILABLE' ? 'unavailable' : 'refused';
      throw new PeerCallFailed(target, kind, `${operation.name}: ${firstError.message ?? 'error'}`, code);
    }
    if (!response.ok || parsed?.data == null) {
      throw new PeerCallFailed(
        target,
        response.status >= 500 || !response.ok ? 'unavailable' : 'refused',
        `${operation.name}: HTTP ${response.status} without data`,
      );
    }
    return parsed.data;
  }
}

function isTimeout(error: unknown): boolean {
  return error instanceof Error && error.name === 'TimeoutError';
}

/** The socket error code behind a failed fetch (undici puts it on the error's cause). */
function connectionErrorCode(error: unknown): string | undefined {
  const cause = (error as { cause?: { code?: unknown } }).cause;
  return typeof cause?.code === 'string' ? cause.code : undefined;
}

interface PeerAnswer<Data> {
  data?: Data | null;
  errors?: { message?: string; extensions?: { code?: string } }[];
}

function parseAnswer<Data>(text: string): PeerAnswer<Data> | null {
  try {
    return JSON.parse(text) as PeerAnswer<Data>;
  } catch {
    return null; // not JSON: judged by the status
  }
}

/** `co-building` → `PEER_CO_BUILDING_URL`. */
export function peerUrlVariable(peer: PeerName): string {
  return `PEER_${peer.toUpperCase().replace(/-/g, '_')}_URL`;
}

/** The peer variables of subgraph `self`: PEER_<NAME>_URL of every other subgraph (the launcher sets them all), PEER_TIMEOUT_MS. */
export function peerVariables(self: string) {
  const urls: Record<string, Variable<string | undefined>> = Object.fromEntries(
    PEER_NAMES.filter((peer) => peer !== self).map((peer) => [peerUrlVariable(peer), replicaUrlList().optional()]),
  );
  return { ...urls, PEER_TIMEOUT_MS: duration({ min: 50, max: 60_000 }).default(DEFAULT_PEER_TIMEOUT_MS) };
}

/** The options of subgraph `self`'s peer client from its variables and HUB_INTERNAL_SECRETS. */
export function peerClientOptionsFrom(
  self: string,
  values: EnvValues<ReturnType<typeof peerVariables>> & Readonly<Record<string, unknown>>,
  serviceSecrets: readonly string[],
): PeerClientOptions {
  const urls: Partial<Record<PeerName, string>> = {};
  for (const peer of PEER_NAMES) {
    const peerUrl = peer === self ? undefined : (values[peerUrlVariable(peer)] as string | undefined);
    if (peerUrl !== undefined) urls[peer] = peerUrl;
  }
  return { self, urls, serviceSecrets, timeoutMs: values.PEER_TIMEOUT_MS };
}
