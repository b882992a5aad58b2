import { readFile } from 'node:fs/promises';
import { Registry, collectDefaultMetrics } from 'prom-client';
import { z } from 'zod';
import { ConfigurationError, databaseUrlSchema, parseEnv, portSchema, switchSchema } from '../../lib/kernel/env.js';
import { mintToken } from '../../lib/auth/jwt.js';
import { closeOnSignals } from '../../lib/kernel/http-service.js';
import { createLogger } from '../../lib/kernel/log.js';
import { projectPath } from '../../lib/kernel/project-root.js';
import { setUpTracing } from '../../lib/kernel/tracing-setup.js';
import { explorerBundle } from './explorer-bundle.js';
import { startGatewayHttp } from './http.js';
import { gatewaySecurityFromEnv } from './security.js';
import { SharedRateLimiter } from './shared-rate-limit.js';
import { resolveSubgraphUrls, subgraphsOfSupergraph, subgraphTimeoutsFromEnv, subgraphUrlOverridesFromEnv } from './config.js';
import { DEFAULT_SUBGRAPH_TIMEOUT_MS } from './fetcher.js';

// Milliseconds since the process started, once every module is loaded (under tsx: compiled).
const loadMs = Math.round(performance.now());
const log = createLogger('gateway');

/**
 * EXPLORER_DEV_TOKENS=on (development mode, set by the launcher): the explorer page carries a fresh
 * DISTRICT_PLATFORM token — it reads the directory and records but changes nothing, and has no
 * scopes (no audit log, no personal data in clear) — valid for one hour.
 */
function explorerTokenMinter(environment: NodeJS.ProcessEnv): (() => Promise<string>) | undefined {
  const parsed = parseEnv('gateway', { EXPLORER_DEV_TOKENS: z.enum(['on', 'off']).default('off'), JWT_SECRET: z.string().optional(), JWT_ISSUER: z.string().optional(), JWT_AUDIENCE: z.string().optional() }, environment);
  if (parsed.EXPLORER_DEV_TOKENS !== 'on') return undefined;
  const secret = parsed.JWT_SECRET;
  if (!secret) throw new ConfigurationError('gateway: EXPLORER_DEV_TOKENS=on needs the HS256 development secret (JWT_SECRET)');
  return () => mintToken(secret, { sub: 'dev-explorer', role: 'DISTRICT_PLATFORM' }, { expiresIn: '1h', issuer: parsed.JWT_ISSUER, audience: parsed.JWT_AUDIENCE });
}
const stopTracing = setUpTracing('gateway');
const env = parseEnv('gateway', {
  HOST: z.string().default('127.0.0.1'),
  PORT: portSchema.default(4000),
  SUPERGRAPH_PATH: z.string().default(projectPath('schema', 'supergraph.graphql')),
  HUB_DEBUG_ERRORS: switchSchema,
  RATE_LIMIT_DATABASE_URL: databaseUrlSchema.optional(),
});
const supergraphSdl = await readFile(env.SUPERGRAPH_PATH, 'utf8').catch((error: Error) => {
  throw new Error(`gateway: cannot read the supergraph at SUPERGRAPH_PATH=${env.SUPERGRAPH_PATH}: ${error.message}`);
});
// The supergraph names the subgraphs and their URLs; SUBGRAPH_<NAME>_URL overrides one (the
// launcher sets all of the hub's). Unknown names and subgraphs without a URL stop the start here.
const subgraphs = subgraphsOfSupergraph(supergraphSdl);
const subgraphNames = subgraphs.map((subgraph) => subgraph.name);
const subgraphUrls = resolveSubgraphUrls(subgraphs, subgraphUrlOverridesFromEnv(process.env, subgraphNames));
const registry = new Registry();
collectDefaultMetrics({ register: registry });
const security = await gatewaySecurityFromEnv(process.env);
// RATE_LIMIT_DATABASE_URL: callers' requests are counted in PostgreSQL, once for all the replicas
// (the launcher sets it); unset, each gateway process counts on its own.
const sharedRateLimiter = env.RATE_LIMIT_DATABASE_URL
  ? new SharedRateLimiter({ url: env.RATE_LIMIT_DATABASE_URL, perMinute: security.limits.ratePerMinute, burst: security.limits.rateBurst, log, registry })
  : undefined;
// A database that is down at start does not stop the gateway: the limiter fails open and tries again.
await sharedRateLimiter?.ensureSchema().catch((error: Error) => log.warn('rate-limit table not created yet', { error: error.message }));
const pruneRateLimits = setInterval(() => {
  sharedRateLimiter?.prune().catch((error: Error) => log.warn('could not prune rate-limit buckets', { error: error.message }));
}, 60_000).unref();
const serveFromMs = performance.now();
const service = await startGatewayHttp(
  {
    supergraphSdl,
    subgraphUrls,
    log,
    registry,
    security: { ...security, rateLimiter: sharedRateLimiter },
    // Set by the launcher only when it runs with its generated development secret on loopback.
    mintExplorerToken: explorerTokenMinter(process.env),
    fetcher: { timeoutsMs: subgraphTimeoutsFromEnv(process.env, DEFAULT_SUBGRAPH_TIMEOUT_MS, subgraphNames) },
    debugErrors: env.HUB_DEBUG_ERRORS,
  },
  { host: env.HOST, port: env.PORT },
);
// Where start-up time goes (bench/restart): loading the code, then the supergraph, plan warm-up and listen.
const startup = { loadMs, serveMs: Math.round(performance.now() - serveFromMs), totalMs: Math.round(performance.now()) };
log.info('listening', { url: service.url, pid: process.pid, supergraph: env.SUPERGRAPH_PATH, subgraphs: subgraphUrls, sharedRateLimits: sharedRateLimiter !== undefined, startup });
// Build (or verify) the explorer bundle now rather than on the first page load; failures are
// reported again, with the reason, when the page asks for it.
explorerBundle().then(
  (bundle) => log.info('explorer bundle ready', { directory: bundle.directory }),
  (error: Error) => log.warn('explorer bundle not built yet', { error: error.message }),
);

closeOnSignals(
  { close: async () => (clearInterval(pruneRateLimits), await service.close(), await sharedRateLimiter?.close(), await stopTracing()) },
  log,
);
