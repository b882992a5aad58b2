import { systemCaller } from '../../lib/auth/caller.js';
import { testGatewaySecurity, tokenFor } from '../../test/support/auth.js';
import { AsyncLocalStorage } from 'node:async_hooks';
import { readFile } from 'node:fs/promises';
import { createServer, request as httpRequest, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { HeaderMap } from '@apollo/server';
import { Registry } from 'prom-client';
import { Pool } from 'undici';
import { requestContextOf, startHttpService, type RunningService } from '../../lib/kernel/http-service.js';
import { createLogger } from '../../lib/kernel/log.js';
import { projectPath } from '../../lib/kernel/project-root.js';
import { SUBGRAPH_NAMES, type SubgraphName } from '../../lib/subgraph/names.js';
import { createGateway } from './create-gateway.js';
import { startGatewayHttp } from './http.js';
import { InFlightDeduplicator } from './dedup.js';
import { SubgraphFetcher, headersKey, isDeduplicable, postText } from './fetcher.js';
import { waitUntil } from '../../test/support/wait.js';
import { knownOperations, warmUp } from './warm-up.js';
import { OperationTypeNode, parse, stripIgnoredCharacters } from 'graphql';

/**
 * The gateway's fetcher against fake subgraphs that record every request and hold their answers
 * until the test releases them, so "in flight at the same time" is certain, not a race.
 */
interface Recorded {
  headers: IncomingHttpHeaders;
  body: { query: string; variables?: Record<string, unknown> };
}

class FakeSubgraph {
  readonly requests: Recorded[] = [];
  /** Requests whose connection closed before they were answered (the gateway abandoned them). */
  abandoned = 0;
  private abandonedWaiters: { count: number; resolve: () => void }[] = [];
  private held: (() => void)[] = [];
  hold = false;
  answer: (body: Recorded['body']) => { status?: number; json: unknown } = () => ({ json: { data: null } });
  private readonly server: Server;
  url = '';

  constructor() {
    this.server = createServer((req, res) => {
      res.on('close', () => {
        if (res.writableFinished) return;
        this.abandoned += 1;
        for (const waiter of this.abandonedWaiters.filter((candidate) => candidate.count <= this.abandoned)) waiter.resolve();
      });
      let text = '';
      req.on('data', (chunk) => (text += chunk));
      req.on('end', () => {
        const body = JSON.parse(text) as Recorded['body'];
        this.requests.push({ headers: req.headers, body });
        const respond = () => {
          const { status, json } = this.answer(body);
          res.writeHead(status ?? 200, { 'content-type': 'application/json' }).end(JSON.stringify(json));
        };
        if (this.hold) this.held.push(respond);
        else respond();
      });
    });
  }

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/graphql`;
  }

  /** Resolves once `count` requests have arrived (they are held if `hold`). */
  async waitForRequests(count: number): Promise<void> {
    await waitUntil(`${count} requests arrived (${this.requests.length} so far)`, () => this.requests.length >= count, { intervalMs: 5 });
  }

  /** Resolves once `count` requests have been abandoned by the gateway (no polling, no deadline of its own). */
  waitForAbandoned(count: number): Promise<void> {
    if (this.abandoned >= count) return Promise.resolve();
    return new Promise((resolve) => this.abandonedWaiters.push({ count, resolve }));
  }

  release(): void {
    const held = this.held;
    this.held = [];
    this.hold = false;
    for (const respond of held) respond();
  }

  reset(): void {
    this.release();
    this.requests.length = 0;
    this.abandoned = 0;
    this.abandonedWaiters = [];
    this.answer = () => ({ json: { data: null } });
  }

  async stop(): Promise<void> {
    this.release();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

const quiet = createLogger('test', 'error');
const fakes = Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, new FakeSubgraph()])) as Record<SubgraphName, FakeSubgraph>;
const grids = fakes.grids;
const coBuilding = fakes['co-building'];
let registry: Registry;
let service: RunningService;
/** The same gateway with whole-operation deduplication on (the default), for its own tests. */
let withOperationDedup: RunningService;
let withOperationDedupRegistry: Registry;

async function startGateway(dedupOperations: boolean, metrics: Registry): Promise<RunningService> {
  return startHttpService(
    {
      name: 'gateway',
      apollo: createGateway({
        supergraphSdl: await readFile(projectPath('schema', 'supergraph.graphql'), 'utf8'),
        security: await testGatewaySecurity(),
        subgraphUrls: Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, fakes[name].url])),
        log: quiet,
        registry: metrics,
        dedupOperations,
        // Only a client going away may end a fetch in these tests, never a timeout.
        fetcher: { timeoutsMs: Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, 600_000])) },
      }),
      // These tests are about fetching, not authorization: every request is a signed-in street admin,
      // whose subject is the request's Authorization header, so tests can tell callers apart. The
      // request's id and client-gone signal travel on Apollo's context, as in http.ts.
      asyncRequestContext: false,
      context: async ({ req }) => ({
        caller: { ...systemCaller('test'), subject: req.headers.authorization ?? 'anonymous', role: 'STREET_ADMIN' as const },
        request: requestContextOf(req),
      }),
      registry: metrics,
    },
    { host: '127.0.0.1', port: 0 },
  );
}

beforeAll(async () => {
  await Promise.all(Object.values(fakes).map((fake) => fake.start()));
  registry = new Registry();
  // Subgraph-level behaviour is tested without the front-door deduplication, which would hide it.
  service = await startGateway(false, registry);
  withOperationDedupRegistry = new Registry();
  withOperationDedup = await startGateway(true, withOperationDedupRegistry);
});
afterEach(() => Object.values(fakes).forEach((fake) => fake.reset()));
afterAll(async () => {
  await service?.close();
  await withOperationDedup?.close();
  await Promise.all(Object.values(fakes).map((fake) => fake.stop()));
});

async function post(query: string, headers: Record<string, string> = {}, variables: Record<string, unknown> = {}, url = service.url) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, ...((await response.json()) as { data?: any; errors?: any[] }) };
}

const COUNT = '{ communities(first: 1) { totalCount } }';

/** Whom a subgraph fetch was for: the Authorization the gateway forwarded (trust contract), or anonymous. */
function callerSubjectOf(request: { headers: IncomingHttpHeaders }): string {
  if (typeof request.headers['x-hub-router-signature'] !== 'string') throw new Error('the fetch carried no router signature');
  return request.headers.authorization ?? 'anonymous';
}
const countAnswer = () => ({ json: { data: { communities: { totalCount: 67 } } } });

describe('subgraph fetches of the gateway', () => {
  it('sends identical queries in flight with the same authorization to the subgraph once, and answers all', async () => {
    grids.answer = countAnswer;
    grids.hold = true;
    const sharedBefore = await metric(registry, SHARED_GRIDS_FETCHES);
    const answers = Array.from({ length: 5 }, () => post(COUNT, { authorization: 'Bearer same' }));
    await grids.waitForRequests(1);
    await sharedFetches(sharedBefore + 4); // the other four have joined the fetch in flight
    grids.release();
    for (const answer of await Promise.all(answers)) expect(answer).toEqual({ status: 200, data: { communities: { totalCount: 67 } } });
    expect(grids.requests).toHaveLength(1);
    expect(callerSubjectOf(grids.requests[0]!)).toBe('Bearer same');
    expect(await registry.metrics()).toMatch(/hub_gateway_subgraph_fetches_total\{subgraph="grids",outcome="deduplicated"\} [1-9]/);
  });

  it('never merges queries of callers with different authorization', async () => {
    grids.answer = countAnswer;
    grids.hold = true;
    const answers = ['Bearer a', 'Bearer b', 'Bearer c'].map((authorization) => post(COUNT, { authorization }));
    const anonymous = post(COUNT);
    await grids.waitForRequests(4);
    grids.release();
    await Promise.all([...answers, anonymous]);
    expect(grids.requests.map(callerSubjectOf).sort()).toEqual(['anonymous', 'Bearer a', 'Bearer b', 'Bearer c'].sort());
  });

  it('does not merge queries whose variables differ', async () => {
    grids.answer = countAnswer;
    grids.hold = true;
    const query = 'query Count($first: Int) { communities(first: $first) { totalCount } }';
    const answers = [1, 2].map((first) => post(query, {}, { first }));
    await grids.waitForRequests(2);
    grids.release();
    await Promise.all(answers);
    expect(grids.requests.map((request) => request.body.variables?.first).sort()).toEqual([1, 2]);
  });

  it('never deduplicates mutations, even identical ones with the same authorization and idempotency key', async () => {
    coBuilding.answer = () => ({ json: { data: { verifyServiceReport: { id: 'report-1' } } } });
    coBuilding.hold = true;
    const mutation = 'mutation Verify($input: VerifyServiceReportInput!) { verifyServiceReport(input: $input) { id } }';
    const headers = { authorization: 'Bearer same', 'idempotency-key': 'key-1' };
    const answers = Array.from({ length: 3 }, () => post(mutation, headers, { input: { id: 'report-1', verifiedBy: 'x' } }));
    await coBuilding.waitForRequests(3);
    coBuilding.release();
    for (const answer of await Promise.all(answers)) expect(answer.data).toEqual({ verifyServiceReport: { id: 'report-1' } });
    expect(coBuilding.requests).toHaveLength(3);
    expect(coBuilding.requests.every((request) => request.headers['idempotency-key'] === 'key-1')).toBe(true);
  });

  it('asks again once the first fetch has answered: nothing is cached', async () => {
    grids.answer = countAnswer;
    await post(COUNT);
    await post(COUNT);
    expect(grids.requests).toHaveLength(2);
  });

  it('forwards the token, idempotency-key and x-request-id with a router signature, never another client header', async () => {
    grids.answer = countAnswer;
    await post(COUNT, { authorization: 'Bearer t', 'idempotency-key': 'k', 'x-request-id': 'req-42', cookie: 'session=1', 'x-other': 'y' });
    const request = grids.requests[0]!;
    expect(request.headers).toMatchObject({ 'idempotency-key': 'k', 'x-request-id': 'req-42' });
    expect(callerSubjectOf(request)).toBe('Bearer t');
    expect(request.headers.cookie).toBeUndefined();
    expect(request.headers['x-other']).toBeUndefined();
  });

  it('passes subgraph errors through with their codes, also from a non-2xx answer', async () => {
    grids.answer = () => ({
      json: { data: null, errors: [{ message: 'first: must be between 0 and 100', extensions: { code: 'BAD_USER_INPUT', field: 'first' } }] },
    });
    const answer = await post(COUNT);
    expect(answer.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });

    grids.answer = () => ({ status: 400, json: { errors: [{ message: 'bad', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }] } });
    expect((await post(COUNT)).errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');

    grids.answer = () => ({ status: 401, json: 'no' });
    expect((await post(COUNT)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('shares a failed fetch with those waiting for it, and the next caller tries again', async () => {
    grids.answer = () => ({ status: 503, json: 'down' });
    grids.hold = true;
    const sharedBefore = await metric(registry, SHARED_GRIDS_FETCHES);
    const answers = [post(COUNT), post(COUNT)];
    await grids.waitForRequests(1);
    await sharedFetches(sharedBefore + 1);
    grids.release();
    for (const answer of await Promise.all(answers)) expect(answer.errors?.[0].message).toContain('503');
    expect(grids.requests).toHaveLength(1);
    grids.answer = countAnswer;
    expect((await post(COUNT)).data).toEqual({ communities: { totalCount: 67 } });
    expect(grids.requests).toHaveLength(2);
  });
});

describe('entity fetches of one operation to one subgraph', () => {
  const organisations = fakes.organisations;
  // The plan asks organisations twice in one Parallel node: the unit's party branch and each paired
  // community's party organisation.
  const UNIT = 'query Unit($id: ID!) { coBuildingUnit(id: $id) { id partyBranch { name } pairings { community { id partyOrganisation { name } } } } }';
  const unitAnswer = () => ({
    json: {
      data: {
        coBuildingUnit: {
          __typename: 'CoBuildingUnit',
          id: 'unit-001',
          pairings: ['community-01', 'community-02'].map((id) => ({ community: { __typename: 'Community', id } })),
        },
      },
    },
  });
  /** Entities for every representations variable of the request, under the matching `_entities` name. */
  const entitiesOf = (variables: Record<string, unknown> | undefined, entity: (representation: { __typename: string; id: string }) => unknown) =>
    Object.fromEntries(
      Object.entries(variables ?? {})
        .filter(([name]) => /^representations\d*$/.test(name))
        .map(([name, list]) => [name.replace('representations', '_entities'), (list as { __typename: string; id: string }[]).map(entity)]),
    );
  const partyOf = (representation: { __typename: string; id: string }) =>
    representation.__typename === 'CoBuildingUnit'
      ? { partyBranch: { name: `branch of ${representation.id}` } }
      : { partyOrganisation: { name: `organisation of ${representation.id}` } };
  const expected = {
    coBuildingUnit: {
      id: 'unit-001',
      partyBranch: { name: 'branch of unit-001' },
      pairings: [
        { community: { id: 'community-01', partyOrganisation: { name: 'organisation of community-01' } } },
        { community: { id: 'community-02', partyOrganisation: { name: 'organisation of community-02' } } },
      ],
    },
  };

  it('go out as one request, each under its own alias, and each answer lands where it belongs', async () => {
    coBuilding.answer = unitAnswer;
    organisations.answer = (body) => ({ json: { data: entitiesOf(body.variables, partyOf) } });
    const answer = await post(UNIT, {}, { id: 'unit-001' });
    expect(answer).toEqual({ status: 200, data: expected });
    expect(organisations.requests).toHaveLength(1);
    const { query, variables } = organisations.requests[0]!.body;
    expect(query).toMatch(/_entities0:_entities\(representations:\$representations0\)/);
    expect(query).toMatch(/_entities1:_entities\(representations:\$representations1\)/);
    // Printed as the planner prints each fetch: nothing the subgraph would only skip.
    expect(query).toBe(stripIgnoredCharacters(query));
    expect(Object.keys(variables ?? {}).sort()).toEqual(['representations0', 'representations1']);
  });

  it("give each fetch its own errors, with the path the client's field has", async () => {
    coBuilding.answer = unitAnswer;
    organisations.answer = (body) => {
      const data = entitiesOf(body.variables, partyOf);
      // The second community's organisation fails, under whichever alias carries the communities.
      const alias = Object.keys(data).find((name) => (data[name] as { partyOrganisation?: unknown }[])[0]?.partyOrganisation)!;
      (data[alias] as unknown[])[1] = null;
      return { json: { data, errors: [{ message: 'organisation unavailable', path: [alias, 1, 'partyOrganisation'], extensions: { code: 'NOT_FOUND' } }] } };
    };
    const answer = await post(UNIT, {}, { id: 'unit-001' });
    expect(answer.data?.coBuildingUnit.partyBranch).toEqual({ name: 'branch of unit-001' });
    expect(answer.data?.coBuildingUnit.pairings[0].community.partyOrganisation).toEqual({ name: 'organisation of community-01' });
    expect(answer.data?.coBuildingUnit.pairings[1].community.partyOrganisation).toBeNull();
    expect(answer.errors).toEqual([
      expect.objectContaining({
        message: 'organisation unavailable',
        path: ['coBuildingUnit', 'pairings', 1, 'community', 'partyOrganisation'],
        extensions: expect.objectContaining({ code: 'NOT_FOUND', serviceName: 'organisations' }),
      }),
    ]);
  });

  it('are sent one by one when the batch fails as a whole, so one failing fetch does not cost the others their data', async () => {
    coBuilding.answer = unitAnswer;
    organisations.answer = (body) => {
      const batched = Object.keys(body.variables ?? {}).includes('representations0');
      if (batched || (body.variables?.representations as { __typename: string }[])[0]?.__typename === 'Community') {
        return { json: { data: null, errors: [{ message: 'communities unavailable', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] } };
      }
      return { json: { data: entitiesOf(body.variables, partyOf) } };
    };
    const answer = await post(UNIT, {}, { id: 'unit-001' });
    expect(answer.data?.coBuildingUnit.partyBranch).toEqual({ name: 'branch of unit-001' });
    expect(answer.data?.coBuildingUnit.pairings.map((pairing: any) => pairing.community.partyOrganisation)).toEqual([null, null]);
    expect(answer.errors?.map((error) => error.message)).toEqual(['communities unavailable']);
    expect(organisations.requests).toHaveLength(3);
  });
});

describe('whole-operation deduplication at the front door', () => {
  const viaFrontDoor = (query: string, headers: Record<string, string> = {}, variables: Record<string, unknown> = {}) =>
    post(query, headers, variables, withOperationDedup.url);

  it('answers identical concurrent queries of one caller from one execution', async () => {
    grids.answer = countAnswer;
    grids.hold = true;
    const answers = Array.from({ length: 4 }, () => viaFrontDoor(COUNT, { authorization: 'Bearer same' }));
    await grids.waitForRequests(1);
    await untilJoined(3);
    grids.release();
    for (const answer of await Promise.all(answers)) expect(answer).toEqual({ status: 200, data: { communities: { totalCount: 67 } } });
    expect(grids.requests).toHaveLength(1);
  });

  it('keeps callers with different authorization, different variables and mutations apart', async () => {
    grids.answer = countAnswer;
    grids.hold = true;
    const query = 'query Count($first: Int) { communities(first: $first) { totalCount } }';
    const answers = [
      viaFrontDoor(query, { authorization: 'Bearer a' }, { first: 1 }),
      viaFrontDoor(query, { authorization: 'Bearer b' }, { first: 1 }),
      viaFrontDoor(query, { authorization: 'Bearer a' }, { first: 2 }),
    ];
    await grids.waitForRequests(3);
    grids.release();
    await Promise.all(answers);
    expect(grids.requests).toHaveLength(3);

    coBuilding.answer = () => ({ json: { data: { verifyServiceReport: { id: 'report-1' } } } });
    coBuilding.hold = true;
    const mutation = 'mutation Verify($input: VerifyServiceReportInput!) { verifyServiceReport(input: $input) { id } }';
    const mutations = Array.from({ length: 3 }, () => viaFrontDoor(mutation, { authorization: 'Bearer a' }, { input: { id: 'report-1', verifiedBy: 'x' } }));
    await coBuilding.waitForRequests(3);
    coBuilding.release();
    await Promise.all(mutations);
    expect(coBuilding.requests).toHaveLength(3);
  });

  it('does not share a failed answer: the waiting request runs on its own', async () => {
    let calls = 0;
    grids.answer = () => (++calls === 1 ? { status: 503, json: 'down' } : countAnswer());
    grids.hold = true;
    const answers = [viaFrontDoor(COUNT), viaFrontDoor(COUNT)];
    await grids.waitForRequests(1);
    await untilJoined(1);
    grids.release();
    const [first, second] = await Promise.all(answers);
    expect(first!.errors?.[0].message).toContain('503');
    expect(second!.data).toEqual({ communities: { totalCount: 67 } });
  });
});

/** A request the test can abandon midway, as a client closing its connection does. */
function abandonable(url: string, query: string, headers: Record<string, string> = {}, variables: Record<string, unknown> = {}) {
  const request = httpRequest(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers } });
  request.on('error', () => undefined); // the client itself cuts the connection
  request.end(JSON.stringify({ query, variables }));
  return { abandon: () => request.destroy() };
}

/** The value of one series of a registry's metrics text (0 when absent). */
async function metric(from: Registry, series: string): Promise<number> {
  const line = (await from.metrics()).split('\n').find((candidate) => candidate.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
}

/** Until `count` requests wait for an identical query in flight at the front door (joined it), as that gateway counts them. */
async function untilJoined(count: number): Promise<void> {
  await until(async () => (await metric(withOperationDedupRegistry, 'hub_gateway_operations_waiting')) === count);
}

/** Waits for a condition the gateway reaches by itself, checking between turns of the event loop. */
async function until(condition: () => Promise<boolean>): Promise<void> {
  await waitUntil('the gateway counted it', condition, { intervalMs: 5 });
}

/** Waits until the gateway has counted `count` grids fetches that joined one in flight (since the file started). */
function sharedFetches(count: number): Promise<void> {
  return until(async () => (await metric(registry, SHARED_GRIDS_FETCHES)) >= count);
}

const ABANDONED_REQUESTS = 'hub_http_request_duration_seconds_count{service="gateway",route="/graphql",status="499"}';
const SHARED_GRIDS_FETCHES = 'hub_gateway_subgraph_fetches_total{subgraph="grids",outcome="deduplicated"}';

describe('clients that go away', () => {
  it('abandons the subgraph fetches of a query whose client disconnected', async () => {
    grids.answer = countAnswer;
    grids.hold = true;
    const client = abandonable(service.url, COUNT, { authorization: 'Bearer leaving' });
    await grids.waitForRequests(1);
    client.abandon();
    await grids.waitForAbandoned(1);
    expect(grids.abandoned).toBe(1);
  });

  it('keeps a fetch shared with a client still waiting for it, and answers that client', async () => {
    grids.answer = countAnswer;
    grids.hold = true;
    const [abandonedBefore, sharedBefore] = [await metric(registry, ABANDONED_REQUESTS), await metric(registry, SHARED_GRIDS_FETCHES)];
    const leaving = abandonable(service.url, COUNT, { authorization: 'Bearer same' });
    await grids.waitForRequests(1);
    const staying = post(COUNT, { authorization: 'Bearer same' });
    await until(async () => (await metric(registry, SHARED_GRIDS_FETCHES)) > sharedBefore);
    leaving.abandon();
    await until(async () => (await metric(registry, ABANDONED_REQUESTS)) > abandonedBefore);
    grids.release();
    expect(await staying).toEqual({ status: 200, data: { communities: { totalCount: 67 } } });
    expect(grids.requests).toHaveLength(1);
    expect(grids.abandoned).toBe(0);
  });

  it('lets a mutation finish when its client disconnects: a write is not cut off midway', async () => {
    coBuilding.answer = () => ({ json: { data: { verifyServiceReport: { id: 'report-1' } } } });
    coBuilding.hold = true;
    const abandonedBefore = await metric(registry, ABANDONED_REQUESTS);
    const client = abandonable(service.url, 'mutation { verifyServiceReport(input: { id: "report-1" }) { id } }', { authorization: 'Bearer a' });
    await coBuilding.waitForRequests(1);
    client.abandon();
    await until(async () => (await metric(registry, ABANDONED_REQUESTS)) > abandonedBefore);
    coBuilding.release();
    expect(coBuilding.abandoned).toBe(0);
  });

  it('answers a request that was waiting for the execution of one whose client went away (front-door deduplication)', async () => {
    grids.answer = countAnswer;
    grids.hold = true;
    const leaving = abandonable(withOperationDedup.url, COUNT, { authorization: 'Bearer same' });
    await grids.waitForRequests(1);
    const staying = post(COUNT, { authorization: 'Bearer same' }, {}, withOperationDedup.url);
    await untilJoined(1);
    leaving.abandon();
    await grids.waitForAbandoned(1);
    await grids.waitForRequests(2); // the waiting request runs on its own
    grids.release();
    expect(await staying).toEqual({ status: 200, data: { communities: { totalCount: 67 } } });
  });
});

describe('the request context', () => {
  // While any AsyncLocalStorage is in use, Node 20 runs a hook for every promise of the process (a
  // tenth to a quarter of the gateway's CPU per request); the gateway carries its request's id and
  // client-gone signal on Apollo's context instead.
  it('is carried without an AsyncLocalStorage, and the id the gateway settled on reaches the subgraph', async () => {
    const gateway = await startGatewayHttp(
      {
        supergraphSdl: await readFile(projectPath('schema', 'supergraph.graphql'), 'utf8'),
        subgraphUrls: Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, fakes[name].url])),
        log: quiet,
        registry: new Registry(),
        security: await testGatewaySecurity(),
      },
      { host: '127.0.0.1', port: 0 },
    );
    const run = jest.spyOn(AsyncLocalStorage.prototype, 'run');
    const enterWith = jest.spyOn(AsyncLocalStorage.prototype, 'enterWith');
    try {
      grids.answer = countAnswer;
      const response = await fetch(gateway.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${await tokenFor('STREET_ADMIN')}` },
        body: JSON.stringify({ query: COUNT }),
      });
      expect(await response.json()).toEqual({ data: { communities: { totalCount: 67 } } });
      const requestId = response.headers.get('x-request-id');
      expect(requestId).toMatch(/^[\w-]{36}$/);
      expect(grids.requests.map((request) => request.headers['x-request-id'])).toEqual([requestId]);
      expect({ run: run.mock.calls.length, enterWith: enterWith.mock.calls.length }).toEqual({ run: 0, enterWith: 0 });
    } finally {
      run.mockRestore();
      enterWith.mockRestore();
      await gateway.close();
    }
  });
});

