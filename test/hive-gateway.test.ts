import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { SignJWT } from 'jose';
import { Registry } from 'prom-client';
import { ROLES, type Role } from '../lib/auth/caller.js';
import { findFreePort } from '../hub/free-port.js';
import { IDEMPOTENT_REPLAY_HEADER } from '../lib/kernel/api-contract.js';
import type { RunningService } from '../lib/kernel/http-service.js';
import { createLogger } from '../lib/kernel/log.js';
import { projectPath } from '../lib/kernel/project-root.js';
import { SUBGRAPH_NAMES, type SubgraphName } from '../lib/subgraph/names.js';
import { startHiveGatewayHttp } from '../gateway/hive/http.js';
import { loadExampleOperations } from '../gateway/src/explorer.js';
import { startGatewayHttp } from '../gateway/src/http.js';
import { operationId, safelistOf, type GatewayLimits, type Safelist } from '../gateway/src/security.js';
import { TEST_JWT_SECRET, TEST_ROUTER_SECRETS, testGatewaySecurity, tokenFor } from './support/auth.js';
import { compiledEntry } from './support/compiled.js';
import { SERVICE_CALL_TIMEOUT_MS } from './support/wait.js';
import { postGraphQL, startTestHub, type GraphQLResponse, type TestHub, TEST_SUBGRAPH_TIMEOUTS_MS } from './support/hub.js';

/**
 * Hive Gateway (gateway/hive/) and the hub's own gateway side by side on the same four subgraphs,
 * with the same security settings: the example operations give the same data, a slice of the
 * authorization matrix gives the same data and the same refusals (codes and HTTP statuses;
 * messages may differ), every limit answers with the same code, and Hive refuses at the gateway
 * what the hub's gateway refuses there (no subgraph is asked). Where the two cannot agree, a test
 * below says so and checks the difference.
 */
const LIMITS: Partial<GatewayLimits> = { ratePerMinute: 60, rateBurst: 40, maxBatchSize: 1, bodyLimit: '100kb' };
/**
 * The rate limiters' clock, of both gateways (never real time): it stands still during a test, so a
 * burst is counted exactly however slowly the machine sends it, and each test starts an hour later,
 * with full buckets.
 */
let rateNow = 0;
const rateLimitClock = () => rateNow;
beforeEach(() => {
  rateNow += 3_600_000;
});
// Paused incidents' deadlines move with "now": one fixed now lets two runs of an example agree.
const NOW = new Date();

let hub: TestHub;
let hive: RunningService;
/** The subgraph requests Hive sent, by subgraph name, since the last reset. */
const hiveFetches: string[] = [];
const recordFetches: GatewayPlugin = {
  onFetch({ executionRequest }) {
    hiveFetches.push(executionRequest?.subgraphName ?? '?');
  },
};

const subgraphUrls = () => Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, hub.subgraphs[name].url])) as Record<SubgraphName, string>;

async function startHive(overrides: { routerSecrets?: readonly string[]; safelist?: Safelist } = {}): Promise<RunningService> {
  return startHiveGatewayHttp(
    {
      supergraphSdl: await readFile(projectPath('schema', 'supergraph.graphql'), 'utf8'),
      subgraphUrls: subgraphUrls(),
      security: await testGatewaySecurity({ limits: LIMITS, rateLimitClock, ...overrides }),
      plugins: [recordFetches],
      timeoutsMs: TEST_SUBGRAPH_TIMEOUTS_MS,
    },
    { host: '127.0.0.1', port: 0 },
  );
}

beforeAll(async () => {
  hub = await startTestHub({ security: { limits: LIMITS, rateLimitClock }, clock: () => NOW });
  hive = await startHive();
});
afterAll(async () => {
  await hive?.close();
  await hub?.stop();
});

interface Outcome {
  status: number;
  data: unknown;
  codes: string[];
}

/**
 * What a client relies on: the status, the data and the error codes. Hive writes `data: null` where
 * ours leaves `data` out, and names every refused field where ours stops at the first; so the data
 * is compared with `null` for missing, and the codes as the set of distinct codes.
 */
