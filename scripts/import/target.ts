import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { EmbeddedPostgres } from '../../hub/embedded-postgres.js';
import type { Logger } from '../../lib/kernel/log.js';
import { migrateSubgraph } from '../../lib/subgraph/runtime.js';
import { SUBGRAPH_NAMES, type SubgraphName } from '../../lib/subgraph/names.js';
import { readHubEnv } from '../../hub/env.js';
import { DataFolderInUseError, acquireDataFolderLock } from '../../hub/data-lock.js';
import { createSubgraphDatabases, seedReferenceStreet } from '../../hub/provision.js';

export interface ImportTarget {
  databaseUrls: Record<SubgraphName, string>;
  /** Where the import writes, for the summary line. */
  description: string;
  close(): Promise<void>;
}

/**
 * The databases `npm start` uses. With a server URL (--database-url or DATABASE_URL): its hub_…
 * databases. Otherwise the embedded PostgreSQL in the data folder (HUB_DATA_DIR, EMBEDDED_PG_PORT):
 * while the hub runs, the import connects to its server; when it does not, the import starts the
 * server itself (taking the hub's data-folder lock, so a hub cannot start on the folder meanwhile)
 * and stops it at the end. Either way the databases are created, migrated and seeded as a start
 * would leave them, so an import before the first `npm start` leaves what a start would. The import
 * writes without running the subgraphs, so it migrates each database itself, with the function a
 * subgraph runs at its start (migrateSubgraph).
 */
export async function openImportTarget(options: { databaseUrl?: string; log: Logger; env?: NodeJS.ProcessEnv }): Promise<ImportTarget> {
  const config = readHubEnv(options.env ?? process.env);
  const provision = async (serverUrl: string) => {
    const urls = await createSubgraphDatabases(serverUrl);
    for (const name of SUBGRAPH_NAMES) await migrateSubgraph(urls[name], name);
    await seedReferenceStreet(urls, { seed: config.seed, seedScale: config.seedScale, seedStreets: config.seedStreets, log: options.log });
    return urls;
  };
  const serverUrl = options.databaseUrl ?? config.databaseUrl;
  if (serverUrl) {
    return { databaseUrls: await provision(serverUrl), description: `the server of ${redact(serverUrl)}`, close: async () => undefined };
  }
  const rootDir = join(config.dataDir, 'postgres');
  let release: () => Promise<void>;
  try {
    release = await acquireDataFolderLock(config.dataDir, (line) => options.log.warn(line));
  } catch (error) {
    if (!(error instanceof DataFolderInUseError)) throw error;
    // The hub runs on this folder: use its server (same port and password the launcher used).
    const password = (await readFile(join(rootDir, 'postgres-password'), 'utf8')).trim();
    const url = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${config.embeddedPostgresPort}/postgres`;
    return { databaseUrls: await provision(url), description: `the running hub's embedded PostgreSQL (${config.dataDir})`, close: async () => undefined };
  }
  let postgres: EmbeddedPostgres | undefined;
  try {
    postgres = await EmbeddedPostgres.start({ rootDir, port: config.embeddedPostgresPort, log: (line) => options.log.info(line) });
    const databaseUrls = await provision(postgres.url());
    const started = postgres;
    return {
      databaseUrls,
      description: `the embedded PostgreSQL in ${config.dataDir} (started for the import)`,
      async close() {
        await started.stop();
        await release();
      },
    };
  } catch (error) {
    await postgres?.stop();
    await release();
    throw error;
  }
}

function redact(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}
