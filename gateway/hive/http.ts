import { createServer } from 'node:http';
import { drainAndClose, listen, type RunningService } from '../../lib/kernel/http-service.js';
import { gatewaySubgraphUrls } from '../src/create-gateway.js';
import { SubgraphReadiness } from '../src/readiness.js';
import { createHiveGateway, type HiveGatewayOptions } from './create-hive-gateway.js';

/**
 * Hive Gateway over HTTP: POST /graphql, GET /health (the process) and GET /ready, answered as the
 * hub's gateway answers it (gateway/src/readiness.ts: every subgraph of the supergraph is asked),
 * since Hive's own readiness check only knows whether the supergraph is loaded.
 */
export async function startHiveGatewayHttp(options: HiveGatewayOptions, address: { host: string; port: number }): Promise<RunningService> {
  const runtime = createHiveGateway(options);
  const readiness = new SubgraphReadiness(gatewaySubgraphUrls(options));
  const server = createServer((req, res) => {
    if (req.method === 'GET' && req.url?.split('?')[0] === '/ready') {
      readiness.check().then(
        (result) => {
          res.writeHead(result.ready ? 200 : 503, { 'content-type': 'application/json; charset=utf-8' });
          res.end(JSON.stringify({ status: result.ready ? 'ready' : 'degraded', ...result }));
        },
        (error: Error) => {
          res.writeHead(503, { 'content-type': 'application/json; charset=utf-8' });
          res.end(JSON.stringify({ status: 'degraded', error: error.message }));
        },
      );
      return;
    }
    void runtime(req, res);
  });
  const port = await listen(server, 'hive-gateway', address.host, address.port);
  const host = address.host.includes(':') ? `[${address.host}]` : address.host;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${host}:${port}/graphql`,
    port,
    close() {
      closing ??= (async () => {
        await drainAndClose(server);
        await runtime.dispose();
      })();
      return closing;
    },
  };
}
