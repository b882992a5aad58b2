import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { findFreePort } from '../hub/free-port.js';
import { projectPath } from '../lib/kernel/project-root.js';
import { postGraphQL } from './support/hub.js';
import { waitForOutput } from './support/launcher.js';
import { waitUntil } from './support/wait.js';

/**
 * `npm start` as a user runs it: the launcher process with the embedded PostgreSQL in a data
 * folder, five supervised service processes, real ports.
 */
interface RunningHub {
  process: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

let dataDir: string;
let env: Record<string, string>;
let gatewayUrl: string;

async function freePorts(count: number): Promise<number[]> {
  const ports = new Set<number>();
  while (ports.size < count) ports.add(await findFreePort());
  return [...ports];
}

function launch(extraEnv: Record<string, string> = {}): RunningHub {
  // The embedded database is the point of this test: an inherited DATABASE_URL must not replace it.
  const { DATABASE_URL: _external, ...inherited } = process.env;
  const child = spawn(process.execPath, ['--import', 'tsx', projectPath('hub', 'main.ts')], {
    cwd: projectPath(),
    env: { ...inherited, ...env, ...extraEnv, LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { process: child, output: () => output, exited };
}

function listeningPidOf(hub: RunningHub, service: string): number {
  const lines = hub
    .output()
    .split('\n')
    .filter((line) => line.includes('"listening"') && line.includes(`"service":"${service}"`));
  return (JSON.parse(lines.at(-1)!) as { pid: number }).pid;
}

async function stop(hub: RunningHub): Promise<number | null> {
  hub.process.kill('SIGTERM');
  return hub.exited;
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'hub-start-'));
  const [gateway, organisations, grids, resourcePools, coBuilding, postgres] = await freePorts(6);
  env = {
    PORT: String(gateway),
    ORGANISATIONS_PORT: String(organisations),
    GRIDS_PORT: String(grids),
    RESOURCE_POOLS_PORT: String(resourcePools),
    CO_BUILDING_PORT: String(coBuilding),
    EMBEDDED_PG_PORT: String(postgres),
    HUB_DATA_DIR: dataDir,
  };
  gatewayUrl = `http://127.0.0.1:${gateway}/graphql`;
});
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('npm start (the launcher)', () => {
  it('starts on the embedded PostgreSQL, seeds, restarts a crashed service, stops database last, and keeps data across restarts', async () => {
    const first = launch();
    try {
      await waitForOutput(first, /hub is ready/);
      expect(first.output()).toMatch(/seeded the streets/);
      const before = await postGraphQL(gatewayUrl, '{ communities { totalCount } }', {}, { token: null });
      expect(before.data?.communities.totalCount).toBe(67);

      // A crashed subgraph is reported and restarted by the supervisor.
      process.kill(listeningPidOf(first, 'grids'), 'SIGKILL');
      await waitForOutput(first, /"service exited unexpectedly"/);
      await waitForOutput(first, /^(?=.*"message":"restarting")(?=.*"child":"grids").*$/m);
      await waitUntil(
        'the restarted grids answers through the gateway',
        async () =>
          (await postGraphQL(gatewayUrl, '{ communities { totalCount } }', {}, { token: null }).catch(() => undefined))?.data?.communities?.totalCount === 67,
        { intervalMs: 200 },
      );
    } finally {
      expect(await stop(first)).toBe(0);
    }
    // Database last: the server removed its pid file on a clean shutdown.
    expect(first.output().lastIndexOf('"stopped"')).toBeGreaterThan(first.output().lastIndexOf('"stopping"'));
    expect(existsSync(join(dataDir, 'postgres', 'pgdata', 'postmaster.pid'))).toBe(false);

    const second = launch();
    try {
      await waitForOutput(second, /hub is ready/);
      expect(second.output()).not.toMatch(/seeded the streets/);
      const again = await postGraphQL(gatewayUrl, '{ communities { totalCount } }', {}, { token: null });
      expect(again.data?.communities.totalCount).toBe(67);
      // Development mode: `npm run token` mints from the secret the launcher generated, and the
      // explorer page carries a token of its own, so the examples (party members need one) run.
      const minted = spawnSync(
        process.execPath,
        [join('node_modules', 'tsx', 'dist', 'cli.mjs'), 'scripts/token.ts', '--role', 'UNIT_MEMBER', '--unit', 'unit-001'],
        {
          env: { ...process.env, HUB_DATA_DIR: dataDir },
          encoding: 'utf8',
        },
      );
      expect(minted.status).toBe(0);
      const members = await postGraphQL(gatewayUrl, '{ organisations(first: 1) { nodes { secretary { name } } } }', {}, { token: minted.stdout.trim() });
      expect(members.errors).toBeUndefined();
      expect((await postGraphQL(gatewayUrl, '{ organisations(first: 1) { nodes { secretary { name } } } }', {}, { token: null })).status).toBe(401);
      const page = await (await fetch(new URL('/', gatewayUrl))).text();
      const explorerToken = /"Authorization":"Bearer ([^"]+)"/.exec(page)?.[1];
      expect(explorerToken).toBeDefined();
      expect(
        (await postGraphQL(gatewayUrl, '{ organisations(first: 1) { nodes { secretary { name } } } }', {}, { token: explorerToken })).errors,
      ).toBeUndefined();
    } finally {
      expect(await stop(second)).toBe(0);
    }
  });

  it('says which port is taken and which variable moves it, and starts nothing', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(Number(env.GRIDS_PORT), '127.0.0.1', resolve));
    try {
      const hub = launch();
      expect(await hub.exited).toBe(1);
      expect(hub.output()).toMatch(new RegExp(`grids subgraph: port ${env.GRIDS_PORT} .*already in use.*GRIDS_PORT`));
      expect(hub.output()).not.toMatch(/PostgreSQL ready/);
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });
});