describe('the answers', () => {
  // As Apollo's default cache-control plugin answered every operation of the gateway (which resolves
  // no fields and gets no cache hints): never cacheable, whatever the answer.
  it('tell caches not to keep them: answered, refused, deduplicated', async () => {
    grids.answer = countAnswer;
    const headerOf = async (query: string, url = service.url) => {
      const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
      await response.text();
      return response.headers.get('cache-control');
    };
    expect(await headerOf(COUNT)).toBe('no-store');
    expect(await headerOf('{ communities(first: 1) { nope } }')).toBe('no-store');
    grids.hold = true;
    const first = headerOf(COUNT, withOperationDedup.url);
    await grids.waitForRequests(1);
    const joined = headerOf(COUNT, withOperationDedup.url);
    await untilJoined(1);
    grids.release();
    expect(await Promise.all([first, joined])).toEqual(['no-store', 'no-store']);
  });
});

describe('plan-cache warm-up', () => {
  it('plans every example operation at start without asking any subgraph', async () => {
    const operations = await knownOperations();
    expect(operations.length).toBeGreaterThanOrEqual(3);
    // The gateway above was started with the default warm-up: no subgraph was asked anything by it.
    const server = createGateway({
      supergraphSdl: await readFile(projectPath('schema', 'supergraph.graphql'), 'utf8'),
      security: await testGatewaySecurity(),
      subgraphUrls: Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, fakes[name].url])),
      log: quiet,
      warmUpOperations: false,
    });
    await server.start();
    try {
      expect(await warmUp(server, operations, quiet)).toBe(operations.length);
      for (const fake of Object.values(fakes)) expect(fake.requests).toHaveLength(0);
    } finally {
      await server.stop();
    }
  });
});

