import { ensureDatabase, withDatabaseName } from '../lib/kernel/database.js';
import type { Logger } from '../lib/kernel/log.js';
import { SUBGRAPH_NAMES, type SubgraphName } from '../lib/subgraph/names.js';
import { databaseNameOf } from './config.js';

/**
 * Makes each subgraph's database exist on the server, except those configured elsewhere
 * (`<NAME>_DATABASE_URL`, used as given); returns each one's URL. Nothing more: a
 * subgraph migrates its own database when it starts (lib/subgraph/runtime.ts runSubgraphMain), the
 * one place migrations run, and the launcher seeds after that (seedReferenceStreet).
 */
export async function createSubgraphDatabases(serverUrl: string, elsewhere: Partial<Record<SubgraphName, string>> = {}): Promise<Record<SubgraphName, string>> {
  const urls = {} as Record<SubgraphName, string>;
  for (const name of SUBGRAPH_NAMES) {
    const own = elsewhere[name];
    if (own) {
      urls[name] = own;
      continue;
    }
    const database = databaseNameOf(name);
    await ensureDatabase(serverUrl, database);
    urls[name] = withDatabaseName(serverUrl, database);
  }
  return urls;
}

/**
 * Seeds the reference street (and SEED_STREETS − 1 generated ones) into the databases that are still
 * empty (unless seeding is off). Call once the subgraphs have migrated them, i.e. after they have
 * started, and before the gateway.
 */
export async function seedReferenceStreet(
  urls: Record<SubgraphName, string>,
  options: { seed: boolean; seedScale: number; seedStreets?: number; log: Logger },
): Promise<void> {
  if (!options.seed) return;
  // Imported here: the seed's modules (every subgraph's store) stay out of the launcher after it.
  const { seedEmptyDatabases } = await import('../seed/index.js');
  await seedEmptyDatabases(urls, options.seedScale, options.log, options.seedStreets);
}

/** The database of the gateway's shared rate limits (gateway/src/shared-rate-limit.ts); the gateway creates its table. */
export const GATEWAY_DATABASE = 'hub_gateway';

/** Makes the gateway's database exist on the server; returns its URL (the gateway's RATE_LIMIT_DATABASE_URL). */
export async function provisionGatewayDatabase(serverUrl: string): Promise<string> {
  await ensureDatabase(serverUrl, GATEWAY_DATABASE);
  return withDatabaseName(serverUrl, GATEWAY_DATABASE);
}
