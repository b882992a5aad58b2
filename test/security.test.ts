import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { SignJWT } from 'jose';
import { createLogger } from '../lib/kernel/log.js';
import type { RunningService } from '../lib/kernel/http-service.js';
import { operationId, safelistOf } from '../gateway/src/security.js';
import { loadExampleOperations } from '../gateway/src/explorer.js';
import { TEST_JWT_SECRET, testGatewaySecurity, tokenFor } from './support/auth.js';
import { postGraphQL, startGatewayOver, startTestHub, type TestHub } from './support/hub.js';

/**
 * Security through the real gateway and subgraphs: tokens, anonymous access, personal data (and
 * that it never reaches the logs), the audit log, going around the gateway, and every limit's code.
 */
const lines: string[] = [];
const capture = { write: (line: string) => void lines.push(line) };
let hub: TestHub;

const RESIDENT_PHONE = '13712345678';
const RESIDENT_NAME = '欧阳小明';

/** The rate limiter's clock (never real time): each test starts a minute later, with full buckets. */
let now = 0;
beforeEach(() => {
  now += 3_600_000;
});

beforeAll(async () => {
  hub = await startTestHub({
    logFor: (service) => createLogger(service, 'debug', capture),
    security: { limits: { ratePerMinute: 60, rateBurst: 40, maxBatchSize: 1, bodyLimit: '100kb' }, rateLimitClock: () => now },
  });
});
afterAll(async () => {
  await hub?.stop();
});

async function raw(body: unknown, headers: Record<string, string> = {}, url = hub.gatewayUrl) {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return { status: response.status, headers: response.headers, json: await response.json() };
}

