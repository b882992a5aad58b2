/**
 * npm run bench:gateway [-- --scale 1 --duration 10 --warmup 3 --connections 20 --first 3 --servers ours,apollo,hive,monolith
 *   --queries dashboard,unit-view,resource-search --workloads distinct,identical --sql-scales 1,10]   (each also as BENCH_* variables)
 *
 * Two workloads, each measured on every server:
 * - distinct (the headline): every request carries other variables, as real clients send them — a
 *   random page of the dashboard, a random unit of the street's 124 for the unit view, a random
 *   category and page size for the resource search — drawn from one seeded sequence, so every
 *   server gets the same requests in the same order. Deduplication of identical requests helps
 *   nowhere here.
 * - identical: every connection sends the same body. It measures how much identical requests in
 *   flight can share (our gateway's front-door and subgraph deduplication); a separate, labelled figure.
 * The last line sums up the distinct workload: `distinct: ours÷hive=R ours÷apollo=R ours÷monolith=R
 * rss=N MB` (geometric means of the per-query ratios; our gateway's peak RSS).
 * BENCH_HIVE_INBOUND_DEDUP=1: Hive with its front-door dedup too; BENCH_OURS_OPERATION_DEDUP=0: ours without;
 * BENCH_OURS_BATCH=0: ours sending every entity fetch on its own (no entity-batching.ts);
 * BENCH_CPU_PROF=ours: CPU profile of that server into $TMPDIR/hub-bench-profiles; BENCH_OURS_SEMI_SPACE_MB=16: ours with
 * another young-generation semi-space than the launcher's; BENCH_OURS_NODE_FLAGS='--single-threaded-gc': more
 * Node/V8 flags for ours. The server `ours-apollo-exec` (only when
 * named in --servers) is our server (plugins, fetcher, launcher's heap flags) around stock ApolloGateway
 * (`planExecutor: 'apollo'`: its loader, planner and executor) instead of plan-executor.ts: a before/after in one run.
 * npm run bench:gateway compiles the project first (npm run build) and runs every server as plain
 * JavaScript, as in production (`npm run start:built`); under tsx each process would carry about
 * 40 MB of loader on top. `tsx bench/gateway/run.ts` still works for a quick run without a build.
 *
 * One run, one machine, loopback only: seeds the reference street (×scale) into fresh databases on
 * an embedded PostgreSQL in a temp folder (or DATABASE_URL / TEST_DATABASE_URL), starts the four
 * subgraphs and four servers as child processes on port 0, checks that every server gives the same
 * data without errors for each query, then measures each with autocannon and prints req/s, p50/p99,
 * peak RSS and the ratios of our gateway to stock @apollo/gateway, Hive Gateway and the monolith.
 * Finally it counts the SQL statements of one dashboard query at scale 1 and scale 10.
 */
