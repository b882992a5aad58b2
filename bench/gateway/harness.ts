/**
 * What the gateway benchmarks share: the servers as child processes (serve.ts), their CPU time and
 * RSS from /proc, the seeded street databases, and the seeded stream of variables. Used by run.ts
 * (npm run bench:gateway) and subgraph-cpu.ts (the subgraphs' CPU per operation behind each gateway).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { Registry } from 'prom-client';
import { Database, ensureDatabase, withDatabaseName } from '../../lib/kernel/database.js';
import { migrateSubgraph } from '../../lib/subgraph/runtime.js';
import { SUBGRAPH_NAMES, type SubgraphName } from '../../lib/subgraph/names.js';
import { SEEDERS } from '../../seed/index.js';
import { heapFlags } from '../../hub/config.js';
import { readHubEnv } from '../../hub/env.js';
import { planStreet } from '../../seed/plan.js';

/** A deterministic stream of numbers in [0, 1): every server is sent the same sequence of requests. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    // mulberry32
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
export const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

/** The street's ids at scale 1 (seed/plan.ts): 67 communities, 124 units. */
export const COMMUNITY_IDS = Array.from({ length: 67 }, (_, i) => `community-${String(i + 1).padStart(2, '0')}`);
export const UNIT_IDS = Array.from({ length: 124 }, (_, i) => `unit-${String(i + 1).padStart(3, '0')}`);
// --- processes ---------------------------------------------------------------------------------

export interface Child {
  url: string;
  pid: number;
  stop(): Promise<void>;
}
export const children: ChildProcess[] = [];

/** Stops every server the benchmark started (SIGTERM) and waits until each has exited. */
export async function stopChildren(): Promise<void> {
  await Promise.all(
    children.map(
      (child) =>
        new Promise<void>((done) => {
          if (child.exitCode !== null || child.signalCode !== null) return done();
          child.once('exit', () => done());
          child.kill('SIGTERM');
        }),
    ),
  );
}
const PROFILE_DIR = join(tmpdir(), 'hub-bench-profiles');
// Servers run the way this script runs: .ts under tsx (npm run bench:gateway), or compiled .js
// without a loader (npm run build, then node dist/bench/gateway/run.js), as a production hub would.
const compiled = fileURLToPath(import.meta.url).endsWith('.js');

export function spawnServer(kind: string, name: string | undefined, env: Record<string, string>): Promise<Child> {
  const child = fork(fileURLToPath(new URL(`serve.${compiled ? 'js' : 'ts'}`, import.meta.url)), name ? [kind, name] : [kind], {
    // BENCH_CPU_PROF=<kind> (e.g. ours) writes a V8 CPU profile of that server to PROFILE_DIR when it stops.
    execArgv: [
      ...(compiled ? [] : ['--import', 'tsx']),
      // Our gateway with the heap flags the launcher gives it in production (GATEWAY_MAX_HEAP_MB);
      // the other servers with Node's defaults, as their users would run them.
      ...(kind === 'ours' ? oursHeapFlags() : kind === 'ours-apollo-exec' ? heapFlags(readHubEnv(process.env).gatewayMaxHeapMb) : []),
      ...(process.env.BENCH_CPU_PROF === kind ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`] : []),
    ],
    env: { ...process.env, ...env, LOG_LEVEL: 'error', NODE_ENV: 'production' },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${kind} ${name ?? ''} exited with ${code} before it was ready`)));
    child.once('message', (message: { url?: string; error?: string }) => {
      if (!message.url) return reject(new Error(`${kind} ${name ?? ''} failed to start: ${message.error}`));
      child.removeAllListeners('exit');
      resolve({
        url: message.url,
        pid: child.pid!,
        stop: () =>
          new Promise<void>((done) => {
            if (child.exitCode !== null) return done();
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    });
  });
}

/**
 * The launcher's heap flags for our gateway; BENCH_OURS_SEMI_SPACE_MB replaces its young-generation
 * semi-space size, to weigh fewer scavenges against RSS; BENCH_OURS_NODE_FLAGS adds flags (space-separated).
 */
function oursHeapFlags(): string[] {
  const flags = heapFlags(readHubEnv(process.env).gatewayMaxHeapMb);
  const semiSpaceMb = process.env.BENCH_OURS_SEMI_SPACE_MB;
  const extra = process.env.BENCH_OURS_NODE_FLAGS?.split(' ').filter(Boolean) ?? [];
  return [
    ...(semiSpaceMb ? flags.map((flag) => (flag.startsWith('--max-semi-space-size=') ? `--max-semi-space-size=${Number(semiSpaceMb)}` : flag)) : flags),
    ...extra,
  ];
}

/**
 * CPU time (user + system) a process has used so far, in milliseconds, from /proc (Linux); 0 elsewhere.
 * Divided by the requests answered, it is a figure the machine's other load barely moves, unlike req/s.
 */
export async function cpuMs(pid: number): Promise<number> {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces): utime and stime are the 14th and 15th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}
/** USER_HZ: 100 on every Linux Node supports. */
const CLOCK_TICKS_PER_SECOND = 100;

/** Resident set size of a process, from /proc (Linux); 0 elsewhere. */
export async function rssMb(pid: number): Promise<number> {
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    return kb / 1024;
  } catch {
    return 0;
  }
}

// --- databases ---------------------------------------------------------------------------------

export interface StreetDatabases {
  urls: Record<SubgraphName, string>;
  drop(): Promise<void>;
}

export async function seededDatabases(serverUrl: string, streetScale: number): Promise<StreetDatabases> {
  const plan = planStreet(streetScale);
  const suffix = randomBytes(3).toString('hex');
  const names = {} as Record<SubgraphName, string>;
  const urls = {} as Record<SubgraphName, string>;
  for (const subgraph of SUBGRAPH_NAMES) {
    names[subgraph] = `bench_${subgraph.replace('-', '_')}_x${streetScale}_${suffix}`;
    await ensureDatabase(serverUrl, names[subgraph]);
    urls[subgraph] = withDatabaseName(serverUrl, names[subgraph]);
    await migrateSubgraph(urls[subgraph], subgraph);
    const db = new Database({ url: urls[subgraph], service: subgraph, registry: new Registry() });
    try {
      await db.transaction((tx) => SEEDERS[subgraph].insert(tx, plan));
    } finally {
      await db.close();
    }
  }
  return {
    urls,
    async drop() {
      const admin = new pg.Client({ connectionString: serverUrl });
      await admin.connect();
      for (const name of Object.values(names)) await admin.query(`DROP DATABASE IF EXISTS ${admin.escapeIdentifier(name)} WITH (FORCE)`);
      await admin.end();
    },
  };
}

export async function startSubgraphs(databases: StreetDatabases): Promise<Record<SubgraphName, Child>> {
  const started = await Promise.all(SUBGRAPH_NAMES.map((name) => spawnServer('subgraph', name, { BENCH_DATABASE_URL: databases.urls[name] })));
  return Object.fromEntries(SUBGRAPH_NAMES.map((name, i) => [name, started[i]])) as Record<SubgraphName, Child>;
}
