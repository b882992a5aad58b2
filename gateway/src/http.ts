import type { Registry } from 'prom-client';
import type { RunningService } from '../../lib/http-service.js';
import { startHttpService } from '../../lib/http-service.js';
import type { Logger } from '../../lib/log.js';
import { createGateway, type GatewayOptions, type SubgraphUrls } from './create-gateway.js';
import { EXPLORER_CONTENT_SECURITY_POLICY, loadExampleOperations, renderExplorerPage } from './explorer.js';
import { explorerBundle, type ExplorerBundle } from './explorer-bundle.js';
import { SubgraphReadiness } from './readiness.js';
import { callerOfResponse, securityMiddleware, type GatewaySecurity } from './security.js';

export interface GatewayHttpOptions {
  supergraphSdl: string;
  subgraphUrls: SubgraphUrls;
  log: Logger;
  registry: Registry;
  /** Token verification, the internal signing secret and the limits (security.ts). */
  security: GatewaySecurity;
  /** Development only: a token the explorer sends by default (the launcher mints one with the development secret). */
  explorerToken?: string;
  /** Subgraph connections and timeouts (fetcher.ts); main.ts sets the timeouts from the environment. */
  fetcher?: GatewayOptions['fetcher'];
  /** HUB_DEBUG_ERRORS: stack traces in error answers to callers on this machine (lib/http-service.ts). */
  debugErrors?: boolean;
}

/**
 * The gateway over HTTP: POST /graphql, our own explorer at GET / (no CDN), GET /health (the
 * gateway process) and GET /ready (every subgraph answers its /health).
 */
export async function startGatewayHttp(options: GatewayHttpOptions, address: { host: string; port: number }): Promise<RunningService> {
  const explorerPage = renderExplorerPage(await loadExampleOperations(), { token: options.explorerToken });
  const subgraphReadiness = new SubgraphReadiness(options.subgraphUrls);
  return startHttpService(
    {
      name: 'gateway',
      log: options.log,
      debugErrors: options.debugErrors,
      apollo: createGateway(options),
      // The caller was verified (and rate-limited) by securityMiddleware before Apollo saw the request.
      context: async ({ res }) => ({ caller: callerOfResponse(res) }),
      bodyLimit: options.security.limits.bodyLimit,
      registry: options.registry,
      checkHealth: async () => undefined,
      routeLabels: ['/', '/ready', '/explorer/:file'],
      routes(app) {
        app.use('/graphql', ...securityMiddleware(options.security));
        app.get('/', (_req, res) => {
          res.set('content-security-policy', EXPLORER_CONTENT_SECURITY_POLICY).type('html').send(explorerPage);
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
        app.get('/ready', async (_req, res) => {
          const readiness = await subgraphReadiness.check();
          res.status(readiness.ready ? 200 : 503).json({ status: readiness.ready ? 'ready' : 'degraded', ...readiness });
        });
      },
    },
    address,
  );
}
