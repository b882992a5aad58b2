import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { DATA_LOCK_FILE, DataFolderInUseError, acquireDataFolderLock } from './data-lock.js';

let dataDir: string;
let lines: string[];
const log = (line: string) => lines.push(line);
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'hub-lock-'));
  lines = [];
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

/** A pid that certainly runs nothing any more. */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '0']).pid;
}

describe('one launcher per data folder (hub.lock)', () => {
  it('holds the folder with its pid and lets go on release', async () => {
    const release = await acquireDataFolderLock(dataDir, log);
    expect(readFileSync(join(dataDir, DATA_LOCK_FILE), 'utf8').trim()).toBe(String(process.pid));
    await release();
    expect(existsSync(join(dataDir, DATA_LOCK_FILE))).toBe(false);
  });

  it('takes over a lock left by a launcher that died, saying so', async () => {
    const pid = deadPid();
    await writeFile(join(dataDir, DATA_LOCK_FILE), `${pid}\n`);
    const release = await acquireDataFolderLock(dataDir, log);
    expect(lines).toEqual([expect.stringMatching(new RegExp(`removing stale .*hub\\.lock left by a hub that is no longer running \\(pid ${pid}\\)`))]);
    await release();
  });

  it('takes over a lock whose pid now belongs to some other program', async () => {
    await writeFile(join(dataDir, DATA_LOCK_FILE), `${process.pid === 1 ? 2 : 1}\n`);
    const release = await acquireDataFolderLock(dataDir, log);
    expect(lines).toHaveLength(1);
    await release();
  });

  it('refuses a folder a running launcher holds, naming its pid', async () => {
    // Looks like a launcher to the check: its command line names hub/main.ts.
    const launcher = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)', 'hub/main.ts'], { stdio: 'ignore' });
    try {
      await writeFile(join(dataDir, DATA_LOCK_FILE), `${launcher.pid}\n`);
      const attempt = acquireDataFolderLock(dataDir, log);
      await expect(attempt).rejects.toThrow(DataFolderInUseError);
      await expect(attempt).rejects.toThrow(new RegExp(`another hub \\(pid ${launcher.pid}\\) is running on the data folder`));
      expect(readFileSync(join(dataDir, DATA_LOCK_FILE), 'utf8').trim()).toBe(String(launcher.pid));
    } finally {
      launcher.kill('SIGKILL');
    }
  });
});
