import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { EmbeddedPostgres, type EmbeddedPostgresOptions } from './embedded-postgres.js';
import type { Logger } from '../lib/kernel/log.js';

export interface ChildSpec {
  /** Service name used in logs, e.g. `grids` or `gateway`. */
  name: string;
  /** Module to run (the service's main.ts, or main.js when running from dist/). */
  entry: string;
  /** Node flags for this child only (e.g. heap limits), after the launcher's own (tsx under npm start). */
  nodeFlags?: string[];
  /** The child's whole environment (the launcher passes its own on, plus what it sets for the child). */
  env: Readonly<Record<string, string | undefined>>;
  /** Polled after spawning; the child counts as started once it answers 200. Polled again for liveness. */
  healthUrl: string;
}

/** How the launcher supervises what it runs (docs/configuration.md: START_TIMEOUT_MS, LIVENESS_*). */
export interface SupervisionPolicy {
  /** A crash loop: more than this many unexpected exits within `windowMs` stop the whole hub. */
  maxRestarts: number;
  windowMs: number;
  /** Pause before the n-th restart within the window: (n - 1) × this, so a first crash restarts at once. */
  backoffStepMs: number;
  /** How long a service (or PostgreSQL) may take to become healthy (START_TIMEOUT_MS). */
  startTimeoutMs: number;
  /** How long a stopping service may drain before it is killed. */
  stopTimeoutMs: number;
  /** Liveness: /health is polled this often once a service is up (LIVENESS_INTERVAL_MS; 0 = off). */
  livenessIntervalMs: number;
  /** A poll with no answer within this counts as a failure (LIVENESS_TIMEOUT_MS). */
  livenessTimeoutMs: number;
  /** After this many failed polls in a row the service is killed and restarted (LIVENESS_FAILURES). */
  livenessFailures: number;
}

export const DEFAULT_SUPERVISION: SupervisionPolicy = {
  maxRestarts: 5,
  windowMs: 60_000,
  backoffStepMs: 500,
  startTimeoutMs: 60_000,
  stopTimeoutMs: 15_000,
  livenessIntervalMs: 5_000,
  livenessTimeoutMs: 2_000,
  livenessFailures: 3,
};

/**
 * Counts unexpected exits within a sliding window. Shared by the services and PostgreSQL, so both
 * restart with the same back-off and give up on the same crash loop.
 */
export class RestartBudget {
  private crashes: number[] = [];

  constructor(private readonly policy: Pick<SupervisionPolicy, 'maxRestarts' | 'windowMs' | 'backoffStepMs'>) {}

  /** Records one crash now: the delay before restarting, or `undefined` once the loop limit is passed. */
  recordCrash(now = Date.now()): { crashesInWindow: number; restartInMs: number | undefined } {
    this.crashes = [...this.crashes.filter((at) => now - at < this.policy.windowMs), now];
    const crashesInWindow = this.crashes.length;
    return {
      crashesInWindow,
      restartInMs: crashesInWindow > this.policy.maxRestarts ? undefined : (crashesInWindow - 1) * this.policy.backoffStepMs,
    };
  }

  describeLoop(name: string): string {
    return `${name} crashed ${this.crashes.length} times within ${this.policy.windowMs / 1000} s`;
  }
}

/** What one GET /health said: answered (any status), or nothing within the timeout. */
type HealthProbe = { answered: true; status: number; reason?: string } | { answered: false; reason: string };

async function probeHealth(url: string, timeoutMs: number): Promise<HealthProbe> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    const text = await response.text().catch(() => '');
    let reason: string | undefined;
    try {
      reason = (JSON.parse(text) as { reason?: string }).reason;
    } catch {
      reason = undefined;
    }
    return { answered: true, status: response.status, ...(reason ? { reason } : {}) };
  } catch (error) {
    const name = (error as Error).name;
    if (name === 'TimeoutError' || name === 'AbortError') return { answered: false, reason: `no answer to GET /health within ${timeoutMs} ms` };
    const code = (error as { cause?: { code?: string } }).cause?.code;
    return {
      answered: false,
      reason: code === 'ECONNREFUSED' ? 'nothing listening on its port (connection refused)' : `GET /health failed (${code ?? (error as Error).message})`,
    };
  }
}

function describeProbe(probe: HealthProbe | undefined): string {
  if (!probe) return 'its /health was never checked';
  if (!probe.answered) return probe.reason;
  return `GET /health answered ${probe.status}${probe.reason ? ` (${probe.reason})` : ''}`;
}

