import type { Registry } from 'prom-client';
import type { RunningService } from '../../lib/http-service.js';
import { startHttpService } from '../../lib/http-service.js';
import type { Logger } from '../../lib/log.js';
import { SUBGRAPH_NAMES } from '../../lib/subgraph.js';
import { createGateway, type SubgraphUrls } from './create-gateway.js';
import { loadExampleOperations, renderExplorerPage } from './explorer.js';

export interface GatewayHttpOptions {
  supergraphSdl: string;
  subgraphUrls: SubgraphUrls;
  log: Logger;
  registry: Registry;
}

/** GET /health of a subgraph, next to its /graphql endpoint. */
function healthUrlOf(graphqlUrl: string): string {
  return new URL('/health', graphqlUrl).toString();
}

/**
 * The gateway over HTTP: POST /graphql, our own explorer at GET / (no CDN), GET /health (the
 * gateway process) and GET /ready (every subgraph answers its /health).
 */
export async function startGatewayHttp(options: GatewayHttpOptions, address: { host: string; port: number }): Promise<RunningService> {
  const explorerPage = renderExplorerPage(await loadExampleOperations());
  return startHttpService(
    {
      name: 'gateway',
      apollo: createGateway(options),
      context: async () => ({}),
      registry: options.registry,
      checkHealth: async () => undefined,
      routes(app) {
        app.get('/', (_req, res) => {
          res.type('html').send(explorerPage);
        });
        app.get('/ready', async (_req, res) => {
          const checks = await Promise.all(
            SUBGRAPH_NAMES.map(async (name) => {
              try {
                const response = await fetch(healthUrlOf(options.subgraphUrls[name]), { signal: AbortSignal.timeout(2000) });
                return { name, ready: response.ok };
              } catch {
                return { name, ready: false };
              }
            }),
          );
          const ready = checks.every((check) => check.ready);
          res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'degraded', subgraphs: checks });
        });
      },
    },
    address,
  );
}
