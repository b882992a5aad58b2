import { spawn, type ChildProcess } from 'node:child_process';
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { Registry } from 'prom-client';
import { Database, ensureDatabase } from '../lib/kernel/database.js';
import { projectPath } from '../lib/kernel/project-root.js';
import { peerUrlVariable } from '../lib/subgraph/peer-client.js';
import { migrateSubgraph } from '../lib/subgraph/runtime.js';
import { SUBGRAPH_NAMES, type SubgraphName } from '../lib/subgraph/names.js';
import { subgraphUrlVariable } from '../gateway/src/config.js';
import { SEEDERS } from '../seed/index.js';
import { planStreet } from '../seed/plan.js';
import { TEST_INTERNAL_SECRETS, TEST_JWT_SECRET, TEST_ROUTER_SECRETS, tokenFor } from './support/auth.js';
import { freePorts } from './support/launcher.js';
import { startPrimaryWithStandby, type PrimaryWithStandby } from './support/streaming-replica.js';
import { startTcpBalancer, type TcpBalancer } from './support/tcp-balancer.js';
import { SERVICE_CALL_TIMEOUT_MS, WAIT_DEADLINE_MS, waitUntil } from './support/wait.js';

/**
 * Issue #17's "more than one machine", on one: two gateways behind a TCP balancer (the stand-in for
 * a Kubernetes Service) and two instances of each subgraph as real processes over real HTTP, each
 * subgraph's database on a Debian PostgreSQL 15 primary and its reads on a streaming hot standby.
 * The gateways and the subgraphs reach the replicas through comma-separated URL lists
 * (lib/kernel/replicas.ts). Under a load of reads and distinct writes (each with its own
 * Idempotency-Key, as a careful client sends), one gateway and one instance of each subgraph are
 * killed with SIGKILL at once. Then: no acknowledged write is missing from the primary, and none is
 * there twice; the only failed requests are those that were in flight when the victims died (at
 * most one per client); every request sent after they died is answered in full; the survivors give
 * the same answers as before, and the two gateways gave the same answers.
 */
const READERS = 4;
const WRITERS = 4;
const CLIENTS = READERS + WRITERS;
/** Complete reads and acknowledged writes wanted before the kill, and again after it. */
const SETTLED = 12;
const RUN = Date.now().toString(36);

const LOAD_QUERY = '{ communities(first: 3) { nodes { id name partyOrganisation { name } pairings { id } openDemandCount } } }';
/** Nothing the load writes changes this answer: it must read the same before and after the kill. */
const REFERENCE_QUERY = `{ communities(first: 8) { totalCount nodes { id name partyOrganisation { name } grids { id }
  pairings { id unit { name resources { name } } } } } }`;
const SUBMIT_DEMAND = 'mutation Submit($input: SubmitDemandInput!) { submitDemand(input: $input) { id } }';
const REPORT_INCIDENT = 'mutation Report($input: ReportIncidentInput!) { reportIncident(input: $input) { id } }';

interface ServiceProcess {
  name: string;
  port: number;
  child: ChildProcess;
  output(): string;
  exited: Promise<void>;
}

let servers: PrimaryWithStandby;
let balancer: TcpBalancer;
const services: ServiceProcess[] = [];
const instances = {} as Record<SubgraphName, ServiceProcess[]>;
const gateways: ServiceProcess[] = [];
let token: string;
/** Seconds each start-up step took, for the report (a loaded machine takes longer; nothing depends on it). */
const startup: Record<string, number> = {};

function startService(name: string, entry: string, port: number, env: Record<string, string>): ServiceProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', projectPath(...entry.split('/'))], {
    cwd: projectPath(),
    env: { PATH: process.env.PATH ?? '', HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'warn', JWT_SECRET: TEST_JWT_SECRET, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const service = { name, port, child, output: () => output, exited };
  services.push(service);
  return service;
}

/** Waits until the service's GET /ready answers 200 (a gateway: with every subgraph ready); fails at once if it exits. */
async function ready(service: ServiceProcess): Promise<void> {
  let exited = false;
  void service.exited.then(() => (exited = true));
  await waitUntil(
    `${service.name} is ready`,
    async () => {
      if (exited) throw new Error(`${service.name} exited before it was ready:\n${service.output().slice(-3000)}`);
      const response = await fetch(`http://127.0.0.1:${service.port}/ready`).catch(() => undefined);
      const body = response ? ((await response.json().catch(() => ({}))) as { status?: string }) : {};
      return response?.status === 200 && (body.status === undefined || body.status === 'ready');
    },
    { intervalMs: 200, detail: () => service.output().slice(-3000) },
  );
}

