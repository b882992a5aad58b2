import { readFile } from 'node:fs/promises';
import { configurationOrExit } from '../../lib/kernel/env.js';
import { closeOnSignals } from '../../lib/kernel/http-service.js';
import { createLogger, setProcessLogLevel } from '../../lib/kernel/log.js';
import { resolveSubgraphUrls, subgraphsOfSupergraph, subgraphTimeoutsFromEnv, subgraphUrlOverridesFromEnv } from '../src/config.js';
import { readGatewayEnv } from '../src/env.js';
import { gatewaySecurityFrom } from '../src/security.js';
import { startSharedRateLimits } from '../src/shared-rate-limit.js';
import { startHiveGatewayHttp } from './http.js';

/**
 * Hive Gateway as the hub's gateway, from the same environment variables as gateway/src/main.ts
 * (gateway/src/env.ts; docs/configuration.md, docs/routers.md). The only place with side effects.
 */
const env = configurationOrExit(() => readGatewayEnv(undefined, 'hive-gateway'));
setProcessLogLevel(env.logLevel);
const log = createLogger('hive-gateway');
const supergraphSdl = await readFile(env.supergraphPath, 'utf8').catch((error: Error) => {
  throw new Error(`hive-gateway: cannot read the supergraph at SUPERGRAPH_PATH=${env.supergraphPath}: ${error.message}`);
});
const subgraphNames = subgraphsOfSupergraph(supergraphSdl).map((subgraph) => subgraph.name);
const subgraphUrlOverrides = subgraphUrlOverridesFromEnv(env.perSubgraph, subgraphNames);
const security = await gatewaySecurityFrom(env.security);
// RATE_LIMIT_DATABASE_URL: the same shared per-caller limit as the hub gateway's, in the same table,
// so Hive replicas (and hub gateways beside them) allow a caller the configured rate once.
const sharedRateLimits = await startSharedRateLimits(env.rateLimitDatabaseUrl, security.limits, log);
const service = await startHiveGatewayHttp(
  {
    supergraphSdl,
    subgraphUrls: subgraphUrlOverrides,
    security: { ...security, rateLimiter: sharedRateLimits.limiter },
    timeoutsMs: subgraphTimeoutsFromEnv(env.perSubgraph, env.subgraphTimeoutMs, subgraphNames),
    // Hive logs in its own format: warnings and errors, everything with LOG_LEVEL=debug.
    logLevel: env.logLevel === 'info' ? 'warn' : env.logLevel,
  },
  { host: env.host, port: env.port },
);
log.info('listening', {
  url: service.url,
  pid: process.pid,
  supergraph: env.supergraphPath,
  subgraphs: resolveSubgraphUrls(subgraphsOfSupergraph(supergraphSdl), subgraphUrlOverrides),
  sharedRateLimits: sharedRateLimits.limiter !== undefined,
});
closeOnSignals({ close: async () => (await service.close(), await sharedRateLimits.close()) }, log);
