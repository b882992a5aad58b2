import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DATA_LOCK_FILE } from '../hub/data-lock.js';
import { projectPath } from '../lib/kernel/project-root.js';
import { SUBGRAPH_NAMES } from '../lib/subgraph/names.js';
import {
  descendantsOf,
  embeddedDatabase,
  isAlive,
  killEverything,
  launch,
  launcherSetup,
  postWithToken,
  waitForOutput,
  type LaunchedHub,
  type LauncherSetup,
} from './support/launcher.js';
import { waitUntil } from './support/wait.js';

/**
 * The launcher's lifecycle beyond test/hub-process.test.ts: SIGTERM drains a request in flight
 * before anything stops; one launcher per data folder; a launcher killed alone leaves PostgreSQL
 * running, and the next start takes it over.
 */
let setup: LauncherSetup;
const launched: LaunchedHub[] = [];
beforeAll(async () => {
  setup = await launcherSetup({ seeded: true });
});
afterAll(async () => {
  for (const hub of launched) if (isAlive(hub.pid)) await killEverything(hub).catch(() => undefined);
  await rm(setup.dataDir, { recursive: true, force: true });
});

function start(env: LauncherSetup = setup): LaunchedHub {
  const hub = launch(env);
  launched.push(hub);
  return hub;
}

const COUNT = '{ communities(first: 1) { totalCount } }';

/** Index of the last log line with this message (and service), or -1. */
function lineIndex(output: string, message: string, service?: string): number {
  const lines = output.split('\n');
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i]!;
    if (line.includes(`"message":"${message}"`) && (!service || line.includes(`"service":"${service}"`))) return i;
  }
  return -1;
}

