/**
 * Waiting in tests without depending on the machine's speed: wait for a condition, never for a
 * fixed time. The deadline only turns a hang into a failure that names what was awaited; it is
 * generous (a loaded 2-core CI machine runs several services and PostgreSQL next to jest), so a
 * slow machine takes longer but never fails for it. See docs/testing.md.
 */

/** How long a wait may take before it fails: far more than any condition here needs on an idle machine. */
export const WAIT_DEADLINE_MS = 240_000;

/**
 * How long one service of a test hub may take to answer another (gateway to subgraph, subgraph to
 * peer). The production defaults (15 s, 1.5 s) are for an idle server; under a loaded test machine
 * they would turn slowness into failures. Tests of the timeouts themselves set their own.
 */
export const SERVICE_CALL_TIMEOUT_MS = 60_000;

export interface WaitOptions {
  /** Fail after this long (default WAIT_DEADLINE_MS). */
  timeoutMs?: number;
  /** Pause between checks (default 20 ms). */
  intervalMs?: number;
  /** Appended to the failure message, e.g. the last lines of a process's output. */
  detail?: () => string;
}

/**
 * Checks `condition` until it returns something truthy and returns that; throws naming `what`
 * once the deadline has passed. A condition that throws fails the wait at once.
 */
export async function waitUntil<T>(what: string, condition: () => T | Promise<T>, options: WaitOptions = {}): Promise<NonNullable<T>> {
  const deadline = Date.now() + (options.timeoutMs ?? WAIT_DEADLINE_MS);
  for (;;) {
    const value = await condition();
    if (value) return value;
    if (Date.now() > deadline) {
      const detail = options.detail?.();
      throw new Error(`timed out waiting until ${what}${detail ? `\n${detail}` : ''}`);
    }
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 20));
  }
}