function outcomeOf(response: GraphQLResponse<unknown>): Outcome {
  const codes = new Set((response.errors ?? []).map((error) => String(error.extensions?.code)));
  return { status: response.status, data: response.data ?? null, codes: [...codes].sort() };
}

/** The same operation through both gateways, ours first. */
async function throughBoth(query: string, variables: Record<string, unknown>, token: string | null): Promise<{ ours: Outcome; hive: Outcome }> {
  const ours = outcomeOf(await postGraphQL(hub.gatewayUrl, query, variables, { token }));
  hiveFetches.length = 0;
  return { ours, hive: outcomeOf(await postGraphQL(hive.url, query, variables, { token })) };
}

describe('the example operations (gateway/examples)', () => {
  it('give identical data through both gateways', async () => {
    const examples = await loadExampleOperations();
    expect(examples.length).toBeGreaterThanOrEqual(5);
    for (const example of examples) {
      const { ours, hive: theirs } = await throughBoth(example.document, {}, await tokenFor('STREET_ADMIN', { sub: 'examples' }));
      expect({ name: example.name, ...ours }).toEqual({ name: example.name, status: 200, data: expect.anything(), codes: [] });
      expect({ name: example.name, ...theirs }).toEqual({ name: example.name, ...ours });
      // Every subgraph request Hive sent was named, so the router signature knew its audience.
      expect(hiveFetches.length).toBeGreaterThan(0);
      expect(hiveFetches.every((name) => (SUBGRAPH_NAMES as readonly string[]).includes(name))).toBe(true);
    }
  });
});

/** Every role's token, each with every scope id so that no role is refused for a missing claim. */
function tokenOf(role: Role, scopes: readonly string[] = []): Promise<string> {
  return tokenFor(role, {
    sub: `hive-${role.toLowerCase()}`,
    communityId: 'community-01',
    gridId: 'grid-001',
    unitId: 'unit-001',
    departmentId: 'department-01',
    scopes,
  });
}

type Who = Role | 'ANONYMOUS';
const CALLERS: readonly Who[] = ['ANONYMOUS', ...ROLES];

describe('a slice of the authorization matrix, anonymous and every role', () => {
  const incidents = '{ incidents(first: 5) { totalCount nodes { id status grid { id } } } }';
  const auditLog = '{ gridsAuditLog(first: 5) { subject mutation outcome } }';
  const setRule = `mutation($hours: Int!) { setIncidentRoutingRule(input: { category: NOISE, leadDepartmentId: "department-01", deadlineHours: $hours }) {
    category deadlineHours leadDepartment { id } } }`;
  const rule = '{ incidentRoutingRules { category deadlineHours } }';

  it('a read that needs a token: the same data per role; anonymous refused at the gateway (UNAUTHENTICATED)', async () => {
    for (const who of CALLERS) {
      const { ours, hive: theirs } = await throughBoth(incidents, {}, who === 'ANONYMOUS' ? null : await tokenOf(who));
      expect({ who, ...theirs }).toEqual({ who, ...ours });
      if (who === 'ANONYMOUS') {
        expect(ours).toMatchObject({ status: 401, codes: ['UNAUTHENTICATED'] });
        expect(hiveFetches).toEqual([]);
      } else {
        expect(ours.codes).toEqual([]);
      }
    }
  });

  it('a read that needs audit:read: FORBIDDEN without the scope (at the gateway), the same entries with it', async () => {
    for (const who of CALLERS) {
      const { ours, hive: theirs } = await throughBoth(auditLog, {}, who === 'ANONYMOUS' ? null : await tokenOf(who));
      expect({ who, ...theirs }).toEqual({ who, ...ours });
      expect(ours).toMatchObject(who === 'ANONYMOUS' ? { status: 401, codes: ['UNAUTHENTICATED'] } : { status: 403, codes: ['FORBIDDEN'] });
      expect(hiveFetches).toEqual([]);
    }
    const withScope = await throughBoth(auditLog, {}, await tokenOf('DISTRICT_PLATFORM', ['audit:read']));
    expect(withScope.ours).toMatchObject({ status: 200, codes: [] });
    expect(withScope.hive).toEqual(withScope.ours);
    // A role that holds the scope but may not read audit logs is refused by the subgraph itself.
    const admin = await throughBoth(auditLog, {}, await tokenOf('STREET_ADMIN', ['audit:read']));
    expect(admin.ours.codes).toEqual(['FORBIDDEN']);
    expect(admin.hive).toEqual(admin.ours);
    expect(hiveFetches).toEqual(['grids']);
  });

  it('a mutation: allowed for STREET_ADMIN with the same answer, refused for every other role (FORBIDDEN) and anonymous (UNAUTHENTICATED), changing nothing', async () => {
    const allowed = await throughBoth(setRule, { hours: 36 }, await tokenOf('STREET_ADMIN'));
    expect(allowed.ours).toEqual({
      status: 200,
      data: { setIncidentRoutingRule: { category: 'NOISE', deadlineHours: 36, leadDepartment: { id: 'department-01' } } },
      codes: [],
    });
    expect(allowed.hive).toEqual(allowed.ours);
    const before = await postGraphQL(hub.gatewayUrl, rule, {}, { token: null });
    for (const who of CALLERS.filter((caller) => caller !== 'STREET_ADMIN')) {
      const refused = await throughBoth(setRule, { hours: 1 }, who === 'ANONYMOUS' ? null : await tokenOf(who));
      expect({ who, ...refused.hive }).toEqual({ who, ...refused.ours });
      expect(refused.ours.codes).toEqual([who === 'ANONYMOUS' ? 'UNAUTHENTICATED' : 'FORBIDDEN']);
      // Anonymous callers are refused by Hive itself; signed-in ones by the grids subgraph's policy.
      expect(hiveFetches).toEqual(who === 'ANONYMOUS' ? [] : ['grids']);
    }
    expect((await postGraphQL(hub.gatewayUrl, rule, {}, { token: null })).data).toEqual(before.data);
  });
});

