import { readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SUBGRAPH_NAMES } from '../lib/subgraph/names.js';
import {
  embeddedDatabase,
  isAlive,
  killEverything,
  launch,
  launcherSetup,
  servicePid,
  tokenFor,
  waitForOutput,
  type LaunchedHub,
  type LauncherSetup,
} from './support/launcher.js';

/**
 * Faults under load with `npm start`: while readers send a query that touches all four subgraphs
 * and writers submit demands (each retried with its Idempotency-Key until acknowledged), we kill -9
 * PostgreSQL, each subgraph and the gateway, and stall the gateway (SIGSTOP) for liveness to catch.
 * Per fault the test counts the answers by outcome during the outage and prints the time to the
 * first complete answer. It asserts outcomes only: no INTERNAL_SERVER_ERROR, every acknowledged
 * write kept exactly once, no process of the hub exits but the one killed, and recovery within a
 * generous hang guard (not a speed target; the figures go to docs/operations.md).
 */
const READERS = 6;
const WRITERS = 2;
const RECOVERY_GUARD_MS = 60_000;
const QUERY = '{ communities(first: 3) { nodes { id name partyOrganisation { name } pairings { id } openDemandCount } } }';
const SUBMIT = 'mutation Submit($input: SubmitDemandInput!) { submitDemand(input: $input) { id title } }';

let setup: LauncherSetup;
let hub: LaunchedHub | undefined;
let token: string;
beforeAll(async () => {
  setup = await launcherSetup({ seeded: true });
  token = await tokenFor(setup, 'STREET_ADMIN');
});
afterAll(async () => {
  if (hub && hub.process.exitCode === null) await killEverything(hub).catch(() => undefined);
  await rm(setup.dataDir, { recursive: true, force: true });
});

/** What one request got: `complete`, the error codes of a partial or failed answer, or no connection at all. */
type Outcome = string;

async function send(body: object, headers: Record<string, string> = {}): Promise<{ outcome: Outcome; json?: any }> {
  try {
    const response = await fetch(setup.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...headers },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(30_000),
    });
    const text = await response.text();
    let json: any;
    try {
      json = JSON.parse(text);
    } catch {
      return { outcome: `HTTP ${response.status} (not JSON)` };
    }
    const codes = [...new Set<string>((json.errors ?? []).map((error: any) => String(error.extensions?.code ?? 'NO_CODE')))].sort();
    if (codes.length === 0) return { outcome: 'complete', json };
    // A retryable database outage must say so.
    if (
      codes.includes('DATABASE_UNAVAILABLE') &&
      !json.errors.every((error: any) => error.extensions?.code !== 'DATABASE_UNAVAILABLE' || error.extensions?.retryable === true)
    ) {
      return { outcome: 'DATABASE_UNAVAILABLE without retryable', json };
    }
    return { outcome: codes.join('+'), json };
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause;
    return { outcome: `no answer (${cause?.code ?? (error as Error).name})` };
  }
}

function isCompleteRead(json: any): boolean {
  const nodes = json?.data?.communities?.nodes;
  return (
    json?.errors === undefined &&
    Array.isArray(nodes) &&
    nodes.length === 3 &&
    nodes.every((node: any) => typeof node.partyOrganisation?.name === 'string' && Array.isArray(node.pairings) && typeof node.openDemandCount === 'number')
  );
}

interface Window {
  fault: string;
  injectedAt: number;
  /** Outcomes of the reads that were sent after the fault and answered before the first complete read. */
  outcomes: Map<Outcome, number>;
  recoveredAt?: number;
  /** When the killed process was serving again (the launcher's "healthy" line), for PostgreSQL the restart's figure. */
  backAfterMs?: number;
}

