import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createLogger } from '../lib/kernel/log.js';
import type { StartedSubgraph } from '../lib/subgraph/runtime.js';
import type { PeerName } from '../lib/subgraph/peer-client.js';
import { startSubgraphByName } from '../hub/subgraph-modules.js';
import { asRouter, testPeers, testSubgraphTrust, tokenFor } from './support/auth.js';
import { postGraphQL, type GraphQLResponse } from './support/hub.js';
import { useTestHub } from './support/use-test-hub.js';
import { SERVICE_CALL_TIMEOUT_MS } from './support/wait.js';

/**
 * The security review's findings on the incident and order loops (issue #11), each through the
 * gateway and, because every subgraph decides for itself, straight against the owning subgraph with a
 * router signature and the same low-privilege token:
 * 1. every path to an incident applies the caller's read scope (duplicates, entities, lists, counts);
 * 2. who may take each step: the raising side and the handling side keep to their own steps, whoever
 *    handled an item never checks, closes or rates it, and a responsible unit must be paired with the
 *    community or serve it (asked of co-building and resource-pools; refused, retryably, when they
 *    cannot be asked);
 * 3. a grid worker whose token names a community its grid is not in reads and changes nothing;
 * 4. "does not exist" and "not yours" answer the same.
 */
const hub = useTestHub();

type Via = 'gateway' | 'grids' | 'resource-pools';
const VIAS_GRIDS: readonly Via[] = ['gateway', 'grids'];
const VIAS_ORDERS: readonly Via[] = ['gateway', 'resource-pools'];

