import { AsyncResource } from 'node:async_hooks';
import { setMaxListeners } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';
import type { ExpressContextFunctionArgument } from '@as-integrations/express5';
import express from 'express';
import { Histogram, type Registry } from 'prom-client';
import { context as otelContext } from '@opentelemetry/api';
import { ErrorCode } from './errors.js';
import { REQUEST_ID_HEADER, requestIdFrom, runInRequest, type RequestContext } from './request-context.js';
import { extractContext, startServerSpan } from './tracing.js';
import type { Logger } from './log.js';

export interface HttpServiceOptions<Context extends BaseContext> {
  /** Service name, used in logs and metric labels. */
  name: string;
  /** Where errors the HTTP layer cannot answer with a code are logged. */
  log?: Logger;
  apollo: ApolloServer<Context>;
  context: (args: ExpressContextFunctionArgument) => Promise<Context>;
  registry: Registry;
  /**
   * Throws when the service cannot serve (e.g. its database does not answer); drives GET /ready.
   * GET /health only says the process is alive and answering (liveness), whatever its dependencies
   * do: restarting a live process would not bring its database back. Without it: no /ready route.
   */
  checkReady?: () => Promise<void>;
  /** Extra routes mounted before /graphql, e.g. the gateway's explorer page. */
  routes?: (app: express.Express) => void;
  /** The paths `routes` serves, as metric labels (`:name` stands for one path segment, e.g. `/explorer/:file`). */
  routeLabels?: readonly string[];
  /** Largest accepted request body. */
  bodyLimit?: string;
  /**
   * Answer /graphql only to POST (HTTP 405 otherwise): subgraphs, whose router credential is bound
   * to the body, so an operation in a GET's URL would travel outside what is signed.
   */
  postOnly?: boolean;
  /**
   * HUB_DEBUG_ERRORS: error answers to callers on this machine (loopback, not forwarded by a proxy)
   * carry stack traces. Off by default: stack traces name files and modules of the deployment.
   */
  debugErrors?: boolean;
  /**
   * Run each request inside request-context.ts's AsyncLocalStorage (default), where resolvers,
   * loaders and the database find it (`currentRequest()`: the subgraphs). `false`: the request's
   * context is on the request object only (`requestContextOf(req)`), and the service hands it on
   * itself (the gateway, through Apollo's context): while an AsyncLocalStorage is in use, Node 20
   * runs a hook for every promise the process makes. Requests that may see stack traces
   * (`debugErrors` and a caller on this machine) still run inside it: Apollo calls formatError
   * without the request (lib/kernel/apollo.ts).
   */
  asyncRequestContext?: boolean;
}

export interface RunningService {
  url: string;
  port: number;
  /** Stops accepting connections, lets in-flight requests finish, then stops Apollo. */
  close(): Promise<void>;
}

export class PortInUseError extends Error {
  override name = 'PortInUseError';
  constructor(
    readonly service: string,
    readonly host: string,
    readonly port: number,
  ) {
    super(
      `${service}: port ${port} on ${host} is already in use by another process. ` + `Stop that process or choose another port (see docs/configuration.md).`,
    );
  }
}

/** Binds a node HTTP server, turning EADDRINUSE into an error that names the service and port. */
export function listen(server: Server, service: string, host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      reject(error.code === 'EADDRINUSE' ? new PortInUseError(service, host, port) : error);
    };
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/**
 * How long every service keeps an idle keep-alive connection open (node's default is 5 s). A client
 * that reuses an idle connection just as the server closes it loses its request (UND_ERR_SOCKET,
 * "other side closed"), and a busy server closes late: node runs due timers before reading sockets,
 * so a request already sent is dropped after a stall. With 5 s, clients idle for 3 s (undici keeps
 * a connection for the advertised timeout less 2 s) were within reach of a 3 s stall under load.
 * Now the gateway's pools (4 s, SUBGRAPH_POOL_KEEP_ALIVE) are a minute away from a subgraph's close,
 * and an outside client only meets the server's timeout after a minute of idleness, as behind a
 * load balancer (60 s idle is common there, hence 65 s). Tested in lib/kernel/keep-alive.test.ts.
 */