beforeAll(async () => {
  let stepFrom = Date.now();
  const step = (name: string) => ((startup[name] = Math.round((Date.now() - stepFrom) / 100) / 10), (stepFrom = Date.now()));
  servers = await startPrimaryWithStandby();
  step('primary and standby');
  const plan = planStreet(1);
  await Promise.all(
    SUBGRAPH_NAMES.map(async (name) => {
      const database = `hub_${name.replace(/-/g, '_')}`;
      await ensureDatabase(servers.primaryUrl(), database);
      await migrateSubgraph(servers.primaryUrl(database), name);
      const seeding = new Database({ url: servers.primaryUrl(database), service: `seed-${name}`, registry: new Registry() });
      try {
        await seeding.transaction((tx) => SEEDERS[name].insert(tx, plan));
      } finally {
        await seeding.close();
      }
    }),
  );
  await servers.caughtUp();
  step('databases migrated and seeded');

  const free = await freePorts(2 * SUBGRAPH_NAMES.length + 2);
  const ports = Object.fromEntries(SUBGRAPH_NAMES.map((name, index) => [name, free.slice(2 * index, 2 * index + 2)])) as Record<SubgraphName, number[]>;
  const gatewayPorts = free.slice(-2);
  const urlsOf = (name: SubgraphName) => ports[name].map((port) => `http://127.0.0.1:${port}/graphql`).join(',');
  for (const name of SUBGRAPH_NAMES) {
    const database = `hub_${name.replace(/-/g, '_')}`;
    const peers = Object.fromEntries(SUBGRAPH_NAMES.filter((peer) => peer !== name).map((peer) => [peerUrlVariable(peer), urlsOf(peer)]));
    instances[name] = ports[name].map((port, index) =>
      startService(`${name}-${index + 1}`, `subgraphs/${name}/main.ts`, port, {
        DATABASE_URL: servers.primaryUrl(database),
        DATABASE_READ_URL: servers.standbyUrl(database),
        // Eight instances share each server (max_connections 100): two pools of 4 each.
        DATABASE_POOL_SIZE: '4',
        HUB_ROUTER_SECRETS: TEST_ROUTER_SECRETS.join(','),
        HUB_INTERNAL_SECRETS: TEST_INTERNAL_SECRETS.join(','),
        PEER_TIMEOUT_MS: String(SERVICE_CALL_TIMEOUT_MS),
        ...peers,
      }),
    );
  }
  for (const [index, port] of gatewayPorts.entries()) {
    gateways.push(
      startService(`gateway-${index + 1}`, 'gateway/src/main.ts', port, {
        HUB_ROUTER_SECRETS: TEST_ROUTER_SECRETS.join(','),
        RATE_LIMIT_PER_MINUTE: '0',
        SUBGRAPH_TIMEOUT_MS: String(SERVICE_CALL_TIMEOUT_MS),
        ...Object.fromEntries(SUBGRAPH_NAMES.map((name) => [subgraphUrlVariable(name), urlsOf(name)])),
      }),
    );
  }
  // All ten start at once: a gateway loads and plans its known operations without asking a
  // subgraph, and its /ready waits for theirs.
  await Promise.all([...SUBGRAPH_NAMES.flatMap((name) => instances[name]), ...gateways].map(ready));
  step('8 subgraph processes and 2 gateways ready');
  balancer = await startTcpBalancer(gateways.map((gateway) => `127.0.0.1:${gateway.port}`));
  token = await tokenFor('STREET_ADMIN', { sub: `replicas-${RUN}` });
}, WAIT_DEADLINE_MS * 2);

afterAll(async () => {
  await balancer?.close();
  for (const service of services) if (service.child.exitCode === null && service.child.signalCode === null) service.child.kill('SIGKILL');
  await Promise.all(services.map((service) => service.exited));
  await servers?.stop();
});

interface Answer {
  /** HTTP status, or 0 when the connection failed without an answer. */
  status: number;
  json?: { data?: any; errors?: { message: string; extensions?: { code?: string } }[] };
  /** Why there is no answer (the socket error). */
  failure?: string;
}

/**
 * One POST on a connection of its own (no keep-alive), as many clients behind a balancer send:
 * each request is balanced on its own, and none is lost to a kept-alive connection that died idle.
 */
