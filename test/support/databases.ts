import { randomBytes } from 'node:crypto';
import { copyFile, mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { Registry } from 'prom-client';
import { Database, ensureDatabase, withDatabaseName } from '../../lib/kernel/database.js';
import { migrate } from '../../lib/kernel/migrate.js';
import { migrateSubgraph, migrationsDirOf, type SubgraphName } from '../../lib/subgraph/runtime.js';

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

/**
 * A new, migrated database of one subgraph, owned by the calling test file alone. With
 * `migratedUpTo` (a migration's file name) only the subgraph's own migrations up to that one are
 * applied: a migration test writes rows as an older version would, then runs `migrateSubgraph`.
 */
export async function createTestDatabase(subgraph: SubgraphName, options: { migratedUpTo?: string } = {}): Promise<TestDatabase> {
  const name = `test_${subgraph.replace('-', '_')}_${randomBytes(4).toString('hex')}`;
  await ensureDatabase(testServerUrl(), name);
  const url = withDatabaseName(testServerUrl(), name);
  if (options.migratedUpTo === undefined) await migrateSubgraph(url, subgraph);
  else await migrateUpTo(url, subgraph, options.migratedUpTo);
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

async function migrateUpTo(url: string, subgraph: SubgraphName, last: string): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), `${subgraph}-migrations-`));
  for (const file of (await readdir(migrationsDirOf(subgraph))).filter((file) => file <= last)) {
    await copyFile(join(migrationsDirOf(subgraph), file), join(dir, file));
  }
  await migrate(url, dir);
}