async function raw(url: string, body: string, headers: Record<string, string> = {}) {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body }).catch((error: Error) => {
    throw new Error(`${url}: ${error.message} (${String((error.cause as Error | undefined)?.message)})`);
  });
  return {
    status: response.status,
    retryAfter: response.headers.get('retry-after'),
    json: (await response.json()) as { data?: unknown; errors?: { extensions?: Record<string, unknown> }[] },
  };
}

describe('limits and bad requests', () => {
  /** Status and the first error's code and limit, as clients asking for the GraphQL-over-HTTP media type see them. */
  async function refusalBy(url: string, body: string, headers: Record<string, string>) {
    const { status, json } = await raw(url, body, { accept: 'application/graphql-response+json', ...headers });
    const extensions = json.errors?.[0]?.extensions ?? {};
    return { status, code: extensions.code, limit: extensions.limit };
  }

  it('answer with the same HTTP status and code through both gateways', async () => {
    const auth = { authorization: `Bearer ${await tokenFor('STREET_ADMIN', { sub: 'hive-limits' })}` };
    const expired = await new SignJWT({ sub: 'u', role: 'STREET_ADMIN' })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuedAt(Math.floor(NOW.getTime() / 1000) - 7200)
      .setExpirationTime(Math.floor(NOW.getTime() / 1000) - 3600)
      .sign(new TextEncoder().encode(TEST_JWT_SECRET));
    const query = (text: string) => JSON.stringify({ query: text });
    const cases: { name: string; body: string; headers?: Record<string, string>; expected: { status: number; code: string; limit?: string } }[] = [
      {
        name: 'depth',
        body: query(`{ communities(first: 1) { nodes { ${'grids { community { '.repeat(8)}name${' } }'.repeat(8)} } } }`),
        expected: { status: 400, code: 'QUERY_TOO_COMPLEX', limit: 'depth' },
      },
      {
        name: 'aliases',
        body: query(`{ ${Array.from({ length: 40 }, (_, i) => `a${i}: street { name }`).join(' ')} }`),
        expected: { status: 400, code: 'QUERY_TOO_COMPLEX', limit: 'aliases' },
      },
      {
        name: 'cost',
        body: query(`{ ${Array.from({ length: 29 }, (_, i) => `c${i}: communities(first: 100) { nodes { grids { microGrids { id } } } }`).join(' ')} }`),
        expected: { status: 400, code: 'QUERY_TOO_COMPLEX', limit: 'cost' },
      },
      {
        name: 'tokens',
        body: query(`{ street { ${Array.from({ length: 6000 }, () => 'name').join(' ')} } }`),
        expected: { status: 400, code: 'QUERY_TOO_COMPLEX', limit: 'tokens' },
      },
      {
        name: 'batch',
        body: JSON.stringify([{ query: '{ street { name } }' }, { query: '{ street { name } }' }]),
        expected: { status: 400, code: 'BAD_REQUEST', limit: 'batch' },
      },
      {
        name: 'body size',
        body: JSON.stringify({ query: '{ street { name } }', variables: { padding: 'x'.repeat(200_000) } }),
        expected: { status: 413, code: 'PAYLOAD_TOO_LARGE' },
      },
      {
        name: 'bad token',
        body: query('{ street { name } }'),
        headers: { authorization: 'Bearer not-a-jwt' },
        expected: { status: 401, code: 'UNAUTHENTICATED' },
      },
      {
        name: 'expired token',
        body: query('{ street { name } }'),
        headers: { authorization: `Bearer ${expired}` },
        expected: { status: 401, code: 'UNAUTHENTICATED' },
      },
      {
        name: 'not Bearer',
        body: query('{ street { name } }'),
        headers: { authorization: 'Basic dXNlcjpwdw==' },
        expected: { status: 401, code: 'UNAUTHENTICATED' },
      },
      { name: 'malformed JSON', body: '{"query": ', expected: { status: 400, code: 'BAD_REQUEST' } },
      { name: 'syntax error', body: query('{ street { '), expected: { status: 400, code: 'GRAPHQL_PARSE_FAILED' } },
      { name: 'unknown field', body: query('{ street { nope } }'), expected: { status: 400, code: 'GRAPHQL_VALIDATION_FAILED' } },
      {
        name: 'service-only field (@inaccessible)',
        body: query('mutation { recordCreditEvent(input: {}) { ok } }'),
        expected: { status: 400, code: 'GRAPHQL_VALIDATION_FAILED' },
      },
      { name: 'missing variable', body: query('query($id: ID!) { community(id: $id) { name } }'), expected: { status: 400, code: 'BAD_USER_INPUT' } },
    ];
    for (const { name, body, headers, expected } of cases) {
      const ours = await refusalBy(hub.gatewayUrl, body, headers ?? auth);
      const theirs = await refusalBy(hive.url, body, headers ?? auth);
      expect({ name, ...ours }).toEqual({ name, limit: undefined, ...expected });
      expect({ name, ...theirs }).toEqual({ name, ...ours });
    }
  });

  it('limit the rate per caller alike: the burst passes, then RATE_LIMITED with HTTP 429 and Retry-After', async () => {
    for (const url of [hub.gatewayUrl, hive.url]) {
      const auth = { authorization: `Bearer ${await tokenFor('GRID_WORKER', { sub: `chatty-${url}`, gridId: 'grid-001', communityId: 'community-01' })}` };
      const answers = [];
      for (let i = 0; i < 45; i++) answers.push(await raw(url, JSON.stringify({ query: '{ street { name } }' }), auth));
      // The clock stands still: exactly the burst passes, however long the 45 requests took.
      expect({ url, statuses: answers.map((answer) => answer.status) }).toEqual({ url, statuses: [...Array(40).fill(200), ...Array(5).fill(429)] });
      for (const limited of answers.slice(40)) {
        expect(limited.json.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
        expect(limited.retryAfter).toBe('1');
      }
    }
  });

  it('limit failed sign-ins per address alike: the burst of bad tokens gets 401, then RATE_LIMITED', async () => {
    for (const url of [hub.gatewayUrl, hive.url]) {
      const statuses = [];
      for (let i = 0; i < 45; i++)
        statuses.push((await raw(url, JSON.stringify({ query: '{ street { name } }' }), { authorization: `Bearer guess-${i}` })).status);
      expect({ url, statuses }).toEqual({ url, statuses: [...Array(40).fill(401), ...Array(5).fill(429)] });
    }
  });

  it('refuse a body over the limit also when it streams in without Content-Length', async () => {
    const oversized = new TextEncoder().encode(JSON.stringify({ query: '{ street { name } }', variables: { padding: 'x'.repeat(200_000) } }));
    for (const url of [hub.gatewayUrl, hive.url]) {
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          for (let offset = 0; offset < oversized.length; offset += 16_384) controller.enqueue(oversized.subarray(offset, offset + 16_384));
          controller.close();
        },
      });
      // A streamed body needs duplex: 'half', which node's fetch takes but its RequestInit type does not list.
      const init: RequestInit & { duplex: 'half' } = { method: 'POST', headers: { 'content-type': 'application/json' }, body, duplex: 'half' };
      const response = await fetch(url, init);
      expect({ url, status: response.status }).toEqual({ url, status: 413 });
      expect(((await response.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('PAYLOAD_TOO_LARGE');
    }
  });

  it('grant other origins nothing: no CORS headers, so a page elsewhere cannot read answers in a browser', async () => {
    for (const url of [hub.gatewayUrl, hive.url]) {
      const preflight = await fetch(url, { method: 'OPTIONS', headers: { origin: 'https://elsewhere.example', 'access-control-request-method': 'POST' } });
      const post = await fetch(url, {
        method: 'POST',
        headers: { origin: 'https://elsewhere.example', 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ street { name } }' }),
      });
      expect({ url, preflight: preflight.headers.get('access-control-allow-origin'), post: post.headers.get('access-control-allow-origin') }).toEqual({
        url,
        preflight: null,
        post: null,
      });
    }
  });

  it('differ in one documented way: parse and validation failures under Accept: application/json are HTTP 200 through Hive (GraphQL over HTTP), 400 through ours', async () => {
    const auth = { authorization: `Bearer ${await tokenFor('STREET_ADMIN', { sub: 'hive-accept' })}`, accept: 'application/json' };
    const invalid = JSON.stringify({ query: '{ street { nope } }' });
    const ours = await raw(hub.gatewayUrl, invalid, auth);
    const theirs = await raw(hive.url, invalid, auth);
    expect(ours.status).toBe(400);
    expect(theirs.status).toBe(200);
    expect(theirs.json.errors?.[0]?.extensions?.code).toBe(ours.json.errors?.[0]?.extensions?.code);
    // The limits are measured once the variables are known, after validation: the same 400 through both.
    const aliased = JSON.stringify({ query: `{ ${Array.from({ length: 40 }, (_, i) => `a${i}: street { name }`).join(' ')} }` });
    const limited = await Promise.all([raw(hub.gatewayUrl, aliased, auth), raw(hive.url, aliased, auth)]);
    expect(limited.map((answer) => [answer.status, answer.json.errors?.[0]?.extensions?.code])).toEqual([
      [400, 'QUERY_TOO_COMPLEX'],
      [400, 'QUERY_TOO_COMPLEX'],
    ]);
  });
});

describe('safelist mode (SAFELIST_PATH)', () => {
  it('serves manifest operations by text or by id, with the data ours gives, and refuses the rest with OPERATION_NOT_IN_SAFELIST', async () => {
    const examples = await loadExampleOperations();
    const operations = examples.map((example) => ({ id: operationId(example.document), name: example.name, type: 'query' as const, body: example.document }));
    const safelisted = await startHive({ safelist: safelistOf({ format: 'apollo-persisted-query-manifest', version: 1, operations }) });
    try {
      const auth = { authorization: `Bearer ${await tokenOf('DISTRICT_PLATFORM')}` };
      const example = examples[0]!;
      const ours = await raw(hub.gatewayUrl, JSON.stringify({ query: example.document }), auth);
      const byText = await raw(safelisted.url, JSON.stringify({ query: example.document }), auth);
      const byId = await raw(safelisted.url, JSON.stringify({ documentId: operationId(example.document) }), auth);
      const byHash = await raw(
        safelisted.url,
        JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash: operationId(example.document) } } }),
        auth,
      );
      for (const answer of [byText, byId, byHash]) expect(answer.json).toEqual(ours.json);
      const other = await raw(safelisted.url, JSON.stringify({ query: '{ street { name } }' }), auth);
      expect(other.status).toBe(400);
      expect(other.json.errors?.[0]?.extensions?.code).toBe('OPERATION_NOT_IN_SAFELIST');
      const unknownId = await raw(safelisted.url, JSON.stringify({ documentId: operationId('{ street { name } }') }), auth);
      expect(unknownId.json.errors?.[0]?.extensions?.code).toBe('OPERATION_NOT_IN_SAFELIST');
    } finally {
      await safelisted.close();
    }
  });
});