describe('authentication at the gateway', () => {
  it('refuses a bad or expired token with HTTP 401 and UNAUTHENTICATED', async () => {
    const bad = await raw({ query: '{ street { name } }' }, { authorization: 'Bearer not-a-jwt' });
    expect(bad.status).toBe(401);
    expect(bad.json.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    const expired = await new SignJWT({ sub: 'u', role: 'STREET_ADMIN' })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuedAt(Math.floor(Date.now() / 1000) - 7200)
      .setExpirationTime(Math.floor(Date.now() / 1000) - 3600)
      .sign(new TextEncoder().encode(TEST_JWT_SECRET));
    const old = await raw({ query: '{ street { name } }' }, { authorization: `Bearer ${expired}` });
    expect(old.status).toBe(401);
    expect(old.json.errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('serves anonymous callers what the schema declares public, and nothing marked @authenticated', async () => {
    const open = await postGraphQL(hub.gatewayUrl, '{ communities(first: 1) { totalCount } }', {}, { token: null });
    expect(open.errors).toBeUndefined();
    expect(open.data!.communities.totalCount).toBe(67);
    const members = await postGraphQL(hub.gatewayUrl, '{ communities(first: 1) { nodes { partyOrganisation { secretary { name } } } } }', {}, { token: null });
    expect(members.status).toBe(401);
    expect(members.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const mutation = await postGraphQL(hub.gatewayUrl, 'mutation { cancelDemand(input: { id: "demand-0001" }) { id } }', {}, { token: null });
    expect(mutation.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('personal data', () => {
  let incidentId: string;
  it('is masked unless the caller holds pii:read, and never written to any log', async () => {
    const grid = (await hub.subgraphs.grids.db.query<{ id: string }>('SELECT id FROM grids ORDER BY id LIMIT 1'))[0]!.id;
    const reported = await postGraphQL(
      hub.gatewayUrl,
      `mutation($grid: ID!, $name: String!, $phone: String) { reportIncident(input: { gridId: $grid, category: FIRE_LANE_BLOCKED, description: "pii",
        location: { lat: 10, lng: 10 }, reporter: { name: $name, phone: $phone }, channel: HOTLINE_12345 }) { id reporter { name phone } } }`,
      { grid, name: RESIDENT_NAME, phone: RESIDENT_PHONE },
      { token: await tokenFor('STREET_ADMIN', { sub: 'pii-admin' }) },
    );
    expect(reported.errors).toBeUndefined();
    expect(reported.data!.reportIncident.reporter).toEqual({ name: '欧**明', phone: '137****5678' });
    incidentId = reported.data!.reportIncident.id;
    const query = `query($id: ID!) { incident(id: $id) { reporter { name phone } } communities(first: 3) { nodes { partyOrganisation { secretary { name phone } } } } }`;
    const full = await postGraphQL(hub.gatewayUrl, query, { id: incidentId }, { token: await tokenFor('STREET_ADMIN', { scopes: ['pii:read'] }) });
    expect(full.errors).toBeUndefined();
    expect(full.data!.incident.reporter).toEqual({ name: RESIDENT_NAME, phone: RESIDENT_PHONE });
    const secretaries = full.data!.communities.nodes.map((node: any) => node.partyOrganisation?.secretary).filter(Boolean);
    expect(secretaries.length).toBeGreaterThan(0);
    for (const secretary of secretaries) expect(secretary.phone).not.toContain('*');
    const masked = await postGraphQL(hub.gatewayUrl, query, { id: incidentId }, { token: await tokenFor('DISTRICT_PLATFORM') });
    expect(masked.data!.incident.reporter).toEqual({ name: '欧**明', phone: '137****5678' });
    // A failing mutation that carries personal data, logged at debug level everywhere.
    await postGraphQL(
      hub.gatewayUrl,
      `mutation { reportIncident(input: { gridId: "no-such-grid", category: FIRE_LANE_BLOCKED, description: "x", location: { lat: 1, lng: 1 },
        reporter: { name: "${RESIDENT_NAME}", phone: "${RESIDENT_PHONE}" }, channel: HOTLINE_12345 }) { id } }`,
    );
    const log = lines.join('');
    expect(lines.length).toBeGreaterThan(0);
    expect(log).not.toContain(RESIDENT_PHONE);
    expect(log).not.toContain(RESIDENT_NAME);
    for (const secretary of secretaries) {
      expect(log).not.toContain(secretary.phone);
      expect(log).not.toContain(secretary.name);
    }
  });
});

describe('scoped reads', () => {
  it('shows scoped roles the incidents of their scope only, with matching counts', async () => {
    const db = hub.subgraphs.grids.db;
    const [busiest] = await db.query<{ grid_id: string; community_id: string; n: number }>(
      `SELECT grid_id, community_id, count(*)::int AS n FROM incidents GROUP BY grid_id, community_id ORDER BY n DESC, grid_id LIMIT 1`,
    );
    const [elsewhere] = await db.query<{ id: string }>(`SELECT id FROM incidents WHERE grid_id <> $1 ORDER BY id LIMIT 1`, [busiest!.grid_id]);
    const query = `query($id: ID!) { incidents(first: 100) { totalCount nodes { id } } incident(id: $id) { id } }`;
    const gridWorker = await tokenFor('GRID_WORKER', { gridId: busiest!.grid_id, communityId: busiest!.community_id });
    const own = await postGraphQL(hub.gatewayUrl, query, { id: elsewhere!.id }, { token: gridWorker });
    expect(own.errors).toBeUndefined();
    expect(own.data!.incidents.totalCount).toBe(busiest!.n);
    expect(own.data!.incident).toBeNull();
    const [{ total }] = (await db.query<{ total: number }>(`SELECT count(*)::int AS total FROM incidents`)) as [{ total: number }];
    expect(busiest!.n).toBeLessThan(total);
    const admin = await postGraphQL(hub.gatewayUrl, query, { id: elsewhere!.id });
    expect(admin.data!.incidents.totalCount).toBe(total);
    expect(admin.data!.incident).toEqual({ id: elsewhere!.id });
    const [lead] = await db.query<{ lead_department_id: string; n: number }>(
      `SELECT lead_department_id, count(*)::int AS n FROM incidents GROUP BY lead_department_id ORDER BY n DESC LIMIT 1`,
    );
    const [{ n: departmentTotal }] = (await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM incidents WHERE lead_department_id = $1 OR $1 = ANY(assisting_department_ids)`,
      [lead!.lead_department_id],
    )) as [{ n: number }];
    const staff = await postGraphQL(
      hub.gatewayUrl,
      '{ incidents(first: 1) { totalCount } }',
      {},
      { token: await tokenFor('DEPARTMENT_STAFF', { departmentId: lead!.lead_department_id }) },
    );
    expect(staff.data!.incidents.totalCount).toBe(departmentTotal);
  });
});

describe('scoped reads of service reports', () => {
  it("lists a unit's service reports to its own members and street-wide roles only", async () => {
    const [unit] = await hub.subgraphs['co-building'].db.query<{ unit_id: string; n: number }>(
      `SELECT unit_id, count(*)::int AS n FROM service_reports GROUP BY unit_id ORDER BY n DESC LIMIT 1`,
    );
    const query = `query($id: ID!) { coBuildingUnit(id: $id) { serviceReports(first: 1) { totalCount } } }`;
    const count = async (token: string) =>
      (await postGraphQL(hub.gatewayUrl, query, { id: unit!.unit_id }, { token })).data!.coBuildingUnit.serviceReports.totalCount;
    expect(unit!.n).toBeGreaterThan(0);
    expect(await count(await tokenFor('UNIT_MEMBER', { unitId: unit!.unit_id }))).toBe(unit!.n);
    expect(await count(await tokenFor('DISTRICT_PLATFORM'))).toBe(unit!.n);
    expect(await count(await tokenFor('UNIT_MEMBER', { unitId: 'unit-someone-else' }))).toBe(0);
    expect(await count(await tokenFor('GRID_WORKER', { gridId: 'grid-001', communityId: 'community-01' }))).toBe(0);
  });
});

describe('audit log', () => {
  it('records every mutation with who, what, when and outcome; only DISTRICT_PLATFORM (audit:read) reads it', async () => {
    const worker = await tokenFor('UNIT_MEMBER', { sub: 'audit-unit-member', unitId: 'unit-other' });
    const refused = await postGraphQL(hub.gatewayUrl, 'mutation { expireDemand(input: { id: "demand-0001" }) { id } }', {}, { token: worker });
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const query = `{ resourcePoolsAuditLog(first: 10, subject: "audit-unit-member") { subject role mutation operationName targetIds resultIds outcome occurredAt } }`;
    const { data, errors } = await postGraphQL(hub.gatewayUrl, query, {}, { token: await tokenFor('DISTRICT_PLATFORM', { scopes: ['audit:read'] }) });
    expect(errors).toBeUndefined();
    expect(data!.resourcePoolsAuditLog[0]).toMatchObject({
      subject: 'audit-unit-member',
      role: 'UNIT_MEMBER',
      mutation: 'expireDemand',
      targetIds: ['demand-0001'],
      outcome: 'FORBIDDEN',
    });
    const grids = await postGraphQL(
      hub.gatewayUrl,
      '{ gridsAuditLog(first: 50) { subject mutation outcome resultIds } }',
      {},
      { token: await tokenFor('DISTRICT_PLATFORM', { scopes: ['audit:read'] }) },
    );
    expect(grids.data!.gridsAuditLog).toEqual(
      expect.arrayContaining([expect.objectContaining({ subject: 'pii-admin', mutation: 'reportIncident', outcome: 'OK' })]),
    );
    // Audit entries keep ids only, never the personal data a mutation carried.
    expect(JSON.stringify(grids.data)).not.toContain(RESIDENT_PHONE);
    const admin = await postGraphQL(hub.gatewayUrl, query, {}, { token: await tokenFor('STREET_ADMIN', { scopes: ['audit:read'] }) });
    expect(admin.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const noScope = await postGraphQL(hub.gatewayUrl, query, {}, { token: await tokenFor('DISTRICT_PLATFORM') });
    expect(noScope.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('audit log of refused calls', () => {
  it('keeps only well-formed ids, bounded in length, and never the free text a refused call carried', async () => {
    const worker = await tokenFor('UNIT_MEMBER', { sub: 'audit-flood', unitId: 'unit-other' });
    const personal = `${RESIDENT_NAME}110101199001011234${RESIDENT_PHONE}`;
    const memberId = personal.repeat(Math.floor(60_000 / personal.length));
    const operationName = `Flood${'N'.repeat(5_000)}`;
    const refused = await postGraphQL(
      hub.gatewayUrl,
      `mutation ${operationName}($input: SubmitServiceReportInput!) { submitServiceReport(input: $input) { id } }`,
      { input: { unitId: 'unit-001', reporter: 'IN_SERVICE_MEMBER', memberId, communityId: 'community-01', activity: 'x', hours: 1, servedOn: '2026-01-01' } },
      { token: worker },
    );
    expect(refused.errors?.[0]?.extensions?.code).toEqual(expect.stringMatching(/^(FORBIDDEN|BAD_USER_INPUT)$/));
    const { data, errors } = await postGraphQL(
      hub.gatewayUrl,
      '{ coBuildingAuditLog(first: 5, subject: "audit-flood") { mutation operationName targetIds outcome } }',
      {},
      { token: await tokenFor('DISTRICT_PLATFORM', { scopes: ['audit:read'] }) },
    );
    expect(errors).toBeUndefined();
    expect(data!.coBuildingAuditLog).toHaveLength(1);
    const [entry] = data!.coBuildingAuditLog;
    const shown = (text: string) => (text.length <= 100 ? text : `(${text.length} characters)`);
    expect({ ...entry, operationName: shown(entry.operationName), targetIds: entry.targetIds.map(shown) }).toEqual({
      mutation: 'submitServiceReport',
      operationName: expect.stringMatching(/^FloodN+$/),
      targetIds: ['unit-001', 'community-01'],
      outcome: refused.errors?.[0]?.extensions?.code,
    });
    expect(JSON.stringify(data)).not.toContain(RESIDENT_PHONE);
    expect(JSON.stringify(data)).not.toContain('110101199001011234');
  });
});

describe('limits', () => {
  it('answers each limit with its code', async () => {
    const token = await tokenFor('STREET_ADMIN', { sub: 'limits' });
    const auth = { authorization: `Bearer ${token}` };
    const deep = `{ communities(first: 1) { nodes { ${'grids { community { '.repeat(8)}name${' } }'.repeat(8)} } } }`;
    expect((await raw({ query: deep }, auth)).json.errors[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'depth' });
    const aliases = `{ ${Array.from({ length: 40 }, (_, i) => `a${i}: street { name }`).join(' ')} }`;
    expect((await raw({ query: aliases }, auth)).json.errors[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'aliases' });
    const costly = `{ ${Array.from({ length: 29 }, (_, i) => `c${i}: communities(first: 100) { nodes { grids { microGrids { id } } } }`).join(' ')} }`;
    expect((await raw({ query: costly }, auth)).json.errors[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'cost' });
    const tokens = `{ street { ${Array.from({ length: 6000 }, () => 'name').join(' ')} } }`;
    const tokenAnswer = (await raw({ query: tokens }, auth)).json;
    expect(tokenAnswer.errors[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'tokens' });
    const batch = await raw([{ query: '{ street { name } }' }, { query: '{ street { name } }' }], auth);
    expect(batch.status).toBe(400);
    expect(batch.json.errors[0].extensions.code).toBe('BAD_REQUEST');
    const big = await raw({ query: '{ street { name } }', variables: { padding: 'x'.repeat(200_000) } }, auth);
    expect(big.status).toBe(413);
    expect(big.json.errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('limits the rate per caller with RATE_LIMITED, HTTP 429 and Retry-After; other callers are unaffected', async () => {
    const auth = { authorization: `Bearer ${await tokenFor('GRID_WORKER', { sub: 'chatty', gridId: 'grid-001', communityId: 'community-01' })}` };
    const statuses: number[] = [];
    for (let i = 0; i < 40; i++) statuses.push((await raw({ query: '{ street { name } }' }, auth)).status);
    expect(statuses.every((status) => status === 200)).toBe(true);
    const limited = await raw({ query: '{ street { name } }' }, auth);
    expect(limited.status).toBe(429);
    expect(limited.json.errors[0].extensions.code).toBe('RATE_LIMITED');
    expect(Number(limited.headers.get('retry-after'))).toBe(1); // 60 a minute: one more a second
    expect((await postGraphQL(hub.gatewayUrl, '{ street { name } }')).status).toBe(200);
    now += 1_000;
    expect((await raw({ query: '{ street { name } }' }, auth)).status).toBe(200);
    expect((await raw({ query: '{ street { name } }' }, auth)).status).toBe(429);
  });

  it('limits failed sign-ins by client address: invalid tokens get 429 too, valid tokens from there still pass', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 45; i++) statuses.push((await raw({ query: '{ street { name } }' }, { authorization: `Bearer not-a-jwt-${i}` })).status);
    expect(statuses.slice(0, 40)).toEqual(Array(40).fill(401));
    expect(statuses.slice(40)).toEqual(Array(5).fill(429));
    const limited = await raw({ query: '{ street { name } }' }, { authorization: 'Bearer not-a-jwt' });
    expect(limited.json.errors[0].extensions.code).toBe('RATE_LIMITED');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect((await postGraphQL(hub.gatewayUrl, '{ street { name } }')).status).toBe(200);
    now += 60_000;
    expect((await raw({ query: '{ street { name } }' }, { authorization: 'Bearer not-a-jwt' })).status).toBe(401);
  });

  it('keys the rate limit by the whole caller: two units whose tokens share a subject do not starve each other', async () => {
    const unitA = { authorization: `Bearer ${await tokenFor('UNIT_MEMBER', { sub: 'unit-account', unitId: 'unit-001' })}` };
    const unitB = { authorization: `Bearer ${await tokenFor('UNIT_MEMBER', { sub: 'unit-account', unitId: 'unit-002' })}` };
    const worker = { authorization: `Bearer ${await tokenFor('GRID_WORKER', { sub: 'unit-account', gridId: 'grid-001', communityId: 'community-01' })}` };
    for (let i = 0; i < 40; i++) expect((await raw({ query: '{ street { name } }' }, unitA)).status).toBe(200);
    expect((await raw({ query: '{ street { name } }' }, unitA)).status).toBe(429);
    expect((await raw({ query: '{ street { name } }' }, unitB)).status).toBe(200);
    expect((await raw({ query: '{ street { name } }' }, worker)).status).toBe(200);
  });
});

describe('safelist mode', () => {
  let gateway: RunningService;
  beforeAll(async () => {
    const examples = await loadExampleOperations();
    const operations = examples.map((example) => ({ id: operationId(example.document), name: example.name, type: 'query' as const, body: example.document }));
    gateway = await startGatewayOver(hub.subgraphs, {
      security: await testGatewaySecurity({ safelist: safelistOf({ format: 'apollo-persisted-query-manifest', version: 1, operations }) }),
    });
  });
  afterAll(async () => {
    await gateway?.close();
  });

  it('serves manifest operations (by text or by id) and refuses the rest with OPERATION_NOT_IN_SAFELIST', async () => {
    const auth = { authorization: `Bearer ${await tokenFor('DISTRICT_PLATFORM')}` };
    const [example] = await loadExampleOperations();
    const byText = await raw({ query: example!.document }, auth, gateway.url);
    expect(byText.json.errors).toBeUndefined();
    const byId = await raw({ documentId: operationId(example!.document) }, auth, gateway.url);
    expect(byId.json.errors).toBeUndefined();
    expect(byId.json.data).toEqual(byText.json.data);
    const other = await raw({ query: '{ street { name } }' }, auth, gateway.url);
    expect(other.status).toBe(400);
    expect(other.json.errors[0].extensions.code).toBe('OPERATION_NOT_IN_SAFELIST');
  });

  it('sees the same GET parameters Apollo sees: more than 1,000 are refused, and none hides an operation from the safelist', async () => {
    const auth = { authorization: `Bearer ${await tokenFor('DISTRICT_PLATFORM')}`, 'apollo-require-preflight': 'true' };
    const get = async (search: string) => {
      const response = await fetch(`${gateway.url}?${search}`, { headers: auth });
      return { status: response.status, json: await response.json() };
    };
    const [example] = await loadExampleOperations();
    const listed = await get(new URLSearchParams({ query: example!.document }).toString());
    expect(listed.status).toBe(200);
    expect(listed.json.errors).toBeUndefined();
    const unlisted = `query=${encodeURIComponent('{ street { name } }')}`;
    expect((await get(unlisted)).json.errors[0].extensions.code).toBe('OPERATION_NOT_IN_SAFELIST');
    const padding = (count: number) => Array.from({ length: count }, (_, i) => `p${i}=${i}`).join('&');
    // Past the 1,000th parameter: what express parses stops there, Apollo reads on.
    const hidden = await get(`${padding(1_000)}&${unlisted}`);
    expect(hidden.status).toBe(400);
    expect(hidden.json.data ?? null).toBeNull();
    expect(hidden.json.errors[0].extensions.code).toEqual(expect.stringMatching(/^(BAD_REQUEST|OPERATION_NOT_IN_SAFELIST)$/));
    const tooMany = await get(`${padding(1_001)}&query=${encodeURIComponent(example!.document)}`);
    expect(tooMany.status).toBe(400);
    expect(tooMany.json.errors[0].extensions).toMatchObject({ code: 'BAD_REQUEST', limit: 'parameters', max: 1_000 });
    expect((await get(`${padding(990)}&${unlisted}`)).json.errors[0].extensions.code).toBe('OPERATION_NOT_IN_SAFELIST');
  });
});
