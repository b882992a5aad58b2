import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);

/**
 * A hub data folder as `npm start` leaves it after its first run on the reference street: the
 * embedded PostgreSQL cluster initialised, one database per subgraph migrated and seeded, the
 * gateway's database created. Built once per test run; each launcher test that is not about a first
 * start copies it (`launcherSetup({ seeded: true })`) instead of paying initdb, four migrations and
 * the seed on every start. test/hub-process.test.ts still starts on an empty folder.
 *
 * It is built with the launcher's own steps (hub/provision.ts, the subgraphs' migrations, the seed)
 * on a stopped-then-copied cluster, so a copy is what a restart of `npm start` finds.
 */
function templateFolder(): string {
  const runId = process.env.TEST_RUN_ID;
  if (!runId) throw new Error('TEST_RUN_ID is not set: run the tests through jest (npm test)');
  return join(tmpdir(), `hub-launcher-seeded-${runId}`);
}

let template: Promise<string> | undefined;

/**
 * The run's template, built by whichever jest worker asks first: workers are separate processes, so
 * an advisory lock on the run's test server lets one build it while the others wait (a worker that
 * dies while building releases the lock with its connection). It is complete once renamed into place.
 */
function seededTemplate(): Promise<string> {
  template ??= (async () => {
    const folder = templateFolder();
    const { testServerUrl } = await import('./databases.js');
    const admin = new pg.Client({ connectionString: testServerUrl() });
    await admin.connect();
    try {
      await admin.query('SELECT pg_advisory_lock(hashtext($1))', [folder]);
      if (!existsSync(folder)) await buildTemplate(folder);
      return folder;
    } finally {
      await admin.end();
    }
  })();
  template.catch(() => (template = undefined));
  return template;
}

async function buildTemplate(folder: string): Promise<void> {
  // Imported here: only the first test that asks needs the hub's and the seed's modules.
  const { EmbeddedPostgres } = await import('../../hub/embedded-postgres.js');
  const { findFreePort } = await import('../../hub/free-port.js');
  const { createSubgraphDatabases, provisionGatewayDatabase, seedReferenceStreet } = await import('../../hub/provision.js');
  const { migrateSubgraph } = await import('../../lib/subgraph/runtime.js');
  const { SUBGRAPH_NAMES } = await import('../../lib/subgraph/names.js');
  const { createLogger } = await import('../../lib/kernel/log.js');
  const staging = `${folder}.${process.pid}`;
  await rm(staging, { recursive: true, force: true });
  // The launcher's cluster settings (not ephemeral): the copies run as `npm start` runs them.
  const postgres = await EmbeddedPostgres.start({ rootDir: join(staging, 'postgres'), port: await findFreePort() });
  try {
    const urls = await createSubgraphDatabases(postgres.url());
    await provisionGatewayDatabase(postgres.url());
    // What each subgraph does as it starts (runSubgraphMain), then what the launcher does after that.
    for (const name of SUBGRAPH_NAMES) await migrateSubgraph(urls[name], name);
    await seedReferenceStreet(urls, { seed: true, seedScale: 1, seedStreets: 1, log: createLogger('seeded-data-folder', 'error') });
  } finally {
    await postgres.stop();
  }
  await rename(staging, folder);
}

/** Fills `dataDir` (empty) with a copy of the run's seeded data folder; ownership and modes kept (the cluster belongs to `postgres` under root). */
export async function copySeededDataFolder(dataDir: string): Promise<void> {
  const folder = await seededTemplate();
  await run('cp', ['-a', `${folder}/.`, dataDir]);
}

/** Removes the run's template (global teardown). */
export async function removeSeededDataFolder(): Promise<void> {
  await rm(templateFolder(), { recursive: true, force: true });
}
