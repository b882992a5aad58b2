import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assertPortFree } from './free-port.js';
import { configurationOrExit } from '../lib/kernel/env.js';
import { createLogger, setProcessLogLevel } from '../lib/kernel/log.js';
import { SUBGRAPH_NAMES } from '../lib/subgraph/names.js';
import { isLoopbackHost } from '../lib/kernel/loopback.js';
import { peerUrlVariable } from '../lib/subgraph/peer-client.js';
import { subgraphUrlVariable } from '../gateway/src/config.js';
import { heapFlags, subgraphPortVariable } from './config.js';
import { readHubEnv } from './env.js';
import { acquireDataFolderLock } from './data-lock.js';
import { createSubgraphDatabases, provisionGatewayDatabase, seedReferenceStreet } from './provision.js';
import { resolveHubSecrets } from './secrets.js';
import { SupervisedChild, SupervisedPostgres } from './supervisor.js';

/**
 * `npm start`: the whole hub on one machine. Starts PostgreSQL (embedded unless DATABASE_URL is
 * set), creates one database per subgraph, runs each subgraph as its own supervised process (it
 * migrates its database as it starts), seeds the empty databases, then runs the gateway, as in
 * production. SIGINT/SIGTERM/SIGHUP stop the gateway, then the
 * subgraphs, then the database. Whatever ends the launcher short of SIGKILL (a signal, a crash of
 * its own), PostgreSQL does not outlive it: see the `exit` handler below.
 */
const config = configurationOrExit(() => readHubEnv());
setProcessLogLevel(config.logLevel);
const log = createLogger('hub');
// Children run the same way as this process: .ts under tsx, .js from a build.
const moduleExtension = fileURLToPath(import.meta.url).endsWith('.ts') ? '.ts' : '.js';
const entryOf = (relative: string) => fileURLToPath(new URL(`../${relative}${moduleExtension}`, import.meta.url));
const urlHost = config.host.includes(':') ? `[${config.host}]` : config.host;

let postgres: SupervisedPostgres | undefined;
let releaseDataFolder: (() => Promise<void>) | undefined;
const children: SupervisedChild[] = [];
let shuttingDown: Promise<void> | undefined;

function shutdown(reason: string, exitCode: number): Promise<void> {
  shuttingDown ??= (async () => {
    log.info('shutting down', { reason });
    try {
      const gateway = children.find((child) => child.name === 'gateway');
      await gateway?.stop();
      await Promise.all(children.filter((child) => child !== gateway).map((child) => child.stop()));
      await postgres?.stop();
      await releaseDataFolder?.();
      log.info('stopped');
    } catch (error) {
      log.error('could not stop cleanly', { error: (error as Error).message });
      exitCode = 1;
    }
    process.exit(exitCode);
  })();
  return shuttingDown;
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  // `on`, not `once`: a second Ctrl-C while stopping must not kill the launcher with the database
  // still running; the stop under way goes on (services that hang are killed after their deadline).
  process.on(signal, () => {
    if (shuttingDown) log.warn('already stopping', { signal });
    void shutdown(signal, 0);
  });
}
// A bug in the launcher itself: stop everything in order rather than die with PostgreSQL running.
process.on('uncaughtException', (error) => {
  log.error('launcher failed', { error: error.message, stack: error.stack });
  void shutdown('launcher failed', 1);
});
process.on('unhandledRejection', (error) => {
  log.error('launcher failed', { error: error instanceof Error ? error.message : String(error) });
  void shutdown('launcher failed', 1);
});
// Last resort for any exit that skipped the orderly stop (process.exit elsewhere, a second fatal
// error while stopping): nothing asynchronous runs here any more, so the services are killed (they
// also stop by themselves when their IPC channel closes) and PostgreSQL is stopped synchronously.
// Only SIGKILL of the launcher gets past this; the next start takes such a server over.
process.on('exit', () => {
  for (const child of children) child.killNow();
  postgres?.stopSynchronously();
});
// `npm start` runs the launcher under `sh -c`; `kill -TERM` of npm's pid ends npm and that shell
// without passing the signal on, which left the launcher and PostgreSQL running as orphans. A
// launcher whose parent is gone stops the hub as if it had got the signal itself.
const parentAtStart = process.ppid;
setInterval(() => {
  if (process.ppid !== parentAtStart) void shutdown('the parent process exited', 0);
}, 500).unref();
const giveUp = (reason: string) => {
  log.error('giving up', { reason });
  void shutdown(reason, 1);
};