/**
 * One service process of the hub. A crash is reported and the process restarted; after
 * `maxRestarts` crashes within the window the supervisor gives up and `onGiveUp` stops the whole
 * hub, so a crash loop never goes unnoticed. Once up, its /health is polled (liveness): a process
 * that answers nothing within the timeout `livenessFailures` times in a row (blocked event loop,
 * SIGSTOP, deadlock) is killed and restarted. Any answer, 503 included, counts as alive: a
 * subgraph whose database is down answers 503 at once and must not be restarted for it, since a
 * restart cannot bring the database back.
 */
export class SupervisedChild {
  private process: ChildProcess | undefined;
  private stopping = false;
  private readonly budget: RestartBudget;
  private outputTail: string[] = [];
  private liveness: NodeJS.Timeout | undefined;
  /** Why the supervisor itself killed the current process, for the exit's log line. */
  private killedBecause: string | undefined;

  constructor(
    private readonly spec: ChildSpec,
    private readonly log: Logger,
    private readonly onGiveUp: (reason: string) => void,
    private readonly policy: SupervisionPolicy = DEFAULT_SUPERVISION,
    /** The clock of the start-up limit (tests: one that moves when they say so). */
    private readonly now: () => number = Date.now,
  ) {
    this.budget = new RestartBudget(policy);
  }

  get name(): string {
    return this.spec.name;
  }

  get pid(): number | undefined {
    return this.process?.pid;
  }

  async start(): Promise<void> {
    if (this.stopping) return; // the hub is stopping: start nothing new
    const startedAt = Date.now();
    // Own process group, so that Ctrl-C (sent to the terminal's whole group) reaches only the
    // launcher, which then stops the services in order. The IPC channel lets a child notice the
    // launcher dying (even by SIGKILL) and stop itself instead of living on as an orphan.
    const child = spawn(process.execPath, [...process.execArgv, ...(this.spec.nodeFlags ?? []), this.spec.entry], {
      env: this.spec.env,
      stdio: ['ignore', 'inherit', 'pipe', 'ipc'],
      detached: true,
    });
    this.process = child;
    this.killedBecause = undefined;
    this.outputTail = [];
    // Children log JSON lines to stderr: pass them through, keep the tail for start-up errors.
    createInterface({ input: child.stderr! }).on('line', (line) => {
      process.stderr.write(line + '\n');
      this.outputTail = [...this.outputTail.slice(-19), line];
    });
    child.once('exit', (code, signal) => this.onExit(child, code, signal));
    await this.waitUntilHealthy(child);
    this.log.info('service healthy', { child: this.name, pid: child.pid, startMs: Date.now() - startedAt });
    this.watchLiveness(child);
  }

