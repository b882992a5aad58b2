import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { DATA_LOCK_FILE } from '../hub/data-lock.js';
import {
  embeddedDatabase,
  killEverything,
  launch,
  launcherSetup,
  postWithToken,
  waitForOutput,
  type LaunchedHub,
  type LauncherSetup,
} from './support/launcher.js';

/**
 * A power cut during a stream of writes: every write the hub acknowledged is there after a restart
 * on the same data folder. The launcher runs as `npm start` does (production PostgreSQL settings).
 */
const SUBMIT = `mutation Submit($input: SubmitDemandInput!) { submitDemand(input: $input) { id title } }`;
const WRITERS = 4;
const ACKNOWLEDGED_BEFORE_KILL = 60;

let setup: LauncherSetup | undefined;
const running: LaunchedHub[] = [];
afterAll(async () => {
  for (const hub of running) if (hub.process.exitCode === null) await killEverything(hub).catch(() => undefined);
  if (setup) await rm(setup.dataDir, { recursive: true, force: true });
});

describe('durability (kill -9 of the hub and its PostgreSQL)', () => {
  it('keeps every acknowledged write, recovers the crash leftovers, and still knows the idempotency keys', async () => {
    // A copy of a seeded data folder: the writes go to the reference street's community-02, which the
    // launcher's street admin (test/support/launcher.ts tokenFor) acts on.
    setup = await launcherSetup({ seeded: true });
    const first = launch(setup);
    running.push(first);
    await waitForOutput(first, /hub is ready/);

    // The production settings: nothing acknowledged lives only in memory.
    const admin = await embeddedDatabase(setup, 'postgres');
    const settings = await admin.query<{ name: string; setting: string }>(
      `SELECT name, setting FROM pg_settings WHERE name IN ('fsync', 'synchronous_commit', 'full_page_writes') ORDER BY name`,
    );
    await admin.end();
    expect(settings.rows).toEqual([
      { name: 'fsync', setting: 'on' },
      { name: 'full_page_writes', setting: 'on' },
      { name: 'synchronous_commit', setting: 'on' },
    ]);

    const run = randomUUID().slice(0, 8);
    const acknowledged = new Map<string, { key: string; title: string; input: Record<string, unknown> }>();
    let stopWriting = false;
    let attempted = 0;
    const writer = async (w: number) => {
      for (let i = 0; !stopWriting; i++) {
        const title = `durable-${run}-${w}-${i}`;
        const key = `durable-${run}-${w}-${i}`;
        const input = {
          title,
          description: 'written just before a power cut',
          category: 'MATERIALS',
          communityId: 'community-02',
          source: 'MICRO_WISH',
          actor: 'partner:durability-test',
        };
        attempted += 1;
        try {
          const answer = await postWithToken(setup!, SUBMIT, { input }, { 'idempotency-key': key });
          const id = answer.data?.submitDemand?.id as string | undefined;
          if (answer.status === 200 && id) acknowledged.set(id, { key, title, input });
          else if (!stopWriting) throw new Error(`write refused before the kill: ${JSON.stringify(answer)}`);
        } catch (error) {
          if (!stopWriting) throw error;
          return; // the hub is gone: this write was never acknowledged
        }
      }
    };
    const writers = Array.from({ length: WRITERS }, (_, w) => writer(w));
    while (acknowledged.size < ACKNOWLEDGED_BEFORE_KILL) {
      await Promise.race([Promise.all(writers), new Promise((resolve) => setTimeout(resolve, 20))]);
    }
    // Writes are still in flight at this moment.
    stopWriting = true;
    const killed = await killEverything(first);
    await Promise.all(writers);
    const acknowledgedIds = [...acknowledged.keys()];
    expect(killed.length).toBeGreaterThanOrEqual(7); // launcher, 5 services, PostgreSQL (+ backends)
    expect(existsSync(join(setup.dataDir, 'postgres', 'pgdata', 'postmaster.pid'))).toBe(true);
    expect(existsSync(join(setup.dataDir, DATA_LOCK_FILE))).toBe(true);
    // By the next start the dead server's pid may belong to another process (or an unreaped zombie):
    // its socket lock (the socket lives in the data folder) is pointed at a live process that is not
    // PostgreSQL, this test's own, which PostgreSQL alone would take for a running server.
    const pgdata = join(setup.dataDir, 'postgres', 'pgdata');
    const socketLocks = readdirSync(pgdata).filter((name) => /^\.s\.PGSQL\.\d+\.lock$/.test(name));
    expect(socketLocks).toHaveLength(1);
    const socketLock = join(pgdata, socketLocks[0]!);
    writeFileSync(socketLock, readFileSync(socketLock, 'utf8').replace(/^\d+/, String(process.pid)));

    const second = launch(setup);
    running.push(second);
    await waitForOutput(second, /hub is ready/);
    // The leftovers were recognised and cleared, each with a line saying so.
    expect(second.output()).toMatch(/removing stale .*postmaster\.pid left by a crashed run/);
    expect(second.output()).toMatch(/removing stale .*hub\.lock left by a hub that is no longer running/);
    expect(second.output()).toMatch(/removing stale .*\.s\.PGSQL\.\d+\.lock left by a crashed run/);

    const database = await embeddedDatabase(setup, 'hub_resource_pools');
    const found = await database.query<{ id: string }>('SELECT id FROM demands WHERE id = ANY($1)', [acknowledgedIds]);
    await database.end();
    expect(found.rows.map((row) => row.id).sort()).toEqual([...acknowledgedIds].sort());

    // Through the gateway too, and a retry of an acknowledged write is still answered from its key.
    const [someId, someWrite] = [...acknowledged.entries()][0]!;
    const read = await postWithToken(setup, 'query($id: ID!) { demand(id: $id) { id title } }', { id: someId });
    expect(read.data?.demand).toEqual({ id: someId, title: someWrite.title });
    const retried = await postWithToken(setup, SUBMIT, { input: someWrite.input }, { 'idempotency-key': someWrite.key });
    expect(retried.data?.submitDemand).toEqual({ id: someId, title: someWrite.title });

    second.process.kill('SIGTERM');
    expect(await second.exited).toBe(0);
    process.stdout.write(
      `durability: ${attempted} writes attempted, ${acknowledgedIds.length} acknowledged before kill -9 of ${killed.length} processes; all found after restart\n`,
    );
  });
});
