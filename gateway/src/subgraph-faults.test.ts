import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { Registry } from 'prom-client';
import { ConfigurationError } from '../../lib/kernel/env.js';
import { findFreePort } from '../../hub/free-port.js';
import type { RunningService } from '../../lib/kernel/http-service.js';
import { createLogger } from '../../lib/kernel/log.js';
import { projectPath } from '../../lib/kernel/project-root.js';
import { SUBGRAPH_NAMES, type SubgraphName } from '../../lib/subgraph/names.js';
import { subgraphTimeoutsFromEnv } from './config.js';
import { testGatewaySecurity, tokenFor } from '../../test/support/auth.js';
import { startGatewayHttp } from './http.js';
import { DEFAULT_SUBGRAPH_TIMEOUT_MS } from './fetcher.js';
import { SubgraphReadiness } from './readiness.js';

/**
 * How the gateway behaves when a subgraph is down or slow, against fake subgraphs: the other
 * subgraphs' fields are answered, the failing subgraph's fields are null with an error that names
 * it and carries a code, and a slow subgraph is given up on after its timeout.
 */
type Answer = (body: { query: string; variables?: Record<string, unknown> }) => unknown;

class FakeSubgraph {
  answer: Answer = () => ({ data: null });
  /** Never answer /graphql (a hung subgraph); /health still answers unless `unhealthy`. */
  hang = false;
  unhealthy = false;
  healthChecks = 0;
  /** Drop the connection of this many next /graphql requests without answering (a crash mid-request). */
  dropNext = 0;
  graphqlRequests = 0;
  private readonly server: Server;
  url = '';

  constructor() {
    this.server = createServer((req, res) => {
      if (req.url === '/ready') {
        this.healthChecks += 1;
        res.writeHead(this.unhealthy ? 503 : 200, { 'content-type': 'application/json' }).end('{}');
        return;
      }
      let text = '';
      req.on('data', (chunk) => (text += chunk));
      req.on('end', () => {
        this.graphqlRequests += 1;
        if (this.dropNext > 0) {
          this.dropNext -= 1;
          req.socket.destroy();
          return;
        }
        if (this.hang) return;
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(this.answer(JSON.parse(text))));
      });
    });
  }

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/graphql`;
  }

  reset(): void {
    this.answer = () => ({ data: null });
    this.hang = false;
    this.unhealthy = false;
    this.healthChecks = 0;
    this.dropNext = 0;
    this.graphqlRequests = 0;
    this.server.closeAllConnections();
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

const quiet = createLogger('test', 'error');
const fakes = Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, new FakeSubgraph()])) as Record<SubgraphName, FakeSubgraph>;
const COMMUNITIES = [
  { __typename: 'Community', id: 'community-01', name: '东港社区' },
  { __typename: 'Community', id: 'community-02', name: '西港社区' },
];
/** grids answers any query with two communities (and a count); co-building with a pairing per community. */
const gridsAnswer: Answer = () => ({ data: { communities: { totalCount: 67, nodes: COMMUNITIES } } });
const coBuildingAnswer: Answer = (body) => {
  const representations = (body.variables?.representations ?? []) as { id: string }[];
  return { data: { _entities: representations.map((r) => ({ __typename: 'Community', pairings: [{ __typename: 'Pairing', id: `pairing-${r.id}` }] })) } };
};
const DASHBOARD = '{ communities(first: 2) { nodes { id name pairings { id } } } }';
const VERIFY = 'mutation($input: VerifyServiceReportInput!) { verifyServiceReport(input: $input) { id } }';
const verifiedAnswer: Answer = (body) => ({
  data: { verifyServiceReport: { __typename: 'ServiceReport', id: (body.variables?.input as { id: string }).id } },
});

let gateway: RunningService;
/** A port nothing listens on: the "down" subgraph. */
let deadUrl: string;

async function startGateway(subgraphUrls: Record<SubgraphName, string>, timeoutsMs: Partial<Record<SubgraphName, number>>) {
  return startGatewayHttp(
    {
      supergraphSdl: await readFile(projectPath('schema', 'supergraph.graphql'), 'utf8'),
      subgraphUrls,
      log: quiet,
      registry: new Registry(),
      security: await testGatewaySecurity(),
      fetcher: { timeoutsMs },
    },
    { host: '127.0.0.1', port: 0 },
  );
}

beforeAll(async () => {
  await Promise.all(Object.values(fakes).map((fake) => fake.start()));
  deadUrl = `http://127.0.0.1:${await findFreePort()}/graphql`;
  const urls = Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, fakes[name].url])) as Record<SubgraphName, string>;
  gateway = await startGateway(urls, { 'co-building': 300, grids: 5_000 });
});
afterEach(() => Object.values(fakes).forEach((fake) => fake.reset()));
afterAll(async () => {
  await gateway?.close();
  await Promise.all(Object.values(fakes).map((fake) => fake.stop()));
});