import { readFile, mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { EmbeddedPostgres } from '../../hub/embedded-postgres.js';
import { findFreePort } from '../../hub/free-port.js';
import { projectPath } from '../../lib/kernel/project-root.js';
import { SUBGRAPH_NAMES, type SubgraphName } from '../../lib/subgraph/names.js';
import { encodeCursor } from '../../lib/subgraph/pagination.js';
import { benchAuthorization } from './auth.js';
import {
  COMMUNITY_IDS,
  UNIT_IDS,
  cpuMs,
  pick,
  rssMb,
  seededDatabases,
  seededRandom,
  spawnServer,
  startSubgraphs,
  stopChildren,
  type Child,
} from './harness.js';
import { CATEGORIES } from '../matching/city.js';

const SERVER_KINDS = ['ours', 'ours-apollo-exec', 'apollo', 'hive', 'monolith'] as const;
type ServerKind = (typeof SERVER_KINDS)[number];
const LABELS: Record<ServerKind, string> = {
  ours: '(a) our gateway',
  'ours-apollo-exec': "(a') ours, Apollo's executor",
  apollo: '(b) stock @apollo/gateway',
  hive: '(c) Hive Gateway + router-runtime',
  monolith: '(d) monolith (ceiling)',
};

const { values: flags } = parseArgs({
  options: {
    scale: { type: 'string', default: process.env.BENCH_SCALE ?? '1' },
    duration: { type: 'string', default: process.env.BENCH_DURATION ?? '10' },
    warmup: { type: 'string', default: process.env.BENCH_WARMUP ?? '3' },
    connections: { type: 'string', default: process.env.BENCH_CONNECTIONS ?? '20' },
    first: { type: 'string', default: process.env.BENCH_DASHBOARD_FIRST ?? '3' },
    servers: { type: 'string', default: process.env.BENCH_SERVERS ?? SERVER_KINDS.filter((kind) => kind !== 'ours-apollo-exec').join(',') },
    queries: { type: 'string', default: process.env.BENCH_QUERIES ?? 'dashboard,unit-view,resource-search' },
    workloads: { type: 'string', default: process.env.BENCH_WORKLOADS ?? 'distinct,identical' },
    'sql-scales': { type: 'string', default: process.env.BENCH_SQL_SCALES ?? '1,10' },
  },
});
const scale = Number(flags.scale);
const duration = Number(flags.duration);
const warmup = Number(flags.warmup);
const connections = Number(flags.connections);
const dashboardFirst = Number(flags.first);
const servers = flags.servers.split(',').filter((kind): kind is ServerKind => (SERVER_KINDS as readonly string[]).includes(kind));
if (!servers.includes('ours')) servers.unshift('ours');

const WORKLOADS = ['distinct', 'identical'] as const;
type Workload = (typeof WORKLOADS)[number];
const workloads = flags.workloads.split(',').filter((name): name is Workload => (WORKLOADS as readonly string[]).includes(name));

interface Query {
  name: string;
  file: string;
  /** The variables of the identical workload. */
  variables: Record<string, unknown>;
  /** The variables of the distinct workload's next request. */
  distinct: (random: () => number) => Record<string, unknown>;
  document?: string;
}
const QUERIES: Query[] = (
  [
    {
      name: 'dashboard',
      file: '01-community-dashboard.graphql',
      variables: { first: dashboardFirst },
      // A page of `first` communities starting after a random one, with the API's own cursor encoding.
      distinct: (random) => ({ first: dashboardFirst, after: encodeCursor(pick(random, COMMUNITY_IDS)) }),
    },
    { name: 'unit-view', file: '02-unit-view.graphql', variables: {}, distinct: (random) => ({ unitId: pick(random, UNIT_IDS) }) },
    {
      name: 'resource-search',
      file: '03-resource-search.graphql',
      variables: {},
      distinct: (random) => ({ category: pick(random, CATEGORIES), first: 5 + Math.floor(random() * 16) }),
    },
  ] satisfies Query[]
).filter((query) => flags.queries.split(',').includes(query.name));

function bodyOf(query: Query, variables: Record<string, unknown>): string {
  return JSON.stringify({ query: query.document, variables });
}

/** Request bodies of one measurement: one body for the identical workload, a fresh seeded stream for the distinct one. */
function bodiesFor(query: Query, workload: Workload): () => string {
  if (workload === 'identical') {
    const body = bodyOf(query, query.variables);
    return () => body;
  }
  const random = seededRandom(20261202);
  return () => bodyOf(query, query.distinct(random));
}

// --- checks and measurements -------------------------------------------------------------------

async function post(url: string, body: string): Promise<{ status: number; text: string }> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: await benchAuthorization() }, body });
  return { status: response.status, text: await response.text() };
}

/** First difference between two JSON values, as a path, or undefined when equal. */
function firstDifference(a: unknown, b: unknown, path = '$'): string | undefined {
  if (typeof a !== typeof b || Array.isArray(a) !== Array.isArray(b) || (a === null) !== (b === null))
    return `${path}: ${JSON.stringify(a)?.slice(0, 80)} ≠ ${JSON.stringify(b)?.slice(0, 80)}`;
  if (typeof a !== 'object' || a === null) return a === b ? undefined : `${path}: ${JSON.stringify(a)} ≠ ${JSON.stringify(b)}`;
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(left), ...Object.keys(right)]);
  for (const key of keys) {
    const difference = firstDifference(left[key], right[key], `${path}.${key}`);
    if (difference) return difference;
  }
  return undefined;
}

