import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { mintToken } from '../../lib/auth/jwt.js';
import { REFERENCE_STREET_ID } from '../../seed/plan.js';
import { findFreePort } from '../../hub/free-port.js';
import { projectPath } from '../../lib/kernel/project-root.js';
import { compiledEntry } from './compiled.js';
import { SERVICE_CALL_TIMEOUT_MS, WAIT_DEADLINE_MS, waitUntil } from './wait.js';

/**
 * `npm start` as a user runs it, for tests of the launcher's behaviour under faults: the real
 * hub/main.ts in its own process, a temporary data folder, free ports, a known JWT secret.
 */
export interface LauncherSetup {
  dataDir: string;
  env: Record<string, string>;
  gatewayUrl: string;
  /** The embedded PostgreSQL's port. */
  postgresPort: number;
  /** The JWT secret the hub verifies with; undefined when the launcher generates its own (development mode). */
  jwtSecret: string | undefined;
  /**
   * Node's arguments that start the launcher: under jest the run's compiled JavaScript
   * (test/support/compiled.ts), elsewhere (bench:restart) `npm start`'s script.
   */
  command: string[];
}

export interface LaunchedHub {
  process: ChildProcess;
  pid: number;
  output: () => string;
  exited: Promise<number | null>;
}

/** `count` distinct free ports. */
export async function freePorts(count: number): Promise<number[]> {
  const ports = new Set<number>();
  while (ports.size < count) ports.add(await findFreePort());
  return [...ports];
}

/**
 * The test timeouts of the processes `npm start` runs, in place of production's (15 s gateway to
 * subgraph, 1.5 s subgraph to peer, 60 s start-up, 2 s liveness probe): on a loaded machine those
 * turn slowness into faults the test did not inject. A test of one of them sets its own in `launch`.
 */
export const LAUNCHER_TEST_TIMEOUTS: Readonly<Record<string, string>> = {
  SUBGRAPH_TIMEOUT_MS: String(SERVICE_CALL_TIMEOUT_MS),
  PEER_TIMEOUT_MS: String(SERVICE_CALL_TIMEOUT_MS),
  START_TIMEOUT_MS: String(WAIT_DEADLINE_MS),
  LIVENESS_TIMEOUT_MS: String(SERVICE_CALL_TIMEOUT_MS),
};

/** `npm start`'s command: scripts/start.mjs compiles the sources (when changed) and runs the launcher. */
const NPM_START_COMMAND = [projectPath('scripts', 'start.mjs')];

/**
 * A fresh data folder (or `dataDir`) and six free ports (gateway, four subgraphs, PostgreSQL), with
 * a known JWT secret, or with `generatedSecrets: true` none, so the launcher generates its secrets
 * into the data folder as on a developer's first `npm start`. With `seeded: true` the fresh folder
 * is a copy of one that `npm start` has already initialised and seeded (seeded-data-folder.ts), for
 * tests that are not about a first start.
 */
export async function launcherSetup(options: { dataDir?: string; generatedSecrets?: boolean; seeded?: boolean } = {}): Promise<LauncherSetup> {
  const folder = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'hub-launcher-')));
  if (options.seeded) await (await import('./seeded-data-folder.js')).copySeededDataFolder(folder);
  const [gateway, organisations, grids, resourcePools, coBuilding, postgres] = await freePorts(6);
  const jwtSecret = options.generatedSecrets ? undefined : 'launcher-test-secret-0123456789abcdef0123456789';
  const command = process.env.TEST_RUN_ID ? [await compiledEntry('hub/main.ts')] : NPM_START_COMMAND;
  return {
    dataDir: folder,
    env: {
      ...LAUNCHER_TEST_TIMEOUTS,
      PORT: String(gateway),
      ORGANISATIONS_PORT: String(organisations),
      GRIDS_PORT: String(grids),
      RESOURCE_POOLS_PORT: String(resourcePools),
      CO_BUILDING_PORT: String(coBuilding),
      EMBEDDED_PG_PORT: String(postgres),
      HUB_DATA_DIR: folder,
      ...(jwtSecret ? { JWT_SECRET: jwtSecret } : {}),
    },
    gatewayUrl: `http://127.0.0.1:${gateway}/graphql`,
    postgresPort: postgres!,
    jwtSecret,
    command,
  };
}

/**
 * Starts the launcher with `setup.command` (under jest the run's compiled JavaScript, whose
 * services are compiled too), or with `built: true` as `npm run start:built` does (plain JavaScript
 * from dist/, after `npm run build`).
 */
