import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import pg from 'pg';

export interface MigrationReport {
  applied: string[];
  alreadyApplied: number;
}

// Any constant works; it only has to be the same for every process migrating the same database.
const MIGRATION_LOCK_KEY = 727_465_001;

/**
 * Applies the `NNN_name.sql` files of `directory` in order, each in its own transaction, and
 * records them in `schema_migrations`. Forward-only: an applied file whose content changed is an
 * error, never silently re-run. A session advisory lock makes concurrent starters wait for one
 * another instead of applying the same file twice.
 */
export async function migrate(databaseUrl: string, directory: string, options: { recordPrefix?: string } = {}): Promise<MigrationReport> {
  // Files of a shared directory are recorded under a prefix so they never collide with a subgraph's own.
  const prefix = options.recordPrefix ?? '';
  const files = (await readdir(directory)).filter((name) => /^\d+_.+\.sql$/.test(name)).sort();
  const client = new pg.Client({ connectionString: databaseUrl, application_name: 'hub-migrate' });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      name text PRIMARY KEY, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    const done = new Map(
      (await client.query<{ name: string; checksum: string }>('SELECT name, checksum FROM schema_migrations')).rows.map((row) => [row.name, row.checksum]),
    );
    const applied: string[] = [];
    for (const name of files) {
      const sql = await readFile(join(directory, name), 'utf8');
      const checksum = createHash('sha256').update(sql).digest('hex');
      const previous = done.get(prefix + name);
      if (previous !== undefined) {
        if (previous !== checksum) {
          throw new Error(`migration ${name} was changed after it was applied; add a new migration instead`);
        }
        continue;
      }
      await client.query('BEGIN');
      try {
        await client.query(sql);
        await client.query('INSERT INTO schema_migrations (name, checksum) VALUES ($1, $2)', [prefix + name, checksum]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw new Error(`migration ${name} failed: ${(error as Error).message}`, { cause: error });
      }
      applied.push(prefix + name);
    }
    return { applied, alreadyApplied: done.size };
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await client.end();
  }
}