/** Every server answers `body` alike, without errors; returns the size of our gateway's answer. */
async function verify(query: Query, body: string, urls: Record<ServerKind, string>): Promise<number> {
  let reference: unknown;
  let size = 0;
  for (const kind of servers) {
    const { status, text } = await post(urls[kind], body);
    const json = JSON.parse(text) as { data?: unknown; errors?: unknown[] };
    if (status !== 200 || json.errors || !json.data) {
      throw new Error(`${LABELS[kind]} answered ${query.name} with status ${status}: ${text.slice(0, 500)}`);
    }
    if (kind === 'ours') {
      reference = json.data;
      size = Buffer.byteLength(text);
    } else {
      const difference = firstDifference(reference, json.data);
      if (difference) throw new Error(`${LABELS[kind]} gives other data than our gateway for ${query.name} at ${difference}`);
    }
  }
  return size;
}

interface Measurement {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  rssMb: number;
  failures: number;
  /** CPU milliseconds per answered request: of the server's process, and of the subgraphs' processes behind it. */
  serverCpuMs: number;
  subgraphsCpuMs: number;
}

/** autocannon's options for a load of `connections` on `url`, every request with the next body of `nextBody`'s stream. */
async function loadOf(url: string, nextBody: () => string) {
  return {
    url,
    method: 'POST' as const,
    headers: { 'content-type': 'application/json', authorization: await benchAuthorization() },
    connections,
    timeout: 30,
    requests: [{ setupRequest: (raw: Record<string, unknown>) => ({ ...raw, body: nextBody() }) }],
  };
}

async function measure(url: string, pid: number, subgraphPids: readonly number[], nextBody: () => string): Promise<Measurement> {
  const request = await loadOf(url, nextBody);
  if (warmup > 0) await autocannon({ ...request, duration: warmup });
  let peak = 0;
  const sampler = setInterval(() => void rssMb(pid).then((mb) => (peak = Math.max(peak, mb))), 200);
  try {
    const cpuOf = async (pids: readonly number[]) => (await Promise.all(pids.map(cpuMs))).reduce((sum, ms) => sum + ms, 0);
    const [serverBefore, subgraphsBefore] = [await cpuMs(pid), await cpuOf(subgraphPids)];
    const result = await autocannon({ ...request, duration });
    const [serverAfter, subgraphsAfter] = [await cpuMs(pid), await cpuOf(subgraphPids)];
    peak = Math.max(peak, await rssMb(pid));
    const answered = Math.max(1, result.requests.total);
    return {
      serverCpuMs: (serverAfter - serverBefore) / answered,
      subgraphsCpuMs: (subgraphsAfter - subgraphsBefore) / answered,
      requestsPerSecond: result.requests.average,
      p50: result.latency.p50,
      p99: result.latency.p99,
      rssMb: peak,
      failures: result.errors + result.timeouts + result.non2xx,
    };
  } finally {
    clearInterval(sampler);
  }
}

/** The sum of one metric's series (lines starting with `prefix` and holding `part`) of one subgraph, from its GET /metrics. */
async function metricSum(subgraphUrl: string, prefix: string, part = ''): Promise<number> {
  const text = await (await fetch(new URL('/metrics', subgraphUrl))).text();
  return text
    .split('\n')
    .filter((line) => line.startsWith(prefix) && line.includes(part))
    .reduce((sum, line) => sum + Number(line.split(' ').at(-1)), 0);
}
const sqlStatements = (subgraphUrl: string) => metricSum(subgraphUrl, 'hub_sql_statements_total');
const graphqlRequests = (subgraphUrl: string) => metricSum(subgraphUrl, 'hub_http_request_duration_seconds_count{', 'route="/graphql"');

/**
 * Subgraph requests and SQL statements one operation costs through a gateway: a figure of the query
 * plan and its execution that the machine's load does not move (measured after the checks, plans warm).
 */
