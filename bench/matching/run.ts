/**
 * Matching benchmark: npm run bench:matching [-- --scale 1 --samples 400 --memory 1]
 *
 * Through the API, as clients use it: loads a city (6,000 communities, 20,000 units, 200,000
 * resources, 100,000 open demands; × --scale) into PostgreSQL with bulk SQL (city-db.ts; embedded
 * PostgreSQL in a temp folder unless DATABASE_URL or TEST_DATABASE_URL), starts the four subgraphs
 * and the gateway in this process on port 0 (resource-pools wired to co-building for pairings and
 * credit, as the launcher wires it), and measures through the gateway over HTTP:
 *   1. matchCandidates for --samples open demands, one at a time: p50/p99 and answer size, with a
 *      trivial query alongside for the gateway's own cost; target p99 ≤ 50 ms, answers bounded;
 *   2. proposeAllocations (dry run) for 1,000 communities (ten offices): target ≤ 10 s end to end;
 *   3. proposeAllocations (dry run) for the whole city: target ≤ 60 s;
 *   4. proposeAllocations dispatching (dryRun: false) for another 1,000 communities;
 * each plan with its objective, minimum share and Gini against the greedy baseline.
 * Before them (--statements 1, the default) PostgreSQL's CPU per ranking statement by statement
 * (statements.ts), which does not move with the machine's load.
 * Then (--memory 1, the default) the in-memory figures of the pure functions on the synthetic city
 * (city.ts), as a second table. Every target line says MET or MISSED.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { randomBytes } from 'node:crypto';
import { execSync } from 'node:child_process';
import pg from 'pg';
import { Registry } from 'prom-client';
import { startGatewayHttp } from '../../gateway/src/http.js';
import { DEFAULT_GATEWAY_LIMITS } from '../../gateway/src/security.js';
import { startSubgraphByName } from '../../hub/subgraph-modules.js';
import { createTokenVerifier, mintToken } from '../../lib/auth/jwt.js';
import { BENCH_JWT_SECRET, BENCH_ROUTER_SECRETS, benchPeers, benchSubgraphTrust } from '../gateway/auth.js';
import { ensureDatabase, withDatabaseName } from '../../lib/kernel/database.js';
import { EmbeddedPostgres } from '../../hub/embedded-postgres.js';
import { findFreePort } from '../../hub/free-port.js';
import { createLogger } from '../../lib/kernel/log.js';
import { projectPath } from '../../lib/kernel/project-root.js';
import { migrateSubgraph, type StartedSubgraph } from '../../lib/subgraph/runtime.js';
import { SUBGRAPH_NAMES, type SubgraphName } from '../../lib/subgraph/names.js';
import { Random } from '../../seed/random.js';
import { solveAllocation, solveGreedy, type AllocationProblem } from '../../subgraphs/resource-pools/domain/allocation.js';
import { DEFAULT_MATCH_CONFIG, rank, topScores, type ResourceForMatching } from '../../subgraphs/resource-pools/domain/matching.js';
import type { ResourceCategory } from '../../subgraphs/resource-pools/store.js';
import { CITY_FITS, CITY_SCALE, generateCity, type BenchDemand, type CitySize } from './city.js';
import { cityStreetOf, loadCity } from './city-db.js';
import { rankingStatementCpu } from './statements.js';

const { values: flags } = parseArgs({
  options: {
    scale: { type: 'string', default: process.env.BENCH_SCALE ?? '1' },
    samples: { type: 'string', default: process.env.BENCH_SAMPLES ?? '400' },
    memory: { type: 'string', default: process.env.BENCH_MEMORY ?? '1' },
    statements: { type: 'string', default: process.env.BENCH_STATEMENTS ?? '1' },
    k: { type: 'string', default: '10' },
  },
});
const scale = Number(flags.scale);
const samples = Number(flags.samples);
const k = Number(flags.k);
if (!(scale > 0) || !(samples > 0) || !(k > 0)) throw new Error('--scale, --samples and --k must be positive numbers');
const size: CitySize = {
  communities: Math.round(CITY_SCALE.communities * scale),
  units: Math.round(CITY_SCALE.units * scale),
  resources: Math.round(CITY_SCALE.resources * scale),
  demands: Math.round(CITY_SCALE.demands * scale),
};
const TARGETS = { rankingP99Ms: 50, batch1000Ms: 10_000, cityMs: 60_000 };

const quantile = (sorted: readonly number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
const ms = (value: number) => `${value.toFixed(value < 10 ? 2 : 0)} ms`;
const verdict = (ok: boolean) => (ok ? 'MET' : 'MISSED');
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

const MATCH = `query Match($id: ID!) { matchCandidates(demandId: $id, first: 10) {
  degraded noCandidateReason
  candidates { score standIn resource { id name capacity { amount unit period } } explanation { terms { name value contribution note } } }
  exclusions(first: 5) { totalCount byReason { reason count } nodes { reason detail resource { id name } } }
} }`;
const TRIVIAL = `query Trivial($id: ID!) { demand(id: $id) { id status } }`;
const PLAN = `mutation Plan($ids: [ID!], $dryRun: Boolean) { proposeAllocations(scope: { communityIds: $ids }, dryRun: $dryRun) {
  dryRun degraded degradedReasons exact objective greedyObjective objectiveBound
  fairness { communitiesWithOpenDemands communitiesReached quotaUnitsServed quotaUnitsTotal minShare reachableMinShare gini served }
  greedyFairness { communitiesReached quotaUnitsServed minShare reachableMinShare gini served }
  allocations { score demand { id } resource { id } }
} }`;

interface Posted {
  ms: number;
  bytes: number;
  body: { data?: Record<string, any> | null; errors?: { message: string; extensions?: Record<string, unknown> }[] };
}

async function post(url: string, token: string, query: string, variables: Record<string, unknown>): Promise<Posted> {
  const started = performance.now();
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  const elapsed = performance.now() - started;
  return { ms: elapsed, bytes: Buffer.byteLength(text), body: JSON.parse(text) as Posted['body'] };
}

/**
 * A district's plan as its street admins run it: a STREET_ADMIN token names one street and plans only
 * there, so `communityIds` go out as one proposeAllocations per street (each with its street's
 * admin), at most `parallel` at a time; the time is the whole, first request to last answer.
 */
