import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Registry } from 'prom-client';
import { createTestDatabase, type TestDatabase } from '../../test/support/databases.js';
import { Database } from './database.js';

let database: TestDatabase;
let db: Database;
beforeAll(async () => {
  database = await createTestDatabase('grids');
  // One connection: every statement below runs in the same PostgreSQL session.
  db = new Database({ url: database.url, service: 'test', registry: new Registry(), maxConnections: 1 });
});
afterAll(async () => {
  await db?.close();
  await database?.drop();
});

describe('statements sent through a Database', () => {
  const preparedTexts = async () => (await db.query<{ statement: string }>('SELECT statement FROM pg_prepared_statements')).map((row) => row.statement);

  it('runs a statement with parameters as a named prepared statement, parsed once per connection', async () => {
    const text = 'SELECT $1::int + 1 AS n';
    for (let i = 0; i < 3; i++) expect(await db.query(text, [i])).toEqual([{ n: i + 1 }]);
    expect((await preparedTexts()).filter((statement) => statement === text)).toHaveLength(1);
    // Inside a transaction (and a savepoint of a request transaction alike) the same statement is reused.
    expect(await db.transaction((tx) => tx.query(text, [41]))).toEqual([{ n: 42 }]);
    expect((await preparedTexts()).filter((statement) => statement === text)).toHaveLength(1);
  });

  it('keeps the simple protocol for a text without parameters: several statements in one text still run', async () => {
    await db.query('CREATE TEMPORARY TABLE prepared_probe (n int); INSERT INTO prepared_probe VALUES (7)');
    expect(await db.query('SELECT n FROM prepared_probe')).toEqual([{ n: 7 }]);
    expect(await preparedTexts()).not.toContain('SELECT n FROM prepared_probe');
  });

  it('a statement that fails to parse is not remembered as prepared: the connection goes on serving it and others', async () => {
    await expect(db.query('SELECT $1::int FROM no_such_table', [1])).rejects.toThrow(/no_such_table/);
    await expect(db.query('SELECT $1::int FROM no_such_table', [1])).rejects.toThrow(/no_such_table/);
    expect(await db.query('SELECT $1::int AS n', [5])).toEqual([{ n: 5 }]);
  });
});

describe('plans and connections', () => {
  it('with genericPlans, plans a statement once for every value (no custom plan per execution)', async () => {
    const generic = new Database({ url: database.url, service: 'test', registry: new Registry(), maxConnections: 1, genericPlans: true });
    try {
      // A batched lookup of a few ids: left to itself, PostgreSQL keeps planning it for each list.
      const text = 'SELECT id FROM communities WHERE id = ANY($1)';
      for (let i = 0; i < 8; i++) await generic.query(text, [[`community-${i}`, `community-${i + 1}`]]);
      const plans = await generic.query('SELECT generic_plans, custom_plans FROM pg_prepared_statements WHERE statement = $1', [text]);
      expect(plans).toEqual([{ generic_plans: 8, custom_plans: 0 }]);
    } finally {
      await generic.close();
    }
  });

  it('keeps idle connections, and their prepared statements, for minutes rather than pg’s 10 s', async () => {
    const pool = new Database({ url: database.url, service: 'test', registry: new Registry(), maxConnections: 4 });
    try {
      await Promise.all([pool.transaction((tx) => tx.query('SELECT 1')), pool.transaction((tx) => tx.query('SELECT 2'))]);
      expect(pool.pool.idleCount).toBe(2);
      expect(pool.pool.options.idleTimeoutMillis).toBeGreaterThanOrEqual(60_000);
      // Two of them are never closed for being idle.
      expect(pool.pool.options.min).toBe(2);
    } finally {
      await pool.close();
    }
  });
});
