import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { ApolloServer } from '@apollo/server';
import { Registry } from 'prom-client';
import { createTestDatabase, testServerUrl, type TestDatabase } from '../../test/support/databases.js';
import { HubError, ErrorCode } from '../kernel/errors.js';
import { startHttpService, type RunningService } from '../kernel/http-service.js';
import { idempotencyPlugin } from './idempotency.js';
import { ANONYMOUS } from '../auth/caller.js';

// A tiny service with one real side effect (a row per `record`), served over real HTTP with the
// plugin the subgraphs use, on a real PostgreSQL database.
let database: TestDatabase;
let service: RunningService;
let failNextWith: 'internal' | 'coded' | null = null;
/** The failure point between a mutation (its result stored) and its commit: a crash is injected here. */
let crashBeforeCommit: (() => Promise<void>) | null = null;

const typeDefs = `#graphql
  type Query { effects: Int! }
  type Mutation { record(note: String!): Int! }
`;

beforeAll(async () => {
  database = await createTestDatabase('grids');
  await database.db.query('CREATE TABLE test_effects (id serial PRIMARY KEY, note text NOT NULL)');
  const apollo = new ApolloServer({
    typeDefs,
    resolvers: {
      Query: { effects: async () => (await database.db.query<{ n: number }>('SELECT count(*) AS n FROM test_effects'))[0]!.n },
      Mutation: {
        async record(_parent: unknown, { note }: { note: string }) {
          const failure = failNextWith;
          failNextWith = null;
          if (failure === 'internal') throw new Error('database went away');
          if (failure === 'coded') throw new HubError(ErrorCode.BAD_USER_INPUT, 'note: not allowed');
          // Slow enough that concurrent retries overlap with the first run.
          await new Promise((resolve) => setTimeout(resolve, 50));
          const [row] = await database.db.query<{ id: number }>('INSERT INTO test_effects (note) VALUES ($1) RETURNING id', [note]);
          return row!.id;
        },
      },
    },
    plugins: [
      idempotencyPlugin(database.db, {
        async beforeCommit() {
          const crash = crashBeforeCommit;
          crashBeforeCommit = null;
          await crash?.();
        },
      }),
    ],
  });
  service = await startHttpService(
    {
      name: 'idempotency-test',
      apollo,
      // As in a subgraph, the verified caller is in the context (here named by a test header).
      context: async ({ req }) =>
        req.get('x-test-subject') ? { caller: { ...ANONYMOUS, subject: req.get('x-test-subject')!, role: 'STREET_ADMIN' as const } } : {},
      registry: new Registry(),
    },
    { host: '127.0.0.1', port: 0 },
  );
});
afterAll(async () => {
  await service?.close();
  await database?.drop();
});

async function post(query: string, variables: Record<string, unknown>, headers: Record<string, string> = {}) {
  const response = await fetch(service.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, replay: response.headers.get('idempotent-replay'), body: await response.json() };
}
const record = (note: string, headers: Record<string, string> = {}) => post('mutation($note: String!) { record(note: $note) }', { note }, headers);
const effectsOf = async (note: string) => (await database.db.query<{ n: number }>('SELECT count(*) AS n FROM test_effects WHERE note = $1', [note]))[0]!.n;

