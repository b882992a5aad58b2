import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import express from 'express';
import { ANONYMOUS, callerKey, type Caller } from '../../lib/auth/caller.js';
import { createTokenVerifier, tokenRefusal, type TokenVerifier } from '../../lib/auth/jwt.js';
import { ConfigurationError } from '../../lib/kernel/env.js';
import { jsonBodyParser } from '../../lib/kernel/http-service.js';
import type { RequestContext } from '../../lib/kernel/request-context.js';
import type { GatewaySecuritySettings } from './env.js';
import { ErrorCode } from '../../lib/kernel/errors.js';
import { DEFAULT_QUERY_LIMITS, type QueryLimits } from './query-limits.js';
import { WARM_UP } from './fetcher.js';
import { enforceSecurity, type SecurityRequirements } from '../../lib/auth/schema-directives.js';

/**
 * Everything the gateway does about who may ask what, and how much:
 * - authentication: the bearer JWT is verified per request (bad or expired → HTTP 401, UNAUTHENTICATED);
 *   no token → the anonymous caller, who reaches only what the schema does not mark `@authenticated`;
 * - each subgraph fetch carries the caller's token and a router signature (docs/trust-contract.md);
 * - limits: body size, batching, per-caller rate (token bucket), an optional safelist of operations,
 *   then, in Apollo, parser tokens and depth/alias/cost (gateway/src/query-limits.ts).
 */
export interface GatewaySecurity {
  verifyToken: TokenVerifier;
  /** HUB_ROUTER_SECRETS: the first signs each subgraph request (lib/auth/router-signature.ts). */
  routerSecrets: readonly string[];
  limits: GatewayLimits;
  /** Operations served in safelist mode (SAFELIST_PATH), by the SHA-256 of their text; unset: any operation. */
  safelist?: Safelist;
  /** The rate limiter's clock in milliseconds (default Date.now); tests pass a fake one. */
  rateLimitClock?: () => number;
  /**
   * Where callers' requests are counted: unset, in this process (RateLimiter); with
   * RATE_LIMIT_DATABASE_URL, in PostgreSQL, shared by every gateway replica (shared-rate-limit.ts).
   */
  rateLimiter?: RateLimit;
}

export interface GatewayLimits {
  query: QueryLimits;
  /** Largest request body (express `limit` syntax). */
  bodyLimit: string;
  /** Operations in one batched HTTP request; 1 turns batching off. */
  maxBatchSize: number;
  /**
   * Sustained requests per minute per caller (the whole verified identity: role, subject and scope
   * ids; the client address for anonymous callers, and separately for failed sign-ins); 0: no rate limit.
   */
  ratePerMinute: number;
  /** Requests a caller may send at once above the sustained rate. */
  rateBurst: number;
  /**
   * Reverse proxies in front of the gateway whose X-Forwarded-For entries are trusted (TRUST_PROXY_HOPS),
   * so anonymous callers are rate-limited by their own address, not the proxy's; 0 (default): none.
   */
  trustedProxyHops?: number;
  /** Parameters in the URL of a GET request (MAX_URL_PARAMETERS); more are refused with HTTP 400. */
  maxUrlParameters: number;
}

export const DEFAULT_GATEWAY_LIMITS: GatewayLimits = {
  query: DEFAULT_QUERY_LIMITS,
  bodyLimit: '1mb',
  maxBatchSize: 1,
  ratePerMinute: 600,
  rateBurst: 60,
  maxUrlParameters: 1_000,
};

/** What the gateway's Apollo context holds per request. */
export interface GatewayContext extends BaseContext {
  caller: Caller;
  /** The request's id, client-gone signal and debugErrors (lib/kernel/http-service.ts); absent outside HTTP (warm-up, tests). */
  request?: RequestContext;
}

// ---------------------------------------------------------------------------------------------
// Configuration

/** The gateway's security from its settings (gateway/src/env.ts): the JWT verifier, limits and safelist loaded. */
export async function gatewaySecurityFrom(settings: GatewaySecuritySettings): Promise<GatewaySecurity> {
  return {
    verifyToken: await createTokenVerifier(settings.jwt),
    routerSecrets: settings.routerSecrets,
    limits: settings.limits,
    safelist: settings.safelistPath ? await loadSafelist(settings.safelistPath) : undefined,
  };
}

// ---------------------------------------------------------------------------------------------
// Safelist (persisted-operations manifest)