function post(origin: string, query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}): Promise<Answer> {
  const body = JSON.stringify({ query, variables });
  return new Promise((resolve) => {
    const request = httpRequest(
      `${origin}/graphql`,
      {
        method: 'POST',
        agent: false,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), authorization: `Bearer ${token}`, ...headers },
        timeout: SERVICE_CALL_TIMEOUT_MS * 2,
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => {
          try {
            resolve({ status: response.statusCode ?? 0, json: JSON.parse(text) as Answer['json'] });
          } catch {
            resolve({ status: response.statusCode ?? 0, failure: `not JSON: ${text.slice(0, 200)}` });
          }
        });
        response.on('error', (error) => resolve({ status: 0, failure: (error as NodeJS.ErrnoException).code ?? error.message }));
      },
    );
    request.on('timeout', () => request.destroy(new Error('client timeout')));
    request.on('error', (error) => resolve({ status: 0, failure: (error as NodeJS.ErrnoException).code ?? error.message }));
    request.end(body);
  });
}

interface Sent {
  kind: 'read' | 'demand' | 'incident';
  startedAt: number;
  endedAt: number;
  complete: boolean;
  /** `complete`, the error codes, or the socket failure. */
  outcome: string;
}

function outcomeOf(answer: Answer): string {
  if (answer.failure) return `no answer (${answer.failure})`;
  const codes = [...new Set((answer.json?.errors ?? []).map((error) => error.extensions?.code ?? 'NO_CODE'))].sort();
  return codes.length === 0 && answer.status === 200 ? 'complete' : `HTTP ${answer.status} ${codes.join('+')}`;
}

const gatewayOrigin = (gateway: ServiceProcess) => `http://127.0.0.1:${gateway.port}`;