export function launch(setup: LauncherSetup, extraEnv: Record<string, string> = {}, options: { built?: boolean } = {}): LaunchedHub {
  // The embedded database is the point of these tests: an inherited DATABASE_URL must not replace it.
  // Nor may jest's NODE_ENV=test: the hub runs as a user starts it, where libraries (Apollo's signal
  // handling among them) behave as in production.
  const { DATABASE_URL: _external, NODE_ENV: _testEnvironment, ...inherited } = process.env;
  const command = options.built ? [projectPath('dist', 'hub', 'main.js')] : setup.command;
  const child = spawn(process.execPath, command, {
    cwd: projectPath(),
    env: { ...inherited, ...setup.env, ...extraEnv, LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { process: child, pid: child.pid!, output: () => output, exited };
}

/** Waits until the hub's output matches `pattern`; fails at once if the hub exits first. */
export async function waitForOutput(hub: Pick<LaunchedHub, 'output' | 'exited'>, pattern: RegExp, timeoutMs = WAIT_DEADLINE_MS): Promise<void> {
  let exited = false;
  void hub.exited.then(() => (exited = true));
  await waitUntil(
    `the hub's output matches ${pattern}`,
    () => {
      if (pattern.test(hub.output())) return true;
      if (exited) throw new Error(`the hub exited before its output matched ${pattern}; output:\n${hub.output().slice(-3000)}`);
      return false;
    },
    { timeoutMs, intervalMs: 100, detail: () => `output:\n${hub.output().slice(-3000)}` },
  );
}

/** A token the hub accepts (it verifies with setup.jwtSecret); sent on every request of these tests. */
export async function tokenFor(setup: LauncherSetup, role: 'DISTRICT_PLATFORM' | 'STREET_ADMIN' = 'DISTRICT_PLATFORM'): Promise<string> {
  if (!setup.jwtSecret) throw new Error('this launcher generates its own JWT secret: mint with `npm run token` on its data folder');
  return mintToken(setup.jwtSecret, {
    sub: `launcher-test-${role.toLowerCase()}`,
    role,
    ...(role === 'STREET_ADMIN' ? { street_id: REFERENCE_STREET_ID } : {}),
  });
}

export async function postWithToken(
  setup: LauncherSetup,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<{ status: number; data?: any; errors?: any[] }> {
  const response = await fetch(setup.gatewayUrl, {
    method: 'POST',
    // STREET_ADMIN may read everything and run every mutation of these tests (lib/auth/policy.ts).
    headers: { 'content-type': 'application/json', authorization: `Bearer ${await tokenFor(setup, 'STREET_ADMIN')}`, ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, ...((await response.json()) as { data?: any; errors?: any[] }) };
}

/** A superuser connection to one database of the hub's embedded PostgreSQL (password from the data folder). */
export async function embeddedDatabase(setup: LauncherSetup, database: string): Promise<pg.Client> {
  const password = (await readFile(join(setup.dataDir, 'postgres', 'postgres-password'), 'utf8')).trim();
  const client = new pg.Client({ host: '127.0.0.1', port: setup.postgresPort, user: 'postgres', password, database });
  client.on('error', () => undefined);
  await client.connect();
  return client;
}

/** Parent pid of every process (Linux /proc). */
function parentPids(): Map<number, number> {
  const parents = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // Field 4 of /proc/<pid>/stat, after the parenthesised command name (which may hold spaces).
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parents.set(Number(entry), Number(fields[1]));
    } catch {
      // exited meanwhile
    }
  }
  return parents;
}

/** Every process below `pid`: the services, the PostgreSQL server and its backends. */
export function descendantsOf(pid: number): number[] {
  const parents = parentPids();
  const found: number[] = [];
  const queue = [pid];
  while (queue.length > 0) {
    const current = queue.shift()!;
    for (const [child, parent] of parents) {
      if (parent === current) {
        found.push(child);
        queue.push(child);
      }
    }
  }
  return found;
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  // A zombie (killed, not yet reaped by its parent) counts as gone.
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

/**
 * A power cut, as far as one machine can show it: SIGKILL to the launcher and, at the same moment,
 * to every process below it (services, PostgreSQL and its backends), so nothing gets to clean up.
 * Returns the pids killed; resolves once all of them are gone.
 */
export async function killEverything(hub: LaunchedHub): Promise<number[]> {
  const pids = [hub.pid, ...descendantsOf(hub.pid)];
  for (const pid of pids) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  const deadline = Date.now() + 30_000;
  while (pids.some(isAlive) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
  if (pids.some(isAlive)) throw new Error(`still alive after SIGKILL: ${pids.filter(isAlive).join(', ')}`);
  return pids;
}

/** The pid a service logged when it last started listening (it changes when the supervisor restarts it). */
export function servicePid(hub: LaunchedHub, service: string): number {
  const lines = hub
    .output()
    .split('\n')
    .filter((line) => line.includes('"listening"') && line.includes(`"service":"${service}"`));
  if (lines.length === 0) throw new Error(`${service} has not logged "listening" yet`);
  return (JSON.parse(lines.at(-1)!) as { pid: number }).pid;
}