/**
 * The manifest format of Apollo's persisted queries (`npm run safelist` writes one from
 * gateway/examples and clients/operations): `{ format: "apollo-persisted-query-manifest", version: 1,
 * operations: [{ id, name, type, body }] }`, `id` being the SHA-256 (hex) of `body`.
 */
export interface PersistedOperation {
  id: string;
  name: string;
  type: 'query' | 'mutation' | 'subscription';
  body: string;
}
export interface PersistedOperationManifest {
  format: 'apollo-persisted-query-manifest';
  version: 1;
  operations: PersistedOperation[];
}

export interface Safelist {
  /** id (SHA-256 hex of the text) → operation text. */
  byId: ReadonlyMap<string, string>;
}

export function operationId(body: string): string {
  return createHash('sha256').update(body).digest('hex');
}

const OPERATION_TYPES = new Set(['query', 'mutation', 'subscription']);

/**
 * The manifest's operations (Apollo's persisted-query manifest format, version 1), or the first
 * thing wrong with it. Checked by hand: the gateway reads one small manifest at start, and a schema
 * library would stay in its memory for that (zod: about 14 MB of RSS).
 */
function manifestOperations(manifest: unknown): PersistedOperation[] | string {
  if (typeof manifest !== 'object' || manifest === null || Array.isArray(manifest)) return 'it is not an object';
  const { format, version, operations } = manifest as Record<string, unknown>;
  if (format !== 'apollo-persisted-query-manifest') return `format is ${JSON.stringify(format)}, not "apollo-persisted-query-manifest"`;
  if (version !== 1) return `version is ${JSON.stringify(version)}, not 1`;
  if (!Array.isArray(operations)) return 'operations is not a list';
  for (const [index, operation] of operations.entries()) {
    if (typeof operation !== 'object' || operation === null) return `operations[${index}] is not an object`;
    const { id, name, type, body } = operation as Record<string, unknown>;
    for (const [field, value] of Object.entries({ id, name, body })) {
      if (typeof value !== 'string') return `operations[${index}].${field} is not a string`;
    }
    if (typeof type !== 'string' || !OPERATION_TYPES.has(type)) return `operations[${index}].type is not query, mutation or subscription`;
  }
  return operations as PersistedOperation[];
}

export function safelistOf(manifest: unknown, source = 'manifest'): Safelist {
  const operations = manifestOperations(manifest);
  if (typeof operations === 'string') throw new ConfigurationError(`gateway: ${source} is not a persisted-operations manifest: ${operations}`);
  for (const operation of operations) {
    if (operation.id !== operationId(operation.body)) {
      throw new ConfigurationError(`gateway: ${source}: operation ${operation.name} has an id that is not the SHA-256 of its body`);
    }
  }
  return { byId: new Map(operations.map((operation) => [operation.id, operation.body])) };
}

export async function loadSafelist(path: string): Promise<Safelist> {
  const text = await readFile(path, 'utf8').catch((error: Error) => {
    throw new ConfigurationError(`gateway: cannot read SAFELIST_PATH=${path}: ${error.message}`);
  });
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ConfigurationError(`gateway: SAFELIST_PATH=${path} is not JSON: ${(error as Error).message}`);
  }
  return safelistOf(json, `SAFELIST_PATH=${path}`);
}

// ---------------------------------------------------------------------------------------------
// Rate limit

/** Counts a caller's request: 0 when it may go ahead (and is counted), else the milliseconds until it may. */
export interface RateLimit {
  take(key: string): number | Promise<number>;
}

/** One token bucket per caller key; idle buckets are dropped so the map does not grow without bound. */
export class RateLimiter implements RateLimit {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  private readonly perMs: number;

  constructor(
    readonly perMinute: number,
    readonly burst: number,
    private readonly now: () => number = Date.now,
  ) {
    this.perMs = perMinute / 60_000;
  }

  /** 0 when the request may go ahead (and is counted), else the milliseconds until it may. */
  take(key: string): number {
    if (this.perMinute === 0) return 0;
    const now = this.now();
    const bucket = this.buckets.get(key) ?? { tokens: this.burst, at: now };
    bucket.tokens = Math.min(this.burst, bucket.tokens + (now - bucket.at) * this.perMs);
    bucket.at = now;
    this.buckets.set(key, bucket);
    if (this.buckets.size > 10_000) this.prune(now);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.ceil((1 - bucket.tokens) / this.perMs);
  }

  private prune(now: number): void {
    const full = this.burst / this.perMs;
    for (const [key, bucket] of this.buckets) if (now - bucket.at > full) this.buckets.delete(key);
  }
}

// ---------------------------------------------------------------------------------------------
// HTTP: in front of Apollo

