import { readFileSync } from 'node:fs';
import { ApolloServer, type ApolloServerPlugin, type BaseContext } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { Registry, collectDefaultMetrics } from 'prom-client';
import { basePlugins, formatErrorFor } from '../kernel/apollo.js';
import { Database } from '../kernel/database.js';
import { ConfigurationError } from '../kernel/env.js';
import { closeOnSignals, rawBodyOf, startHttpService, type RunningService } from '../kernel/http-service.js';
import { createLogger, setProcessLogLevel, type Logger } from '../kernel/log.js';
import { idempotencyPlugin, pruneIdempotencyKeys } from './idempotency.js';
import { pruneRecentWrites, readRoutingPlugin } from './read-routing.js';
import { migrate, type MigrationReport } from '../kernel/migrate.js';
import { projectPath } from '../kernel/project-root.js';
import { setUpTracing } from '../kernel/tracing-setup.js';
import type { Caller } from '../auth/caller.js';
import { enforceSecurity, splitSecurity, type SecurityRequirements } from '../auth/schema-directives.js';
import { authenticateSubgraphRequest, subgraphTrustFrom, type SubgraphTrust } from '../auth/subgraph-trust.js';
import { auditPlugin } from './audit.js';
import { PeerClient } from './peer-client.js';
import type { SubgraphEnvWith } from './env.js';
import { migrationsDirOf, schemaPathOf, type SubgraphName } from './names.js';

type LegacySchemaModule = Extract<Parameters<typeof buildSubgraphSchema>[0], { typeDefs: unknown }>;

/**
 * Brings one subgraph's database up to date: first the tables every subgraph shares (lib/subgraph/migrations,
 * e.g. idempotency keys), recorded as `shared/…`, then the subgraph's own migrations.
 */
export async function migrateSubgraph(databaseUrl: string, name: SubgraphName): Promise<MigrationReport> {
  const shared = await migrate(databaseUrl, projectPath('lib', 'subgraph', 'migrations'), { recordPrefix: 'shared/' });
  const own = await migrate(databaseUrl, migrationsDirOf(name));
  return { applied: [...shared.applied, ...own.applied], alreadyApplied: shared.alreadyApplied + own.alreadyApplied };
}

/** What every subgraph's server.ts is built from. */
export interface SubgraphDeps {
  db: Database;
  log?: Logger;
  /** "Now" for time-dependent fields (a pairing's status); tests inject a fixed clock. */
  clock?: () => Date;
  /** Calls to other subgraphs (lib/subgraph/peer-client.ts); without it every peer is unavailable. */
  peers?: PeerClient;
}

/**
 * The Apollo server of one subgraph: its SDL file plus its resolvers, with the hub's error masking
 * and without the CDN landing page. Resolver maps are typed by codegen in each subgraph; the cast
 * only bridges codegen's resolver type to @apollo/subgraph's looser map type.
 */
export function createSubgraphApollo<Context extends BaseContext>(
  name: SubgraphName,
  resolvers: object,
  log: Logger = createLogger(name),
): ApolloServer<Context> {
  const sdl = readFileSync(schemaPathOf(name), 'utf8');
  const typeDefs = parse(sdl);
  return new ApolloServer<Context>({
    schema: buildSubgraphSchema({ typeDefs, resolvers: resolvers as LegacySchemaModule['resolvers'] }),
    plugins: [
      ...basePlugins<Context>(),
      // Inline (ftv1) traces only feed Apollo's hosted usage reporting, which the hub never uses.
      ApolloServerPluginInlineTraceDisabled(),
      // No SDL of the hub declares @cacheControl, so the policy would always be "do not cache"; the
      // plugin's willResolveField hook made Apollo wrap every resolver and call it per field (about
      // 3 % of a subgraph's CPU). Without any willResolveField hook resolvers run unwrapped.
      ApolloServerPluginCacheControlDisabled(),
      schemaDirectivesPlugin<Context>(splitSecurity(sdl).requirements),
    ],
    formatError: formatErrorFor(log),
    includeStacktraceInErrorResponses: false, // see formatErrorFor
    // Subgraphs sit behind the gateway; introspection stays on for tooling such as rover.
    introspection: true,
    // The service stops on SIGTERM itself (closeOnSignals: drain, then exit); Apollo's own handler
    // would stop the server and re-raise the signal, cutting the requests still being answered.
    stopOnTerminationSignals: false,
  });
}