describe('hub lifecycle', () => {
  it('a launcher killed alone: its services stop by themselves, PostgreSQL is taken over by the next start, which refuses a second launcher on the same data folder and on SIGTERM finishes a request in flight before stopping subgraphs, then the database', async () => {
    const first = start();
    await waitForOutput(first, /hub is ready/);
    const postgresPid = Number(readFileSync(join(setup.dataDir, 'postgres', 'pgdata', 'postmaster.pid'), 'utf8').split('\n')[0]);
    // Under load a service may be between an exit and its restart for a moment: wait for the
    // launcher to hold exactly its five services (gateway and four subgraphs) instead of reading once.
    const servicesOfLauncher = () => descendantsOf(first.pid).filter((pid) => pid !== postgresPid && !descendantsOf(postgresPid).includes(pid));
    const services = await waitUntil(
      'the launcher holds exactly its five services',
      () => {
        const found = servicesOfLauncher();
        return found.length === 5 ? found : undefined;
      },
      { detail: () => `processes: ${servicesOfLauncher().join(', ')}` },
    );

    first.process.kill('SIGKILL');
    const deadline = Date.now() + 30_000;
    while (services.some(isAlive) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(services.filter(isAlive)).toEqual([]);
    expect(isAlive(postgresPid)).toBe(true);

    const next = start();
    await waitForOutput(next, /hub is ready/);
    expect(next.output()).toMatch(new RegExp(`stopping PostgreSQL \\(pid ${postgresPid}\\) left running .* by a previous run`));
    expect(next.output()).toMatch(/removing stale .*hub\.lock/);
    expect(isAlive(postgresPid)).toBe(false);
    expect((await postWithToken(setup, COUNT)).data?.communities.totalCount).toBe(67);

    // The hub that took over serves the rest: one start fewer than a hub of its own (each start costs
    // seconds of CPU, docs/testing.md#time).
    const hub = next;

    // A second `npm start` on the same folder (other ports) must not touch the first one's database.
    const intruder = start(await launcherSetup({ dataDir: setup.dataDir }));
    expect(await intruder.exited).toBe(1);
    expect(intruder.output()).toMatch(new RegExp(`another hub \\(pid ${hub.pid}\\) is running on the data folder`));
    expect((await postWithToken(setup, COUNT)).data?.communities.totalCount).toBe(67);

    // A slow request: grids' read waits behind a lock we hold on its table.
    const locker = await embeddedDatabase(setup, 'hub_grids');
    await locker.query('BEGIN');
    await locker.query('LOCK TABLE communities IN ACCESS EXCLUSIVE MODE');
    let settled = false;
    const slow = postWithToken(setup, COUNT).finally(() => (settled = true));
    const watcher = await embeddedDatabase(setup, 'postgres');
    for (let waiting = 0; waiting === 0; await new Promise((resolve) => setTimeout(resolve, 50))) {
      const result = await watcher.query(`SELECT 1 FROM pg_stat_activity WHERE datname = 'hub_grids' AND wait_event_type = 'Lock'`);
      waiting = result.rowCount ?? 0;
    }
    await watcher.end();

    hub.process.kill('SIGTERM');
    await waitForOutput(hub, /"message":"stopping".*"service":"gateway"|"service":"gateway".*"message":"stopping"/);
    // The gateway is draining: the request is still open, no subgraph has been asked to stop.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(settled).toBe(false);
    for (const name of SUBGRAPH_NAMES) expect(lineIndex(hub.output(), 'stopping', name)).toBe(-1);

    await locker.query('ROLLBACK');
    await locker.end();
    const answer = await slow;
    expect(answer.status).toBe(200);
    expect(answer.data?.communities.totalCount).toBe(67);
    expect(await hub.exited).toBe(0);

    const output = hub.output();
    const gatewayStopping = lineIndex(output, 'stopping', 'gateway');
    const stopped = lineIndex(output, 'stopped');
    for (const name of SUBGRAPH_NAMES) {
      expect(lineIndex(output, 'stopping', name)).toBeGreaterThan(gatewayStopping);
      expect(lineIndex(output, 'stopping', name)).toBeLessThan(stopped);
    }
    // The database went last ("stopped" is logged after it exited), with a clean shutdown: PostgreSQL
    // removed its pid file, and the launcher its lock.
    expect(existsSync(join(setup.dataDir, 'postgres', 'pgdata', 'postmaster.pid'))).toBe(false);
    expect(existsSync(join(setup.dataDir, DATA_LOCK_FILE))).toBe(false);
  });

  it('kill -TERM of `npm start` under load stops the whole hub, PostgreSQL included', async () => {
    // npm runs the launcher under `sh -c`; the signal reaches npm, which passes it to the shell only.
    const { DATABASE_URL: _external, ...inherited } = process.env;
    const npm = spawn('npm', ['start'], { cwd: projectPath(), env: { ...inherited, ...setup.env, LOG_LEVEL: 'info' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    npm.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    npm.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => npm.once('exit', (code) => resolve(code)));
    const hub: LaunchedHub = { process: npm, pid: npm.pid!, output: () => output, exited };
    launched.push(hub);
    await waitForOutput(hub, /hub is ready/);
    const launcherPid = (JSON.parse(output.split('\n').find((line) => line.includes('"message":"hub ready"'))!) as { pid: number }).pid;
    // Cleaned up by afterAll even if it outlives npm.
    launched.push({ ...hub, pid: launcherPid });
    const postgresPid = Number(readFileSync(join(setup.dataDir, 'postgres', 'pgdata', 'postmaster.pid'), 'utf8').split('\n')[0]);
    const everything = [launcherPid, ...descendantsOf(launcherPid)];
    expect(everything).toContain(postgresPid);
    // `npm start` runs JavaScript compiled by scripts/start.mjs: no process of the hub pays tsx's
    // loader (about 40 MB each), and every service runs from the same build.
    const commandLines = everything.map((pid) => readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' '));
    expect(commandLines.filter((line) => line.includes('tsx'))).toEqual([]);
    for (const service of ['subgraphs/organisations', 'subgraphs/grids', 'subgraphs/resource-pools', 'subgraphs/co-building', 'gateway/src']) {
      expect(commandLines).toContainEqual(expect.stringMatching(new RegExp(`dist/start/[0-9a-f]{16}/${service}/main\\.js`)));
    }

    let loading = true;
    let answered = 0;
    const load = Array.from({ length: 4 }, async () => {
      while (loading)
        await postWithToken(setup, COUNT).then(
          () => answered++,
          () => undefined,
        );
    });
    // Under load: a few requests have been answered and four are in flight.
    await waitUntil('the hub has answered 8 requests of the load', () => answered >= 8);
    npm.kill('SIGTERM');
    await exited;
    const deadline = Date.now() + 60_000;
    while (everything.some(isAlive) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    loading = false;
    await Promise.all(load);
    expect(everything.filter(isAlive)).toEqual([]);
    expect(output).toMatch(/"message":"shutting down".*"reason":"the parent process exited"|"reason":"the parent process exited".*"message":"shutting down"/);
    expect(existsSync(join(setup.dataDir, 'postgres', 'pgdata', 'postmaster.pid'))).toBe(false);
  });
});