function sendError(res: express.Response, status: number, code: ErrorCode, message: string, extensions: Record<string, unknown> = {}): void {
  res.status(status).json({ errors: [{ message, extensions: { code, ...extensions } }] });
}

/** A request the front door answers itself: HTTP status, error code and message, extensions, headers. */
export interface FrontDoorRefusal {
  status: number;
  code: ErrorCode;
  message: string;
  details: Record<string, unknown>;
  headers: Record<string, string>;
}

function rateLimitRefusal(waitMs: number, limitPerMinute: number): FrontDoorRefusal {
  const retryAfter = Math.max(1, Math.ceil(waitMs / 1000));
  return {
    status: 429,
    code: ErrorCode.RATE_LIMITED,
    message: `too many requests: retry in ${retryAfter} s`,
    details: { retryAfterSeconds: retryAfter, limitPerMinute },
    headers: { 'retry-after': String(retryAfter) },
  };
}

/**
 * Who is calling, or why the request is refused, as both front doors decide it (ours below, Hive's
 * in gateway/hive/plugins.ts): the token is verified (a bad one → 401, keys not had → 503,
 * tokenRefusal); a bad token also counts against the address's failed sign-ins, so guessing or
 * replaying tokens is limited like any traffic (→ 429); then the caller's request is counted, per
 * signed caller or per address when anonymous (→ 429).
 */
export async function admitCaller(
  security: Pick<GatewaySecurity, 'verifyToken' | 'limits'>,
  limiter: RateLimit,
  authorization: string | undefined,
  address: string,
): Promise<{ caller: Caller } | { refusal: FrontDoorRefusal }> {
  let caller: Caller;
  try {
    caller = await security.verifyToken(authorization);
  } catch (error) {
    const refusal = tokenRefusal(error);
    if (refusal.status === 401) {
      const waitMs = await limiter.take(`failed-sign-in:${address}`);
      if (waitMs > 0) return { refusal: rateLimitRefusal(waitMs, security.limits.ratePerMinute) };
    }
    return { refusal };
  }
  const waitMs = await limiter.take(caller.role === 'ANONYMOUS' ? `ip:${address}` : callerBucket(caller));
  return waitMs > 0 ? { refusal: rateLimitRefusal(waitMs, security.limits.ratePerMinute) } : { caller };
}

/** The caller the security middleware settled on for this request (anonymous when it did not run). */
export function callerOfResponse(res: express.Response): Caller {
  return (res.locals.hubCaller as Caller | undefined) ?? ANONYMOUS;
}

export interface GraphQLBody {
  query?: unknown;
  extensions?: { persistedQuery?: { sha256Hash?: unknown } };
  documentId?: unknown;
}

/** The rate-limit bucket of a verified caller: the whole identity, so callers that share a `sub` never share a bucket. */
export function callerBucket(caller: Caller): string {
  return `caller:${callerKey(caller)}`;
}

/** The parameters of a GET request's URL as Apollo reads them (URLSearchParams over the raw search string), or why not. */
function getParameters(req: express.Request, max: number): { parameters: URLSearchParams } | { refusal: string } {
  const at = req.originalUrl.indexOf('?');
  const parameters = new URLSearchParams(at < 0 ? '' : req.originalUrl.slice(at + 1));
  let count = 0;
  for (const _ of parameters.keys()) if (++count > max) return { refusal: `at most ${max} URL parameters are accepted` };
  return { parameters };
}

/**
 * The operation of a GET request as Apollo will read it (runHttpQuery: `query` and `extensions`
 * taken once each from URLSearchParams), so the safelist judges exactly what Apollo runs. Apollo
 * itself refuses repeated parameters and extensions that are not JSON objects.
 */
function operationOfGet(parameters: URLSearchParams): GraphQLBody {
  const [query] = parameters.getAll('query');
  let extensions: unknown;
  try {
    extensions = JSON.parse(parameters.get('extensions') ?? 'null');
  } catch {
    extensions = null;
  }
  return { query, ...(typeof extensions === 'object' && extensions !== null ? { extensions } : {}) };
}

/**
 * Express middleware for /graphql, before Apollo: parses the body (the same limit Apollo would use),
 * refuses batches over the limit and GET requests with too many URL parameters, verifies the token
 * (failures are rate-limited by client address), applies the caller's rate limit and, in safelist
 * mode, lets only manifest operations through (a client may send just the id, as `documentId` or
 * an APQ `extensions.persistedQuery.sha256Hash`).
 */