try {
  await assertPortFree('gateway', config.host, config.gatewayPort, 'PORT');
  for (const name of SUBGRAPH_NAMES) {
    await assertPortFree(`${name} subgraph`, config.host, config.subgraphPorts[name], subgraphPortVariable(name));
  }
  let serverUrl = config.databaseUrl;
  if (!serverUrl) {
    releaseDataFolder = await acquireDataFolderLock(config.dataDir, (line) => log.warn(line));
    postgres = new SupervisedPostgres(
      { rootDir: join(config.dataDir, 'postgres'), port: config.embeddedPostgresPort, log: (line) => log.info(line, { service: 'postgres' }) },
      log,
      giveUp,
      config.supervision,
    );
    await postgres.start();
    serverUrl = postgres.url();
  }
  const databaseUrls = await createSubgraphDatabases(serverUrl, config.subgraphDatabaseUrls);
  // Callers' requests are counted in PostgreSQL, so gateways started beside this one share the limits.
  const rateLimitDatabaseUrl = await provisionGatewayDatabase(serverUrl);
  const secrets = await resolveHubSecrets(config.dataDir, config.secrets);

  // The gateway would find the subgraphs at the supergraph's URLs on the default ports; the launcher
  // always hands over where it actually runs them (SUBGRAPH_<NAME>_URL), since ports are configurable.
  const subgraphUrls: Record<string, string> = Object.fromEntries(
    SUBGRAPH_NAMES.map((name) => [subgraphUrlVariable(name), `http://${urlHost}:${config.subgraphPorts[name]}/graphql`]),
  );
  // Subgraphs call each other directly (outbox delivery, matching data, order-based commitment
  // progress, reference checks of writes) through their peer client (lib/subgraph/peer-client.ts).
  const peerUrls = Object.fromEntries(SUBGRAPH_NAMES.map((name) => [peerUrlVariable(name), `http://${urlHost}:${config.subgraphPorts[name]}/graphql`]));
  const subgraphChildren = SUBGRAPH_NAMES.map((name) => {
    const base = `http://${urlHost}:${config.subgraphPorts[name]}`;
    return new SupervisedChild(
      {
        name,
        entry: entryOf(`subgraphs/${name}/main`),
        env: {
          ...config.inherited,
          DATABASE_URL: databaseUrls[name],
          ...(config.subgraphDatabaseReadUrls[name] ? { DATABASE_READ_URL: config.subgraphDatabaseReadUrls[name] } : {}),
          HOST: config.host,
          PORT: String(config.subgraphPorts[name]),
          ...secrets.jwtEnv,
          HUB_ROUTER_SECRETS: secrets.routerSecrets,
          HUB_INTERNAL_SECRETS: secrets.internalSecrets,
          ...peerUrls,
        },
        healthUrl: `${base}/health`,
      },
      log,
      giveUp,
      config.supervision,
    );
  });
  const gatewayBase = `http://${urlHost}:${config.gatewayPort}`;
  const gateway = new SupervisedChild(
    {
      name: 'gateway',
      entry: entryOf('gateway/src/main'),
      nodeFlags: heapFlags(config.gatewayMaxHeapMb),
      env: {
        ...config.inherited,
        ...subgraphUrls,
        ...secrets.jwtEnv,
        HUB_ROUTER_SECRETS: secrets.routerSecrets,
        RATE_LIMIT_DATABASE_URL: rateLimitDatabaseUrl,
        // Development mode on a loopback address only: the explorer page then carries a short-lived,
        // read-only token for loopback visitors (gateway/src/explorer.ts).
        ...(secrets.developmentJwtSecretFile && isLoopbackHost(config.host) ? { EXPLORER_DEV_TOKENS: 'on' } : {}),
        HOST: config.host,
        PORT: String(config.gatewayPort),
      },
      healthUrl: `${gatewayBase}/health`,
    },
    log,
    giveUp,
    config.supervision,
  );
  // Known to shutdown() before any of them starts, so a signal during start-up stops them all.
  children.push(...subgraphChildren, gateway);
  // A subgraph answers /health once it has migrated its database (runSubgraphMain): seed after that.
  await Promise.all(subgraphChildren.map((child) => child.start()));
  await seedReferenceStreet(databaseUrls, { seed: config.seed, seedScale: config.seedScale, seedStreets: config.seedStreets, log });
  await gateway.start();
  if (shuttingDown) await shuttingDown;
  log.info('hub ready', { explorer: `${gatewayBase}/`, graphql: `${gatewayBase}/graphql`, pid: process.pid });
  const tokenHint = secrets.developmentJwtSecretFile
    ? `  Tokens:   npm run token -- --role DISTRICT_PLATFORM   (development secret in ${secrets.developmentJwtSecretFile})\n`
    : '';
  process.stdout.write(`\n  Co-governance federation hub is ready.\n  Explorer: ${gatewayBase}/\n  GraphQL:  ${gatewayBase}/graphql\n${tokenHint}\n`);
} catch (error) {
  log.error('start-up failed', { error: (error as Error).message });
  process.stderr.write(`\nThe hub could not start: ${(error as Error).message}\n\n`);
  await shutdown('start-up failed', 1);
}