function call(
  via: Via,
  token: string,
  document: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<GraphQLResponse<any>> {
  if (via === 'gateway') return postGraphQL(hub.gatewayUrl, document, variables, { token, headers });
  return postGraphQL(hub.subgraphs[via].url, document, variables, { token, headers, sign: asRouter(via) });
}

async function must(via: Via, token: string, document: string, variables: Record<string, unknown> = {}): Promise<any> {
  const { data, errors } = await call(via, token, document, variables);
  expect(errors).toBeUndefined();
  return data;
}

const codeOf = (response: GraphQLResponse<unknown>) => (response.errors ? String(response.errors[0]?.extensions?.code) : 'OK');

const REPORT = `mutation($input: ReportIncidentInput!) { reportIncident(input: $input) { id duplicateOf { id } responsibleUnit { id } } }`;
const TRANSITION = `mutation($id: ID!, $action: IncidentAction!) { transitionIncident(input: { id: $id, action: $action }) { id status timeline { kind actor } } }`;
const RATE = `mutation($id: ID!) { rateIncident(input: { id: $id, rating: 2 }) { id rating } }`;
const TIMELINE = `query($id: ID!) { incident(id: $id) { status timeline { kind actor } } }`;

let spot = 0;
/** A fresh place per report, so duplicate detection links only the reports a test means to link. */
function place(): { lat: number; lng: number } {
  spot++;
  return { lat: 20 + spot * 0.01, lng: 100 };
}

let fixture: {
  gridA: string;
  communityA: string;
  gridB: string;
  communityB: string;
  lead: string;
  otherDepartment: string;
  pairedUnit: string;
  servingUnit: string;
  strangerUnit: string;
  resource: { id: string; unitId: string; communityId: string; gridId: string; category: string };
};
const tokens: Record<string, string> = {};

const incidentInput = (gridId: string, extra: Record<string, unknown> = {}) => ({
  gridId,
  category: 'BROKEN_LIFT',
  description: '电梯困人',
  location: place(),
  reporter: { name: '张三明', phone: '13812341234' },
  channel: 'GRID_APP',
  ...extra,
});

async function report(token: string, gridId: string, extra: Record<string, unknown> = {}): Promise<string> {
  return (await must('gateway', token, REPORT, { input: incidentInput(gridId, extra) })).reportIncident.id;
}

async function step(token: string, id: string, ...actions: string[]): Promise<void> {
  for (const action of actions) await must('gateway', token, TRANSITION, { id, action });
}

/** A demand raised and dispatched (to the fixture's unit resource) by the raising admin, through the gateway. */
async function dispatchedOrder(): Promise<string> {
  const { resource } = fixture;
  const submitted = await must(
    'gateway',
    tokens.raiser!,
    `mutation($c: ID!, $g: ID!, $cat: ResourceCategory!) { submitDemand(input: { title: "duties", description: "duties", category: $cat,
      communityId: $c, gridId: $g, source: PROBLEM_LIST }) { id } }`,
    { c: resource.communityId, g: resource.gridId, cat: resource.category },
  );
  const id: string = submitted.submitDemand.id;
  await must('gateway', tokens.raiser!, `mutation($id: ID!, $r: ID!) { dispatchDemand(input: { id: $id, resourceId: $r }) { id } }`, { id, r: resource.id });
  return id;
}

beforeAll(async () => {
  const grids = await hub.subgraphs.grids.db.query<{ id: string; community_id: string }>(`SELECT id, community_id FROM grids ORDER BY id`);
  const pairings = await hub.subgraphs['co-building'].db.query<{ unit_id: string; community_id: string; active: boolean }>(
    `SELECT unit_id, community_id, (terminated_on IS NULL AND starts_on <= current_date - 2 AND ends_on >= current_date + 2) AS active FROM pairings`,
  );
  const units = await hub.subgraphs['co-building'].db.query<{ id: string }>(`SELECT id FROM units ORDER BY id`);
  const served = await hub.subgraphs['resource-pools'].db.query<{ id: string; provider_id: string; community_id: string; category: string }>(
    `SELECT r.id, r.provider_id, rc.community_id, r.category FROM resources r JOIN resource_communities rc ON rc.resource_id = r.id
      WHERE r.provider_kind = 'CO_BUILDING_UNIT' AND r.category <> 'FUNDS' ORDER BY r.capacity_amount DESC, r.id`,
  );
  const communities = [...new Set(grids.map((grid) => grid.community_id))];
  // A community with an actively paired unit, a unit that only serves it through a resource, and a
  // unit that does neither.
  for (const communityId of communities) {
    const paired = pairings.filter((p) => p.community_id === communityId);
    const activelyPaired = paired.find((p) => p.active);
    const servingUnit = served.find((s) => s.community_id === communityId && !paired.some((p) => p.unit_id === s.provider_id))?.provider_id;
    const strangerUnit = units.find(
      (unit) => !paired.some((p) => p.unit_id === unit.id) && !served.some((s) => s.community_id === communityId && s.provider_id === unit.id),
    )?.id;
    const resource = served.find((s) => s.community_id === communityId);
    const gridB = grids.find((grid) => grid.community_id !== communityId)!;
    if (!activelyPaired || !servingUnit || !strangerUnit || !resource) continue;
    fixture = {
      gridA: grids.find((grid) => grid.community_id === communityId)!.id,
      communityA: communityId,
      gridB: gridB.id,
      communityB: gridB.community_id,
      lead: 'department-02', // BROKEN_LIFT (migration 002); department-06 assists
      otherDepartment: 'department-12',
      pairedUnit: activelyPaired.unit_id,
      servingUnit,
      strangerUnit,
      resource: {
        id: resource.id,
        unitId: resource.provider_id,
        communityId,
        gridId: grids.find((grid) => grid.community_id === communityId)!.id,
        category: resource.category,
      },
    };
    break;
  }
  expect(fixture).toBeDefined();
  await hub.subgraphs['resource-pools'].db.query(`UPDATE resources SET capacity_amount = 10000 WHERE id = $1`, [fixture.resource.id]);
  const { gridA, communityA, communityB, lead, otherDepartment } = fixture;
  Object.assign(tokens, {
    gridWorkerA: await tokenFor('GRID_WORKER', { sub: 'duties-grid-a', gridId: gridA, communityId: communityA }),
    gridWorkerB: await tokenFor('GRID_WORKER', { sub: 'duties-grid-b', gridId: fixture.gridB, communityId: communityB }),
    mismatched: await tokenFor('GRID_WORKER', { sub: 'duties-mismatched', gridId: gridA, communityId: communityB }),
    lead: await tokenFor('DEPARTMENT_STAFF', { sub: 'duties-lead', departmentId: lead }),
    otherDepartment: await tokenFor('DEPARTMENT_STAFF', { sub: 'duties-other-department', departmentId: otherDepartment }),
    raiser: await tokenFor('STREET_ADMIN', { sub: 'duties-admin-raiser' }),
    handler: await tokenFor('STREET_ADMIN', { sub: 'duties-admin-handler' }),
    checker: await tokenFor('STREET_ADMIN', { sub: 'duties-admin-checker' }),
    provider: await tokenFor('UNIT_MEMBER', { sub: 'duties-unit', unitId: fixture.resource.unitId }),
    otherProvider: await tokenFor('UNIT_MEMBER', { sub: 'duties-other-unit', unitId: 'unit-someone-else' }),
  });
});

describe('1. every path to an incident applies the caller’s read scope', () => {
  it.each(VIAS_GRIDS)('Incident.duplicates, entities and counts leave out incidents outside a grid worker’s grid (via %s)', async (via) => {
    const location = place();
    const original = await report(tokens.raiser!, fixture.gridA, { location });
    const elsewhere = (await must('gateway', tokens.raiser!, REPORT, { input: incidentInput(fixture.gridB, { location }) })).reportIncident;
    // Duplicates are found street-wide: the report in grid B is linked to the one in grid A.
    expect(elsewhere.duplicateOf).toEqual({ id: original });
    const duplicates = `query($id: ID!) { incident(id: $id) { id duplicates { id description reporter { name } timeline { actor } location { lat } } } }`;
    expect((await must(via, tokens.raiser!, duplicates, { id: original })).incident.duplicates.map((d: any) => d.id)).toEqual([elsewhere.id]);

    const seen = await must(via, tokens.gridWorkerA!, duplicates, { id: original });
    expect(seen.incident).toMatchObject({ id: original, duplicates: [] });
    const entities = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Incident { id duplicates { id } } } }`;
    if (via === 'grids') {
      const answer = await must(via, tokens.gridWorkerA!, entities, {
        r: [
          { __typename: 'Incident', id: original },
          { __typename: 'Incident', id: elsewhere.id },
        ],
      });
      expect(answer._entities).toEqual([{ id: original, duplicates: [] }, null]);
    }
    // Counts cover what the caller may read: another community's figures are not a grid worker's.
    const stats = `query($c: ID!) { community(id: $c) { incidentStats { open } } }`;
    expect((await must(via, tokens.raiser!, stats, { c: fixture.communityB })).community.incidentStats.open).toBeGreaterThan(0);
    expect((await must(via, tokens.gridWorkerA!, stats, { c: fixture.communityB })).community.incidentStats.open).toBe(0);
  });
});

describe('2. who may take each step of the loops', () => {
  it.each(VIAS_GRIDS)(
    'a grid worker reports and checks but never handles, and names only a unit paired with or serving the community (via %s)',
    async (via) => {
      const named = (unitId: string) => call(via, tokens.gridWorkerA!, REPORT, { input: incidentInput(fixture.gridA, { responsibleUnitId: unitId }) });
      for (const unitId of [fixture.strangerUnit, 'unit-does-not-exist']) {
        const refused = await named(unitId);
        expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.responsibleUnitId' });
      }
      for (const unitId of [fixture.pairedUnit, fixture.servingUnit]) {
        const accepted = await named(unitId);
        expect(accepted.errors).toBeUndefined();
        expect(accepted.data!.reportIncident.responsibleUnit).toEqual({ id: unitId });
      }

      const id = (await named(fixture.pairedUnit)).data!.reportIncident.id;
      await must(via, tokens.gridWorkerA!, TRANSITION, { id, action: 'DISPATCH' });
      for (const action of ['ACCEPT', 'RETURN']) {
        expect(codeOf(await call(via, tokens.gridWorkerA!, TRANSITION, { id, action }))).toBe('FORBIDDEN');
      }
      expect((await must(via, tokens.raiser!, TIMELINE, { id })).incident).toMatchObject({
        status: 'DISPATCHED',
        timeline: [{ kind: 'REPORT' }, { kind: 'DISPATCH' }],
      });
    },
  );

  it.each(VIAS_GRIDS)('department staff handle but never dispatch, escalate, verify, close or rate (via %s)', async (via) => {
    const id = await report(tokens.gridWorkerA!, fixture.gridA);
    await step(tokens.gridWorkerA!, id, 'DISPATCH');
    await must(via, tokens.lead!, TRANSITION, { id, action: 'ACCEPT' });
    // Escalating would give the handler a fresh deadline, and a dispatch would send it back to itself.
    expect(codeOf(await call(via, tokens.lead!, TRANSITION, { id, action: 'ESCALATE' }))).toBe('FORBIDDEN');
    await must(via, tokens.lead!, TRANSITION, { id, action: 'START' });
    await must(via, tokens.lead!, TRANSITION, { id, action: 'RESOLVE' });
    for (const action of ['VERIFY', 'REJECT_RESOLUTION']) expect(codeOf(await call(via, tokens.lead!, TRANSITION, { id, action }))).toBe('FORBIDDEN');
    expect(codeOf(await call(via, tokens.lead!, RATE, { id }))).toBe('FORBIDDEN');
    await must(via, tokens.gridWorkerA!, TRANSITION, { id, action: 'VERIFY' });
    expect(codeOf(await call(via, tokens.lead!, TRANSITION, { id, action: 'CLOSE' }))).toBe('FORBIDDEN');
    await must(via, tokens.gridWorkerA!, RATE, { id });
    await must(via, tokens.gridWorkerA!, TRANSITION, { id, action: 'CLOSE' });
    const { timeline } = (await must(via, tokens.raiser!, TIMELINE, { id })).incident;
    expect(timeline.map((event: any) => `${event.kind}:${event.actor}`)).toEqual([
      'REPORT:duties-grid-a',
      'DISPATCH:duties-grid-a',
      'ACCEPT:duties-lead',
      'START:duties-lead',
      'RESOLVE:duties-lead',
      'VERIFY:duties-grid-a',
      'RATE:duties-grid-a',
      'CLOSE:duties-grid-a',
    ]);
  });

  it.each(VIAS_GRIDS)(
    'a street admin who handled an incident never checks, closes or rates it, and one who raised it never handles it (via %s)',
    async (via) => {
      const id = await report(tokens.raiser!, fixture.gridA, { responsibleUnitId: fixture.pairedUnit });
      await must(via, tokens.raiser!, TRANSITION, { id, action: 'DISPATCH' });
      expect(codeOf(await call(via, tokens.raiser!, TRANSITION, { id, action: 'ACCEPT' }))).toBe('FORBIDDEN');
      for (const action of ['ACCEPT', 'START', 'RESOLVE']) await must(via, tokens.handler!, TRANSITION, { id, action });
      for (const action of ['VERIFY', 'REJECT_RESOLUTION']) expect(codeOf(await call(via, tokens.handler!, TRANSITION, { id, action }))).toBe('FORBIDDEN');
      expect(codeOf(await call(via, tokens.handler!, RATE, { id }))).toBe('FORBIDDEN');
      await must(via, tokens.checker!, TRANSITION, { id, action: 'VERIFY' });
      expect(codeOf(await call(via, tokens.handler!, TRANSITION, { id, action: 'CLOSE' }))).toBe('FORBIDDEN');
      await must(via, tokens.checker!, TRANSITION, { id, action: 'CLOSE' });
      await must(via, tokens.raiser!, RATE, { id });
    },
  );

  it('an escalated incident cannot be taken back by its handler (the raising side re-dispatches)', async () => {
    const id = await report(tokens.raiser!, fixture.gridA);
    await step(tokens.raiser!, id, 'DISPATCH');
    await step(tokens.handler!, id, 'ACCEPT');
    expect(codeOf(await call('gateway', tokens.handler!, TRANSITION, { id, action: 'ESCALATE' }))).toBe('FORBIDDEN');
    await step(tokens.checker!, id, 'ESCALATE');
    expect(codeOf(await call('gateway', tokens.handler!, TRANSITION, { id, action: 'DISPATCH' }))).toBe('FORBIDDEN');
    await step(tokens.checker!, id, 'DISPATCH');
  });

  it.each(VIAS_ORDERS)('orders: whoever dispatched never accepts, whoever fulfilled never rates (via %s)', async (via) => {
    const id = await dispatchedOrder();
    const accept = `mutation($id: ID!) { acceptOrder(input: { id: $id }) { id } }`;
    const rate = `mutation($id: ID!) { rateOrder(input: { id: $id, rating: 1 }) { id rating } }`;
    expect(codeOf(await call(via, tokens.raiser!, accept, { id }))).toBe('FORBIDDEN');
    await must(via, tokens.handler!, accept, { id });
    await must(via, tokens.handler!, `mutation($id: ID!) { fulfilOrder(input: { id: $id }) { id } }`, { id });
    expect(codeOf(await call(via, tokens.handler!, rate, { id }))).toBe('FORBIDDEN');
    expect((await must(via, tokens.raiser!, rate, { id })).rateOrder.rating).toBe(1);
  });
});

describe('2. the responsible unit’s owners cannot be asked', () => {
  let grids: StartedSubgraph | undefined;
  const peerUrls: Partial<Record<PeerName, string>> = {};
  afterAll(async () => {
    await grids?.close();
  });

  it('refuses the report with a coded, retryable error, changes nothing, and takes the retry once they answer', async () => {
    // A second grids instance on the same database, whose co-building peer is not reachable for now.
    Object.assign(peerUrls, { 'co-building': 'http://127.0.0.1:1/graphql', 'resource-pools': hub.subgraphs['resource-pools'].url });
    grids = await startSubgraphByName('grids', {
      databaseUrl: hub.databaseUrls.grids,
      log: createLogger('test', 'error'),
      trust: await testSubgraphTrust('grids'),
      databaseConnectTimeoutMs: SERVICE_CALL_TIMEOUT_MS,
      peers: testPeers('grids', peerUrls),
    });
    const input = incidentInput(fixture.gridA, { responsibleUnitId: fixture.pairedUnit });
    const [before] = await hub.subgraphs.grids.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM incidents`);
    const send = () =>
      postGraphQL(grids!.url, REPORT, { input }, { token: tokens.gridWorkerA!, headers: { 'idempotency-key': 'duties-unreachable' }, sign: asRouter('grids') });
    const refused = await send();
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'DEPENDENCY_UNAVAILABLE', dependency: 'co-building', retryable: true });
    const [after] = await hub.subgraphs.grids.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM incidents`);
    expect(after!.n).toBe(before!.n);
    peerUrls['co-building'] = hub.subgraphs['co-building'].url;
    const retried = await send();
    expect(retried.errors).toBeUndefined();
    expect(retried.data!.reportIncident.responsibleUnit).toEqual({ id: fixture.pairedUnit });
  });
});

describe('3. a grid worker whose token names another community than its grid’s', () => {
  it.each(VIAS_GRIDS)('reads no incident and changes nothing (via %s)', async (via) => {
    const id = await report(tokens.raiser!, fixture.gridA);
    expect((await must(via, tokens.gridWorkerA!, `query($id: ID!) { incident(id: $id) { id } }`, { id })).incident).toEqual({ id });
    expect((await must(via, tokens.mismatched!, `query($id: ID!) { incident(id: $id) { id } }`, { id })).incident).toBeNull();
    expect((await must(via, tokens.mismatched!, `{ incidents(first: 5) { totalCount nodes { id } } }`)).incidents).toEqual({ totalCount: 0, nodes: [] });
    expect(codeOf(await call(via, tokens.mismatched!, REPORT, { input: incidentInput(fixture.gridA) }))).toBe('FORBIDDEN');
    expect(codeOf(await call(via, tokens.mismatched!, TRANSITION, { id, action: 'DISPATCH' }))).toBe('FORBIDDEN');
  });
});

describe('4. "does not exist" and "not yours" answer the same', () => {
  const errorOf = (response: GraphQLResponse<unknown>) => ({ code: response.errors?.[0]?.extensions?.code, message: response.errors?.[0]?.message });

  it.each(VIAS_GRIDS)('for the incident loop (via %s)', async (via) => {
    const id = await report(tokens.raiser!, fixture.gridA);
    await step(tokens.raiser!, id, 'DISPATCH');
    const notOurs = await call(via, tokens.otherDepartment!, TRANSITION, { id, action: 'ACCEPT' });
    const missing = await call(via, tokens.otherDepartment!, TRANSITION, { id: 'incident-999999', action: 'ACCEPT' });
    expect(errorOf(notOurs)).toMatchObject({ code: 'FORBIDDEN' });
    expect(errorOf(missing)).toEqual(errorOf(notOurs));
    const rateNotOurs = await call(via, tokens.gridWorkerB!, RATE, { id });
    const rateMissing = await call(via, tokens.gridWorkerB!, RATE, { id: 'incident-999999' });
    expect(errorOf(rateNotOurs)).toMatchObject({ code: 'FORBIDDEN' });
    expect(errorOf(rateMissing)).toEqual(errorOf(rateNotOurs));
  });

  it.each(VIAS_ORDERS)('for the order loop (via %s)', async (via) => {
    const id = await dispatchedOrder();
    const accept = `mutation($id: ID!) { acceptOrder(input: { id: $id }) { id } }`;
    const notOurs = await call(via, tokens.otherProvider!, accept, { id });
    const missing = await call(via, tokens.otherProvider!, accept, { id: 'demand-999999' });
    expect(errorOf(notOurs)).toMatchObject({ code: 'FORBIDDEN' });
    expect(errorOf(missing)).toEqual(errorOf(notOurs));
    // The order's own provider may.
    await must(via, tokens.provider!, accept, { id });
  });
});