async function planPerStreet(url: string, communityIds: readonly string[], streetOf: (id: string) => string, dryRun: boolean, parallel = 4) {
  const byStreet = new Map<string, string[]>();
  for (const id of communityIds) byStreet.set(streetOf(id), [...(byStreet.get(streetOf(id)) ?? []), id]);
  const queue = [...byStreet.entries()];
  const results: Posted[] = [];
  const started = performance.now();
  const worker = async () => {
    for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
      const [streetId, ids] = next;
      const token = await mintToken(BENCH_JWT_SECRET, { sub: `bench-${streetId}`, role: 'STREET_ADMIN', street_id: streetId }, { expiresIn: '1h' });
      results.push(await post(url, token, PLAN, { ids, dryRun }));
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
  return { ms: performance.now() - started, streets: byStreet.size, parallel, results };
}

/** What a street's plan answers, as far as the summary line reads it. */
interface StreetPlan {
  degraded: boolean;
  objective: number;
  greedyObjective: number;
  fairness: { served: number; communitiesWithOpenDemands: number };
}

function planPerStreetLine(name: string, run: Awaited<ReturnType<typeof planPerStreet>>): string {
  const failed = run.results.find((result) => !result.body.data?.proposeAllocations);
  if (failed) return `  ${name}: ERROR ${JSON.stringify(failed.body.errors?.[0] ?? failed.body).slice(0, 300)}`;
  const plans = run.results.map((result) => result.body.data!.proposeAllocations as StreetPlan);
  const sum = (pick: (plan: StreetPlan) => number) => plans.reduce((total, plan) => total + pick(plan), 0);
  const degraded = plans.filter((plan) => plan.degraded).length;
  return (
    `  ${name}: ${ms(run.ms)} for ${run.streets} street batches (${run.parallel} at a time), ${kb(run.results.reduce((total, result) => total + result.bytes, 0))}; ` +
    `${sum((plan) => plan.fairness.served)} of the open demands of ${sum((plan) => plan.fairness.communitiesWithOpenDemands)} communities served` +
    `${degraded > 0 ? ` (${degraded} DEGRADED)` : ''}\n` +
    `    objective ${sum((plan) => plan.objective).toFixed(4)} vs greedy ${sum((plan) => plan.greedyObjective).toFixed(4)} (${(sum((plan) => plan.objective) / sum((plan) => plan.greedyObjective)).toFixed(4)}×); ` +
    `slowest street ${ms(Math.max(...run.results.map((result) => result.ms)))}`
  );
}

async function throughTheApi(serverUrl: string): Promise<void> {
  const suffix = randomBytes(3).toString('hex');
  const names = Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, `bench_match_${name.replace('-', '_')}_${suffix}`])) as Record<SubgraphName, string>;
  const urls = {} as Record<SubgraphName, string>;
  const started: StartedSubgraph[] = [];
  let gateway: Awaited<ReturnType<typeof startGatewayHttp>> | undefined;
  try {
    for (const name of SUBGRAPH_NAMES) {
      await ensureDatabase(serverUrl, names[name]);
      urls[name] = withDatabaseName(serverUrl, names[name]);
      await migrateSubgraph(urls[name], name);
    }
    const now = new Date();
    let t = performance.now();
    console.log(
      `loading the city into PostgreSQL: ${size.communities} communities, ${size.units} units, ${size.resources} resources, ${size.demands} open demands`,
    );
    const city = await loadCity({ resourcePools: urls['resource-pools'], coBuilding: urls['co-building'] }, size, now, (line) => console.log(line));
    console.log(
      `  loaded in ${((performance.now() - t) / 1000).toFixed(1)} s: ${Object.entries(city.counts)
        .map(([table, count]) => `${table} ${count}`)
        .join(', ')}`,
    );

    if (flags.statements !== '0') {
      const picked = new Random(7);
      const lines = await rankingStatementCpu(
        urls['resource-pools'],
        Array.from({ length: Math.min(samples, 200) + 20 }, () => picked.pick(city.openDemandIds)),
      );
      console.log(`\n${(lines ?? ['  PostgreSQL CPU per ranking: not measured (the server is not on this machine)']).join('\n')}`);
    }

    const quiet = createLogger('bench', 'error');
    const subgraphs = {} as Record<SubgraphName, StartedSubgraph>;
    // Filled in as the subgraphs start; each one's peer client reads it when it calls (as the launcher wires them).
    const peerUrls: Partial<Record<SubgraphName, string>> = {};
    for (const name of ['organisations', 'grids', 'co-building', 'resource-pools'] as const) {
      subgraphs[name] = await startSubgraphByName(name, {
        databaseUrl: urls[name],
        log: quiet,
        trust: await benchSubgraphTrust(name),
        peers: benchPeers(name, peerUrls),
      });
      peerUrls[name] = subgraphs[name].url;
      started.push(subgraphs[name]);
    }
    gateway = await startGatewayHttp(
      {
        supergraphSdl: await readFile(projectPath('schema', 'supergraph.graphql'), 'utf8'),
        subgraphUrls: Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, subgraphs[name].url])),
        log: quiet,
        registry: new Registry(),
        security: {
          verifyToken: await createTokenVerifier({ keys: { kind: 'secret', secret: BENCH_JWT_SECRET } }),
          routerSecrets: BENCH_ROUTER_SECRETS,
          limits: { ...DEFAULT_GATEWAY_LIMITS, ratePerMinute: 0 },
        },
        // A city-wide plan takes longer than the default 15 s: production sets SUBGRAPH_RESOURCE_POOLS_TIMEOUT_MS.
        fetcher: { timeoutsMs: { 'resource-pools': 120_000 } },
      },
      { host: '127.0.0.1', port: 0 },
    );
    const url = gateway.url;
    // The district platform ranks demands of every street: a street admin sees only its own street's
    // demands (read scope in SQL), and the sampled demands are all over the city.
    const token = await mintToken(BENCH_JWT_SECRET, { sub: 'bench', role: 'DISTRICT_PLATFORM' }, { expiresIn: '12h' });

    // 1. Ranking one demand through the gateway.
    const random = new Random(42);
    const ids = Array.from({ length: samples + 20 }, () => random.pick(city.openDemandIds));
    for (const id of ids.slice(0, 20)) await post(url, token, MATCH, { id }); // warm-up
    const rankings: number[] = [];
    const trivial: number[] = [];
    const sizes: number[] = [];
    let degraded = 0;
    let errors = 0;
    let noCandidate = 0;
    let exclusions = 0;
    for (const id of ids.slice(20)) {
      const result = await post(url, token, MATCH, { id });
      rankings.push(result.ms);
      sizes.push(result.bytes);
      const match = result.body.data?.matchCandidates;
      if (!match || result.body.errors) errors += 1;
      else {
        if (match.degraded) degraded += 1;
        if (match.candidates.length === 0) noCandidate += 1;
        exclusions += match.exclusions.totalCount;
      }
      trivial.push((await post(url, token, TRIVIAL, { id })).ms);
    }
    rankings.sort((a, b) => a - b);
    trivial.sort((a, b) => a - b);
    sizes.sort((a, b) => a - b);
    const p99 = quantile(rankings, 0.99);
    console.log(`\nmatchCandidates through the gateway (${samples} open demands, first: 10, exclusions first: 5):`);
    console.log(
      `  p50 ${ms(quantile(rankings, 0.5))}  p99 ${ms(p99)}  max ${ms(rankings.at(-1)!)}   target p99 ≤ ${TARGETS.rankingP99Ms} ms: ${verdict(p99 <= TARGETS.rankingP99Ms)}`,
    );
    console.log(`  a trivial query alongside (demand by id): p50 ${ms(quantile(trivial, 0.5))}  p99 ${ms(quantile(trivial, 0.99))}`);
    console.log(
      `  answer size: p50 ${kb(quantile(sizes, 0.5))}  max ${kb(sizes.at(-1)!)} (bounded: ${verdict(sizes.at(-1)! <= 64 * 1024)} ≤ 64 kB); on average ${(exclusions / samples).toFixed(0)} exclusions counted, 5 listed`,
    );
    console.log(`  errors ${errors}, degraded ${degraded}, without any candidate ${noCandidate}`);

    // 2–4. Batch plans.
    const offices = [...new Set(city.communityIds.map((_, i) => Math.floor(i / 100)))];
    const ofOffices = (from: number, count: number) => city.communityIds.filter((_, i) => Math.floor(i / 100) >= from && Math.floor(i / 100) < from + count);
    const thousand = ofOffices(0, 10);
    const streetIndex = new Map(city.communityIds.map((id, idx) => [id, cityStreetOf(idx)]));
    const streetOf = (id: string) => streetIndex.get(id)!;
    const ok = (run: Awaited<ReturnType<typeof planPerStreet>>) => run.results.every((result) => !result.body.errors);
    t = performance.now();
    console.log(`\nproposeAllocations through the gateway (top ${15} candidates per demand), one batch per street by its street admin:`);
    const batch = await planPerStreet(url, thousand, streetOf, true);
    console.log(planPerStreetLine(`${thousand.length} communities, dry run`, batch));
    console.log(`    target ≤ ${TARGETS.batch1000Ms / 1000} s: ${verdict(batch.ms <= TARGETS.batch1000Ms && ok(batch))}`);
    const whole = await planPerStreet(url, city.communityIds, streetOf, true);
    console.log(planPerStreetLine(`the whole city (${city.communityIds.length} communities), dry run`, whole));
    console.log(`    target ≤ ${TARGETS.cityMs / 1000} s: ${verdict(whole.ms <= TARGETS.cityMs && ok(whole))}`);
    if (offices.length >= 20) {
      const other = ofOffices(10, 10);
      // One street after another: street plans dispatched at the same moment compete for the resources
      // serving both streets, and the later one is refused whole (CAPACITY_EXHAUSTED) — see docs/performance.md.
      const dispatch = await planPerStreet(url, other, streetOf, false, 1);
      console.log(planPerStreetLine(`${other.length} other communities, dispatched (dryRun: false)`, dispatch));
      console.log(`    target ≤ ${TARGETS.batch1000Ms / 1000} s: ${verdict(dispatch.ms <= TARGETS.batch1000Ms && ok(dispatch))}`);
    }
  } finally {
    await gateway?.close();
    await Promise.all(started.map((subgraph) => subgraph.close()));
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    for (const name of Object.values(names)) await admin.query(`DROP DATABASE IF EXISTS ${admin.escapeIdentifier(name)} WITH (FORCE)`);
    await admin.end();
  }
}