async function subgraphWorkPerOperation(
  gatewayUrl: string,
  subgraphs: Record<SubgraphName, Child>,
  body: string,
): Promise<{ requests: number; statements: number }> {
  const count = async () => {
    const [requests, statements] = await Promise.all([
      Promise.all(SUBGRAPH_NAMES.map((name) => graphqlRequests(subgraphs[name].url))),
      Promise.all(SUBGRAPH_NAMES.map((name) => sqlStatements(subgraphs[name].url))),
    ]);
    return { requests: requests.reduce((a, b) => a + b, 0), statements: statements.reduce((a, b) => a + b, 0) };
  };
  const before = await count();
  const { status } = await post(gatewayUrl, body);
  if (status !== 200) throw new Error(`a check request answered ${status}`);
  const after = await count();
  return { requests: after.requests - before.requests, statements: after.statements - before.statements };
}

async function statementsPerDashboard(gatewayUrl: string, subgraphs: Record<SubgraphName, Child>, body: string): Promise<Record<SubgraphName, number>> {
  await post(gatewayUrl, body); // plan cache and connections warm
  const before = await Promise.all(SUBGRAPH_NAMES.map((name) => sqlStatements(subgraphs[name].url)));
  const { status, text } = await post(gatewayUrl, body);
  if (status !== 200 || (JSON.parse(text) as { errors?: unknown }).errors) throw new Error(`dashboard failed while counting statements: ${text.slice(0, 300)}`);
  const after = await Promise.all(SUBGRAPH_NAMES.map((name) => sqlStatements(subgraphs[name].url)));
  return Object.fromEntries(SUBGRAPH_NAMES.map((name, i) => [name, (after[i] ?? 0) - (before[i] ?? 0)])) as Record<SubgraphName, number>;
}

const pad = (text: string | number, width: number) => String(text).padEnd(width);
const padLeft = (text: string | number, width: number) => String(text).padStart(width);