describe('faults under load', () => {
  it('survives kill -9 of PostgreSQL, each subgraph and the gateway, and a stalled gateway, with every acknowledged write kept once', async () => {
    // No rate limit: the readers are one caller sending as fast as answers come.
    hub = launch(setup, { LIVENESS_INTERVAL_MS: '1000', LIVENESS_TIMEOUT_MS: '2000', LIVENESS_FAILURES: '3', RATE_LIMIT_PER_MINUTE: '0' });
    await waitForOutput(hub, /hub is ready/);
    const launched = hub;

    let stop = false;
    let current: Window | undefined;
    const totals = new Map<Outcome, number>();
    const reader = async () => {
      while (!stop) {
        const window = current;
        const { outcome, json } = await send({ query: QUERY });
        totals.set(outcome, (totals.get(outcome) ?? 0) + 1);
        if (!window || window.recoveredAt !== undefined) continue;
        if (isCompleteRead(json)) window.recoveredAt ??= Date.now();
        else window.outcomes.set(outcome, (window.outcomes.get(outcome) ?? 0) + 1);
        // Clients back off a little on failures, as the retry advice says.
        if (outcome !== 'complete') await new Promise((resolve) => setTimeout(resolve, 50));
      }
    };
    const acknowledged = new Map<string, string>(); // demand id → idempotency key
    const writeOutcomes = new Map<Outcome, number>();
    const run = Date.now().toString(36);
    const writer = async (w: number) => {
      for (let i = 0; !stop; i++) {
        const key = `fault-${run}-${w}-${i}`;
        const input = { title: key, description: 'written under faults', category: 'MATERIALS', communityId: 'community-02', source: 'MICRO_WISH' };
        // Retried with the same key until acknowledged, as a careful client would.
        for (let attempt = 0; ; attempt++) {
          const { outcome, json } = await send({ query: SUBMIT, variables: { input } }, { 'idempotency-key': key });
          writeOutcomes.set(outcome, (writeOutcomes.get(outcome) ?? 0) + 1);
          const id = json?.data?.submitDemand?.id;
          if (outcome === 'complete' && typeof id === 'string') {
            acknowledged.set(id, key);
            break;
          }
          if (stop && attempt > 200) throw new Error(`write ${key} never acknowledged: ${outcome}`);
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      }
    };
    const load = [...Array.from({ length: READERS }, () => reader()), ...Array.from({ length: WRITERS }, (_, w) => writer(w))];

    const windows: Window[] = [];
    const pidsOf = () => Object.fromEntries(['gateway', ...SUBGRAPH_NAMES].map((name) => [name, servicePid(launched, name)]));
    const postmasterPid = () => Number(readFileSync(join(setup.dataDir, 'postgres', 'pgdata', 'postmaster.pid'), 'utf8').split('\n')[0]);
    const healthyLines = (pattern: RegExp) =>
      launched
        .output()
        .split('\n')
        .filter((line) => pattern.test(line));

    async function inject(fault: string, victim: string | undefined, act: () => void, healthyPattern: RegExp): Promise<void> {
      // Let the load settle into complete answers first.
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      const before = pidsOf();
      const healthyBefore = healthyLines(healthyPattern).length;
      const window: Window = { fault, injectedAt: Date.now(), outcomes: new Map() };
      windows.push(window);
      current = window;
      act();
      for (const deadline = Date.now() + RECOVERY_GUARD_MS; window.recoveredAt === undefined || healthyLines(healthyPattern).length === healthyBefore;) {
        if (Date.now() > deadline) throw new Error(`${fault}: no recovery within ${RECOVERY_GUARD_MS} ms; output:\n${launched.output().slice(-3000)}`);
        if (window.recoveredAt !== undefined && healthyLines(healthyPattern).length === healthyBefore) window.recoveredAt = undefined;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      const healthy = JSON.parse(healthyLines(healthyPattern).at(-1)!) as { startMs: number };
      window.backAfterMs = healthy.startMs;
      // Nothing else of the hub restarted: only the victim has a new pid.
      const after = pidsOf();
      for (const name of Object.keys(before)) {
        if (name === victim) expect(after[name]).not.toBe(before[name]);
        else expect({ name, pid: after[name] }).toEqual({ name, pid: before[name] });
      }
      expect(launched.process.exitCode).toBeNull();
    }

    await inject('PostgreSQL kill -9', undefined, () => process.kill(postmasterPid(), 'SIGKILL'), /"message":"PostgreSQL healthy"/);
    for (const name of SUBGRAPH_NAMES) {
      await inject(
        `${name} kill -9`,
        name,
        () => process.kill(servicePid(launched, name), 'SIGKILL'),
        new RegExp(`"child":"${name}".*"message":"service healthy"`),
      );
    }
    await inject(
      'gateway kill -9',
      'gateway',
      () => process.kill(servicePid(launched, 'gateway'), 'SIGKILL'),
      /"child":"gateway".*"message":"service healthy"/,
    );
    await inject(
      'gateway stalled (SIGSTOP)',
      'gateway',
      () => process.kill(servicePid(launched, 'gateway'), 'SIGSTOP'),
      /"child":"gateway".*"message":"service healthy"/,
    );

    stop = true;
    await Promise.all(load);

    // Every acknowledged write is there, exactly once per idempotency key.
    const database = await embeddedDatabase(setup, 'hub_resource_pools');
    const rows = await database.query<{ id: string; title: string }>(`SELECT id, title FROM demands WHERE title LIKE $1`, [`fault-${run}-%`]);
    await database.end();
    const idsByTitle = new Map<string, string[]>();
    for (const row of rows.rows) idsByTitle.set(row.title, [...(idsByTitle.get(row.title) ?? []), row.id]);
    const lost = [...acknowledged.keys()].filter((id) => !rows.rows.some((row) => row.id === id));
    const duplicated = [...idsByTitle.entries()].filter(([, ids]) => ids.length > 1);
    expect(lost).toEqual([]);
    expect(duplicated).toEqual([]);

    const report = windows.map((window) => ({
      fault: window.fault,
      outcomes: Object.fromEntries(window.outcomes),
      completeAgainAfterS: Number(((window.recoveredAt! - window.injectedAt) / 1000).toFixed(1)),
      restartS: Number(((window.backAfterMs ?? 0) / 1000).toFixed(1)),
    }));
    process.stdout.write(
      `faults under load (${READERS} readers, ${WRITERS} writers):\n${report.map((line) => JSON.stringify(line)).join('\n')}\n` +
        `reads: ${JSON.stringify(Object.fromEntries(totals))}\nwrites: ${JSON.stringify(Object.fromEntries(writeOutcomes))}; ` +
        `${acknowledged.size} acknowledged, ${lost.length} lost, ${duplicated.length} duplicated\n`,
    );
    // Outages answer with codes, never as internal errors; liveness restarted only the stalled gateway.
    for (const window of windows) {
      for (const outcome of window.outcomes.keys())
        expect(`${window.fault}: ${outcome}`).not.toMatch(/INTERNAL_SERVER_ERROR|NO_CODE|without retryable|not JSON/);
    }
    expect([...writeOutcomes.keys()].filter((outcome) => /INTERNAL_SERVER_ERROR|NO_CODE/.test(outcome))).toEqual([]);
    expect(windows[0]!.outcomes.has('DATABASE_UNAVAILABLE')).toBe(true);
    expect(launched.output().match(/"service not responding; killing it to restart"/g) ?? []).toHaveLength(1);
    expect(launched.output()).not.toMatch(/"giving up"/);

    const postgres = postmasterPid();
    launched.process.kill('SIGTERM');
    expect(await launched.exited).toBe(0);
    expect(isAlive(postgres)).toBe(false);
  }, 400_000);
});
