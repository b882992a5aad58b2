import type { Registry } from 'prom-client';
import type { RunningService } from '../../lib/kernel/http-service.js';
import { requestContextOf, startHttpService } from '../../lib/kernel/http-service.js';
import type { Logger } from '../../lib/kernel/log.js';
import { createGateway, gatewaySubgraphUrls, type GatewayOptions, type SubgraphUrls } from './create-gateway.js';
import { EXPLORER_CONTENT_SECURITY_POLICY, loadExampleOperations, renderExplorerPage } from './explorer.js';
import { explorerBundle, type ExplorerBundle } from './explorer-bundle.js';
import { SubgraphReadiness } from './readiness.js';
import { callerOfResponse, securityMiddleware, type GatewaySecurity } from './security.js';
import { isLoopbackHost, isLoopbackHostHeader } from '../../lib/kernel/loopback.js';

export interface GatewayHttpOptions {
  supergraphSdl: string;
  /** Overrides of the supergraph's subgraph URLs, by subgraph name (see GatewayOptions). */
  subgraphUrls?: SubgraphUrls;
  log: Logger;
  registry: Registry;
  /** Token verification, the internal signing secret and the limits (security.ts). */
  security: GatewaySecurity;
  /**
   * Development only (EXPLORER_DEV_TOKENS): mints the short-lived, read-only token the explorer page
   * is served with, so the examples run as they are. Used only for a loopback visitor who named a
   * loopback host, and only when the gateway itself listens on loopback.
   */
  mintExplorerToken?: () => Promise<string>;
  /** Subgraph connections and timeouts (fetcher.ts); main.ts sets the timeouts from the environment. */
  fetcher?: GatewayOptions['fetcher'];
  /** Who runs the query plans (see GatewayOptions); default: the hub's executor. */
  planExecutor?: GatewayOptions['planExecutor'];
  /** HUB_DEBUG_ERRORS: stack traces in error answers to callers on this machine (lib/kernel/http-service.ts). */
  debugErrors?: boolean;
}

/**
 * The gateway over HTTP: POST /graphql, our own explorer at GET / (no CDN), GET /health (the
 * gateway process) and GET /ready (every subgraph of the supergraph answers, see readiness.ts).
 */
export async function startGatewayHttp(options: GatewayHttpOptions, address: { host: string; port: number }): Promise<RunningService> {
  const examples = await loadExampleOperations();
  const explorerPage = renderExplorerPage(examples);
  const mintExplorerToken = isLoopbackHost(address.host) ? options.mintExplorerToken : undefined;
  const subgraphReadiness = new SubgraphReadiness(gatewaySubgraphUrls(options));
  return startHttpService(
    {
      name: 'gateway',
      log: options.log,
      debugErrors: options.debugErrors,
      apollo: createGateway(options),
      // The request's id, client-gone signal and debugErrors travel on Apollo's context (the fetcher
      // reads them there), not in an AsyncLocalStorage: see asyncRequestContext.
      asyncRequestContext: false,
      // The caller was verified (and rate-limited) by securityMiddleware before Apollo saw the request.
      context: async ({ req, res }) => ({ caller: callerOfResponse(res), request: requestContextOf(req) }),
      bodyLimit: options.security.limits.bodyLimit,
      registry: options.registry,
      routeLabels: ['/', '/ready', '/explorer/:file'],
      routes(app) {
        app.use('/graphql', ...securityMiddleware(options.security));
        app.get('/', async (req, res) => {
          const page =
            mintExplorerToken && isLoopbackHost(req.socket.remoteAddress ?? '') && isLoopbackHostHeader(req.get('host'))
              ? renderExplorerPage(examples, { token: await mintExplorerToken() })
              : explorerPage;
          // A page with a token must never be kept by a cache another visitor could read from.
          res.set('cache-control', 'no-store').set('content-security-policy', EXPLORER_CONTENT_SECURITY_POLICY).type('html').send(page);
        });
        // The GraphiQL bundle, built on first use (see explorer-bundle.ts). Only files the build
        // listed are served, so the route cannot be walked out of dist/explorer/.
        app.get('/explorer/:file', async (req, res) => {
          let bundle: ExplorerBundle;
          try {
            bundle = await explorerBundle();
          } catch (error) {
            options.log.error('explorer bundle unavailable', { error: (error as Error).message });
            res.status(503).type('text').send('The explorer bundle could not be built; run `npm run build:explorer` to see why.');
            return;
          }
          const file = req.params.file;
          if (!bundle.files.includes(file) || file === 'manifest.json') {
            res.status(404).type('text').send('not found');
            return;
          }
          // Names are stable across rebuilds, so browsers revalidate (ETag) rather than cache blindly.
          res.sendFile(file, { root: bundle.directory, headers: { 'cache-control': 'no-cache' } });
        });
        // Ready as long as it can answer anything: with one subgraph down the gateway still answers
        // everything the others own (the missing fields coded SUBGRAPH_UNAVAILABLE), which beats a
        // load balancer taking every gateway out of service. 200 `ready` or `degraded` (naming what
        // is missing), 503 `unavailable` only when no subgraph answers.
        app.get('/ready', async (_req, res) => {
          const readiness = await subgraphReadiness.check();
          const status = readiness.ready ? 'ready' : readiness.serving ? 'degraded' : 'unavailable';
          res.status(readiness.serving ? 200 : 503).json({ status, ...readiness });
        });
      },
    },
    address,
  );
}
