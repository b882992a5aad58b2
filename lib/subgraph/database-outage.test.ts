import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { startSubgraphByName } from '../../hub/subgraph-modules.js';
import { asService, testSubgraphTrust } from '../../test/support/auth.js';
import { createTestDatabase, testServerUrl, type TestDatabase } from '../../test/support/databases.js';
import { createLogger } from '../kernel/log.js';
import { findFreePort } from '../../hub/free-port.js';
import type { StartedSubgraph } from './runtime.js';

/**
 * A subgraph whose PostgreSQL is down or drops its connections answers with the coded, retryable
 * DATABASE_UNAVAILABLE (never INTERNAL_SERVER_ERROR), its /health says 503, and it serves again by
 * itself once the database is back: the pool opens new connections, nothing is restarted.
 */
const COUNT = '{ communities(first: 1) { totalCount } }';
const quiet = createLogger('test', 'error');

async function query(url: string) {
  const body = JSON.stringify({ query: COUNT });
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(await asService('test', 'grids')(body)) },
    body,
  });
  return { status: response.status, ...((await response.json()) as { data?: any; errors?: any[] }) };
}

/** /ready follows the database; /health (liveness) only says the process answers. */
const readinessOf = async (subgraph: StartedSubgraph) => (await fetch(new URL('/ready', subgraph.url))).status;
const healthOf = async (subgraph: StartedSubgraph) => (await fetch(new URL('/health', subgraph.url))).status;

let database: TestDatabase;
const started: StartedSubgraph[] = [];
beforeAll(async () => {
  database = await createTestDatabase('grids');
});
afterAll(async () => {
  for (const subgraph of started) await subgraph.close();
  await database.drop();
});

describe('a subgraph when its database is unavailable', () => {
  it.each([
    ['nothing listens on the database port', async (url: URL) => void (url.port = String(await findFreePort()))],
    // A server stopped cleanly removes its socket file: connecting fails with ENOENT, not ECONNREFUSED.
    [
      'the Unix socket folder of the database holds no socket (server stopped)',
      async (url: URL) => url.searchParams.set('host', join(tmpdir(), `hub-no-postgres-${process.pid}`)),
    ],
  ])('answers DATABASE_UNAVAILABLE (retryable) and /ready 503 while %s', async (_case, closeOff) => {
    const closed = new URL(database.url);
    // Over TCP, unless the case names a socket folder (the embedded server's URLs name one; see hub/embedded-postgres.ts).
    closed.searchParams.delete('host');
    await closeOff(closed);
    const subgraph = await startSubgraphByName('grids', { databaseUrl: closed.toString(), log: quiet, trust: await testSubgraphTrust('grids') });
    started.push(subgraph);

    const answer = await query(subgraph.url);
    expect(answer.errors).toHaveLength(1);
    expect(answer.errors![0].extensions).toMatchObject({ code: 'DATABASE_UNAVAILABLE', retryable: true });
    expect(JSON.stringify(answer.errors)).not.toMatch(/ECONNREFUSED|ENOENT|127\.0\.0\.1|INTERNAL_SERVER_ERROR/);
    expect(await readinessOf(subgraph)).toBe(503);
    // Alive all the same: a liveness probe must not restart it, that would not bring the database back.
    expect(await healthOf(subgraph)).toBe(200);
  });

  it('maps a connection terminated under a running query (57P01) to DATABASE_UNAVAILABLE and reconnects by itself', async () => {
    const subgraph = await startSubgraphByName('grids', { databaseUrl: database.url, log: quiet, trust: await testSubgraphTrust('grids') });
    started.push(subgraph);
    expect((await query(subgraph.url)).data?.communities.totalCount).toBe(0);

    // Hold the query inside PostgreSQL (behind a lock), then end its backend as a restart would.
    const admin = new pg.Client({ connectionString: database.url });
    await admin.connect();
    await admin.query('BEGIN');
    await admin.query('LOCK TABLE communities IN ACCESS EXCLUSIVE MODE');
    const pending = query(subgraph.url);
    const observer = new pg.Client({ connectionString: testServerUrl() });
    await observer.connect();
    const databaseName = new URL(database.url).pathname.slice(1);
    for (let waiting = 0; waiting === 0; await new Promise((resolve) => setTimeout(resolve, 20))) {
      const found = await observer.query(`SELECT 1 FROM pg_stat_activity WHERE datname = $1 AND wait_event_type = 'Lock'`, [databaseName]);
      waiting = found.rowCount ?? 0;
    }
    await observer.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND application_name = 'hub-grids'`, [databaseName]);
    await observer.end();
    await admin.query('ROLLBACK');
    await admin.end();

    const answer = await pending;
    expect(answer.errors?.map((error) => error.extensions)).toEqual([expect.objectContaining({ code: 'DATABASE_UNAVAILABLE', retryable: true })]);
    // Back without a restart: the pool replaces the lost connection.
    expect(await readinessOf(subgraph)).toBe(200);
    expect((await query(subgraph.url)).data?.communities.totalCount).toBe(0);
  });

  it('says 503 on /ready at once when the database accepts connections but never answers (stopped), and the query gets DATABASE_UNAVAILABLE', async () => {
    const sockets: Socket[] = [];
    const silent = createServer((socket) => void sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    try {
      const url = new URL(database.url);
      url.searchParams.delete('host'); // over TCP, to the silent server
      url.port = String((silent.address() as { port: number }).port);
      const subgraph = await startSubgraphByName('grids', { databaseUrl: url.toString(), log: quiet, trust: await testSubgraphTrust('grids') });
      started.push(subgraph);
      const ready = await fetch(new URL('/ready', subgraph.url));
      expect(ready.status).toBe(503);
      expect(((await ready.json()) as { reason: string }).reason).toBe('the database did not answer within 1000 ms');
      expect(await healthOf(subgraph)).toBe(200);
      const answer = await query(subgraph.url);
      expect(answer.errors?.map((error) => error.extensions)).toEqual([expect.objectContaining({ code: 'DATABASE_UNAVAILABLE', retryable: true })]);
    } finally {
      for (const socket of sockets) socket.destroy();
      silent.close();
    }
  });
});
