import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ApolloServer, BaseContext } from '@apollo/server';
import { expressMiddleware, type ExpressContextFunctionArgument } from '@as-integrations/express5';
import express from 'express';
import { Histogram, type Registry } from 'prom-client';
import { context as otelContext } from '@opentelemetry/api';
import { ErrorCode } from './errors.js';
import { REQUEST_ID_HEADER, requestIdFrom, runInRequest } from './request-context.js';
import { extractContext, startServerSpan } from './tracing.js';
import type { Logger } from './log.js';

export interface HttpServiceOptions<Context extends BaseContext> {
  /** Service name, used in logs and metric labels. */
  name: string;
  apollo: ApolloServer<Context>;
  context: (args: ExpressContextFunctionArgument) => Promise<Context>;
  registry: Registry;
  /** Throws when the service cannot serve (e.g. its database is unreachable); drives GET /health. */
  checkHealth: () => Promise<void>;
  /** Extra routes mounted before /graphql, e.g. the gateway's explorer page. */
  routes?: (app: express.Express) => void;
  /** Largest accepted request body. */
  bodyLimit?: string;
  /**
   * Answer /graphql only to POST (HTTP 405 otherwise): subgraphs, whose router credential is bound
   * to the body, so an operation in a GET's URL would travel outside what is signed.
   */
  postOnly?: boolean;
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
      `${service}: port ${port} on ${host} is already in use by another process. ` +
        `Stop that process or choose another port (see the configuration table in README.md).`,
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
 * Serves an Apollo server at POST /graphql next to GET /health and GET /metrics (Prometheus text).
 * The same wrapper hosts every subgraph and the gateway, so operators see one shape everywhere.
 */
export async function startHttpService<Context extends BaseContext>(
  options: HttpServiceOptions<Context>,
  address: { host: string; port: number },
): Promise<RunningService> {
  const app = express();
  app.disable('x-powered-by');
  const httpServer = createServer(app);
  const duration = new Histogram({
    name: 'hub_http_request_duration_seconds',
    help: 'HTTP request duration by route and status',
    labelNames: ['service', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [options.registry],
  });
  app.use((req, res, next) => {
    const stop = duration.startTimer({ service: options.name, route: req.path });
    // One id per request, taken from the caller (the gateway forwards its own) or made here.
    const requestId = requestIdFrom(req.get(REQUEST_ID_HEADER));
    res.setHeader(REQUEST_ID_HEADER, requestId);
    const { span, context: spanContext } = startServerSpan(`${req.method} ${req.path}`, extractContext(req.headers), {
      'service.name': options.name,
      'http.request.method': req.method,
      'url.path': req.path,
    });
    res.on('finish', () => {
      stop({ status: String(res.statusCode) });
      span.setAttribute('http.response.status_code', res.statusCode);
      span.end();
    });
    otelContext.with(spanContext, () => runInRequest({ requestId }, next));
  });
  app.get('/health', async (_req, res) => {
    try {
      await options.checkHealth();
      res.json({ status: 'ok', service: options.name });
    } catch (error) {
      res.status(503).json({ status: 'unavailable', service: options.name, reason: (error as Error).message });
    }
  });
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
    express.json({ limit: options.bodyLimit ?? '1mb', verify: keepRawBody }),
    expressMiddleware(options.apollo, { context: options.context }),
  );

  app.use(bodyErrorsAsGraphQL);

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

function refuseAllButPost(req: express.Request, res: express.Response, next: express.NextFunction): void {
  if (req.method === 'POST') return next();
  res
    .status(405)
    .set('allow', 'POST')
    .json({ errors: [{ message: 'this service accepts POST requests only', extensions: { code: ErrorCode.BAD_REQUEST } }] });
}

const RAW_BODY = Symbol('raw request body');

function keepRawBody(req: unknown, _res: unknown, body: Buffer): void {
  (req as { [RAW_BODY]?: Buffer })[RAW_BODY] = body;
}

/** The request body exactly as received (empty when there was none, e.g. a GET). */
export function rawBodyOf(req: express.Request): Buffer {
  return (req as express.Request & { [RAW_BODY]?: Buffer })[RAW_BODY] ?? Buffer.alloc(0);
}

/** How long a stopping service lets in-flight requests finish before it cuts their connections. */
export const DRAIN_TIMEOUT_MS = 10_000;

/**
 * Stops accepting connections and waits for in-flight requests. Keep-alive connections that go
 * idle while draining are closed as they do (server.close() only closes those idle at the
 * moment it is called), and after DRAIN_TIMEOUT_MS whatever is left is cut, so a client holding a
 * connection open, or one that connected but never sent a request, cannot keep a service from
 * stopping. The launcher's own kill deadline (RESTART_POLICY.stopTimeoutMs) is longer.
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

/**
 * Body-parser failures (malformed JSON, a body over the limit) would otherwise reach clients as
 * express's HTML error page; GraphQL clients get a GraphQL-shaped JSON error with a code instead.
 */
function bodyErrorsAsGraphQL(error: unknown, _req: express.Request, res: express.Response, next: express.NextFunction): void {
  const type = (error as { type?: string } | null)?.type;
  if (res.headersSent || (type !== 'entity.parse.failed' && type !== 'entity.too.large')) {
    next(error);
    return;
  }
  const tooLarge = type === 'entity.too.large';
  res.status(tooLarge ? 413 : 400).json({
    errors: [
      {
        message: tooLarge ? 'request body is larger than this service accepts' : 'request body is not valid JSON',
        extensions: { code: tooLarge ? ErrorCode.PAYLOAD_TOO_LARGE : ErrorCode.BAD_REQUEST },
      },
    ],
  });
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
