import { readFileSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** The lock file in the data folder: the launcher's pid, while it runs on that folder. */
export const DATA_LOCK_FILE = 'hub.lock';

export class DataFolderInUseError extends Error {
  override name = 'DataFolderInUseError';
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(`another hub (pid ${pid}) is running on the data folder ${dataDir}; stop it first, ` + 'or give this one its own folder with HUB_DATA_DIR');
  }
}

/**
 * One launcher per data folder. Without this, a second `npm start` on the same folder would take
 * the first one's running PostgreSQL for a crash leftover and stop it. A lock left by a launcher
 * that died (SIGKILL, power cut) names a pid that no longer runs a hub: it is removed with a log line.
 * Returns the release function (called after the database has stopped).
 */
export async function acquireDataFolderLock(dataDir: string, log: (message: string) => void): Promise<() => Promise<void>> {
  await mkdir(dataDir, { recursive: true });
  const file = join(dataDir, DATA_LOCK_FILE);
  for (let attempt = 0; ; attempt++) {
    try {
      await writeFile(file, `${process.pid}\n`, { flag: 'wx', mode: 0o644 });
      return async () => {
        // Only our own lock: never one a later launcher took after ours was declared stale.
        if ((await readFile(file, 'utf8').catch(() => '')).trim() === String(process.pid)) await rm(file, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 0) throw error;
    }
    const holder = Number((await readFile(file, 'utf8').catch(() => '')).trim());
    if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && isRunningHub(holder)) {
      throw new DataFolderInUseError(dataDir, holder);
    }
    log(`removing stale ${file} left by a hub that is no longer running (pid ${Number.isInteger(holder) && holder > 0 ? holder : 'unreadable'})`);
    await rm(file, { force: true });
  }
}

function isRunningHub(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    // ESRCH: no such process. EPERM: it exists under another user; its command line decides.
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  try {
    // On Linux the command line tells a launcher from an unrelated process that reused the pid.
    return /hub[/\\]main\.(ts|js)/.test(readFileSync(`/proc/${pid}/cmdline`, 'utf8'));
  } catch {
    return true;
  }
}