describe('in-flight deduplicator', () => {
  it('shares a run while it is in flight and forgets it when it settles', async () => {
    const dedup = new InFlightDeduplicator<number>();
    let runs = 0;
    let finish!: (value: number) => void;
    const work = () => (runs++, new Promise<number>((resolve) => (finish = resolve)));
    const first = dedup.run('k', work);
    const second = dedup.run('k', work);
    const other = dedup.run('other', () => Promise.resolve(7));
    expect(runs).toBe(1);
    finish(1);
    expect(await Promise.all([first, second, other])).toEqual([1, 1, 7]);
    expect(dedup.size).toBe(0);
    expect(dedup.sharedCount).toBe(1);
    const third = dedup.run('k', work);
    finish(2);
    expect(await third).toBe(2);
    expect(runs).toBe(2);
  });

  it('shares a failure with the waiting callers only', async () => {
    const dedup = new InFlightDeduplicator<number>();
    const failing = dedup.run('k', () => Promise.reject(new Error('down')));
    const joined = dedup.run('k', () => Promise.resolve(1));
    await expect(failing).rejects.toThrow('down');
    await expect(joined).rejects.toThrow('down');
    expect(await dedup.run('k', () => Promise.resolve(2))).toBe(2);
  });

  it('shares a key only within its scope, and drops a scope once its runs have settled', async () => {
    const dedup = new InFlightDeduplicator<string>();
    let finish!: (value: string) => void;
    const pending = () => new Promise<string>((resolve) => (finish = resolve));
    const first = dedup.run('body', pending, undefined, 'grids\nauthorization:Bearer a');
    const finishFirst = finish;
    const sameScope = dedup.run('body', () => Promise.resolve('not run'), undefined, 'grids\nauthorization:Bearer a');
    const otherScope = dedup.run('body', () => Promise.resolve('b'), undefined, 'grids\nauthorization:Bearer b');
    expect(dedup.sharedCount).toBe(1);
    expect(await otherScope).toBe('b');
    finishFirst('a');
    expect(await Promise.all([first, sameScope])).toEqual(['a', 'a']);
    expect(dedup.size).toBe(0);
    expect(dedup.scopeCount).toBe(0);
  });
});