export function securityMiddleware(security: GatewaySecurity): express.RequestHandler[] {
  const limiter = security.rateLimiter ?? new RateLimiter(security.limits.ratePerMinute, security.limits.rateBurst, security.rateLimitClock);
  const guard: express.RequestHandler = async (req, res, next) => {
    let body: unknown = req.body;
    if (req.method === 'GET') {
      const parsed = getParameters(req, security.limits.maxUrlParameters);
      if ('refusal' in parsed) {
        return sendError(res, 400, ErrorCode.BAD_REQUEST, parsed.refusal, { limit: 'parameters', max: security.limits.maxUrlParameters });
      }
      body = operationOfGet(parsed.parameters);
    }
    const operations: GraphQLBody[] = Array.isArray(body) ? (body as GraphQLBody[]) : [body ?? {}];
    if (Array.isArray(body) && body.length > security.limits.maxBatchSize) {
      return security.limits.maxBatchSize <= 1
        ? sendError(res, 400, ErrorCode.BAD_REQUEST, 'batched requests are not accepted: send one operation per request', { limit: 'batch', max: 1 })
        : sendError(res, 400, ErrorCode.QUERY_TOO_COMPLEX, `at most ${security.limits.maxBatchSize} operations per batch`, {
            limit: 'batch',
            value: body.length,
            max: security.limits.maxBatchSize,
          });
    }
    const address = clientAddress(req.socket.remoteAddress, req.get('x-forwarded-for'), security.limits.trustedProxyHops ?? 0);
    const admission = await admitCaller(security, limiter, req.get('authorization'), address);
    if ('refusal' in admission) {
      const { status, code, message, details, headers } = admission.refusal;
      res.set(headers);
      return sendError(res, status, code, message, details);
    }
    const { caller } = admission;
    if (security.safelist) {
      for (const operation of operations) {
        const refusal = applySafelist(security.safelist, operation);
        if (refusal) return sendError(res, 400, ErrorCode.OPERATION_NOT_IN_SAFELIST, refusal);
      }
    }
    res.locals.hubCaller = caller;
    next();
  };
  // http-service's reader: body-parser's outcome and errors, without its per-request content-type,
  // charset and stream machinery for a plain JSON body; the service's own parser then finds it read.
  return [jsonBodyParser(security.limits.bodyLimit), guard];
}

/**
 * The client's address behind `trustedHops` reverse proxies: X-Forwarded-For lists the hops from the
 * client onwards and each trusted proxy appends the address it got the request from, so the client
 * is the entry `trustedHops` places from the right (counting the connection's own peer as the first).
 * Entries further left are whatever the client wrote and are never believed.
 */
export function clientAddress(peer: string | undefined, forwardedFor: string | undefined, trustedHops: number): string {
  const hops = [
    peer ?? 'unknown',
    ...(forwardedFor ?? '')
      .split(',')
      .map((entry) => entry.trim())
      .filter(Boolean)
      .reverse(),
  ];
  return hops[Math.min(trustedHops, hops.length - 1)]!;
}

/** Null when the operation may run (its text filled in from the manifest when only the id came), else why not. */
export function applySafelist(safelist: Safelist, operation: GraphQLBody): string | null {
  if (typeof operation !== 'object' || operation === null) return null; // Apollo refuses it with BAD_REQUEST
  const hash = operation.extensions?.persistedQuery?.sha256Hash;
  const requestedId = typeof operation.documentId === 'string' ? operation.documentId : typeof hash === 'string' ? hash : undefined;
  if (typeof operation.query === 'string') {
    const id = operationId(operation.query);
    return safelist.byId.has(id) ? null : 'this hub serves only operations from its safelist (persisted-operations manifest)';
  }
  if (requestedId !== undefined) {
    const body = safelist.byId.get(requestedId);
    if (body === undefined) return `operation ${requestedId} is not in the safelist`;
    operation.query = body;
    delete operation.documentId;
    if (operation.extensions) delete operation.extensions.persistedQuery;
    return null;
  }
  return null; // no query at all: Apollo answers BAD_REQUEST
}

// ---------------------------------------------------------------------------------------------
// Apollo: per operation

/** Refuses operations touching `@authenticated` / `@requiresScopes` elements the caller may not reach. */
export function securityPlugin(requirements: SecurityRequirements): ApolloServerPlugin<BaseContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, document, schema, request }) {
          if (WARM_UP in contextValue) return;
          const caller = (contextValue as Partial<GatewayContext>).caller ?? ANONYMOUS;
          enforceSecurity(requirements, schema, document, request.operationName, caller);
        },
      };
    },
  };
}
