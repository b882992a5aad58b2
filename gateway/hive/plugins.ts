import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { getOperationAST, GraphQLError, parse, type ExecutionArgs, type ExecutionResult, type ParseOptions, type Source } from 'graphql';
import { ANONYMOUS, type Caller } from '../../lib/auth/caller.js';
import { signRouterRequest } from '../../lib/auth/router-signature.js';
import { ErrorCode } from '../../lib/kernel/errors.js';
import { exceededLimit, measureOperation, type QueryLimits } from '../src/query-limits.js';
import {
  applySafelist,
  clientAddress,
  admitCaller,
  RateLimiter,
  type GraphQLBody,
  type GatewayLimits,
  type GatewaySecurity,
  type RateLimit,
  type Safelist,
} from '../src/security.js';

/**
 * Hive Gateway plugins that make it a router of the hub's trust contract (docs/trust-contract.md)
 * with the same front door as the hub's own gateway (gateway/src/security.ts): callers' tokens
 * verified with lib/auth/jwt.ts, the same limits and the same error codes, and every subgraph
 * request signed with lib/auth/router-signature.ts. Each plugin is usable on its own in a
 * gateway.config.ts of the `hive-gateway` CLI.
 */

/** Where a request's verified caller is kept between the HTTP hooks and the GraphQL context. */
const callers = new WeakMap<Request, Caller>();

/** The caller useHubFrontDoor verified for this request (anonymous when it did not run). */
export function callerOf(request: Request): Caller {
  return callers.get(request) ?? ANONYMOUS;
}

function refusal(status: number, code: ErrorCode, message: string, extensions: Record<string, unknown> = {}, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify({ errors: [{ message, extensions: { code, ...extensions } }] }), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
  });
}

/** `1mb`, `200kb`, `512b` (BODY_LIMIT) in bytes, as express reads them. */
export function bodyLimitBytes(limit: string): number {
  const match = /^(\d+)(b|kb|mb)$/.exec(limit);
  if (!match) throw new Error(`body limit "${limit}": expected e.g. 1mb, 200kb or 512b`);
  const unit = match[2] === 'mb' ? 1024 * 1024 : match[2] === 'kb' ? 1024 : 1;
  return Number(match[1]) * unit;
}

class BodyTooLarge extends Error {}

/** The body read up to `limit` bytes; a longer one (announced or streamed) throws BodyTooLarge before it is all in memory. */
async function boundedBody(request: Request, limit: number): Promise<Uint8Array<ArrayBuffer>> {
  const announced = Number(request.headers.get('content-length') ?? NaN);
  if (announced > limit) throw new BodyTooLarge();
  if (!request.body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw new BodyTooLarge();
    }
    chunks.push(value);
  }
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

/** The client's socket address, when Hive runs on node:http (the server context then holds `req`). */
function peerAddress(serverContext: unknown): string | undefined {
  const req = (serverContext as { req?: { socket?: { remoteAddress?: string } } } | undefined)?.req;
  return req?.socket?.remoteAddress;
}

/**
 * The HTTP front door of /graphql, in the order of the hub's gateway (security.ts
 * securityMiddleware): body size (HTTP 413 PAYLOAD_TOO_LARGE), batches when batching is off (HTTP
 * 400 BAD_REQUEST), the caller's token (HTTP 401 UNAUTHENTICATED; none: the anonymous caller),
 * then the caller's rate limit (HTTP 429 RATE_LIMITED with Retry-After). The verified caller is
 * kept for useGenericAuth (callerOf) so the token is verified once per request.
 */