describe('Idempotency-Key through Hive', () => {
  it('reaches the subgraph: a retried mutation gets the first answer, marked idempotent-replay, and creates one record', async () => {
    const key = `hive-${randomUUID()}`;
    const title = `hive-retried-${key}`;
    const submit = async () => {
      const response = await fetch(hive.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': key, authorization: `Bearer ${await tokenOf('STREET_ADMIN')}` },
        body: JSON.stringify({
          query: 'mutation($input: SubmitDemandInput!) { submitDemand(input: $input) { id title } }',
          variables: {
            input: { title, description: 'retried through Hive', category: 'VOLUNTEER_SERVICE', communityId: 'community-01', source: 'RESIDENT_ORDER' },
          },
        }),
      });
      return { replayed: response.headers.get(IDEMPOTENT_REPLAY_HEADER), body: (await response.json()) as { data?: unknown; errors?: unknown } };
    };
    const first = await submit();
    const retried = await submit();
    expect(first.body.errors).toBeUndefined();
    expect(first.replayed).toBeNull();
    expect(retried).toEqual({ replayed: 'true', body: first.body });
    const rows = await hub.subgraphs['resource-pools'].db.query<{ count: string }>('SELECT count(*) FROM demands WHERE title = $1', [title]);
    expect(Number(rows[0]!.count)).toBe(1);
  });
});