describe('subgraph fetch headers', () => {
  it('makes the shared headers once per client request, with a fresh object and the trace context for each fetch', () => {
    const fetcher = new SubgraphFetcher();
    const incoming = new HeaderMap([['authorization', 'Bearer a']]);
    const first = fetcher.headersOf(incoming);
    const second = fetcher.headersOf(incoming);
    expect(first.headers).toEqual({ 'content-type': 'application/json', accept: 'application/json', authorization: 'Bearer a' });
    expect(second.headers).toEqual(first.headers);
    expect(second.headers).not.toBe(first.headers);
    expect(first.key).toBe(headersKey(first.headers));
    expect(fetcher.headersOf(new HeaderMap([['authorization', 'Bearer b']])).key).not.toBe(first.key);
  });
});

describe('what may be deduplicated', () => {
  it('only queries on behalf of a query', () => {
    expect(isDeduplicable(OperationTypeNode.QUERY, parse('query { a }'), 'query { a }')).toBe(true);
    expect(isDeduplicable(OperationTypeNode.QUERY, undefined, '{ a }')).toBe(true);
    expect(isDeduplicable(OperationTypeNode.MUTATION, parse('query { a }'), 'query { a }')).toBe(false);
    expect(isDeduplicable(OperationTypeNode.QUERY, parse('mutation { a }'), 'mutation { a }')).toBe(false);
    expect(isDeduplicable(OperationTypeNode.QUERY, undefined, 'mutation { a }')).toBe(false);
    expect(isDeduplicable(undefined, undefined, '{ a }')).toBe(false);
  });

  it('keys on every header that can change an answer, not on correlation ids', () => {
    const base = { 'content-type': 'application/json', authorization: 'Bearer a' };
    expect(headersKey({ ...base, 'x-request-id': '1', traceparent: 'x' })).toBe(headersKey({ ...base, 'x-request-id': '2' }));
    expect(headersKey(base)).not.toBe(headersKey({ ...base, authorization: 'Bearer b' }));
    expect(headersKey(base)).not.toBe(headersKey({ ...base, 'x-hub-caller': 'c' }));
  });
});