/** The pure functions on the synthetic in-memory city (city.ts), without database or HTTP. */
function inMemory(): void {
  let started = performance.now();
  const city = generateCity(size);
  console.log(`\nin memory (pure functions, no database, no HTTP): the synthetic city of city.ts, generated in ${ms(performance.now() - started)}`);
  // community → category → resources serving it: every candidate without scanning the pool.
  const index = new Map<string, Map<ResourceCategory, ResourceForMatching[]>>();
  for (const resource of city.resources) {
    for (const communityId of resource.servedCommunityIds) {
      let byCategory = index.get(communityId);
      if (!byCategory) index.set(communityId, (byCategory = new Map()));
      const list = byCategory.get(resource.category) ?? [];
      list.push(resource);
      byCategory.set(resource.category, list);
    }
  }
  const candidatesOf = (demand: BenchDemand): ResourceForMatching[] => {
    const byCategory = index.get(demand.communityId);
    return byCategory ? CITY_FITS.categoriesFor(demand.category).flatMap((category) => byCategory.get(category) ?? []) : [];
  };
  const config = DEFAULT_MATCH_CONFIG;
  const sample = city.demands.slice(0, Math.min(10_000, city.demands.length));
  const times: number[] = [];
  for (const demand of sample) {
    const t = performance.now();
    rank(demand, candidatesOf(demand), city.signals, config, 10);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  console.log(`  rank() one demand: p50 ${ms(quantile(times, 0.5))}  p99 ${ms(quantile(times, 0.99))}  (${sample.length} demands)`);
  started = performance.now();
  const resourceIndex = new Map(city.resources.map((resource, i) => [resource.id, i]));
  const edges: AllocationProblem['edges'][number][] = [];
  city.demands.forEach((demand, d) => {
    for (const candidate of topScores(demand, candidatesOf(demand), city.signals, config, k)) {
      edges.push({ demand: d, resource: resourceIndex.get(candidate.resource.id)!, score: candidate.score });
    }
  });
  const edgesDone = performance.now();
  const problem: AllocationProblem = {
    demands: city.demands.map((demand) => ({ id: demand.id, communityId: demand.communityId, amount: demand.amount })),
    resources: city.resources.map((resource) => ({ id: resource.id, capacity: Math.max(0, resource.remaining) })),
    edges,
    minShare: 0.2,
  };
  const optimum = solveAllocation(problem);
  const solved = performance.now();
  const greedy = solveGreedy(problem);
  console.log(
    `  batch of ${city.demands.length} demands (top ${k}, ${edges.length} edges): edges ${ms(edgesDone - started)}, min-cost flow ${ms(solved - edgesDone)}, greedy ${ms(performance.now() - solved)}`,
  );
  console.log(
    `  objective ${optimum.objective.totalScore.toFixed(4)} vs greedy ${greedy.objective.totalScore.toFixed(4)} (${(optimum.objective.totalScore / greedy.objective.totalScore).toFixed(4)}×); ` +
      `min share ${optimum.fairness.minShare.toFixed(3)} vs ${greedy.fairness.minShare.toFixed(3)} (reachable ${optimum.fairness.reachableMinShare.toFixed(3)} vs ${greedy.fairness.reachableMinShare.toFixed(3)}); ` +
      `Gini ${optimum.fairness.gini.toFixed(3)} vs ${greedy.fairness.gini.toFixed(3)}`,
  );
}

async function main(): Promise<void> {
  console.log(`matching benchmark, scale ×${scale}, Node ${process.version}, load: ${execSync('uptime').toString().trim()}`);
  let embedded: EmbeddedPostgres | undefined;
  let embeddedDir: string | undefined;
  let serverUrl = process.env.DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  try {
    if (!serverUrl) {
      embeddedDir = await mkdtemp(join(tmpdir(), 'hub-bench-matching-pg-'));
      embedded = await EmbeddedPostgres.start({
        rootDir: embeddedDir,
        port: await findFreePort(),
        ephemeral: true,
      });
      serverUrl = embedded.url();
    }
    await throughTheApi(serverUrl);
    if (flags.memory !== '0') inMemory();
    console.log(`\nload at the end: ${execSync('uptime').toString().trim()}`);
  } finally {
    await embedded?.stop();
    // The loaded city is about 800 MB on disk; every run used to leave its copy in the temp folder.
    if (embeddedDir) await rm(embeddedDir, { recursive: true, force: true }).catch(() => undefined);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