export const SERVER_KEEP_ALIVE_TIMEOUT_MS = 65_000;

/**
 * Serves an Apollo server at POST /graphql next to GET /health (alive), GET /ready (can serve) and
 * GET /metrics (Prometheus text).
 * The same wrapper hosts every subgraph and the gateway, so operators see one shape everywhere.
 */
export async function startHttpService<Context extends BaseContext>(
  options: HttpServiceOptions<Context>,
  address: { host: string; port: number },
): Promise<RunningService> {
  const app = express();
  app.disable('x-powered-by');
  const httpServer = createServer(app);
  httpServer.keepAliveTimeout = SERVER_KEEP_ALIVE_TIMEOUT_MS;
  // Above the keep-alive timeout, so an idle keep-alive connection is never mistaken for a client
  // that is slow to send its headers.
  httpServer.headersTimeout = SERVER_KEEP_ALIVE_TIMEOUT_MS + 5_000;
  const duration = new Histogram({
    name: 'hub_http_request_duration_seconds',
    help: 'HTTP request duration by route and status (499: the client went away before the answer)',
    labelNames: ['service', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [options.registry],
  });
  const routeLabels = ['/graphql', '/health', '/metrics', ...(options.checkReady ? ['/ready'] : []), ...(options.routeLabels ?? [])];
  app.use((req, res, next) => {
    const route = routeLabel(req.path, routeLabels);
    const stop = duration.startTimer({ service: options.name, route });
    // One id per request, taken from the caller (the gateway forwards its own) or made here.
    const requestId = requestIdFrom(req.get(REQUEST_ID_HEADER));
    const debugErrors = options.debugErrors === true && isLocalCaller(req);
    res.setHeader(REQUEST_ID_HEADER, requestId);
    const { span, context: spanContext } = startServerSpan(`${req.method} ${route}`, extractContext(req.headers), {
      'service.name': options.name,
      'http.request.method': req.method,
      'url.path': req.path,
    });
    // A client that goes away before its answer is complete ends the work done for it (the
    // gateway's subgraph fetches listen to this signal); counted as status 499, as nginx logs it.
    const gone = new AbortController();
    // Every subgraph fetch of the request listens to it, a dozen at once for a dashboard.
    setMaxListeners(0, gone.signal);
    res.on('finish', () => {
      stop({ status: String(res.statusCode) });
      span.setAttribute('http.response.status_code', res.statusCode);
      span.end();
    });
    res.on('close', () => {
      if (res.writableFinished) return;
      gone.abort();
      stop({ status: CLIENT_CLOSED_REQUEST_STATUS });
      span.setAttribute('http.response.status_code', Number(CLIENT_CLOSED_REQUEST_STATUS));
      span.end();
    });
    const request: RequestContext = { requestId, debugErrors, signal: gone.signal };
    (req as RequestWithContext)[REQUEST_CONTEXT] = request;
    const inAsyncContext = options.asyncRequestContext !== false || debugErrors;
    otelContext.with(spanContext, inAsyncContext ? () => runInRequest(request, next) : next);
  });
  app.get('/health', (_req, res) => {
    res.json({ status: 'ok', service: options.name });
  });
  const checkReady = options.checkReady;
  if (checkReady) {
    app.get('/ready', async (_req, res) => {
      try {
        await checkReady();
        res.json({ status: 'ready', service: options.name });
      } catch (error) {
        res.status(503).json({ status: 'unavailable', service: options.name, reason: (error as Error).message });
      }
    });
  }
  app.get('/metrics', async (_req, res) => {
    res.type(options.registry.contentType).send(await options.registry.metrics());
  });
  options.routes?.(app);

  await options.apollo.start();
  if (options.postOnly) app.use('/graphql', refuseAllButPost);
  app.use(
    '/graphql',
    // The exact bytes are kept: subgraphs check that router signatures and service tokens were made
    // for this very body (lib/auth/router-signature.ts).
    jsonBodyParser(options.bodyLimit ?? '1mb'),
    graphqlHandler(options.apollo, options.context),
  );

  app.use(errorsAsGraphQL(options.log));

  const port = await listen(httpServer, options.name, address.host, address.port);
  const urlHost = address.host.includes(':') ? `[${address.host}]` : address.host;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${urlHost}:${port}/graphql`,
    port,
    close() {
      closing ??= (async () => {
        await drainAndClose(httpServer);
        await options.apollo.stop();
      })();
      return closing;
    },
  };
}

/**
 * Hands a request to Apollo Server and writes its answer, as @as-integrations/express5's
 * expressMiddleware does, but without express's res.send: that computed an ETag (a SHA-1 of every
 * answer, which no client of a POST answer uses) and re-parsed the content type Apollo had set,
 * about 3 % of a subgraph's CPU. Errors go to express's error handler (errorsAsGraphQL).
 */
function graphqlHandler<Context extends BaseContext>(apollo: ApolloServer<Context>, context: (args: ExpressContextFunctionArgument) => Promise<Context>) {
  return async (req: express.Request, res: express.Response): Promise<void> => {
    const headers = new HeaderMap();
    // Object.entries' pairs without its array of arrays per request.
    const incoming = req.headers;
    for (const name in incoming) {
      if (!Object.prototype.hasOwnProperty.call(incoming, name)) continue;
      const value = incoming[name];
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
    }
    const answer = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: req.method.toUpperCase(), headers, search: searchOf(req.url), body: req.body as unknown },
      context: () => context({ req, res }),
    });
    for (const [name, value] of answer.headers) res.setHeader(name, value);
    res.statusCode = answer.status ?? 200;
    if (answer.body.kind === 'complete') {
      res.setHeader('content-length', Buffer.byteLength(answer.body.string));
      res.end(req.method === 'HEAD' ? undefined : answer.body.string);
      return;
    }
    for await (const chunk of answer.body.asyncIterator) res.write(chunk);
    res.end();
  };
}

/** The query string of a request URL, `?` included (empty without one), as Apollo Server expects it. */
export function searchOf(url: string): string {
  const start = url.indexOf('?');
  if (start === -1) return '';
  const end = url.indexOf('#', start);
  return end === -1 ? url.slice(start) : url.slice(start, end);
}

function refuseAllButPost(req: express.Request, res: express.Response, next: express.NextFunction): void {
  if (req.method === 'POST') return next();
  res
    .status(405)
    .set('allow', 'POST')
    .json({ errors: [{ message: 'this service accepts POST requests only', extensions: { code: ErrorCode.BAD_REQUEST } }] });
}

/**
 * express.json (body-parser) for every request, but a plain one — `application/json` in UTF-8, no
 * content encoding, a Content-Length within the limit, its stream untouched: every request a router
 * sends a subgraph — is read directly: body-parser's content-type and charset parsing, raw-body and
 * iconv-lite cost about 4 % of a subgraph's CPU. The outcome is body-parser's: the same object, the
 * raw bytes kept, the same errors (`entity.parse.failed`, HTTP 400) for express's error handler.
 * A request it (or body-parser with keepRawBody) read before passes straight through.
 */
export function jsonBodyParser(limit: string) {
  const bodyParser = express.json({ limit, verify: keepRawBody });
  const limitBytes = bytesOf(limit);
  return (req: express.Request, res: express.Response, next: express.NextFunction): void => {
    // Read already by a parser in front (the gateway's securityMiddleware uses this one too).
    if (RAW_BODY in req) return next();
    const length = Number(req.headers['content-length']);
    const plain =
      req.method === 'POST' &&
      // Nobody has read the stream yet. body-parser 2 marks nothing on a request it read (it asks
      // on-finished whether the stream ended), so a body read before (the gateway's
      // securityMiddleware, express.json) goes to body-parser, which passes it; waiting for its
      // end here would hang the request.
      req.readableFlowing === null &&
      !req.readableEnded &&
      PLAIN_JSON.test(req.headers['content-type'] ?? '') &&
      req.headers['content-encoding'] === undefined &&
      req.headers['transfer-encoding'] === undefined &&
      Number.isInteger(length) &&
      length > 0 &&
      limitBytes !== undefined &&
      length <= limitBytes;
    if (!plain) return bodyParser(req, res, next);
    const chunks: Buffer[] = [];
    let received = 0;
    const fail = (error: Error & { type: string; status: number }) => {
      req.removeListener('data', onData).removeListener('end', onEnd).removeListener('error', onError);
      req.resume();
      next(error);
    };
    const onData = (chunk: Buffer) => {
      chunks.push(chunk);
      received += chunk.length;
    };
    // The stream's events run outside the request's async scope (request-context.ts, the active
    // trace span); run in it here, next() carries it on, as raw-body does for body-parser. One
    // resource for both handlers and runInAsyncScope, not AsyncResource.bind: on Node 20 each bind
    // makes a resource of its own and wraps two deprecation getters, 1.6 % of a subgraph's CPU.
    const scope = new AsyncResource('hub.jsonBody');
    const onEnd = () => scope.runInAsyncScope(endOfBody);
    const endOfBody = () => {
      if (received !== length) return fail(httpError(400, 'request.size.invalid', 'request size did not match content length'));
      const raw = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, received);
      keepRawBody(req, res, raw);
      // As iconv-lite decodes for body-parser: a byte-order mark is dropped.
      const text = raw.toString('utf8').replace(/^\uFEFF/, '');
      const first = /\S/.exec(text)?.[0];
      if (first !== '{' && first !== '[') return fail(httpError(400, 'entity.parse.failed', 'request body is not a JSON object or array'));
      try {
        req.body = JSON.parse(text) as unknown;
      } catch (error) {
        return fail(httpError(400, 'entity.parse.failed', (error as Error).message));
      }
      next();
    };
    const onError = (error: Error) => scope.runInAsyncScope(() => fail(httpError(400, 'request.aborted', error.message)));
    req.on('data', onData).once('end', onEnd).once('error', onError);
  };
}

const PLAIN_JSON = /^application\/json\s*(;\s*charset\s*=\s*"?utf-8"?\s*)?$/i;

/** `1mb`, `200kb`, `5000b` (the forms BODY_LIMIT takes) in bytes; undefined for any other form (body-parser reads it). */
export function bytesOf(limit: string): number | undefined {
  const match = /^(\d+)(b|kb|mb)$/i.exec(limit.trim());
  if (!match) return undefined;
  const unit = match[2]!.toLowerCase();
  return Number(match[1]) * (unit === 'mb' ? 1024 * 1024 : unit === 'kb' ? 1024 : 1);
}

function httpError(status: number, type: string, message: string): Error & { type: string; status: number } {
  return Object.assign(new Error(message), { type, status });
}

const RAW_BODY = Symbol('raw request body');

function keepRawBody(req: unknown, _res: unknown, body: Buffer): void {
  (req as { [RAW_BODY]?: Buffer })[RAW_BODY] = body;
}

/** The request body exactly as received (empty when there was none, e.g. a GET). */
export function rawBodyOf(req: express.Request): Buffer {
  return (req as express.Request & { [RAW_BODY]?: Buffer })[RAW_BODY] ?? Buffer.alloc(0);
}

const REQUEST_CONTEXT = Symbol('request context');
type RequestWithContext = express.Request & { [REQUEST_CONTEXT]?: RequestContext };

/**
 * The request's id, client-gone signal and debugErrors, as the service's first middleware made
 * them (undefined before it ran): what `currentRequest()` returns inside the request's async
 * context, for services that do not run their requests in it (asyncRequestContext: false).
 */
export function requestContextOf(req: express.Request): RequestContext | undefined {
  return (req as RequestWithContext)[REQUEST_CONTEXT];
}

/** The status label of a request whose client closed the connection before the answer was sent. */
const CLIENT_CLOSED_REQUEST_STATUS = '499';

/**
 * The metrics label of a request path: the service route it matches (`:name` matches one non-empty
 * segment), else `other`. Labels never take a value the client chose: every distinct label value is
 * a new time series kept for the life of the process, so client paths would grow /metrics (and the
 * heap) without bound.
 */
export function routeLabel(path: string, routes: readonly string[]): string {
  const segments = path.split('/');
  for (const route of routes) {
    const pattern = route.split('/');
    if (pattern.length === segments.length && pattern.every((part, i) => (part.startsWith(':') ? segments[i] !== '' : part === segments[i]))) {
      return route;
    }
  }
  return 'other';
}

/** How long a stopping service lets in-flight requests finish before it cuts their connections. */
export const DRAIN_TIMEOUT_MS = 10_000;

/**
 * Stops accepting connections and waits for in-flight requests. Keep-alive connections that go
 * idle while draining are closed as they do (server.close() only closes those idle at the
 * moment it is called), and after DRAIN_TIMEOUT_MS whatever is left is cut, so a client holding a
 * connection open, or one that connected but never sent a request, cannot keep a service from
 * stopping. The launcher's own kill deadline (SupervisionPolicy.stopTimeoutMs) is longer.
 */
export function drainAndClose(httpServer: Server): Promise<void> {
  return new Promise<void>((resolve) => {
    const sweep = setInterval(() => httpServer.closeIdleConnections(), 100);
    const deadline = setTimeout(() => httpServer.closeAllConnections(), DRAIN_TIMEOUT_MS);
    httpServer.close(() => {
      clearInterval(sweep);
      clearTimeout(deadline);
      resolve();
    });
    httpServer.closeIdleConnections();
  });
}

/** A caller on this machine, not forwarded by a proxy on it (behind one, every connection is local). */
function isLocalCaller(req: express.Request): boolean {
  const peer = req.socket.remoteAddress ?? '';
  const loopback = peer === '::1' || peer.startsWith('127.') || peer.startsWith('::ffff:127.');
  return loopback && req.get('x-forwarded-for') === undefined && req.get('forwarded') === undefined;
}

/**
 * Every error express sees ends as a GraphQL-shaped JSON answer with a code, never as express's
 * HTML error page (which shows the stack trace outside production): body-parser failures
 * (malformed JSON, a body over the limit), a path that cannot be decoded, anything else (logged,
 * answered 500 without details).
 */
function errorsAsGraphQL(log: Logger | undefined) {
  return (error: unknown, req: express.Request, res: express.Response, next: express.NextFunction): void => {
    if (res.headersSent) {
      next(error);
      return;
    }
    const { type, status } = (error ?? {}) as { type?: unknown; status?: unknown };
    const clientMistake = typeof status === 'number' && status >= 400 && status < 500;
    const [httpStatus, code, message]: [number, ErrorCode, string] =
      type === 'entity.too.large'
        ? [413, ErrorCode.PAYLOAD_TOO_LARGE, 'request body is larger than this service accepts']
        : type === 'entity.parse.failed'
          ? [400, ErrorCode.BAD_REQUEST, 'request body is not valid JSON']
          : type === 'charset.unsupported' || type === 'encoding.unsupported'
            ? [415, ErrorCode.BAD_REQUEST, 'request body must be JSON in UTF-8, without content encoding']
            : error instanceof URIError
              ? [400, ErrorCode.BAD_REQUEST, 'the request path is not valid percent-encoding']
              : clientMistake
                ? [status, ErrorCode.BAD_REQUEST, 'the request could not be read (check its path, headers and body)']
                : [500, ErrorCode.INTERNAL_SERVER_ERROR, 'Internal server error'];
    if (httpStatus >= 500) {
      log?.error('unexpected error in the HTTP layer', {
        // Named here: a service that runs its requests outside the async context (the gateway) has no id in the logger's mixin.
        requestId: requestContextOf(req)?.requestId,
        error: error instanceof Error ? { name: error.name, message: error.message, stack: error.stack } : String(error),
      });
    }
    res.status(httpStatus).json({ errors: [{ message, extensions: { code } }] });
  };
}

/**
 * For a service's main.ts: on SIGINT/SIGTERM, finish in-flight requests (`close`) and exit 0.
 * The launcher sends SIGTERM when the hub stops.
 */
export function closeOnSignals(service: Pick<RunningService, 'close'>, log: Logger): void {
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info('stopping', { signal });
    await service.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
  // Started by the launcher (npm start) with an IPC channel: it closes when the launcher dies.
  if (process.send) process.once('disconnect', () => void stop('launcher exited'));
}
