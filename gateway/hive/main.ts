import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { parseEnv, portSchema } from '../../lib/kernel/env.js';
import { closeOnSignals } from '../../lib/kernel/http-service.js';
import { createLogger } from '../../lib/kernel/log.js';
import { projectPath } from '../../lib/kernel/project-root.js';
import { resolveSubgraphUrls, subgraphsOfSupergraph, subgraphTimeoutsFromEnv, subgraphUrlOverridesFromEnv } from '../src/config.js';
import { DEFAULT_SUBGRAPH_TIMEOUT_MS } from '../src/fetcher.js';
import { gatewaySecurityFromEnv } from '../src/security.js';
import { startHiveGatewayHttp } from './http.js';

/**
 * Hive Gateway as the hub's gateway, from the same environment variables as gateway/src/main.ts:
 * HOST, PORT, SUPERGRAPH_PATH, SUBGRAPH_<NAME>_URL and _TIMEOUT_MS, JWT_*, HUB_ROUTER_SECRETS, the
 * limits and SAFELIST_PATH (docs/configuration.md, docs/routers.md). The only place with side effects.
 */
const log = createLogger('hive-gateway');
const env = parseEnv('hive-gateway', {
  HOST: z.string().default('127.0.0.1'),
  PORT: portSchema.default(4000),
  SUPERGRAPH_PATH: z.string().default(projectPath('schema', 'supergraph.graphql')),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
});
const supergraphSdl = await readFile(env.SUPERGRAPH_PATH, 'utf8').catch((error: Error) => {
  throw new Error(`hive-gateway: cannot read the supergraph at SUPERGRAPH_PATH=${env.SUPERGRAPH_PATH}: ${error.message}`);
});
const subgraphNames = subgraphsOfSupergraph(supergraphSdl).map((subgraph) => subgraph.name);
const subgraphUrlOverrides = subgraphUrlOverridesFromEnv(process.env, subgraphNames);
const service = await startHiveGatewayHttp(
  {
    supergraphSdl,
    subgraphUrls: subgraphUrlOverrides,
    security: await gatewaySecurityFromEnv(process.env),
    timeoutsMs: subgraphTimeoutsFromEnv(process.env, DEFAULT_SUBGRAPH_TIMEOUT_MS, subgraphNames),
    // Hive logs in its own format: warnings and errors, everything with LOG_LEVEL=debug.
    logLevel: env.LOG_LEVEL === 'info' ? 'warn' : env.LOG_LEVEL,
  },
  { host: env.HOST, port: env.PORT },
);
log.info('listening', {
  url: service.url,
  pid: process.pid,
  supergraph: env.SUPERGRAPH_PATH,
  subgraphs: resolveSubgraphUrls(subgraphsOfSupergraph(supergraphSdl), subgraphUrlOverrides),
});
closeOnSignals(service, log);
