import { readFileSync } from 'node:fs';
import { ApolloServer, type BaseContext } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { Registry, collectDefaultMetrics } from 'prom-client';
import { z } from 'zod';
import { basePlugins, formatErrorFor } from './apollo.js';
import { Database } from './database.js';
import { databaseUrlSchema, parseEnv, portSchema } from './env.js';
import { closeOnSignals, startHttpService, type RunningService } from './http-service.js';
import { createLogger, type Logger } from './log.js';
import { idempotencyPlugin, pruneIdempotencyKeys } from './idempotency.js';
import { migrate, type MigrationReport } from './migrate.js';
import { projectPath } from './project-root.js';
import { setUpTracing } from './tracing-setup.js';

type LegacySchemaModule = Extract<Parameters<typeof buildSubgraphSchema>[0], { typeDefs: unknown }>;

export const SUBGRAPH_NAMES = ['organisations', 'grids', 'resource-pools', 'co-building'] as const;
export type SubgraphName = (typeof SUBGRAPH_NAMES)[number];

export function schemaPathOf(name: SubgraphName): string {
  return projectPath('subgraphs', name, 'schema.graphql');
}

export function migrationsDirOf(name: SubgraphName): string {
  return projectPath('subgraphs', name, 'migrations');
}

/**
 * Brings one subgraph's database up to date: first the tables every subgraph shares (lib/migrations,
 * e.g. idempotency keys), recorded as `shared/…`, then the subgraph's own migrations.
 */
export async function migrateSubgraph(databaseUrl: string, name: SubgraphName): Promise<MigrationReport> {
  const shared = await migrate(databaseUrl, projectPath('lib', 'migrations'), { recordPrefix: 'shared/' });
  const own = await migrate(databaseUrl, migrationsDirOf(name));
  return { applied: [...shared.applied, ...own.applied], alreadyApplied: shared.alreadyApplied + own.alreadyApplied };
}

/** What every subgraph's server.ts is built from. */
export interface SubgraphDeps {
  db: Database;
  log?: Logger;
  /** "Now" for time-dependent fields (a pairing's status); tests inject a fixed clock. */
  clock?: () => Date;
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
  const typeDefs = parse(readFileSync(schemaPathOf(name), 'utf8'));
  return new ApolloServer<Context>({
    schema: buildSubgraphSchema({ typeDefs, resolvers: resolvers as LegacySchemaModule['resolvers'] }),
    // Inline (ftv1) traces only feed Apollo's hosted usage reporting, which the hub never uses.
    plugins: [...basePlugins<Context>(), ApolloServerPluginInlineTraceDisabled()],
    formatError: formatErrorFor(log),
    // Subgraphs sit behind the gateway; introspection stays on for tooling such as rover.
    introspection: true,
  });
}

export interface SubgraphModule<Context extends BaseContext> {
  createServer(deps: SubgraphDeps): ApolloServer<Context>;
  createContext(deps: SubgraphDeps): Context;
  /**
   * Timers of the subgraph (escalation job, outbox relay), started by runSubgraphMain only — never
   * by startSubgraph, so tests run a job's single pass themselves. Returns a stop function.
   */
  startBackgroundJobs?(deps: SubgraphDeps): () => Promise<void>;
}

export interface StartedSubgraph extends RunningService {
  db: Database;
  registry: Registry;
}

/** Over HTTP every subgraph honours Idempotency-Key on mutations (lib/idempotency.ts). */
function withIdempotency<Context extends BaseContext>(apollo: ApolloServer<Context>, db: Database): ApolloServer<Context> {
  apollo.addPlugin(idempotencyPlugin<Context>(db));
  return apollo;
}

/** Starts one subgraph over HTTP on an existing, migrated database. Used by main.ts and by tests. */
export async function startSubgraph<Context extends BaseContext>(
  name: SubgraphName,
  module: SubgraphModule<Context>,
  options: { databaseUrl: string; host?: string; port?: number; log?: Logger },
): Promise<StartedSubgraph> {
  const log = options.log ?? createLogger(name);
  const registry = new Registry();
  const db = new Database({ url: options.databaseUrl, service: name, registry });
  const deps: SubgraphDeps = { db, log };
  try {
    const service = await startHttpService(
      {
        name,
        apollo: withIdempotency(module.createServer(deps), db),
        context: async () => module.createContext(deps),
        registry,
        checkHealth: async () => void (await db.query('SELECT 1')),
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
 * The body of every subgraph's main.ts: configuration from the environment, migrations, HTTP,
 * and a clean stop on SIGINT/SIGTERM (in-flight requests finish, then the pool closes).
 */
export async function runSubgraphMain<Context extends BaseContext>(name: SubgraphName, module: SubgraphModule<Context>): Promise<void> {
  const log = createLogger(name);
  const stopTracing = setUpTracing(name);
  const env = parseEnv(name, {
    DATABASE_URL: databaseUrlSchema,
    HOST: z.string().default('127.0.0.1'),
    PORT: portSchema,
  });
  const migrations = await migrateSubgraph(env.DATABASE_URL, name);
  if (migrations.applied.length > 0) log.info('applied migrations', { applied: migrations.applied });
  const service = await startSubgraph(name, module, { databaseUrl: env.DATABASE_URL, host: env.HOST, port: env.PORT, log });
  collectDefaultMetrics({ register: service.registry });
  const pruneTimer = setInterval(() => {
    pruneIdempotencyKeys(service.db).catch((error: Error) => log.warn('could not prune idempotency keys', { error: error.message }));
  }, 3_600_000).unref();
  const stopBackgroundJobs = module.startBackgroundJobs?.({ db: service.db, log }) ?? (async () => undefined);
  log.info('listening', { url: service.url, pid: process.pid });
  closeOnSignals(
    { close: async () => (clearInterval(pruneTimer), await stopBackgroundJobs(), await service.close(), await stopTracing()) },
    log,
  );
}
