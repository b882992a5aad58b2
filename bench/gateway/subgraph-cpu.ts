/**
 * tsx bench/gateway/subgraph-cpu.ts [--gateways ours,hive --requests 200 --concurrency 4 --rounds 3 --warm 300 --idle 5
 *   --query dashboard|unit-view|resource-search --capture]
 *
 * The subgraphs' CPU per operation behind each gateway, without the rest of bench:gateway: one
 * seeded street, the four subgraphs and the gateways (serve.ts), then in each round every gateway
 * in turn gets the same `--requests` distinct operations (`--concurrency` at a time) while the
 * subgraph processes' CPU time is read from /proc before and after. Rounds alternate the gateways,
 * so the machine's other load falls on each alike; the figures are per subgraph and in total.
 * `--capture` first sends one operation through each gateway via a recording proxy in front of
 * every subgraph and prints the HTTP requests each gateway sends (method, headers, body).
 * BENCH_CPU_PROF=subgraph writes the subgraphs' CPU profiles (see harness.ts).
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { EmbeddedPostgres } from '../../hub/embedded-postgres.js';
import { findFreePort } from '../../hub/free-port.js';
import { projectPath } from '../../lib/kernel/project-root.js';
import { encodeCursor } from '../../lib/subgraph/pagination.js';
import { SUBGRAPH_NAMES, type SubgraphName } from '../../lib/subgraph/names.js';
import { CATEGORIES } from '../matching/city.js';
import { benchAuthorization } from './auth.js';
import { COMMUNITY_IDS, UNIT_IDS, cpuMs, pick, seededDatabases, seededRandom, spawnServer, startSubgraphs, stopChildren } from './harness.js';

const { values: flags } = parseArgs({
  options: {
    gateways: { type: 'string', default: 'ours,hive' },
    requests: { type: 'string', default: '200' },
    concurrency: { type: 'string', default: '4' },
    rounds: { type: 'string', default: '3' },
    query: { type: 'string', default: 'dashboard' },
    capture: { type: 'boolean', default: false },
    idle: { type: 'string', default: '5' },
    warm: { type: 'string', default: '300' },
  },
});
const gateways = flags.gateways.split(',');

const QUERY_FILES: Record<string, [string, (random: () => number) => Record<string, unknown>]> = {
  dashboard: ['01-community-dashboard.graphql', (random) => ({ first: 3, after: encodeCursor(pick(random, COMMUNITY_IDS)) })],
  'unit-view': ['02-unit-view.graphql', (random) => ({ unitId: pick(random, UNIT_IDS) })],
  'resource-search': ['03-resource-search.graphql', (random) => ({ category: pick(random, CATEGORIES), first: 5 + Math.floor(random() * 16) })],
};

async function post(url: string, body: string, authorization: string): Promise<void> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization }, body });
  const json = (await response.json()) as { errors?: unknown };
  if (response.status !== 200 || json.errors) throw new Error(`${url} answered ${response.status}: ${JSON.stringify(json).slice(0, 300)}`);
}

/** A proxy in front of one subgraph that prints every request it passes on. */
async function recordingProxy(name: string, target: string, seen: string[]): Promise<{ url: string; close(): void }> {
  const read = async (req: IncomingMessage) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  };
  const server = createServer((req, res) => {
    void read(req).then(async (body) => {
      seen.push(
        `--> ${name} ${req.method} ${req.url} HTTP/${req.httpVersion}\n${JSON.stringify(req.headers, null, 1)}\nbody (${body.length} bytes): ${body.toString('utf8')}`,
      );
      const headers = Object.fromEntries(
        Object.entries(req.headers).filter(([key]) => !['host', 'connection', 'content-length', 'transfer-encoding'].includes(key)),
      ) as Record<string, string>;
      const answer = await fetch(target, { method: req.method, headers, body });
      const text = await answer.text();
      seen.push(`<-- ${name} ${answer.status} ${text.length} bytes`);
      res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' });
      res.end(text);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`, close: () => server.close() };
}

async function main(): Promise<void> {
  const rootDir = await mkdtemp(join(tmpdir(), 'hub-subgraph-cpu-'));
  const embedded = await EmbeddedPostgres.start({ rootDir, port: await findFreePort(), ephemeral: true });
  try {
    const databases = await seededDatabases(embedded.url(), 1);
    const subgraphs = await startSubgraphs(databases);
    const subgraphUrls = Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, subgraphs[name].url]));
    const [file, variables] = QUERY_FILES[flags.query]!;
    const document = await readFile(projectPath('gateway', 'examples', file), 'utf8');
    const authorization = await benchAuthorization();
    const running = Object.fromEntries(
      await Promise.all(
        gateways.map(async (kind) => [kind, await spawnServer(kind, undefined, { BENCH_SUBGRAPH_URLS: JSON.stringify(subgraphUrls) })] as const),
      ),
    );

    if (flags.capture) {
      for (const kind of gateways) {
        const seen: string[] = [];
        const proxies = await Promise.all(SUBGRAPH_NAMES.map((name) => recordingProxy(name, subgraphUrls[name]!, seen)));
        const proxied = await spawnServer(kind, undefined, {
          BENCH_SUBGRAPH_URLS: JSON.stringify(Object.fromEntries(SUBGRAPH_NAMES.map((name, i) => [name, proxies[i]!.url]))),
        });
        const body = JSON.stringify({ query: document, variables: variables(seededRandom(1)) });
        await post(proxied.url, body, authorization);
        seen.length = 0;
        await post(proxied.url, JSON.stringify({ query: document, variables: variables(seededRandom(2)) }), authorization);
        console.log(`===== ${kind}: ${seen.length / 2} subgraph requests for one ${flags.query}\n${seen.join('\n')}\n`);
        await proxied.stop();
        proxies.forEach((proxy) => proxy.close());
      }
    }

    const requests = Number(flags.requests);
    const concurrency = Number(flags.concurrency);
    const load = async (url: string, count: number, next: () => string) => {
      let sent = 0;
      await Promise.all(
        Array.from({ length: concurrency }, async () => {
          while (sent < count) {
            sent++;
            await post(url, next(), authorization);
          }
        }),
      );
    };
    // Fresh subgraphs are cold (V8 has not optimised their hot code yet): whichever gateway came
    // first paid for it. --warm operations through each gateway before the rounds.
    for (const kind of gateways) {
      const random = seededRandom(1);
      await load(running[kind]!.url, Number(flags.warm), () => JSON.stringify({ query: document, variables: variables(random) }));
    }
    const totals: Record<string, number[][]> = Object.fromEntries(gateways.map((kind) => [kind, []]));
    for (let round = 0; round < Number(flags.rounds); round++) {
      for (const kind of gateways) {
        const url = running[kind]!.url;
        const random = seededRandom(20261202 + round);
        const next = () => JSON.stringify({ query: document, variables: variables(random) });
        for (let i = 0; i < 20; i++) await post(url, next(), authorization); // warm
        const before = await Promise.all(SUBGRAPH_NAMES.map((name) => cpuMs(subgraphs[name].pid)));
        await load(url, requests, next);
        const after = await Promise.all(SUBGRAPH_NAMES.map((name) => cpuMs(subgraphs[name].pid)));
        const perOperation = SUBGRAPH_NAMES.map((_, i) => (after[i]! - before[i]!) / requests);
        totals[kind]!.push(perOperation);
        console.log(
          `round ${round + 1} ${kind.padEnd(6)} subgraphs' CPU ms/op ${perOperation.reduce((a, b) => a + b, 0).toFixed(2)} (${SUBGRAPH_NAMES.map((name, i) => `${name} ${perOperation[i]!.toFixed(2)}`).join(', ')}) load ${loadavg()[0]!.toFixed(2)}`,
        );
      }
    }
    // After the rounds (start-up work done): what the subgraphs spend with no request at all (timers, background jobs), per second.
    const idleSeconds = Number(flags.idle);
    if (idleSeconds > 0) {
      const before = await Promise.all(SUBGRAPH_NAMES.map((name) => cpuMs(subgraphs[name].pid)));
      await new Promise((resolve) => setTimeout(resolve, idleSeconds * 1000));
      const after = await Promise.all(SUBGRAPH_NAMES.map((name) => cpuMs(subgraphs[name].pid)));
      console.log(`idle: ${SUBGRAPH_NAMES.map((name, i) => `${name} ${((after[i]! - before[i]!) / idleSeconds).toFixed(1)}`).join(', ')} CPU ms/s`);
    }

    for (const kind of gateways) {
      const rows = totals[kind]!;
      const mean = (i: number) => rows.reduce((sum, row) => sum + row[i]!, 0) / rows.length;
      const sum = SUBGRAPH_NAMES.reduce((total, _, i) => total + mean(i), 0);
      console.log(
        `mean ${kind.padEnd(6)} ${sum.toFixed(2)} ms/op (${SUBGRAPH_NAMES.map((name: SubgraphName, i) => `${name} ${mean(i).toFixed(2)}`).join(', ')})`,
      );
    }
  } finally {
    await stopChildren();
    await embedded.stop();
    await rm(rootDir, { recursive: true, force: true }).catch(() => undefined);
  }
}

main().then(
  () => process.exit(0),
  (error: Error) => {
    console.error(`subgraph-cpu failed: ${error.stack ?? error.message}`);
    process.exit(1);
  },
);
