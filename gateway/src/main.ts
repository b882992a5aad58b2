import { readFile } from 'node:fs/promises';
import { Registry, collectDefaultMetrics } from 'prom-client';
import { configurationOrExit } from '../../lib/kernel/env.js';
import { mintToken } from '../../lib/auth/jwt.js';
import { closeOnSignals } from '../../lib/kernel/http-service.js';
import { createLogger, setProcessLogLevel } from '../../lib/kernel/log.js';
import { startTracing } from '../../lib/kernel/tracing-setup.js';
import { explorerBundle } from './explorer-bundle.js';
import { readGatewayEnv, type GatewayEnv } from './env.js';
import { startGatewayHttp } from './http.js';
import { gatewaySecurityFrom } from './security.js';
import { startSharedRateLimits } from './shared-rate-limit.js';
import { resolveSubgraphUrls, subgraphsOfSupergraph, subgraphTimeoutsFromEnv, subgraphUrlOverridesFromEnv } from './config.js';

// Milliseconds since the process started, once every module is loaded (under tsx: compiled).
const loadMs = Math.round(performance.now());
const env = configurationOrExit(() => readGatewayEnv());
setProcessLogLevel(env.logLevel);
const log = createLogger('gateway');

/**
 * EXPLORER_DEV_TOKENS=on (development mode, set by the launcher): the explorer page carries a fresh
 * DISTRICT_PLATFORM token — it reads the directory and records but changes nothing, and has no
 * scopes (no audit log, no personal data in clear) — valid for one hour.
 */
function explorerTokenMinter(devTokens: GatewayEnv['explorerDevTokens']): (() => Promise<string>) | undefined {
  if (!devTokens) return undefined;
  return () =>
    mintToken(
      devTokens.secret,
      { sub: 'dev-explorer', role: 'DISTRICT_PLATFORM' },
      { expiresIn: '1h', issuer: devTokens.issuer, audience: devTokens.audience },
    );
}
const stopTracing = await startTracing('gateway', env.tracing);
const supergraphSdl = await readFile(env.supergraphPath, 'utf8').catch((error: Error) => {
  throw new Error(`gateway: cannot read the supergraph at SUPERGRAPH_PATH=${env.supergraphPath}: ${error.message}`);
});
// The supergraph names the subgraphs and their URLs; SUBGRAPH_<NAME>_URL overrides one (the
// launcher sets all of the hub's). Unknown names and subgraphs without a URL stop the start here.
const subgraphs = subgraphsOfSupergraph(supergraphSdl);
const subgraphNames = subgraphs.map((subgraph) => subgraph.name);
const subgraphUrls = resolveSubgraphUrls(subgraphs, subgraphUrlOverridesFromEnv(env.perSubgraph, subgraphNames));
const registry = new Registry();
collectDefaultMetrics({ register: registry });
const security = await gatewaySecurityFrom(env.security);
// RATE_LIMIT_DATABASE_URL: callers' requests are counted in PostgreSQL, once for all the replicas
// (the launcher sets it); unset, each gateway process counts on its own.
const sharedRateLimits = await startSharedRateLimits(env.rateLimitDatabaseUrl, security.limits, log, registry);
const serveFromMs = performance.now();
const service = await startGatewayHttp(
  {
    supergraphSdl,
    subgraphUrls,
    log,
    registry,
    security: { ...security, rateLimiter: sharedRateLimits.limiter },
    // Set by the launcher only when it runs with its generated development secret on loopback.
    mintExplorerToken: explorerTokenMinter(env.explorerDevTokens),
    fetcher: { timeoutsMs: subgraphTimeoutsFromEnv(env.perSubgraph, env.subgraphTimeoutMs, subgraphNames) },
    debugErrors: env.debugErrors,
  },
  { host: env.host, port: env.port },
);
// Where start-up time goes (bench/restart): loading the code, then the supergraph, plan warm-up and listen.
const startup = { loadMs, serveMs: Math.round(performance.now() - serveFromMs), totalMs: Math.round(performance.now()) };
log.info('listening', {
  url: service.url,
  pid: process.pid,
  supergraph: env.supergraphPath,
  subgraphs: subgraphUrls,
  sharedRateLimits: sharedRateLimits.limiter !== undefined,
  startup,
});
// Build (or verify) the explorer bundle now rather than on the first page load; failures are
// reported again, with the reason, when the page asks for it.
explorerBundle().then(
  (bundle) => log.info('explorer bundle ready', { directory: bundle.directory }),
  (error: Error) => log.warn('explorer bundle not built yet', { error: error.message }),
);

closeOnSignals({ close: async () => (await service.close(), await sharedRateLimits.close(), await stopTracing()) }, log);