export function useHubFrontDoor(
  security: Pick<GatewaySecurity, 'verifyToken' | 'rateLimitClock' | 'rateLimiter'> & { limits: GatewayLimits },
  graphqlPath = '/graphql',
): GatewayPlugin {
  const { limits } = security;
  // RATE_LIMIT_DATABASE_URL: counted in PostgreSQL with the hub gateway's keys (shared-rate-limit.ts).
  const limiter: RateLimit = security.rateLimiter ?? new RateLimiter(limits.ratePerMinute, limits.rateBurst, security.rateLimitClock);
  const maxBytes = bodyLimitBytes(limits.bodyLimit);
  return {
    // Hive builds hook payloads of closures (no `this`), for destructuring as its documentation does.
    // eslint-disable-next-line @typescript-eslint/unbound-method
    async onRequest({ request, url, serverContext, setRequest, endResponse }) {
      if (url.pathname !== graphqlPath) return;
      let current = request;
      if (request.method === 'POST') {
        let body: Uint8Array<ArrayBuffer>;
        try {
          body = await boundedBody(request, maxBytes);
        } catch (error) {
          if (!(error instanceof BodyTooLarge)) throw error;
          // The rest of the body is never read, so the connection cannot carry another request.
          return endResponse(refusal(413, ErrorCode.PAYLOAD_TOO_LARGE, `request entity too large: at most ${limits.bodyLimit}`, {}, { connection: 'close' }));
        }
        if (limits.maxBatchSize <= 1 && /^\s*\[/.test(new TextDecoder().decode(body.subarray(0, 64)))) {
          return endResponse(
            refusal(400, ErrorCode.BAD_REQUEST, 'batched requests are not accepted: send one operation per request', { limit: 'batch', max: 1 }),
          );
        }
        // The body was consumed to bound it; Hive parses the buffered copy.
        current = new Request(request.url, { method: request.method, headers: request.headers, body, signal: request.signal });
        setRequest(current);
      }
      const address = clientAddress(peerAddress(serverContext), current.headers.get('x-forwarded-for') ?? undefined, limits.trustedProxyHops ?? 0);
      const admission = await admitCaller(security, limiter, current.headers.get('authorization') ?? undefined, address);
      if ('refusal' in admission) {
        const { status, code, message, details, headers } = admission.refusal;
        return endResponse(refusal(status, code, message, details, headers));
      }
      callers.set(current, admission.caller);
    },
  };
}

/**
 * The options of Hive's own `genericAuth` (@envelop/generic-auth, protect-granular): it reads
 * `@authenticated` and `@requiresScopes` from the supergraph Hive loaded and refuses the whole
 * operation before any subgraph is asked, with the hub's codes: UNAUTHENTICATED (HTTP 401) for an
 * anonymous caller, FORBIDDEN (HTTP 403) for a caller without one of the scope sets.
 */
export function hubGenericAuth() {
  return {
    mode: 'protect-granular' as const,
    resolveUserFn: (context: { request: Request }): Caller | null => {
      const caller = callerOf(context.request);
      return caller.role === 'ANONYMOUS' ? null : caller;
    },
    // Every scope the token names, the hub's and any other (foreign supergraphs ask for their own).
    extractScopes: (user: object | null): string[] => (isCaller(user) ? [...(user.grantedScopes ?? user.scopes)] : []),
    validateUser: (params: {
      user: object | null | undefined;
      parentType: { name: string };
      field: { name: string };
      typeAuthArgs?: Record<string, unknown>;
      fieldAuthArgs?: Record<string, unknown>;
      typeScopes?: string[][];
      fieldScopes?: string[][];
      userScopes: string[];
    }): GraphQLError | undefined => {
      const coordinate = `${params.parentType.name}.${params.field.name}`;
      const sets = [params.typeScopes, params.fieldScopes].filter((scopes): scopes is string[][] => Array.isArray(scopes) && scopes.length > 0);
      if (!params.user) {
        if (params.typeAuthArgs === undefined && params.fieldAuthArgs === undefined && sets.length === 0) return undefined;
        return new GraphQLError(`${coordinate} needs a signed-in caller: send Authorization: Bearer <token>`, {
          extensions: { code: ErrorCode.UNAUTHENTICATED, coordinate, http: { status: 401 } },
        });
      }
      for (const required of sets) {
        if (!required.some((set) => set.every((scope) => params.userScopes.includes(scope)))) {
          return new GraphQLError(`${coordinate} needs the scope ${required.map((set) => set.join(' + ')).join(' or ')}`, {
            extensions: { code: ErrorCode.FORBIDDEN, coordinate, http: { status: 403 } },
          });
        }
      }
      return undefined;
    },
  };
}

function isCaller(user: object | null): user is Caller {
  return user !== null && 'role' in user && 'subject' in user;
}

/**
 * Depth, aliases and cost with the hub's own measure (gateway/src/query-limits.ts: its cost model counts page
 * sizes with the variables sent, which Hive's demandControl does not), and the parser's token limit;
 * every one answers QUERY_TOO_COMPLEX with `extensions.limit`, as the hub's gateway does.
 */
export function useHubQueryLimits(limits: QueryLimits): GatewayPlugin {
  return {
    onParse({ setParseFn }) {
      setParseFn((source: string | Source, options?: ParseOptions) => {
        try {
          return parse(source, { ...options, maxTokens: limits.maxTokens });
        } catch (error) {
          if (error instanceof GraphQLError && /contains more th(?:an|at) \d+ tokens/.test(error.message)) {
            throw new GraphQLError(`query has more than ${limits.maxTokens} tokens`, {
              extensions: { code: ErrorCode.QUERY_TOO_COMPLEX, limit: 'tokens', max: limits.maxTokens, http: { status: 400 } },
            });
          }
          throw error;
        }
      });
    },
    // Before anything is planned or fetched, when the variables are known (validation rules never see them).
    onExecute({ args, setResultAndStopExecution }) {
      // Envelop types graphql-js values as `any` (it spans graphql versions); Hive runs this project's graphql 16.
      const { schema, document, operationName, variableValues } = args as ExecutionArgs;
      const operation = getOperationAST(document, operationName);
      if (!operation) return;
      const refusal = exceededLimit(measureOperation(schema, document, operation, variableValues ?? undefined), limits);
      if (refusal) setResultAndStopExecution({ errors: [refusal] });
    },
  };
}

/**
 * Safelist mode (SAFELIST_PATH): only the manifest's operations run, sent as their exact text or by
 * id (`documentId`, or an APQ `extensions.persistedQuery.sha256Hash`), with the same rule as the
 * hub's gateway (security.ts applySafelist); anything else is OPERATION_NOT_IN_SAFELIST (HTTP 400).
 */
export function useHubSafelist(safelist: Safelist): GatewayPlugin {
  // Right after the body is parsed: Hive refuses a body with `documentId` and no query before any later hook.
  return {
    onRequestParse() {
      return {
        onRequestParseDone({ requestParserResult, setRequestParserResult }) {
          const checked = (Array.isArray(requestParserResult) ? requestParserResult : [requestParserResult]).map((params) => {
            const operation: GraphQLBody & typeof params = { ...params };
            const refused = applySafelist(safelist, operation);
            if (refused !== null) {
              throw new GraphQLError(refused, { extensions: { code: ErrorCode.OPERATION_NOT_IN_SAFELIST, http: { status: 400 } } });
            }
            return operation;
          });
          setRequestParserResult(Array.isArray(requestParserResult) ? checked : checked[0]!);
        },
      };
    },
  };
}

/**
 * Variables that do not fit the operation (a missing required one, a wrong type) answer
 * BAD_USER_INPUT with HTTP 400, as the hub's gateway answers them. Hive's query planner throws them
 * as plain GraphQL errors before anything is executed (a graphql-js executor returns them in a
 * result without `data`); both are recoded here, and nothing else is touched.
 */
export function useHubInputErrorCodes(): GatewayPlugin {
  const coded = (error: GraphQLError): GraphQLError =>
    error.extensions?.code !== undefined
      ? error
      : new GraphQLError(error.message, {
          nodes: error.nodes,
          source: error.source,
          positions: error.positions,
          path: error.path,
          originalError: error.originalError,
          extensions: { ...error.extensions, code: ErrorCode.BAD_USER_INPUT, http: { status: 400 } },
        });
  const inputErrorsOf = (thrown: unknown): GraphQLError[] | undefined => {
    if (thrown instanceof GraphQLError) return [thrown];
    if (thrown instanceof AggregateError && thrown.errors.every((error) => error instanceof GraphQLError)) return thrown.errors;
    return undefined;
  };
  return {
    onExecute({ executeFn, setExecuteFn }) {
      setExecuteFn(async (args) => {
        let result: ExecutionResult | AsyncIterable<ExecutionResult>;
        try {
          // Typed `any` by Envelop (see useHubQueryLimits); Hive's executor answers one of these.
          result = (await executeFn(args)) as ExecutionResult | AsyncIterable<ExecutionResult>;
        } catch (thrown) {
          const errors = inputErrorsOf(thrown);
          if (!errors) throw thrown;
          return { errors: errors.map(coded) };
        }
        if (Symbol.asyncIterator in result || 'data' in result || !result.errors?.length) return result;
        return { ...result, errors: result.errors.map(coded) };
      });
    },
  };
}

/**
 * The router credential of the trust contract on every subgraph request: `x-hub-router-signature`
 * (lib/auth/router-signature.ts) for the subgraph's name in the supergraph and the exact body Hive
 * is about to send. It must be the last plugin that touches a subgraph request's body, since any
 * later change would void the signature. A request to a subgraph's URL that Hive did not name, or
 * whose body is not text, is refused rather than sent unsigned.
 */
export function useHubRouterSignature(secrets: readonly string[], subgraphUrls: Readonly<Record<string, string>>): GatewayPlugin {
  const urls = new Set(Object.values(subgraphUrls));
  return {
    // eslint-disable-next-line @typescript-eslint/unbound-method -- a closure of Hive's, as onRequest's above
    onFetch({ url, options, setOptions, executionRequest }) {
      const subgraph = executionRequest?.subgraphName;
      if (subgraph === undefined) {
        if (urls.has(url)) throw new Error(`cannot sign a request to ${url}: Hive did not say which subgraph it is for`);
        return; // not a subgraph (e.g. a JWKS or supergraph download)
      }
      if (typeof options.body !== 'string') throw new Error(`cannot sign a request to the ${subgraph} subgraph whose body is not text`);
      setOptions({ ...options, headers: { ...options.headers, ...signRouterRequest(secrets, subgraph, options.body) } });
    },
  };
}
