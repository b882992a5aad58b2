import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { randomBytes } from 'node:crypto';
import { ensureDatabase, withDatabaseName } from './database.js';
import { migrate } from './migrate.js';
import { testServerUrl } from '../../test/support/databases.js';

let url: string;
let dir: string;

beforeAll(async () => {
  const name = `test_migrate_${randomBytes(4).toString('hex')}`;
  await ensureDatabase(testServerUrl(), name);
  url = withDatabaseName(testServerUrl(), name);
  dir = await mkdtemp(join(tmpdir(), 'migrations-'));
  await writeFile(join(dir, '001_first.sql'), 'CREATE TABLE things (id int PRIMARY KEY);');
  await writeFile(join(dir, '002_second.sql'), 'INSERT INTO things VALUES (1);');
});

async function countThings(): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return Number((await client.query('SELECT count(*) AS n FROM things')).rows[0].n);
  } finally {
    await client.end();
  }
}

describe('migrations', () => {
  it('applies each file once, even when several processes start at the same time', async () => {
    const reports = await Promise.all([migrate(url, dir), migrate(url, dir), migrate(url, dir)]);
    expect(reports.flatMap((report) => report.applied).sort()).toEqual(['001_first.sql', '002_second.sql']);
    expect(await countThings()).toBe(1);
    expect((await migrate(url, dir)).applied).toEqual([]);
  });

  it('refuses an applied migration whose content changed (forward-only)', async () => {
    await writeFile(join(dir, '002_second.sql'), 'INSERT INTO things VALUES (2);');
    await expect(migrate(url, dir)).rejects.toThrow(/002_second\.sql was changed after it was applied/);
    expect(await countThings()).toBe(1);
  });

  it('rolls back a failing migration and applies nothing of it', async () => {
    await writeFile(join(dir, '002_second.sql'), 'INSERT INTO things VALUES (1);');
    await writeFile(join(dir, '003_broken.sql'), 'INSERT INTO things VALUES (3); INSERT INTO no_such_table VALUES (1);');
    await expect(migrate(url, dir)).rejects.toThrow(/003_broken\.sql failed/);
    expect(await countThings()).toBe(1);
  });
});

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
  const admin = new pg.Client({ connectionString: testServerUrl() });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${admin.escapeIdentifier(new URL(url).pathname.slice(1))} WITH (FORCE)`);
  await admin.end();
});
