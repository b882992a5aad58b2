import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chown, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { findFreePort } from '../../hub/free-port.js';
import { grantSearchOnAncestors, postgresOwner } from '../../hub/embedded-postgres.js';

const run = promisify(execFile);

/** Debian's PostgreSQL 15 (`apt-get install postgresql-15`; .ci/run installs it). */
export const DEBIAN_POSTGRES_BIN = '/usr/lib/postgresql/15/bin';

export interface PrimaryWithStandby {
  /** postgres:// URL of `database` on the primary (the server's own database when omitted). */
  primaryUrl(database?: string): string;
  /** The same database on the hot standby: read-only, replaying the primary's WAL as it streams. */
  standbyUrl(database?: string): string;
  /** Stops the standby replaying (writes on the primary then stay invisible on it) or lets it go on. */
  pauseReplay(paused: boolean): Promise<void>;
  /** Resolves once the standby has replayed everything the primary has written so far (bounded). */
  caughtUp(timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

/**
 * A real primary and a streaming hot standby (initdb, then pg_basebackup -R) from Debian's
 * postgresql-15, on free loopback ports, as the `postgres` user when the tests run as root, in a
 * temporary folder removed by stop(). Fails, never skips, when the binaries are missing.
 */
export async function startPrimaryWithStandby(): Promise<PrimaryWithStandby> {
  for (const binary of ['initdb', 'postgres', 'pg_basebackup']) {
    if (!existsSync(join(DEBIAN_POSTGRES_BIN, binary))) {
      throw new Error(`${join(DEBIAN_POSTGRES_BIN, binary)} is missing: install Debian's postgresql-15 (apt-get install -y postgresql-15), as .ci/run does`);
    }
  }
  const owner = await postgresOwner();
  const rootDir = await mkdtemp(join(tmpdir(), 'hub-replica-'));
  const servers: ChildProcess[] = [];
  const stop = async () => {
    await Promise.all(servers.map((server) => stopServer(server)));
    await rm(rootDir, { recursive: true, force: true });
  };
  try {
    if (owner) {
      await chown(rootDir, owner.uid, owner.gid);
      await grantSearchOnAncestors(rootDir, () => undefined);
    }
    const primaryDir = join(rootDir, 'primary');
    const standbyDir = join(rootDir, 'standby');
    // Trust on loopback only: a throw-away cluster reached by this test alone.
    await run(join(DEBIAN_POSTGRES_BIN, 'initdb'), [`--pgdata=${primaryDir}`, '--username=postgres', '--auth=trust', '--encoding=UTF8', '--no-locale'], {
      ...(owner ?? {}),
    });
    const [primaryPort, standbyPort] = [await findFreePort(), await findFreePort()];
    const serverFlags = (dir: string, port: number) => [
      '-D',
      dir,
      '-p',
      String(port),
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
      '-c',
      'fsync=off',
    ];
    servers.push(startServer(serverFlags(primaryDir, primaryPort), owner));
    const primaryUrl = (database = 'postgres') => `postgres://postgres@127.0.0.1:${primaryPort}/${database}`;
    const standbyUrl = (database = 'postgres') => `postgres://postgres@127.0.0.1:${standbyPort}/${database}`;
    await waitForConnections(primaryUrl());
    // -R writes standby.signal and primary_conninfo: the copy starts as a standby streaming from the primary.
    await run(
      join(DEBIAN_POSTGRES_BIN, 'pg_basebackup'),
      ['-h', '127.0.0.1', '-p', String(primaryPort), '-U', 'postgres', '-D', standbyDir, '-R', '-X', 'stream', '--checkpoint=fast'],
      {
        ...(owner ?? {}),
      },
    );
    servers.push(startServer([...serverFlags(standbyDir, standbyPort), '-c', 'hot_standby=on'], owner));
    await waitForConnections(standbyUrl());
    return {
      primaryUrl,
      standbyUrl,
      async pauseReplay(paused) {
        await queryOnce(standbyUrl(), paused ? 'SELECT pg_wal_replay_pause()' : 'SELECT pg_wal_replay_resume()');
      },
      async caughtUp(timeoutMs = 30_000) {
        const [{ lsn }] = (await queryOnce(primaryUrl(), 'SELECT pg_current_wal_lsn()::text AS lsn')) as [{ lsn: string }];
        const deadline = Date.now() + timeoutMs;
        for (;;) {
          const [{ done }] = (await queryOnce(standbyUrl(), 'SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn AS done', [lsn])) as [{ done: boolean }];
          if (done) return;
          if (Date.now() > deadline) throw new Error(`the standby did not replay up to ${lsn} within ${timeoutMs} ms`);
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

function startServer(flags: string[], owner: { uid: number; gid: number } | undefined): ChildProcess {
  const server = spawn(join(DEBIAN_POSTGRES_BIN, 'postgres'), flags, { ...(owner ?? {}), stdio: 'ignore' });
  server.on('error', () => undefined);
  return server;
}

/** Fast shutdown (SIGINT), then SIGKILL if it has not ended within 10 s. */
async function stopServer(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));
  server.kill('SIGINT');
  const timer = setTimeout(() => server.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

async function queryOnce(url: string, sql: string, params: unknown[] = []): Promise<unknown[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows;
  } finally {
    await client.end();
  }
}

/** Waits (bounded) until the server accepts connections and answers. */
async function waitForConnections(url: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await queryOnce(url, 'SELECT 1');
      return;
    } catch (error) {
      if (Date.now() > deadline)
        throw new Error(`PostgreSQL at ${url} did not accept connections within ${timeoutMs} ms: ${(error as Error).message}`, { cause: error });
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}