describe('one subgraph POST read as text (postText)', () => {
  let server: Server;
  let origin: string;
  /** What the next request is answered with: raw header lines and body bytes, or nothing (it hangs). */
  let reply: { headers: [string, string][]; body: Buffer } | undefined;
  let received = 0;
  beforeAll(async () => {
    server = createServer((req, res) => {
      received += 1;
      req.resume();
      req.on('end', () => {
        if (!reply) return; // left hanging: the test cancels it
        res.writeHead(200, reply.headers.flat());
        res.end(reply.body);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it("reads the answer as request()'s body.text() did: UTF-8 without a byte-order mark, the first content type, a replay only when marked once", async () => {
    const pool = new Pool(origin);
    try {
      const bom = Buffer.from([0xef, 0xbb, 0xbf]);
      reply = {
        headers: [
          ['Content-Type', 'application/json'],
          ['Idempotent-Replay', 'true'],
        ],
        body: Buffer.concat([bom, Buffer.from('{"data":{"名":"通安村"}}')]),
      };
      expect(await postText(pool, '/graphql', { 'content-type': 'application/json' }, '{}').answer).toEqual({
        status: 200,
        contentType: 'application/json',
        replayed: true,
        text: '{"data":{"名":"通安村"}}',
      });
      reply = {
        headers: [
          ['content-type', 'text/plain'],
          ['idempotent-replay', 'true'],
          ['idempotent-replay', 'true'],
        ],
        body: Buffer.from('plain'),
      };
      expect(await postText(pool, '/graphql', {}, '{}').answer).toEqual({ status: 200, contentType: 'text/plain', replayed: false, text: 'plain' });
    } finally {
      await pool.close();
    }
  });

  it('cancels a request waiting for its answer, and one cancelled before it was sent never leaves', async () => {
    const pool = new Pool(origin, { connections: 1 });
    try {
      reply = undefined;
      const before = received;
      const hanging = postText(pool, '/graphql', {}, '{}');
      await waitUntil('the request reached the server', () => received === before + 1);
      hanging.cancel(new Error('timed out'));
      await expect(hanging.answer).rejects.toThrow('timed out');
      const queued = postText(pool, '/graphql', {}, '{}');
      queued.cancel(new Error('client gone'));
      await expect(queued.answer).rejects.toThrow('client gone');
      expect(received).toBe(before + 1);
    } finally {
      await pool.destroy();
    }
  });
});
