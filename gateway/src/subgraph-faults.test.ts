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
import { SUBGRAPH_NAMES, type SubgraphName } from '../../lib/subgraph/runtime.js';
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

  it('sends a query once more when the connection dropped (e.g. a restarted subgraph), but never a mutation', async () => {
    fakes.grids.answer = gridsAnswer;
    fakes['co-building'].answer = coBuildingAnswer;
    fakes['co-building'].dropNext = 1;
    const query = await post(gateway.url, DASHBOARD);
    expect(query.errors).toBeUndefined();
    expect(query.data?.communities.nodes[1].pairings).toEqual([{ id: 'pairing-community-02' }]);
    expect(fakes['co-building'].graphqlRequests).toBe(2);

    fakes['co-building'].graphqlRequests = 0;
    fakes['co-building'].dropNext = 1;
    const mutation = await post(
      gateway.url,
      'mutation($input: VerifyServiceReportInput!) { verifyServiceReport(input: $input) { id } }',
      { input: { id: 'report-2', verifiedBy: 'x' } },
      { 'idempotency-key': 'verify-report-2' },
    );
    expect(fakes['co-building'].graphqlRequests).toBe(1);
    expect(mutation.errors?.[0].extensions).toMatchObject({ code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'co-building' });
    expect(mutation.errors?.[0].message).toMatch(/may still have taken effect.*same Idempotency-Key/);
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