async function post(url: string, query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${await tokenFor('STREET_ADMIN')}`, ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, ...((await response.json()) as { data?: any; errors?: any[] }) };
}

describe('a subgraph that is down or slow', () => {
  it('costs only its own fields: the rest is answered, with SUBGRAPH_UNAVAILABLE naming it', async () => {
    const urls = Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, fakes[name].url])) as Record<SubgraphName, string>;
    const withDeadCoBuilding = await startGateway({ ...urls, 'co-building': deadUrl }, {});
    try {
      fakes.grids.answer = gridsAnswer;
      const answer = await post(withDeadCoBuilding.url, DASHBOARD);
      expect(answer.status).toBe(200);
      expect(answer.data).toEqual({
        communities: {
          nodes: [
            { id: 'community-01', name: '东港社区', pairings: null },
            { id: 'community-02', name: '西港社区', pairings: null },
          ],
        },
      });
      expect(answer.errors).toHaveLength(1);
      expect(answer.errors?.[0]).toMatchObject({ extensions: { code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'co-building' } });
      expect(answer.errors?.[0].message).toMatch(/co-building subgraph is unavailable/);
      // No internals: the subgraph's address is not in the error.
      expect(JSON.stringify(answer.errors)).not.toContain(new URL(deadUrl).port);

      // A query with a root field of each subgraph keeps the roots of the subgraphs that answer.
      const twoRoots = await post(withDeadCoBuilding.url, '{ communities(first: 1) { totalCount } coBuildingUnits(first: 1) { totalCount } }');
      expect(twoRoots.data).toEqual({ communities: { totalCount: 67 }, coBuildingUnits: null });
      expect(twoRoots.errors?.map((error) => error.extensions)).toEqual([
        expect.objectContaining({ code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'co-building' }),
      ]);
    } finally {
      await withDeadCoBuilding.close();
    }
  });

  it('is given up on after its own timeout with SUBGRAPH_TIMEOUT, while the others answer in full', async () => {
    fakes.grids.answer = gridsAnswer;
    fakes['co-building'].hang = true;
    const answer = await post(gateway.url, DASHBOARD);
    expect(answer.data?.communities.nodes).toEqual([
      { id: 'community-01', name: '东港社区', pairings: null },
      { id: 'community-02', name: '西港社区', pairings: null },
    ]);
    expect(answer.errors?.map((error) => error.extensions)).toEqual([expect.objectContaining({ code: 'SUBGRAPH_TIMEOUT', serviceName: 'co-building' })]);
    expect(answer.errors?.[0].message).toMatch(/did not answer within 300 ms/);

    fakes['co-building'].hang = false;
    fakes['co-building'].answer = coBuildingAnswer;
    const recovered = await post(gateway.url, DASHBOARD);
    expect(recovered.errors).toBeUndefined();
    expect(recovered.data?.communities.nodes[0].pairings).toEqual([{ id: 'pairing-community-01' }]);
  });

  it('tells the client of a timed-out mutation that it may have taken effect and to retry with the same Idempotency-Key', async () => {
    fakes['co-building'].hang = true;
    const answer = await post(
      gateway.url,
      'mutation($input: VerifyServiceReportInput!) { verifyServiceReport(input: $input) { id } }',
      { input: { id: 'report-1', verifiedBy: 'x' } },
      { 'idempotency-key': 'verify-report-1' },
    );
    expect(answer.errors?.[0].extensions).toMatchObject({ code: 'SUBGRAPH_TIMEOUT', serviceName: 'co-building' });
    expect(answer.errors?.[0].message).toMatch(/may still have taken effect.*same Idempotency-Key/);
  });

  it('sends a query once more when the connection dropped (e.g. a restarted subgraph), a mutation only with its Idempotency-Key', async () => {
    fakes.grids.answer = gridsAnswer;
    fakes['co-building'].answer = coBuildingAnswer;
    fakes['co-building'].dropNext = 1;
    const query = await post(gateway.url, DASHBOARD);
    expect(query.errors).toBeUndefined();
    expect(query.data?.communities.nodes[1].pairings).toEqual([{ id: 'pairing-community-02' }]);
    expect(fakes['co-building'].graphqlRequests).toBe(2);

    fakes['co-building'].graphqlRequests = 0;
    fakes['co-building'].dropNext = 1;
    const mutation = await post(gateway.url, VERIFY, { input: { id: 'report-2', verifiedBy: 'x' } });
    expect(fakes['co-building'].graphqlRequests).toBe(1);
    expect(mutation.errors?.[0].extensions).toMatchObject({ code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'co-building' });
    expect(mutation.errors?.[0].message).toMatch(/may still have taken effect.*same Idempotency-Key/);

    // With a key the subgraph answers the mutation once however often it arrives: it is sent again.
    fakes['co-building'].graphqlRequests = 0;
    fakes['co-building'].dropNext = 1;
    fakes['co-building'].answer = verifiedAnswer;
    const keyed = await post(gateway.url, VERIFY, { input: { id: 'report-3', verifiedBy: 'x' } }, { 'idempotency-key': 'verify-report-3' });
    expect(fakes['co-building'].graphqlRequests).toBe(2);
    expect(keyed).toMatchObject({ data: { verifyServiceReport: { id: 'report-3' } } });
    expect(keyed.errors).toBeUndefined();
  });

  it('answering 5xx without GraphQL errors (e.g. a proxy in front of it) counts as unavailable', async () => {
    const proxy = createServer((_req, res) => res.writeHead(502, { 'content-type': 'text/plain' }).end('bad gateway'));
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    const urls = Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, fakes[name].url])) as Record<SubgraphName, string>;
    const behindProxy = await startGateway({ ...urls, 'co-building': `http://127.0.0.1:${(proxy.address() as AddressInfo).port}/graphql` }, {});
    try {
      fakes.grids.answer = gridsAnswer;
      const answer = await post(behindProxy.url, DASHBOARD);
      expect(answer.data?.communities.nodes[1]).toEqual({ id: 'community-02', name: '西港社区', pairings: null });
      expect(answer.errors?.[0].extensions).toMatchObject({ code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'co-building', response: { status: 502 } });
    } finally {
      await behindProxy.close();
      proxy.closeAllConnections();
      await new Promise((resolve) => proxy.close(resolve));
    }
  });
});

