import { readFile } from 'node:fs/promises';
import { Registry, collectDefaultMetrics } from 'prom-client';
import { z } from 'zod';
import { parseEnv, portSchema, switchSchema } from '../../lib/env.js';
import { closeOnSignals } from '../../lib/http-service.js';
import { createLogger } from '../../lib/log.js';
import { projectPath } from '../../lib/project-root.js';
import { setUpTracing } from '../../lib/tracing-setup.js';
import { explorerBundle } from './explorer-bundle.js';
import { startGatewayHttp } from './http.js';
import { gatewaySecurityFromEnv } from './security.js';
import { subgraphTimeoutsFromEnv, subgraphUrlsFromEnv } from './config.js';
import { DEFAULT_SUBGRAPH_TIMEOUT_MS } from './fetcher.js';

const log = createLogger('gateway');
const stopTracing = setUpTracing('gateway');
const env = parseEnv('gateway', {
  HOST: z.string().default('127.0.0.1'),
  PORT: portSchema.default(4000),
  SUPERGRAPH_PATH: z.string().default(projectPath('schema', 'supergraph.graphql')),
  HUB_DEBUG_ERRORS: switchSchema,
});
const supergraphSdl = await readFile(env.SUPERGRAPH_PATH, 'utf8').catch((error: Error) => {
  throw new Error(`gateway: cannot read the supergraph at SUPERGRAPH_PATH=${env.SUPERGRAPH_PATH}: ${error.message}`);
});
const registry = new Registry();
collectDefaultMetrics({ register: registry });
const service = await startGatewayHttp(
  {
    supergraphSdl,
    subgraphUrls: subgraphUrlsFromEnv(process.env),
    log,
    registry,
    security: await gatewaySecurityFromEnv(process.env),
    // Set by the launcher only when it runs with its generated development secret.
    explorerToken: process.env.EXPLORER_DEV_TOKEN || undefined,
    fetcher: { timeoutsMs: subgraphTimeoutsFromEnv(process.env, DEFAULT_SUBGRAPH_TIMEOUT_MS) },
    debugErrors: env.HUB_DEBUG_ERRORS,
  },
  { host: env.HOST, port: env.PORT },
);
log.info('listening', { url: service.url, pid: process.pid, supergraph: env.SUPERGRAPH_PATH });
// Build (or verify) the explorer bundle now rather than on the first page load; failures are
// reported again, with the reason, when the page asks for it.
explorerBundle().then(
  (bundle) => log.info('explorer bundle ready', { directory: bundle.directory }),
  (error: Error) => log.warn('explorer bundle not built yet', { error: error.message }),
);

closeOnSignals({ close: async () => (await service.close(), await stopTracing()) }, log);