/**
 * The subgraph enforces its own SDL's `@authenticated` / `@requiresScopes` on every operation it
 * receives, `_entities` fetches included (lib/auth/schema-directives.ts), whatever router sent it.
 */
function schemaDirectivesPlugin<Context extends BaseContext>(requirements: SecurityRequirements): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, schema, document, request }) {
          const caller = (contextValue as { caller?: Caller }).caller;
          if (caller) enforceSecurity(requirements, schema, document, request.operationName, caller);
        },
      };
    },
  };
}

/**
 * One subgraph as the runtime starts it. `Settings`: what only this subgraph configures (its env.ts
 * reads them; tests and the in-process hub start it with `defaultSettings`, the documented defaults).
 */
export interface SubgraphModule<Context extends BaseContext, Settings = undefined> {
  defaultSettings: Settings;
  createServer(deps: SubgraphDeps, settings: Settings): ApolloServer<Context>;
  /** `caller`: whom the request is for; over HTTP the caller lib/auth/subgraph-trust.ts verified. */
  createContext(deps: SubgraphDeps, caller: Caller): Context;
  /**
   * Timers of the subgraph (escalation job, outbox relay), started by runSubgraphMain only — never
   * by startSubgraph, so tests run a job's single pass themselves. Returns a stop function.
   */
  startBackgroundJobs?(deps: SubgraphDeps, settings: Settings): () => Promise<void>;
  /**
   * Whether every statement of the subgraph's store is planned well without its values, so that its
   * database runs them on generic plans, planned once per connection (DatabaseOptions.genericPlans).
   */
  genericPlans?: boolean;
}

export interface StartedSubgraph extends RunningService {
  db: Database;
  registry: Registry;
}

/**
 * Over HTTP every subgraph honours Idempotency-Key on mutations (lib/subgraph/idempotency.ts) and records
 * every mutation in its audit log (lib/subgraph/audit.ts), replays and Idempotency-Key refusals included
 * (every plugin's willSendResponse runs, whichever plugin answered).
 */
function withIdempotencyAndAudit<Context extends BaseContext>(
  apollo: ApolloServer<Context>,
  db: Database,
  name: SubgraphName,
  log: Logger,
): ApolloServer<Context> {
  apollo.addPlugin(auditPlugin<Context>(db, name, log));
  apollo.addPlugin(idempotencyPlugin<Context>(db));
  if (db.readPool) apollo.addPlugin(readRoutingPlugin<Context>(db));
  return apollo;
}

/**
 * /ready waits this long for the database. A database that accepts connections but does not answer
 * (stopped, overloaded) then makes /ready answer 503 at once instead of hanging, so a load balancer
 * or the gateway's own readiness stops counting on the subgraph, while /health (liveness) keeps
 * saying the process is alive: restarting it would not bring the database back.
 */
const READY_DATABASE_TIMEOUT_MS = 1_000;

