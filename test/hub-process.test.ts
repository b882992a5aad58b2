import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { compiledEntry } from './support/compiled.js';
import { postGraphQL } from './support/hub.js';
import { launch, launcherSetup, servicePid, waitForOutput, type LaunchedHub, type LauncherSetup } from './support/launcher.js';
import { waitUntil } from './support/wait.js';

/**
 * `npm start` as a user runs it: the launcher process with the embedded PostgreSQL in a data
 * folder, five supervised service processes, real ports, and the secrets it generates itself.
 */
let setup: LauncherSetup;

async function stop(hub: LaunchedHub): Promise<number | null> {
  hub.process.kill('SIGTERM');
  return hub.exited;
}

beforeAll(async () => {
  setup = await launcherSetup({ generatedSecrets: true });
});
afterAll(async () => {
  await rm(setup.dataDir, { recursive: true, force: true });
});

describe('npm start (the launcher)', () => {
  it('starts on the embedded PostgreSQL, seeds, restarts a crashed service, stops database last, and keeps data across restarts', async () => {
    const first = launch(setup);
    try {
      await waitForOutput(first, /hub is ready/);
      expect(first.output()).toMatch(/seeded the streets/);
      const before = await postGraphQL(setup.gatewayUrl, '{ communities { totalCount } }', {}, { token: null });
      expect(before.data?.communities.totalCount).toBe(67);

      // A crashed subgraph is reported and restarted by the supervisor.
      process.kill(servicePid(first, 'grids'), 'SIGKILL');
      await waitForOutput(first, /"service exited unexpectedly"/);
      await waitForOutput(first, /^(?=.*"message":"restarting")(?=.*"child":"grids").*$/m);
      await waitUntil(
        'the restarted grids answers through the gateway',
        async () =>
          (await postGraphQL(setup.gatewayUrl, '{ communities { totalCount } }', {}, { token: null }).catch(() => undefined))?.data?.communities?.totalCount ===
          67,
        { intervalMs: 200 },
      );
    } finally {
      expect(await stop(first)).toBe(0);
    }
    // Database last: the server removed its pid file on a clean shutdown.
    expect(first.output().lastIndexOf('"stopped"')).toBeGreaterThan(first.output().lastIndexOf('"stopping"'));
    expect(existsSync(join(setup.dataDir, 'postgres', 'pgdata', 'postmaster.pid'))).toBe(false);

    const second = launch(setup);
    try {
      await waitForOutput(second, /hub is ready/);
      expect(second.output()).not.toMatch(/seeded the streets/);
      const again = await postGraphQL(setup.gatewayUrl, '{ communities { totalCount } }', {}, { token: null });
      expect(again.data?.communities.totalCount).toBe(67);
      // Development mode: `npm run token` mints from the secret the launcher generated, and the
      // explorer page carries a token of its own, so the examples (party members need one) run.
      // scripts/token.ts as `npm run token` runs it, compiled like the launcher (test/support/compiled.ts).
      const minted = spawnSync(process.execPath, [await compiledEntry('scripts/token.ts'), '--role', 'UNIT_MEMBER', '--unit', 'unit-001'], {
        env: { ...process.env, HUB_DATA_DIR: setup.dataDir },
        encoding: 'utf8',
      });
      expect(minted.status).toBe(0);
      const members = await postGraphQL(setup.gatewayUrl, '{ organisations(first: 1) { nodes { secretary { name } } } }', {}, { token: minted.stdout.trim() });
      expect(members.errors).toBeUndefined();
      expect((await postGraphQL(setup.gatewayUrl, '{ organisations(first: 1) { nodes { secretary { name } } } }', {}, { token: null })).status).toBe(401);
      const page = await (await fetch(new URL('/', setup.gatewayUrl))).text();
      const explorerToken = /"Authorization":"Bearer ([^"]+)"/.exec(page)?.[1];
      expect(explorerToken).toBeDefined();
      expect(
        (await postGraphQL(setup.gatewayUrl, '{ organisations(first: 1) { nodes { secretary { name } } } }', {}, { token: explorerToken })).errors,
      ).toBeUndefined();
    } finally {
      expect(await stop(second)).toBe(0);
    }
  });

  it('says which port is taken and which variable moves it, and starts nothing', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(Number(setup.env.GRIDS_PORT), '127.0.0.1', resolve));
    try {
      const hub = launch(setup);
      expect(await hub.exited).toBe(1);
      expect(hub.output()).toMatch(new RegExp(`grids subgraph: port ${setup.env.GRIDS_PORT} .*already in use.*GRIDS_PORT`));
      expect(hub.output()).not.toMatch(/PostgreSQL ready/);
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });
});