describe('a subgraph with two replicas (SUBGRAPH_<NAME>_URL with two URLs)', () => {
  const second = new FakeSubgraph();
  let twoReplicas: RunningService;
  beforeAll(async () => {
    await second.start();
    const urls = Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, fakes[name].url])) as Record<SubgraphName, string>;
    twoReplicas = await startGateway({ ...urls, 'co-building': `${fakes['co-building'].url},${second.url}` }, {});
  });
  afterEach(() => second.reset());
  afterAll(async () => {
    await twoReplicas?.close();
    await second.stop();
  });
  const answerBoth = (answer: Answer) => {
    fakes['co-building'].answer = answer;
    second.answer = answer;
  };

  it('shares the requests between them, round robin', async () => {
    fakes.grids.answer = gridsAnswer;
    answerBoth(coBuildingAnswer);
    for (let i = 0; i < 6; i++) expect((await post(twoReplicas.url, DASHBOARD)).errors).toBeUndefined();
    expect([fakes['co-building'].graphqlRequests, second.graphqlRequests]).toEqual([3, 3]);
  });

  it('sends a query that was in flight on a replica that dropped it to the other one', async () => {
    fakes.grids.answer = gridsAnswer;
    answerBoth(coBuildingAnswer);
    fakes['co-building'].dropNext = 1_000; // it drops every request, as a replica killed mid-request would
    const answers = [await post(twoReplicas.url, DASHBOARD), await post(twoReplicas.url, DASHBOARD)];
    expect(answers.map((answer) => answer.errors)).toEqual([undefined, undefined]);
    expect(answers[1]!.data?.communities.nodes[1].pairings).toEqual([{ id: 'pairing-community-02' }]);
    // One query started on the dropping replica and went on to the other; the other started there.
    expect([fakes['co-building'].graphqlRequests, second.graphqlRequests]).toEqual([1, 2]);
  });

  it('fails a mutation in flight on a replica that dropped it with a coded error, unless it has an Idempotency-Key', async () => {
    answerBoth(verifiedAnswer);
    fakes['co-building'].dropNext = 1_000;
    const verify = (id: string, headers: Record<string, string> = {}) => post(twoReplicas.url, VERIFY, { input: { id, verifiedBy: 'x' } }, headers);
    const unkeyed = [await verify('report-4'), await verify('report-5')];
    const failed = unkeyed.filter((answer) => answer.errors !== undefined);
    expect(failed).toHaveLength(1);
    expect(failed[0]!.errors?.[0]).toMatchObject({ extensions: { code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'co-building' } });
    expect(failed[0]!.errors?.[0].message).toMatch(/may still have taken effect.*same Idempotency-Key/);
    expect([fakes['co-building'].graphqlRequests, second.graphqlRequests]).toEqual([1, 1]);

    const keyed = [await verify('report-6', { 'idempotency-key': 'verify-6' }), await verify('report-7', { 'idempotency-key': 'verify-7' })];
    expect(keyed.map((answer) => [answer.errors, answer.data])).toEqual([
      [undefined, { verifyServiceReport: { id: 'report-6' } }],
      [undefined, { verifyServiceReport: { id: 'report-7' } }],
    ]);
  });

  it('sends everything, mutations included, to the replica that answers while the other refuses connections', async () => {
    const refusing = `${deadUrl},${fakes['co-building'].url}`;
    const urls = Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, fakes[name].url])) as Record<SubgraphName, string>;
    const withOneDown = await startGateway({ ...urls, 'co-building': refusing }, {});
    try {
      fakes.grids.answer = gridsAnswer;
      fakes['co-building'].answer = (body) => (body.query.includes('verifyServiceReport') ? verifiedAnswer(body) : coBuildingAnswer(body));
      for (let i = 0; i < 3; i++) expect((await post(withOneDown.url, DASHBOARD)).errors).toBeUndefined();
      const mutation = await post(withOneDown.url, VERIFY, { input: { id: 'report-8', verifiedBy: 'x' } });
      expect(mutation).toMatchObject({ data: { verifyServiceReport: { id: 'report-8' } } });
      expect(mutation.errors).toBeUndefined();
      expect(fakes['co-building'].graphqlRequests).toBe(4);
    } finally {
      await withOneDown.close();
    }
  });

  it('is ready while one replica answers, and says which replica does not', async () => {
    // The second replica, not one of `fakes`: the checks' keep-alive connections must not outlive this describe.
    const readiness = new SubgraphReadiness({ 'co-building': `${deadUrl},${second.url}` }, { cacheMs: 0 });
    const answer = await readiness.check();
    expect(answer.ready).toBe(true);
    expect(answer.subgraphs[0]).toMatchObject({ name: 'co-building', ready: true, replicasDown: [deadUrl] });
    const bothDown = await new SubgraphReadiness({ 'co-building': `${deadUrl},${deadUrl.replace('/graphql', '/other')}` }, { cacheMs: 0 }).check();
    expect(bothDown.unavailable).toEqual(['co-building']);
  });
});

