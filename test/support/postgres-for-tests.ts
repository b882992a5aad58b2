import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedPostgres } from '../../hub/embedded-postgres.js';
import { findFreePort } from '../../hub/free-port.js';
import { dropTemplates } from './databases.js';

let server: EmbeddedPostgres | undefined;
let serverRoot: string | undefined;

/**
 * One real PostgreSQL server for the whole run: the embedded one, or the server named by
 * TEST_DATABASE_URL. Every test file then creates databases of its own on it (see databases.ts),
 * copied from templates this run builds once (named after TEST_RUN_ID).
 */
export async function startTestPostgres(): Promise<void> {
  process.env.TEST_RUN_ID = randomBytes(4).toString('hex');
  if (process.env.TEST_DATABASE_URL) return;
  const rootDir = await mkdtemp(join(tmpdir(), 'hub-test-pg-'));
  serverRoot = rootDir;
  server = await EmbeddedPostgres.start({ rootDir, port: await findFreePort(), ephemeral: true });
  process.env.TEST_DATABASE_URL = server.url();
}

export async function stopTestPostgres(): Promise<void> {
  if (server) {
    await server.stop();
    // The cluster was the run's alone (tens of MB): every run used to leave one in the temp folder.
    if (serverRoot) await rm(serverRoot, { recursive: true, force: true });
  } else await dropTemplates();
}
