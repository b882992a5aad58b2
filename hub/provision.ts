import { ensureDatabase, withDatabaseName } from '../lib/kernel/database.js';
import type { Logger } from '../lib/kernel/log.js';
import { SUBGRAPH_NAMES, migrateSubgraph, type SubgraphName } from '../lib/subgraph/runtime.js';
import { seedEmptyDatabases } from '../seed/index.js';
import { databaseNameOf } from './config.js';

/**
 * Makes each subgraph's database exist, migrated, and (unless disabled) seeded with the reference
 * street (and SEED_STREETS − 1 generated ones) when empty. Returns each subgraph's database URL.
 */
export async function provisionDatabases(
  serverUrl: string,
  options: { seed: boolean; seedScale: number; seedStreets?: number; log: Logger },
): Promise<Record<SubgraphName, string>> {
  const urls = {} as Record<SubgraphName, string>;
  for (const name of SUBGRAPH_NAMES) {
    const database = databaseNameOf(name);
    await ensureDatabase(serverUrl, database);
    urls[name] = withDatabaseName(serverUrl, database);
    const report = await migrateSubgraph(urls[name], name);
    if (report.applied.length > 0) options.log.info('migrated', { subgraph: name, applied: report.applied });
  }
  if (options.seed) await seedEmptyDatabases(urls, options.seedScale, options.log, options.seedStreets);
  return urls;
}

/** The database of the gateway's shared rate limits (gateway/src/shared-rate-limit.ts); the gateway creates its table. */
export const GATEWAY_DATABASE = 'hub_gateway';

/** Makes the gateway's database exist on the server; returns its URL (the gateway's RATE_LIMIT_DATABASE_URL). */
export async function provisionGatewayDatabase(serverUrl: string): Promise<string> {
  await ensureDatabase(serverUrl, GATEWAY_DATABASE);
  return withDatabaseName(serverUrl, GATEWAY_DATABASE);
}
