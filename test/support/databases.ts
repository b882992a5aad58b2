import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { Registry } from 'prom-client';
import { Database, ensureDatabase, withDatabaseName } from '../../lib/kernel/database.js';
import { migrateSubgraph, type SubgraphName } from '../../lib/subgraph/runtime.js';

export function testServerUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DATABASE_URL is not set: run the tests through jest (npm test)');
  return url;
}

export interface TestDatabase {
  url: string;
  db: Database;
  registry: Registry;
  drop(): Promise<void>;
}

/** A new, migrated database of one subgraph, owned by the calling test file alone. */
export async function createTestDatabase(subgraph: SubgraphName): Promise<TestDatabase> {
  const name = `test_${subgraph.replace('-', '_')}_${randomBytes(4).toString('hex')}`;
  await ensureDatabase(testServerUrl(), name);
  const url = withDatabaseName(testServerUrl(), name);
  await migrateSubgraph(url, subgraph);
  const registry = new Registry();
  const db = new Database({ url, service: subgraph, registry });
  return {
    url,
    db,
    registry,
    async drop() {
      await db.close();
      const admin = new pg.Client({ connectionString: testServerUrl() });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS ${admin.escapeIdentifier(name)} WITH (FORCE)`);
      await admin.end();
    },
  };
}