describe('a subgraph that does not answer', () => {
  it('costs only its own fields, with SUBGRAPH_UNAVAILABLE (down) or SUBGRAPH_TIMEOUT (silent), through both gateways', async () => {
    // One server that takes requests and never answers, and a port nothing listens on.
    const silent = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const silentUrl = `http://127.0.0.1:${(silent.address() as AddressInfo).port}/graphql`;
    const downUrl = `http://127.0.0.1:${await findFreePort()}/graphql`;
    const supergraphSdl = await readFile(projectPath('schema', 'supergraph.graphql'), 'utf8');
    const started: RunningService[] = [];
    try {
      for (const [organisations, expected] of [
        [downUrl, 'SUBGRAPH_UNAVAILABLE'],
        [silentUrl, 'SUBGRAPH_TIMEOUT'],
      ] as const) {
        const subgraphs = { ...subgraphUrls(), organisations };
        const timeoutsMs = { ...TEST_SUBGRAPH_TIMEOUTS_MS, organisations: 300 };
        const security = await testGatewaySecurity({ limits: LIMITS, rateLimitClock });
        const ours = await startGatewayHttp(
          { supergraphSdl, subgraphUrls: subgraphs, security, log: createLogger('test', 'error'), registry: new Registry(), fetcher: { timeoutsMs } },
          { host: '127.0.0.1', port: 0 },
        );
        started.push(ours);
        const theirs = await startHiveGatewayHttp({ supergraphSdl, subgraphUrls: subgraphs, security, timeoutsMs }, { host: '127.0.0.1', port: 0 });
        started.push(theirs);
        const query = '{ communities(first: 2) { nodes { name partyOrganisation { name } } } }';
        const token = await tokenOf('STREET_ADMIN');
        const viaOurs = await postGraphQL(ours.url, query, {}, { token });
        const viaHive = await postGraphQL(theirs.url, query, {}, { token });
        expect(outcomeOf(viaOurs)).toMatchObject({ status: 200, codes: [expected] });
        expect((viaOurs.data as { communities: { nodes: { name: string }[] } }).communities.nodes).toHaveLength(2);
        expect(outcomeOf(viaHive)).toEqual(outcomeOf(viaOurs));
        expect(viaHive.errors?.[0]?.extensions?.serviceName).toBe('organisations');
      }
    } finally {
      await Promise.all(started.map((service) => service.close()));
      silent.closeAllConnections();
      await new Promise((resolve) => silent.close(resolve));
    }
  });
});

