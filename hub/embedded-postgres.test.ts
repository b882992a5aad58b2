import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { EmbeddedPostgres, unixSocketFits } from './embedded-postgres.js';
import { findFreePort } from './free-port.js';

describe('embedded PostgreSQL', () => {
  let rootDir: string;
  let server: EmbeddedPostgres;

  beforeAll(async () => {
    rootDir = await mkdtemp(join(tmpdir(), 'hub-embedded-pg-'));
    server = await EmbeddedPostgres.start({ rootDir, port: await findFreePort(), ephemeral: true });
  });
  afterAll(async () => {
    await server?.stop();
    await rm(rootDir, { recursive: true, force: true });
  });

  const clientAddress = async (url: string): Promise<string | null> => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      return (await client.query<{ address: string | null }>('SELECT inet_client_addr()::text AS address')).rows[0]!.address;
    } finally {
      await client.end();
    }
  };

  it('hands out URLs over its Unix socket (no client address), and still listens on TCP 127.0.0.1', async () => {
    expect(unixSocketFits(join(rootDir, 'pgdata'), server.port)).toBe(true);
    expect(await clientAddress(server.url())).toBeNull();
    expect(await clientAddress(server.url('postgres').replace(/\?.*$/, ''))).toBe('127.0.0.1/32');
  });

  it('listens on TCP only when the socket path would be too long for a Unix socket', () => {
    expect(unixSocketFits('/tmp/hub/pgdata', 54321)).toBe(true);
    expect(unixSocketFits(`/tmp/${'x'.repeat(100)}/pgdata`, 54321)).toBe(false);
  });
});
