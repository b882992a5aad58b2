import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { findFreePort } from './free-port.js';
import { createLogger } from '../lib/kernel/log.js';
import { projectPath } from '../lib/kernel/project-root.js';
import { DEFAULT_SUPERVISION, RestartBudget, SupervisedChild, type SupervisionPolicy } from './supervisor.js';
import { waitUntil } from '../test/support/wait.js';

/**
 * The supervisor with a stand-in service (test/support/fixtures/health-server.mjs): start-up
 * failures name the service and say why; liveness restarts a process that answers nothing, and
 * leaves alone one that answers 503 (its database is down: a restart would not help).
 */
let folder: string;
const running: SupervisedChild[] = [];
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'supervisor-'));
});
afterEach(async () => {
  for (const child of running.splice(0)) await child.stop();
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

interface Fixture {
  child: SupervisedChild;
  lines: string[];
  giveUps: string[];
  setStatus: (status: number) => Promise<void>;
  /** Pids and statuses of the /health requests the fixture answered so far. */
  checks: () => Promise<{ pid: number; status: number }[]>;
}

async function fixture(name: string, policy: Partial<SupervisionPolicy>, env: Record<string, string> = {}, now?: () => number): Promise<Fixture> {
  const port = await findFreePort();
  const statusFile = join(folder, `${name}.status`);
  const logFile = join(folder, `${name}.log`);
  await writeFile(statusFile, '200');
  await writeFile(logFile, '');
  const lines: string[] = [];
  const giveUps: string[] = [];
  const log = createLogger('hub', 'info', { write: (line) => void lines.push(line) });
  const child = new SupervisedChild(
    {
      name,
      entry: projectPath('test', 'support', 'fixtures', 'health-server.mjs'),
      env: { ...process.env, PORT: String(port), HEALTH_STATUS_FILE: statusFile, HEALTH_LOG_FILE: logFile, ...env },
      healthUrl: `http://127.0.0.1:${port}/health`,
    },
    log,
    (reason) => giveUps.push(reason),
    { ...DEFAULT_SUPERVISION, livenessIntervalMs: 0, ...policy },
    now,
  );
  running.push(child);
  return {
    child,
    lines,
    giveUps,
    setStatus: (status) => writeFile(statusFile, String(status)),
    async checks() {
      const text = await readFile(logFile, 'utf8');
      return text
        .split('\n')
        .filter(Boolean)
        .map((line) => {
          const [pid, status] = line.split(' ');
          return { pid: Number(pid), status: Number(status) };
        });
    },
  };
}

async function until(condition: () => Promise<boolean> | boolean, what: string): Promise<void> {
  await waitUntil(what, condition);
}

describe('start-up limit', () => {
  it('names the service and what its /health last said when it does not become healthy in time', async () => {
    // The start-up limit's clock stands still until the fixture has answered 503, then it is past the limit.
    let now = 0;
    const { child, setStatus, checks } = await fixture('slow-db', { startTimeoutMs: 1_000 }, {}, () => now);
    await setStatus(503);
    const starting = child.start();
    await until(async () => (await checks()).some((check) => check.status === 503), 'the fixture answered 503');
    now += 1_001;
    await expect(starting).rejects.toThrow(
      /^slow-db did not become healthy within 1 s \(START_TIMEOUT_MS; raise it on a slow machine\): GET \/health answered 503 \(database unavailable\); its last log line: .*fixture starting/,
    );
  });

  it('says when nothing listens on the service port', async () => {
    const { child } = await fixture('not-listening', { startTimeoutMs: 1_000 }, { NO_LISTEN: '1' });
    await expect(child.start()).rejects.toThrow(/not-listening did not become healthy within 1 s .*: nothing listening on its port \(connection refused\)/);
  });
});

describe('liveness', () => {
  it('kills and restarts a process that answers nothing (SIGSTOP), and logs why', async () => {
    const { child, lines, giveUps } = await fixture('stalled', { livenessIntervalMs: 100, livenessTimeoutMs: 2_000, livenessFailures: 2 });
    await child.start();
    const stalled = child.pid!;
    process.kill(stalled, 'SIGSTOP');
    await until(() => child.pid !== stalled, 'a restart');
    await until(() => lines.some((line) => line.includes('"service healthy"') && line.includes(`"pid":${child.pid}`)), 'the new process to be healthy');
    const reasons = lines.filter((line) => line.includes('"service not responding; killing it to restart"'));
    expect(reasons).toHaveLength(1);
    expect(reasons[0]).toMatch(/"reason":"not responding: 2 liveness checks in a row failed \(no answer to GET \/health within 2000 ms\)"/);
    expect(lines.some((line) => line.includes('"service exited unexpectedly"') && line.includes('"signal":"SIGKILL"') && line.includes('not responding'))).toBe(
      true,
    );
    expect(giveUps).toEqual([]);
  });

  it('leaves a process alone that answers 503 (its database is down)', async () => {
    const { child, lines, setStatus, checks } = await fixture('db-down', { livenessIntervalMs: 50, livenessTimeoutMs: 10_000, livenessFailures: 1 });
    await child.start();
    const pid = child.pid!;
    await setStatus(503);
    // Ten liveness checks answered 503: with a limit of one failure, any of them counting would restart it.
    await until(async () => (await checks()).filter((check) => check.status === 503).length >= 10, 'ten checks answered 503');
    expect(child.pid).toBe(pid);
    expect(new Set((await checks()).map((check) => check.pid))).toEqual(new Set([pid]));
    expect(lines.filter((line) => line.includes('liveness check failed'))).toEqual([]);
  });
});

describe('restart budget', () => {
  it('restarts the first crash at once, backs off after, and gives up past the limit within the window', () => {
    const budget = new RestartBudget({ maxRestarts: 2, windowMs: 60_000, backoffStepMs: 500 });
    expect(budget.recordCrash(0)).toEqual({ crashesInWindow: 1, restartInMs: 0 });
    expect(budget.recordCrash(1_000)).toEqual({ crashesInWindow: 2, restartInMs: 500 });
    expect(budget.recordCrash(2_000)).toEqual({ crashesInWindow: 3, restartInMs: undefined });
    // Crashes older than the window no longer count.
    expect(budget.recordCrash(61_500)).toEqual({ crashesInWindow: 2, restartInMs: 500 });
  });
});