async function answersWithin(check: Promise<unknown>, timeoutMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`the database did not answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    await Promise.race([check, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Starts one subgraph over HTTP on an existing, migrated database. Used by main.ts and by tests. */
export async function startSubgraph<Context extends BaseContext, Settings>(
  name: SubgraphName,
  module: SubgraphModule<Context, Settings>,
  options: {
    databaseUrl: string;
    /** A read replica of the database (DATABASE_READ_URL): queries read from it (read-routing.ts). */
    databaseReadUrl?: string;
    host?: string;
    port?: number;
    log?: Logger;
    /** Whom requests to /graphql are trusted from (docs/trust-contract.md). */
    trust: SubgraphTrust;
    /** Calls to the other subgraphs; default: none reachable. */
    peers?: PeerClient;
    /** HUB_DEBUG_ERRORS: stack traces in error answers to callers on this machine (lib/kernel/http-service.ts). */
    debugErrors?: boolean;
    /** "Now" for time-dependent fields (SubgraphDeps.clock); default the system clock. */
    clock?: () => Date;
    /** Connections of the subgraph's pool (DATABASE_POOL_SIZE); default 10. */
    databasePoolSize?: number;
    /** The subgraph's own settings; default `module.defaultSettings`. */
    settings?: Settings;
    /** How long the pool waits for a new connection (DatabaseOptions.connectTimeoutMs); tests on a loaded machine raise it. */
    databaseConnectTimeoutMs?: number;
  },
): Promise<StartedSubgraph> {
  const log = options.log ?? createLogger(name);
  if (options.trust.router.secrets.length === 0 && options.trust.router.staticKeys.length === 0) {
    throw new ConfigurationError(`${name}: no router credential configured (HUB_ROUTER_SECRETS)`);
  }
  const registry = new Registry();
  const db = new Database({
    url: options.databaseUrl,
    readUrl: options.databaseReadUrl,
    service: name,
    registry,
    maxConnections: options.databasePoolSize,
    connectTimeoutMs: options.databaseConnectTimeoutMs,
    genericPlans: module.genericPlans,
  });
  const deps: SubgraphDeps = { db, log, peers: options.peers, clock: options.clock };
  try {
    const service = await startHttpService(
      {
        name,
        log,
        debugErrors: options.debugErrors,
        apollo: withIdempotencyAndAudit(module.createServer(deps, options.settings ?? module.defaultSettings), db, name, log),
        // Routers POST; a GET would carry its operation in the URL, outside what is signed.
        postOnly: true,
        context: async ({ req }) => {
          const caller = await authenticateSubgraphRequest(options.trust, { header: (header) => req.get(header), body: rawBodyOf(req) });
          return module.createContext(deps, caller);
        },
        registry,
        checkReady: () => answersWithin(db.query('SELECT 1'), READY_DATABASE_TIMEOUT_MS),
      },
      { host: options.host ?? '127.0.0.1', port: options.port ?? 0 },
    );
    return {
      ...service,
      db,
      registry,
      async close() {
        await service.close();
        await db.close();
      },
    };
  } catch (error) {
    await db.close();
    throw error;
  }
}

/**
 * The body of every subgraph's main.ts, given what its env.ts read: migrations, HTTP, background
 * jobs, and a clean stop on SIGINT/SIGTERM (in-flight requests finish, then the pool closes).
 */
export async function runSubgraphMain<Context extends BaseContext, Settings>(
  module: SubgraphModule<Context, Settings>,
  env: SubgraphEnvWith<Settings>,
): Promise<void> {
  // Milliseconds since the process started, once every module is loaded (under tsx: compiled).
  const loadMs = Math.round(performance.now());
  const { subgraph, settings } = env;
  const name = subgraph.name;
  setProcessLogLevel(subgraph.logLevel);
  const log = createLogger(name);
  const stopTracing = setUpTracing(name, subgraph.tracing);
  const migrateFromMs = performance.now();
  const migrations = await migrateSubgraph(subgraph.databaseUrl, name);
  if (migrations.applied.length > 0) log.info('applied migrations', { applied: migrations.applied });
  const serveFromMs = performance.now();
  const peers = new PeerClient(subgraph.peers);
  const service = await startSubgraph(name, module, {
    databaseUrl: subgraph.databaseUrl,
    databaseReadUrl: subgraph.databaseReadUrl,
    host: subgraph.host,
    port: subgraph.port,
    log,
    trust: await subgraphTrustFrom(subgraph.trust),
    peers,
    debugErrors: subgraph.debugErrors,
    databasePoolSize: subgraph.databasePoolSize,
    settings,
  });
  collectDefaultMetrics({ register: service.registry });
  const pruneTimer = setInterval(() => {
    pruneIdempotencyKeys(service.db).catch((error: Error) => log.warn('could not prune idempotency keys', { error: error.message }));
    pruneRecentWrites(service.db).catch((error: Error) => log.warn('could not prune recent writes', { error: error.message }));
  }, 3_600_000).unref();
  const stopBackgroundJobs = module.startBackgroundJobs?.({ db: service.db, log, peers }, settings) ?? (async () => undefined);
  // Where start-up time goes (bench/restart): loading the code, migrations, schema and listen.
  const startup = {
    loadMs,
    migrateMs: Math.round(serveFromMs - migrateFromMs),
    serveMs: Math.round(performance.now() - serveFromMs),
    totalMs: Math.round(performance.now()),
  };
  log.info('listening', { url: service.url, pid: process.pid, startup });
  closeOnSignals({ close: async () => (clearInterval(pruneTimer), await stopBackgroundJobs(), await service.close(), await stopTracing()) }, log);
}