  async stop(): Promise<void> {
    this.stopping = true;
    clearInterval(this.liveness);
    const child = this.process;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => {
      this.log.warn('did not stop in time; killing', { child: this.name, pid: child.pid });
      child.kill('SIGKILL');
    }, this.policy.stopTimeoutMs);
    await exited;
    clearTimeout(timer);
  }

  /** For the launcher's exit handler: no waiting possible there, so the child is killed outright. */
  killNow(): void {
    const child = this.process;
    if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }

  private watchLiveness(child: ChildProcess): void {
    clearInterval(this.liveness);
    if (this.policy.livenessIntervalMs <= 0) return;
    let failures = 0;
    let probing = false;
    this.liveness = setInterval(() => {
      if (probing || this.stopping || child !== this.process) return;
      probing = true;
      void probeHealth(this.spec.healthUrl, this.policy.livenessTimeoutMs).then((probe) => {
        probing = false;
        if (this.stopping || child !== this.process || child.exitCode !== null || child.signalCode !== null) return;
        if (probe.answered) {
          failures = 0;
          return;
        }
        failures += 1;
        this.log.warn('liveness check failed', { child: this.name, pid: child.pid, failures, of: this.policy.livenessFailures, reason: probe.reason });
        if (failures < this.policy.livenessFailures) return;
        clearInterval(this.liveness);
        this.killedBecause = `not responding: ${failures} liveness checks in a row failed (${probe.reason})`;
        this.log.error('service not responding; killing it to restart', { child: this.name, pid: child.pid, reason: this.killedBecause });
        child.kill('SIGKILL');
      });
    }, this.policy.livenessIntervalMs);
    this.liveness.unref();
  }

  private onExit(child: ChildProcess, code: number | null, signal: NodeJS.Signals | null): void {
    if (this.stopping || child !== this.process) return;
    clearInterval(this.liveness);
    const { crashesInWindow, restartInMs } = this.budget.recordCrash();
    this.log.error('service exited unexpectedly', {
      child: this.name,
      code,
      signal,
      crashesInWindow,
      ...(this.killedBecause ? { reason: this.killedBecause } : {}),
    });
    if (restartInMs === undefined) {
      this.onGiveUp(this.budget.describeLoop(this.name));
      return;
    }
    setTimeout(() => {
      if (this.stopping) return;
      this.log.info('restarting', { child: this.name });
      this.start().catch((error: Error) => this.onGiveUp(`${this.name} could not be restarted: ${error.message}`));
    }, restartInMs);
  }

  private async waitUntilHealthy(child: ChildProcess): Promise<void> {
    const deadline = this.now() + this.policy.startTimeoutMs;
    let last: HealthProbe | undefined;
    for (;;) {
      if (child.exitCode !== null || child.signalCode !== null) {
        throw new Error(`${this.name} exited during start-up (code ${child.exitCode ?? child.signalCode}):\n${this.outputTail.join('\n')}`);
      }
      last = await probeHealth(this.spec.healthUrl, Math.min(1_000, this.policy.startTimeoutMs));
      if (last.answered && last.status === 200) return;
      if (this.now() > deadline) {
        const lastLine = this.outputTail.at(-1);
        throw new Error(
          `${this.name} did not become healthy within ${this.policy.startTimeoutMs / 1000} s (START_TIMEOUT_MS; raise it on a slow machine): ` +
            `${describeProbe(last)}; ${lastLine ? `its last log line: ${lastLine}` : 'it has logged nothing yet (still loading its code?)'}`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

/**
 * The embedded PostgreSQL under the same supervision as the services: when the server exits
 * without being asked (killed, crashed, out of memory) its leftover backends are ended and it is
 * started again on the same port and data (crash recovery replays the WAL, so every acknowledged
 * write is kept), with the services' back-off and crash-loop limit. The services keep running
 * meanwhile: they answer DATABASE_UNAVAILABLE and reconnect by themselves once it is back.
 */
export class SupervisedPostgres {
  private server: EmbeddedPostgres | undefined;
  /** The start or restart under way; stop() waits for it so that no server outlives the hub. */
  private starting: Promise<EmbeddedPostgres> | undefined;
  private restartTimer: NodeJS.Timeout | undefined;
  private stopping = false;
  private readonly budget: RestartBudget;

  constructor(
    private readonly options: EmbeddedPostgresOptions,
    private readonly log: Logger,
    private readonly onGiveUp: (reason: string) => void,
    private readonly policy: SupervisionPolicy = DEFAULT_SUPERVISION,
  ) {
    this.budget = new RestartBudget(policy);
  }

  /** The first start: failures are thrown to the caller (the hub cannot start without it). */
  async start(): Promise<void> {
    await this.launch();
  }

  url(database?: string): string {
    if (!this.server) throw new Error('PostgreSQL has not started');
    return this.server.url(database);
  }

  get pid(): number | undefined {
    return this.server?.pid;
  }

  async stop(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.restartTimer);
    await this.starting?.catch(() => undefined);
    await this.server?.stop();
  }

  /** For the launcher's exit handler (see EmbeddedPostgres.stopSynchronously). */
  stopSynchronously(): void {
    this.stopping = true;
    clearTimeout(this.restartTimer);
    this.server?.stopSynchronously();
  }

  private async launch(): Promise<void> {
    const startedAt = Date.now();
    this.starting = EmbeddedPostgres.start({ ...this.options, startTimeoutMs: this.policy.startTimeoutMs });
    let server: EmbeddedPostgres;
    try {
      server = await this.starting;
    } finally {
      this.starting = undefined;
    }
    this.server = server;
    if (this.stopping) {
      await server.stop();
      return;
    }
    this.log.info('PostgreSQL healthy', { pid: server.pid, startMs: Date.now() - startedAt });
    void server.exited.then((exit) => this.onExit(server, exit));
  }

  private async onExit(server: EmbeddedPostgres, exit: { code: number | null; signal: NodeJS.Signals | null }): Promise<void> {
    if (this.stopping || server !== this.server) return;
    const { crashesInWindow, restartInMs } = this.budget.recordCrash();
    this.log.error('PostgreSQL exited unexpectedly', { child: 'postgres', code: exit.code, signal: exit.signal, crashesInWindow });
    await server.reapOrphans();
    if (restartInMs === undefined) {
      this.onGiveUp(this.budget.describeLoop('PostgreSQL'));
      return;
    }
    this.restartTimer = setTimeout(() => {
      if (this.stopping) return;
      this.log.info('restarting', { child: 'postgres' });
      this.launch().catch((error: Error) => {
        if (this.stopping) return;
        // A failed restart is one more crash: back off and try again until the loop limit.
        this.log.error('PostgreSQL could not be restarted', { error: error.message });
        void this.onExit(server, { code: null, signal: null });
      });
    }, restartInMs);
  }
}