// --- the run -------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const started = Date.now();
  let embedded: EmbeddedPostgres | undefined;
  let embeddedDir: string | undefined;
  let serverUrl = process.env.DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  const cleanups: (() => Promise<void>)[] = [];
  try {
    if (!serverUrl) {
      embeddedDir = await mkdtemp(join(tmpdir(), 'hub-bench-pg-'));
      embedded = await EmbeddedPostgres.start({ rootDir: embeddedDir, port: await findFreePort(), ephemeral: true });
      serverUrl = embedded.url();
    }
    console.log(`gateway benchmark: scale ×${scale}, ${connections} connections, ${warmup} s warm-up + ${duration} s per measurement, Node ${process.version}`);
    const databases = await seededDatabases(serverUrl, scale);
    cleanups.push(() => databases.drop());
    const subgraphs = await startSubgraphs(databases);
    const subgraphUrls = Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, subgraphs[name].url]));
    const env = { BENCH_SUBGRAPH_URLS: JSON.stringify(subgraphUrls), BENCH_DATABASE_URLS: JSON.stringify(databases.urls) };
    const running = {} as Record<ServerKind, Child>;
    for (const kind of servers) running[kind] = await spawnServer(kind, undefined, env);
    const urls = Object.fromEntries(servers.map((kind) => [kind, running[kind].url])) as Record<ServerKind, string>;

    for (const query of QUERIES) query.document = await readFile(projectPath('gateway', 'examples', query.file), 'utf8');
    // The same data from every server: the identical body and the first few of the distinct stream.
    const sizes = new Map<string, number>();
    for (const query of QUERIES) {
      sizes.set(query.name, await verify(query, bodyOf(query, query.variables), urls));
      const next = bodiesFor(query, 'distinct');
      for (let i = 0; i < 5; i++) await verify(query, next(), urls);
    }
    const gateways = servers.filter((kind) => kind !== 'monolith');
    for (const query of QUERIES) {
      const body = bodiesFor(query, 'distinct')();
      const work: string[] = [];
      // One gateway at a time: the counts are the subgraphs' totals.
      for (const kind of gateways) {
        const { requests, statements } = await subgraphWorkPerOperation(urls[kind], subgraphs, body);
        work.push(`${kind} ${requests} (${statements})`);
      }
      console.log(`subgraph requests (SQL statements) per ${query.name}: ${work.join(', ')}`);
    }
    console.log(
      `responses checked: ${servers.length} servers give the same data, no errors, for ${QUERIES.map((q) => `${q.name} (${(sizes.get(q.name)! / 1024).toFixed(1)} kB${q.name === 'dashboard' ? `, first: ${dashboardFirst}` : ''})`).join(', ')}, each with its identical and 5 distinct variable sets`,
    );

    // The subgraphs start cold: V8 has not yet optimised their hot code. Measured on fresh subgraphs,
    // the first server paid for that warm-up in its subgraphs' CPU, whichever server it was: behind
    // ours, measured first, the dashboard cost 26.7 subgraph CPU ms/op against Hive's 19.8 in the
    // run of 17:19 UTC on 2 December 2026, and with the order swapped the gap changed sides
    // (bench/gateway/subgraph-cpu.ts, docs/performance.md). So before any measurement every server
    // gets every query for the warm-up's length once, and the measurements start on warm subgraphs.
    if (warmup > 0) {
      for (const query of QUERIES) {
        for (const kind of servers) await autocannon({ ...(await loadOf(urls[kind], bodiesFor(query, 'distinct'))), duration: warmup });
      }
      console.log(`warmed up: every query on every server for ${warmup} s`);
    }

    const results = new Map<string, Measurement>();
    const key = (workload: Workload, query: Query, kind: ServerKind) => `${workload}/${query.name}/${kind}`;
    for (const workload of workloads) {
      for (const query of QUERIES) {
        for (const kind of servers) {
          const behind = kind === 'monolith' ? [] : SUBGRAPH_NAMES.map((name) => subgraphs[name].pid);
          const measurement = await measure(urls[kind], running[kind].pid, behind, bodiesFor(query, workload));
          results.set(key(workload, query, kind), measurement);
          process.stdout.write(
            `  measured ${workload} ${query.name} on ${kind}: ${measurement.requestsPerSecond.toFixed(0)} req/s, ${measurement.serverCpuMs.toFixed(2)} CPU ms/req (+${measurement.subgraphsCpuMs.toFixed(2)} in subgraphs)\n`,
          );
        }
      }
    }

    const others = servers.filter((kind) => kind !== 'ours');
    const ratioOf = (workload: Workload, query: Query, kind: ServerKind) =>
      results.get(key(workload, query, 'ours'))!.requestsPerSecond / results.get(key(workload, query, kind))!.requestsPerSecond;
    for (const workload of workloads) {
      console.log('');
      console.log(
        workload === 'distinct'
          ? 'DISTINCT requests (each request with other variables; the headline figures)'
          : 'IDENTICAL requests (every connection sends the same body; what deduplication of identical requests in flight adds)',
      );
      console.log(
        `${pad('query', 17)}${pad('server', 36)}${padLeft('req/s', 8)}${padLeft('p50 ms', 8)}${padLeft('p99 ms', 8)}${padLeft('RSS MB', 8)}${padLeft('failed', 8)}${padLeft('CPU ms/req', 12)}${padLeft('+subgraphs', 12)}`,
      );
      for (const query of QUERIES) {
        for (const kind of servers) {
          const m = results.get(key(workload, query, kind))!;
          console.log(
            `${pad(query.name, 17)}${pad(LABELS[kind], 36)}${padLeft(m.requestsPerSecond.toFixed(0), 8)}${padLeft(m.p50, 8)}${padLeft(m.p99, 8)}${padLeft(m.rssMb.toFixed(0), 8)}${padLeft(m.failures, 8)}${padLeft(m.serverCpuMs.toFixed(2), 12)}${padLeft(kind === 'monolith' ? '' : m.subgraphsCpuMs.toFixed(2), 12)}`,
          );
        }
      }
      console.log(`ratios of (a) our gateway to ${others.map((k) => LABELS[k]).join(', ')} (${workload})`);
      for (const query of QUERIES) {
        console.log(`  ${pad(query.name, 17)}${others.map((kind) => `÷${kind} ${ratioOf(workload, query, kind).toFixed(2)}×`).join('   ')}`);
      }
    }

    // SQL statements of one dashboard query per scale (the same `first`, and the full page of 100).
    const sqlScales = flags['sql-scales']
      .split(',')
      .map(Number)
      .filter((n) => n > 0);
    if (sqlScales.length && QUERIES.some((q) => q.name === 'dashboard')) {
      const document = await readFile(projectPath('gateway', 'examples', '01-community-dashboard.graphql'), 'utf8');
      const bodies = {
        [`first: ${dashboardFirst}`]: JSON.stringify({ query: document, variables: { first: dashboardFirst } }),
        'first: 100': JSON.stringify({ query: document, variables: { first: 100 } }),
      };
      console.log('');
      console.log(`SQL statements per dashboard query (hub_sql_statements_total, per subgraph: ${SUBGRAPH_NAMES.join(' / ')})`);
      const totals = new Map<string, number[]>();
      for (const sqlScale of sqlScales) {
        let set = { subgraphs, gatewayUrl: urls.ours, stop: async () => undefined as void };
        if (sqlScale !== scale) {
          const scaled = await seededDatabases(serverUrl, sqlScale);
          cleanups.push(() => scaled.drop());
          const scaledSubgraphs = await startSubgraphs(scaled);
          const gateway = await spawnServer('ours', undefined, {
            BENCH_SUBGRAPH_URLS: JSON.stringify(Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, scaledSubgraphs[name].url]))),
          });
          set = {
            subgraphs: scaledSubgraphs,
            gatewayUrl: gateway.url,
            stop: async () => void (await Promise.all([gateway, ...Object.values(scaledSubgraphs)].map((child) => child.stop()))),
          };
        }
        for (const [label, body] of Object.entries(bodies)) {
          const counts = await statementsPerDashboard(set.gatewayUrl, set.subgraphs, body);
          const total = SUBGRAPH_NAMES.reduce((sum, name) => sum + counts[name], 0);
          totals.set(label, [...(totals.get(label) ?? []), total]);
          console.log(
            `  scale ×${pad(sqlScale, 4)} ${pad(label, 11)} ${padLeft(total, 3)} statements (${SUBGRAPH_NAMES.map((name) => counts[name]).join(' / ')})`,
          );
        }
        await set.stop();
      }
      for (const [label, counts] of totals)
        console.log(`  ${label}: ${new Set(counts).size === 1 ? 'constant' : 'NOT constant'} across scales ${sqlScales.join(', ')}`);
    }
    console.log(
      `\ndone in ${((Date.now() - started) / 1000).toFixed(0)} s; load average at the end ${loadavg()
        .map((n) => n.toFixed(2))
        .join(' ')} on ${cpus().length} CPUs`,
    );
    if (workloads.includes('distinct')) {
      // Geometric mean over the queries, so no single query dominates the summary.
      const geometricMean = (values: number[]) => Math.exp(values.reduce((sum, value) => sum + Math.log(value), 0) / values.length);
      const summary = others.map((kind) => `ours÷${kind}=${geometricMean(QUERIES.map((query) => ratioOf('distinct', query, kind))).toFixed(2)}`);
      const rss = Math.max(...QUERIES.map((query) => results.get(key('distinct', query, 'ours'))!.rssMb));
      console.log(`distinct: ${summary.join(' ')} rss=${rss.toFixed(0)} MB`);
    }
  } finally {
    await stopChildren();
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
    await embedded?.stop();
    if (embeddedDir) await rm(embeddedDir, { recursive: true, force: true }).catch(() => undefined);
  }
}

main().then(
  () => process.exit(0),
  (error: Error) => {
    console.error(`gateway benchmark failed: ${error.stack ?? error.message}`);
    process.exitCode = 1;
  },
);