describe('two gateways and two instances of each subgraph, one of each killed under load', () => {
  it('loses no acknowledged write, fails only requests in flight on the killed processes, and answers the same after', async () => {
    // The two gateways, and the balancer in front of them, give the same answers.
    const reference = await post(gatewayOrigin(gateways[0]!), REFERENCE_QUERY);
    expect(outcomeOf(reference)).toBe('complete');
    expect(reference.json!.data.communities.nodes).toHaveLength(8);
    expect((await post(gatewayOrigin(gateways[1]!), REFERENCE_QUERY)).json).toEqual(reference.json);
    expect((await post(balancer.origin, REFERENCE_QUERY)).json).toEqual(reference.json);

    const sent: Sent[] = [];
    const acknowledged = { demand: new Map<string, string>(), incident: new Map<string, string>() }; // id → idempotency key
    let stop = false;
    const send = async (kind: Sent['kind'], query: string, variables: Record<string, unknown>, headers: Record<string, string> = {}) => {
      const startedAt = Date.now();
      const answer = await post(balancer.origin, query, variables, headers);
      const outcome = outcomeOf(answer);
      sent.push({ kind, startedAt, endedAt: Date.now(), complete: outcome === 'complete', outcome });
      return outcome === 'complete' ? answer.json!.data : undefined;
    };
    const reader = async () => {
      while (!stop) await send('read', LOAD_QUERY, {});
    };
    const writer = async (w: number) => {
      for (let i = 0; !stop; i++) {
        const key = `replicas-${RUN}-${w}-${i}`;
        if (w % 2 === 0) {
          const input = { title: key, description: 'written while replicas die', category: 'MATERIALS', communityId: 'community-02', source: 'MICRO_WISH' };
          const data = await send('demand', SUBMIT_DEMAND, { input }, { 'idempotency-key': key });
          if (data) acknowledged.demand.set(data.submitDemand.id as string, key);
        } else {
          const input = {
            gridId: 'grid-001',
            category: 'FIRE_LANE_BLOCKED',
            description: key,
            location: { lat: 30.1, lng: 121.1 },
            reporter: { name: '孙八' },
            channel: 'HOTLINE_12345',
          };
          const data = await send('incident', REPORT_INCIDENT, { input }, { 'idempotency-key': key });
          if (data) acknowledged.incident.set(data.reportIncident.id as string, key);
        }
      }
    };
    const loadFrom = Date.now();
    const load = [...Array.from({ length: READERS }, reader), ...Array.from({ length: WRITERS }, (_, w) => writer(w))];
    const settled = (after: number) => {
      const done = sent.filter((request) => request.startedAt >= after && request.complete);
      return done.filter((request) => request.kind === 'read').length >= SETTLED && done.filter((request) => request.kind !== 'read').length >= SETTLED;
    };

    // One replica of each: the first gateway and the first instance of every subgraph, at once.
    const victims = [gateways[0]!, ...SUBGRAPH_NAMES.map((name) => instances[name][0]!)];
    let killedAt = 0;
    let goneAt = 0;
    try {
      await waitUntil(
        'the load is answered in full through both gateways',
        () => settled(0) && [...balancer.connectionsPerBackend.values()].every((count) => count > 0),
        {
          detail: () => JSON.stringify(sent.slice(-10)),
        },
      );
      killedAt = Date.now();
      for (const victim of victims) victim.child.kill('SIGKILL');
      await Promise.all(victims.map((victim) => victim.exited));
      goneAt = Date.now();
      await waitUntil('the survivors have answered the load in full again', () => settled(goneAt), { detail: () => JSON.stringify(sent.slice(-10)) });
    } finally {
      stop = true;
      await Promise.all(load);
    }

    // Every acknowledged write is on the primary, once.
    const primary = async (name: SubgraphName, sql: string) => {
      const client = new pg.Client({ connectionString: servers.primaryUrl(`hub_${name.replace(/-/g, '_')}`) });
      await client.connect();
      try {
        return (await client.query<{ id: string; key: string }>(sql, [`replicas-${RUN}-%`])).rows;
      } finally {
        await client.end();
      }
    };
    const demands = await primary('resource-pools', 'SELECT id, title AS key FROM demands WHERE title LIKE $1');
    const incidents = await primary('grids', 'SELECT id, description AS key FROM incidents WHERE description LIKE $1');
    const lostOf = (written: Map<string, string>, rows: { id: string }[]) => [...written.keys()].filter((id) => !rows.some((row) => row.id === id));
    const twiceOf = (rows: { key: string }[]) => rows.filter((row, index) => rows.findIndex((other) => other.key === row.key) !== index);
    const lost = [...lostOf(acknowledged.demand, demands), ...lostOf(acknowledged.incident, incidents)];
    const twice = [...twiceOf(demands), ...twiceOf(incidents)];

    const failed = sent.filter((request) => !request.complete);
    const byOutcome = (requests: Sent[]) =>
      Object.fromEntries(
        [...new Set(requests.map((request) => request.outcome))].map((outcome) => [outcome, requests.filter((request) => request.outcome === outcome).length]),
      );
    process.stdout.write(
      `replicas under load (${READERS} readers, ${WRITERS} writers; killed ${victims.map((victim) => victim.name).join(', ')}; gone ${goneAt - killedAt} ms after the kill):\n` +
        `  requests ${sent.length}: ${JSON.stringify(byOutcome(sent))}\n` +
        `  failed ${failed.length}: ${JSON.stringify(failed.map((request) => ({ kind: request.kind, outcome: request.outcome, startedMsBeforeKill: killedAt - request.startedAt })))}\n` +
        `  writes acknowledged ${acknowledged.demand.size + acknowledged.incident.size}, lost ${lost.length}, twice ${twice.length}; ` +
        `connections per gateway ${JSON.stringify(Object.fromEntries(balancer.connectionsPerBackend))}\n` +
        `  start-up (s): ${JSON.stringify(startup)}; load before the kill ${((killedAt - loadFrom) / 1000).toFixed(1)} s, after ${((Date.now() - goneAt) / 1000).toFixed(1)} s\n`,
    );
    expect(lost).toEqual([]);
    expect(twice).toEqual([]);
    // Failed: only requests sent before the victims were gone and still open when they were killed,
    // at most one per client (each client has one request in flight); every failure is coded or a cut connection.
    expect(failed.filter((request) => request.startedAt >= goneAt || request.endedAt < killedAt)).toEqual([]);
    expect(failed.length).toBeLessThanOrEqual(CLIENTS);
    expect(failed.filter((request) => /INTERNAL_SERVER_ERROR|NO_CODE|not JSON/.test(request.outcome))).toEqual([]);

    // The survivors answer as the two gateways did before.
    expect((await post(gatewayOrigin(gateways[1]!), REFERENCE_QUERY)).json).toEqual(reference.json);
    expect((await post(balancer.origin, REFERENCE_QUERY)).json).toEqual(reference.json);
  }, 480_000);
});