describe('Idempotency-Key on mutations', () => {
  it('runs a mutation once however many concurrent retries carry the same key, and answers all alike', async () => {
    const responses = await Promise.all(Array.from({ length: 25 }, () => record('concurrent', { 'idempotency-key': 'key-concurrent' })));
    expect(await effectsOf('concurrent')).toBe(1);
    const ids = new Set(responses.map((response) => response.body.data?.record));
    expect(ids.size).toBe(1);
    expect(responses.every((response) => response.status === 200 && response.body.errors === undefined)).toBe(true);
    expect(responses.filter((response) => response.replay === 'true')).toHaveLength(24);
    // A later retry still gets the first result.
    const later = await record('concurrent', { 'idempotency-key': 'key-concurrent' });
    expect(later.body.data.record).toBe([...ids][0]);
    expect(await effectsOf('concurrent')).toBe(1);
  });

  it('acts on every request without a key, and keeps key spaces of different callers apart', async () => {
    await record('no-key');
    await record('no-key');
    expect(await effectsOf('no-key')).toBe(2);
    await record('callers', { 'idempotency-key': 'shared', authorization: 'Bearer a' });
    await record('callers', { 'idempotency-key': 'shared', authorization: 'Bearer b' });
    await record('callers', { 'idempotency-key': 'shared', authorization: 'Bearer a' });
    expect(await effectsOf('callers')).toBe(2);
  });

  it('keys on the verified caller, not the raw token: a caller whose token was renewed between retries is the same caller', async () => {
    await record('renewed', { 'idempotency-key': 'renewal', authorization: 'Bearer old-token', 'x-test-subject': 'admin-1' });
    const retry = await record('renewed', { 'idempotency-key': 'renewal', authorization: 'Bearer new-token', 'x-test-subject': 'admin-1' });
    expect(retry.replay).toBe('true');
    await record('renewed', { 'idempotency-key': 'renewal', authorization: 'Bearer old-token', 'x-test-subject': 'admin-2' });
    expect(await effectsOf('renewed')).toBe(2);
  });

  it('refuses a key reused for a different request with CONFLICT and changes nothing', async () => {
    await record('first', { 'idempotency-key': 'reused' });
    const other = await record('second', { 'idempotency-key': 'reused' });
    expect(other.status).toBe(422);
    expect(other.body.errors[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'Idempotency-Key' });
    expect(await effectsOf('second')).toBe(0);
  });

  it('releases the key when the first run failed unexpectedly, but replays coded errors', async () => {
    failNextWith = 'internal';
    const failed = await record('retry-after-crash', { 'idempotency-key': 'flaky' });
    expect(failed.body.errors[0].extensions.code).toBe('INTERNAL_SERVER_ERROR');
    const retried = await record('retry-after-crash', { 'idempotency-key': 'flaky' });
    expect(retried.body.data.record).toEqual(expect.any(Number));
    expect(await effectsOf('retry-after-crash')).toBe(1);

    failNextWith = 'coded';
    const refused = await record('refused', { 'idempotency-key': 'coded' });
    expect(refused.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    const replayed = await record('refused', { 'idempotency-key': 'coded' });
    expect(replayed.replay).toBe('true');
    expect(replayed.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(await effectsOf('refused')).toBe(0);
  });

  it('rejects malformed keys and leaves queries alone', async () => {
    const bad = await record('bad-key', { 'idempotency-key': 'has space' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'Idempotency-Key' });
    expect(await effectsOf('bad-key')).toBe(0);
    const query = await post('{ effects }', {}, { 'idempotency-key': 'for-a-query' });
    expect(query.body.data.effects).toEqual(expect.any(Number));
    const rows = await database.db.query<{ n: number }>(`SELECT count(*) AS n FROM idempotency_keys WHERE key = 'for-a-query'`);
    expect(rows[0]!.n).toBe(0);
  });

  it('a crash between the mutation and its commit leaves no effect and no claim; the retry runs it once', async () => {
    // The process "dies": its database connection is cut while the mutation's transaction is open,
    // after the mutation ran and its result was stored in that transaction, before COMMIT.
    crashBeforeCommit = async () => {
      const admin = new pg.Client({ connectionString: testServerUrl() });
      await admin.connect();
      await admin.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND state = 'idle in transaction' AND pid <> pg_backend_pid()`,
        [new URL(database.url).pathname.slice(1)],
      );
      await admin.end();
    };
    const crashed = await record('crash-window', { 'idempotency-key': 'crash-window' });
    expect(crashed.body.errors[0].extensions).toMatchObject({ code: 'DATABASE_UNAVAILABLE', retryable: true });
    expect(crashed.body.data ?? null).toBeNull();
    expect(await effectsOf('crash-window')).toBe(0);
    const claims = await database.db.query<{ n: number }>(`SELECT count(*) AS n FROM idempotency_keys WHERE key = 'crash-window'`);
    expect(claims[0]!.n).toBe(0);

    const retried = await record('crash-window', { 'idempotency-key': 'crash-window' });
    expect(retried.body.data.record).toEqual(expect.any(Number));
    expect(retried.replay).toBeNull();
    const again = await record('crash-window', { 'idempotency-key': 'crash-window' });
    expect(again.replay).toBe('true');
    expect(again.body.data.record).toBe(retried.body.data.record);
    expect(await effectsOf('crash-window')).toBe(1);
  });

  it('an error while storing the result rolls the mutation back too', async () => {
    crashBeforeCommit = async () => {
      throw new Error('disk full');
    };
    const failed = await record('store-fails', { 'idempotency-key': 'store-fails' });
    expect(failed.status).toBe(500);
    expect(failed.body.errors[0].extensions.code).toBe('INTERNAL_SERVER_ERROR');
    expect(await effectsOf('store-fails')).toBe(0);
    const retried = await record('store-fails', { 'idempotency-key': 'store-fails' });
    expect(retried.body.data.record).toEqual(expect.any(Number));
    expect(await effectsOf('store-fails')).toBe(1);
  });
});