describe('subgraph timeouts from the environment', () => {
  it('defaults, then SUBGRAPH_TIMEOUT_MS for all, then SUBGRAPH_<NAME>_TIMEOUT_MS for one', () => {
    expect(subgraphTimeoutsFromEnv({}, DEFAULT_SUBGRAPH_TIMEOUT_MS, SUBGRAPH_NAMES)).toEqual({
      organisations: DEFAULT_SUBGRAPH_TIMEOUT_MS,
      grids: DEFAULT_SUBGRAPH_TIMEOUT_MS,
      'resource-pools': DEFAULT_SUBGRAPH_TIMEOUT_MS,
      'co-building': DEFAULT_SUBGRAPH_TIMEOUT_MS,
    });
    expect(
      subgraphTimeoutsFromEnv({ SUBGRAPH_TIMEOUT_MS: '4000', SUBGRAPH_RESOURCE_POOLS_TIMEOUT_MS: '30000' }, DEFAULT_SUBGRAPH_TIMEOUT_MS, SUBGRAPH_NAMES),
    ).toEqual({
      organisations: 4000,
      grids: 4000,
      'resource-pools': 30_000,
      'co-building': 4000,
    });
    expect(() => subgraphTimeoutsFromEnv({ SUBGRAPH_GRIDS_TIMEOUT_MS: 'soon' }, DEFAULT_SUBGRAPH_TIMEOUT_MS, SUBGRAPH_NAMES)).toThrow(ConfigurationError);
  });
});

describe('readiness (GET /ready)', () => {
  it('names the subgraphs that are down and checks each subgraph at most once per cache period', async () => {
    const urls = Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, fakes[name].url])) as Record<SubgraphName, string>;
    const readiness = new SubgraphReadiness({ ...urls, organisations: deadUrl }, { cacheMs: 60_000 });
    fakes.grids.unhealthy = true;
    const answers = await Promise.all(Array.from({ length: 10 }, () => readiness.check()));
    for (const answer of answers) {
      expect(answer.ready).toBe(false);
      expect(answer.unavailable.sort()).toEqual(['grids', 'organisations']);
    }
    expect(await readiness.check()).toBe(answers[0]);
    expect(fakes.grids.healthChecks).toBe(1);
    expect(fakes['co-building'].healthChecks).toBe(1);

    const uncached = new SubgraphReadiness(urls, { cacheMs: 0 });
    fakes.grids.unhealthy = false;
    expect((await uncached.check()).ready).toBe(true);
    fakes.grids.unhealthy = true;
    expect((await uncached.check()).unavailable).toEqual(['grids']);
  });
});