describe('the trust contract towards the subgraphs', () => {
  it('is what lets Hive through: with a router secret the subgraphs do not hold, every subgraph refuses it', async () => {
    const stranger = await startHive({ routerSecrets: ['a-router-secret-no-subgraph-holds-0123456789'] });
    try {
      const answer = await postGraphQL(stranger.url, '{ street { name } communities(first: 1) { totalCount } }', {}, { token: await tokenOf('STREET_ADMIN') });
      expect(answer.data ?? null).toBeNull();
      expect(answer.errors?.length).toBeGreaterThan(0);
      expect(answer.errors!.every((error) => error.extensions?.code === 'UNAUTHENTICATED')).toBe(true);
    } finally {
      await stranger.close();
    }
  });
});

describe('gateway/hive/main.ts', () => {
  // `npm run start:hive` runs gateway/hive/main.ts through tsx; the run's compiled JavaScript of the
  // same sources spares both processes tsx's loader on Hive's many modules (test/support/compiled.ts).
  let command: string;
  beforeAll(async () => {
    command = await compiledEntry('gateway/hive/main.ts');
  });

  function run(env: Record<string, string>) {
    const child = spawn(process.execPath, [command], {
      cwd: projectPath(),
      env: {
        ...process.env,
        JWT_SECRET: TEST_JWT_SECRET,
        HUB_ROUTER_SECRETS: TEST_ROUTER_SECRETS.join(','),
        HOST: '127.0.0.1',
        PORT: '0',
        SUBGRAPH_TIMEOUT_MS: String(SERVICE_CALL_TIMEOUT_MS),
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const listening = new Promise<string>((resolve, reject) => {
      const read = (chunk: Buffer) => {
        output += chunk.toString();
        for (const line of output.split('\n').slice(0, -1)) {
          if (!line.startsWith('{') || !line.includes('"listening"')) continue;
          const entry = JSON.parse(line) as { message?: string; url?: string };
          if (entry.message === 'listening' && entry.url) resolve(entry.url);
        }
      };
      child.stdout.on('data', read);
      child.stderr.on('data', read);
      void exited.then((code) => reject(new Error(`hive gateway exited (${code}) before listening:\n${output.slice(-3000)}`)));
    });
    return { child, exited, listening, output: () => output };
  }

  it('refuses a list of replica URLs, which only the hub gateway balances', async () => {
    const subgraphs = Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, hub.subgraphs[name].url]));
    await expect(
      startHiveGatewayHttp(
        {
          supergraphSdl: await readFile(projectPath('schema', 'supergraph.graphql'), 'utf8'),
          subgraphUrls: { ...subgraphs, grids: `${hub.subgraphs.grids.url},${hub.subgraphs.grids.url}` },
          security: await testGatewaySecurity(),
        },
        { host: '127.0.0.1', port: 0 },
      ),
    ).rejects.toThrow(/SUBGRAPH_GRIDS_URL.*load balancer/);
  });

  it('serves the hub from the gateway environment variables, and refuses a SUBGRAPH_<NAME>_URL the supergraph lacks', async () => {
    const urls = Object.fromEntries(SUBGRAPH_NAMES.map((name) => [`SUBGRAPH_${name.toUpperCase().replace(/-/g, '_')}_URL`, hub.subgraphs[name].url]));
    // Both start at once: each spends seconds loading Hive.
    const refused = run({ ...urls, SUBGRAPH_EMAILS_URL: hub.subgraphs.grids.url });
    const served = run(urls);
    try {
      await expect(refused.listening).rejects.toThrow(/SUBGRAPH_EMAILS_URL/);
      expect(await refused.exited).not.toBe(0);
      const url = await served.listening;
      const [example] = await loadExampleOperations();
      const answer = await postGraphQL(url, example!.document, {}, { token: await tokenOf('STREET_ADMIN') });
      expect(answer.errors).toBeUndefined();
      expect(answer.data).toEqual((await postGraphQL(hub.gatewayUrl, example!.document, {}, { token: await tokenOf('STREET_ADMIN') })).data);
      const ready = await fetch(new URL('/ready', url));
      expect(ready.status).toBe(200);
    } finally {
      served.child.kill('SIGTERM');
      expect(await served.exited).toBe(0);
    }
  });
});
