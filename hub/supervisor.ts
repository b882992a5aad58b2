import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { Logger } from '../lib/log.js';

export interface ChildSpec {
  /** Service name used in logs, e.g. `grids` or `gateway`. */
  name: string;
  /** Module to run (the service's main.ts, or main.js when running from dist/). */
  entry: string;
  /** Node flags for this child only (e.g. heap limits), after the launcher's own (tsx under npm start). */
  nodeFlags?: string[];
  env: Record<string, string>;
  /** Polled after spawning; the child counts as started once it answers 200. */
  healthUrl: string;
}

export const RESTART_POLICY = { maxRestarts: 5, windowMs: 60_000, startTimeoutMs: 60_000, stopTimeoutMs: 15_000 };

/**
 * One service process of the hub. A crash is reported and the process restarted; after
 * RESTART_POLICY.maxRestarts crashes within the window the supervisor gives up and `onGiveUp`
 * stops the whole hub, so a crash loop never goes unnoticed.
 */
export class SupervisedChild {
  private process: ChildProcess | undefined;
  private stopping = false;
  private recentCrashes: number[] = [];
  private outputTail: string[] = [];

  constructor(
    private readonly spec: ChildSpec,
    private readonly log: Logger,
    private readonly onGiveUp: (reason: string) => void,
  ) {}

  get name(): string {
    return this.spec.name;
  }

  get pid(): number | undefined {
    return this.process?.pid;
  }

  async start(): Promise<void> {
    // Own process group, so that Ctrl-C (sent to the terminal's whole group) reaches only the
    // launcher, which then stops the services in order. The IPC channel lets a child notice the
    // launcher dying (even by SIGKILL) and stop itself instead of living on as an orphan.
    const child = spawn(process.execPath, [...process.execArgv, ...(this.spec.nodeFlags ?? []), this.spec.entry], {
      env: { ...process.env, ...this.spec.env },
      stdio: ['ignore', 'inherit', 'pipe', 'ipc'],
      detached: true,
    });
    this.process = child;
    this.outputTail = [];
    // Children log JSON lines to stderr: pass them through, keep the tail for start-up errors.
    createInterface({ input: child.stderr! }).on('line', (line) => {
      process.stderr.write(line + '\n');
      this.outputTail = [...this.outputTail.slice(-19), line];
    });
    child.once('exit', (code, signal) => this.onExit(child, code, signal));
    await this.waitUntilHealthy(child);
  }

  async stop(): Promise<void> {
    this.stopping = true;
    const child = this.process;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => {
      this.log.warn('did not stop in time; killing', { child: this.name, pid: child.pid });
      child.kill('SIGKILL');
    }, RESTART_POLICY.stopTimeoutMs);
    await exited;
    clearTimeout(timer);
  }

  private onExit(child: ChildProcess, code: number | null, signal: NodeJS.Signals | null): void {
    if (this.stopping || child !== this.process) return;
    const now = Date.now();
    this.recentCrashes = [...this.recentCrashes.filter((at) => now - at < RESTART_POLICY.windowMs), now];
    this.log.error('service exited unexpectedly', { child: this.name, code, signal, crashesInWindow: this.recentCrashes.length });
    if (this.recentCrashes.length > RESTART_POLICY.maxRestarts) {
      this.onGiveUp(`${this.name} crashed ${this.recentCrashes.length} times within ${RESTART_POLICY.windowMs / 1000} s`);
      return;
    }
    const delay = 500 * this.recentCrashes.length;
    setTimeout(() => {
      if (this.stopping) return;
      this.log.info('restarting', { child: this.name });
      this.start().catch((error: Error) => this.onGiveUp(`${this.name} could not be restarted: ${error.message}`));
    }, delay);
  }

  private async waitUntilHealthy(child: ChildProcess): Promise<void> {
    const deadline = Date.now() + RESTART_POLICY.startTimeoutMs;
    for (;;) {
      if (child.exitCode !== null || child.signalCode !== null) {
        throw new Error(`${this.name} exited during start-up (code ${child.exitCode ?? child.signalCode}):\n${this.outputTail.join('\n')}`);
      }
      try {
        const response = await fetch(this.spec.healthUrl, { signal: AbortSignal.timeout(1000) });
        if (response.ok) return;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) throw new Error(`${this.name} did not become healthy within ${RESTART_POLICY.startTimeoutMs / 1000} s`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}
