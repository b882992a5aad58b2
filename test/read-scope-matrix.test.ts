import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ROLES, type Role } from '../lib/auth/caller.js';
import { projectPath } from '../lib/project-root.js';
import { tokenFor, type TokenScope } from './support/auth.js';
import { postGraphQL, startTestHub, type TestHub } from './support/hub.js';

/**
 * Every scoped field of README → Security → Scoped reads × every role (+ anonymous) × own / other
 * scope, through the gateway over HTTP. What each cell should see is written out below, apart from
 * lib/auth/policy.ts; a field in the README's table without an entry here fails the test.
 *
 * - `all`: what STREET_ADMIN sees (and that is not empty, so a cell cannot pass by accident);
 * - `raised-in-scope`: a unit's orders raised in the caller's own community (or grid) only;
 * - `none`: null, an empty list or an empty page;
 * - `unauthenticated`: the gateway refuses the request (the field's type needs a token).
 */
type Visibility = 'all' | 'raised-in-scope' | 'none' | 'unauthenticated';
type Who = Role | 'ANONYMOUS';
type Cell = readonly [own: Visibility, other: Visibility];

const cells = (own: Record<Exclude<Role, 'DISTRICT_PLATFORM' | 'STREET_ADMIN'>, Visibility>, anonymous: Visibility) =>
  ({
    DISTRICT_PLATFORM: ['all', 'all'],
    STREET_ADMIN: ['all', 'all'],
    COMMUNITY_WORKER: [own.COMMUNITY_WORKER, 'none'],
    GRID_WORKER: [own.GRID_WORKER, 'none'],
    UNIT_MEMBER: [own.UNIT_MEMBER, 'none'],
    DEPARTMENT_STAFF: [own.DEPARTMENT_STAFF, 'none'],
    ANONYMOUS: [anonymous, anonymous],
  }) satisfies Record<Who, Cell>;

/** An order's records: its parties on either side (the department cells use an order of a department's resource). */
const ORDER_PARTIES = { COMMUNITY_WORKER: 'all', GRID_WORKER: 'all', UNIT_MEMBER: 'all', DEPARTMENT_STAFF: 'all' } as const;

const EXPECTED: Record<string, Record<Who, Cell>> = {
  'Demand.resource': cells(ORDER_PARTIES, 'none'),
  'Demand.rating': cells(ORDER_PARTIES, 'none'),
  'Demand.ratingComment': cells(ORDER_PARTIES, 'none'),
  'Demand.timeline': cells(ORDER_PARTIES, 'unauthenticated'),
  'CoBuildingUnit.orders': cells(
    { COMMUNITY_WORKER: 'raised-in-scope', GRID_WORKER: 'raised-in-scope', UNIT_MEMBER: 'all', DEPARTMENT_STAFF: 'none' },
    'none',
  ),
  'CreditScore.history': cells({ COMMUNITY_WORKER: 'none', GRID_WORKER: 'none', UNIT_MEMBER: 'all', DEPARTMENT_STAFF: 'none' }, 'none'),
  'CoBuildingUnit.serviceReports': cells(
    { COMMUNITY_WORKER: 'none', GRID_WORKER: 'none', UNIT_MEMBER: 'all', DEPARTMENT_STAFF: 'none' },
    'unauthenticated',
  ),
  'Query.serviceReport': cells({ COMMUNITY_WORKER: 'all', GRID_WORKER: 'none', UNIT_MEMBER: 'all', DEPARTMENT_STAFF: 'none' }, 'unauthenticated'),
};

/** The scope ids of the record a field is read on: an "own" token carries them, an "other" token these. */
type Parties = Required<Pick<TokenScope, 'communityId' | 'gridId' | 'unitId' | 'departmentId'>>;
const OTHER: Parties = { communityId: 'community-other', gridId: 'grid-other', unitId: 'unit-other', departmentId: 'department-other' };

interface Order {
  id: string;
  parties: Parties;
}

interface FieldCase {
  /** The record read, and its parties, for a role (department staff read orders of a department's resource). */
  subject(role: Who): { variables: Record<string, unknown>; parties: Parties };
  document: string;
  /** The field's value out of `data`, in a form to compare. */
  pick(data: any): unknown;
}

let hub: TestHub;
let admin: string;
let providerAdmin: string;
let fixture: { unitOrder: Order; otherCommunityOrder: Order; departmentOrder: Order; creditUnitId: string; report: { id: string; unitId: string; communityId: string } };

const demandField = (selection: string, pick: (demand: any) => unknown): FieldCase => ({
  subject: (role) => {
    const order = role === 'DEPARTMENT_STAFF' ? fixture.departmentOrder : fixture.unitOrder;
    return { variables: { id: order.id }, parties: order.parties };
  },
  document: `query($id: ID!) { demand(id: $id) { id ${selection} } }`,
  pick: (data) => pick(data.demand),
});

const unitParties = (unitId: string): Parties => ({ ...OTHER, unitId });

const CASES: Record<string, FieldCase> = {
  'Demand.resource': demandField('resource { id }', (demand) => demand.resource),
  'Demand.rating': demandField('rating', (demand) => demand.rating),
  'Demand.ratingComment': demandField('ratingComment', (demand) => demand.ratingComment),
  'Demand.timeline': demandField('timeline { kind actor occurredAt }', (demand) => demand.timeline),
  'CoBuildingUnit.orders': {
    subject: () => ({ variables: { id: fixture.unitOrder.parties.unitId }, parties: fixture.unitOrder.parties }),
    document: `query($id: ID!) { coBuildingUnit(id: $id) { orders { id community { id } grid { id } } } }`,
    pick: (data) => data.coBuildingUnit.orders,
  },
  'CreditScore.history': {
    subject: () => ({ variables: { id: fixture.creditUnitId }, parties: unitParties(fixture.creditUnitId) }),
    document: `query($id: ID!) { coBuildingUnit(id: $id) { creditScore { history { reason delta occurredAt source { id } } } } }`,
    pick: (data) => data.coBuildingUnit.creditScore.history,
  },
  'CoBuildingUnit.serviceReports': {
    subject: () => ({ variables: { id: fixture.report.unitId }, parties: unitParties(fixture.report.unitId) }),
    document: `query($id: ID!) { coBuildingUnit(id: $id) { serviceReports(first: 100) { totalCount nodes { id } } } }`,
    pick: (data) => data.coBuildingUnit.serviceReports,
  },
  'Query.serviceReport': {
    subject: () => ({
      variables: { id: fixture.report.id },
      parties: { ...OTHER, unitId: fixture.report.unitId, communityId: fixture.report.communityId },
    }),
    document: `query($id: ID!) { serviceReport(id: $id) { id hours } }`,
    pick: (data) => data.serviceReport,
  },
};

/** The fields README → Security → Scoped reads lists (the backticked Type.field names of its table's first column). */
function scopedFieldsInReadme(): string[] {
  const readme = readFileSync(projectPath('README.md'), 'utf8');
  const section = readme.split('### Scoped reads')[1]?.split('\n### ')[0] ?? '';
  const rows = section.split('\n').filter((line) => line.startsWith('| `'));
  return rows.flatMap((row) => [...(row.split('|')[1] ?? '').matchAll(/`(\w+\.\w+)`/g)].map((match) => match[1]!));
}

async function submitOrder(resourceId: string, category: string, communityId: string, gridId: string): Promise<string> {
  const submitted = await asAdmin(
    `mutation($c: ID!, $g: ID!, $cat: ResourceCategory!) { submitDemand(input: { title: "read matrix", description: "read matrix",
      category: $cat, communityId: $c, gridId: $g, source: PROBLEM_LIST }) { id } }`,
    { c: communityId, g: gridId, cat: category },
  );
  const id: string = submitted.submitDemand.id;
  await asAdmin(`mutation($id: ID!, $r: ID!) { dispatchDemand(input: { id: $id, resourceId: $r }) { id } }`, { id, r: resourceId });
  // The provider's steps by another admin: whoever handles an order never rates it (separation of duties).
  await asAdmin(`mutation($id: ID!) { acceptOrder(input: { id: $id }) { id } }`, { id }, providerAdmin);
  await asAdmin(`mutation($id: ID!) { fulfilOrder(input: { id: $id }) { id } }`, { id }, providerAdmin);
  await asAdmin(`mutation($id: ID!) { rateOrder(input: { id: $id, rating: 4, comment: "准时，态度好" }) { id } }`, { id });
  return id;
}

async function asAdmin(document: string, variables: Record<string, unknown> = {}, token = admin): Promise<any> {
  const { data, errors } = await postGraphQL(hub.gatewayUrl, document, variables, { token });
  if (errors) throw new Error(`setup failed: ${JSON.stringify(errors)}`);
  return data;
}

beforeAll(async () => {
  hub = await startTestHub();
  admin = await tokenFor('STREET_ADMIN', { sub: 'read-matrix-admin' });
  providerAdmin = await tokenFor('STREET_ADMIN', { sub: 'read-matrix-provider-admin' });
  const grids = await hub.subgraphs.grids.db.query<{ id: string; community_id: string }>(`SELECT id, community_id FROM grids ORDER BY id`);
  const gridOf = new Map<string, string>();
  for (const grid of grids) if (!gridOf.has(grid.community_id)) gridOf.set(grid.community_id, grid.id);
  const resources = await hub.subgraphs['resource-pools'].db.query<{ id: string; provider_kind: string; provider_id: string; category: string; communities: string[] }>(
    `SELECT r.id, r.provider_kind, r.provider_id, r.category, array_agg(rc.community_id ORDER BY rc.community_id) AS communities
       FROM resources r JOIN resource_communities rc ON rc.resource_id = r.id
      WHERE r.category <> 'FUNDS' GROUP BY r.id ORDER BY r.capacity_amount DESC, r.id`,
  );
  const withGrids = (resource: (typeof resources)[number]) => resource.communities.filter((id) => gridOf.has(id));
  // A unit's resource serving two communities, so a community worker sees part of the unit's orders.
  const unitResource = resources.find((r) => r.provider_kind === 'CO_BUILDING_UNIT' && withGrids(r).length >= 2)!;
  const departmentResource = resources.find((r) => r.provider_kind === 'DEPARTMENT' && withGrids(r).length >= 1)!;
  const order = async (resource: typeof unitResource, communityId: string): Promise<Order> => {
    const gridId = gridOf.get(communityId)!;
    const id = await submitOrder(resource.id, resource.category, communityId, gridId);
    const provider = resource.provider_kind === 'CO_BUILDING_UNIT' ? { unitId: resource.provider_id } : { departmentId: resource.provider_id };
    return { id, parties: { ...OTHER, communityId, gridId, ...provider } };
  };
  const [first, second] = withGrids(unitResource);
  const [creditUnit] = await hub.subgraphs['co-building'].db.query<{ unit_id: string }>(
    `SELECT unit_id FROM credit_events GROUP BY unit_id ORDER BY count(*) DESC, unit_id LIMIT 1`,
  );
  const [report] = await hub.subgraphs['co-building'].db.query<{ id: string; unit_id: string; community_id: string }>(
    `SELECT id, unit_id, community_id FROM service_reports ORDER BY id LIMIT 1`,
  );
  fixture = {
    unitOrder: await order(unitResource, first!),
    otherCommunityOrder: await order(unitResource, second!),
    departmentOrder: await order(departmentResource, withGrids(departmentResource)[0]!),
    creditUnitId: creditUnit!.unit_id,
    report: { id: report!.id, unitId: report!.unit_id, communityId: report!.community_id },
  };
}, 120_000);

afterAll(async () => {
  await hub?.stop();
});

describe('the scoped fields', () => {
  it('leave the credit score value public (matching explanations show it)', async () => {
    const document = `query($id: ID!) { coBuildingUnit(id: $id) { creditScore { value } } }`;
    const variables = { id: fixture.creditUnitId };
    const asAdmin = await postGraphQL(hub.gatewayUrl, document, variables, { token: admin });
    const anonymous = await postGraphQL(hub.gatewayUrl, document, variables, { token: null });
    expect(anonymous.errors).toBeUndefined();
    expect(anonymous.data).toEqual(asAdmin.data);
  });

  it("are the README's table, each with an entry here", () => {
    const listed = scopedFieldsInReadme();
    expect(listed.length).toBeGreaterThan(0);
    expect([...new Set(listed)].sort()).toEqual(Object.keys(EXPECTED).sort());
    expect(Object.keys(CASES).sort()).toEqual(Object.keys(EXPECTED).sort());
  });
});

const WHO: readonly Who[] = [...ROLES, 'ANONYMOUS'];
const CELLS = Object.keys(EXPECTED).flatMap((field) =>
  WHO.flatMap((who) => (['own', 'other'] as const).map((scope) => [field, who, scope] as const)),
);

describe.each(CELLS)('%s as %s (%s scope)', (field, who, scope) => {
  it('sees what the expectations table says', async () => {
    const fieldCase = CASES[field]!;
    const expected = EXPECTED[field]![who][scope === 'own' ? 0 : 1];
    const { variables, parties } = fieldCase.subject(who);
    const reference = await postGraphQL(hub.gatewayUrl, fieldCase.document, variables, { token: admin });
    expect(reference.errors).toBeUndefined();
    const full = fieldCase.pick(reference.data);

    const token = who === 'ANONYMOUS' ? null : await tokenFor(who, { ...(scope === 'own' ? parties : OTHER), sub: `read-matrix-${who.toLowerCase()}` });
    const response = await postGraphQL(hub.gatewayUrl, fieldCase.document, variables, { token });
    if (expected === 'unauthenticated') {
      expect(response.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      return;
    }
    expect(response.errors).toBeUndefined();
    const seen = fieldCase.pick(response.data);
    switch (expected) {
      case 'all':
        expect(full).not.toEqual(EMPTY[field]);
        expect(seen).toEqual(full);
        return;
      case 'none':
        expect(seen).toEqual(EMPTY[field]);
        return;
      case 'raised-in-scope': {
        // The unit's orders raised in the caller's community (or grid): some of them, not all.
        const own = (full as OrderSeen[]).filter((order) =>
          who === 'GRID_WORKER' ? order.grid?.id === parties.gridId : order.community?.id === parties.communityId,
        );
        expect(own.map((order) => order.id)).toContain(fixture.unitOrder.id);
        expect(own.map((order) => order.id)).not.toContain(fixture.otherCommunityOrder.id);
        expect(seen).toEqual(own);
        return;
      }
    }
  });
});

interface OrderSeen {
  id: string;
  community: { id: string } | null;
  grid: { id: string } | null;
}

/** What each field reads as out of scope. */
const EMPTY: Record<string, unknown> = {
  'Demand.resource': null,
  'Demand.rating': null,
  'Demand.ratingComment': null,
  'Demand.timeline': [],
  'CoBuildingUnit.orders': [],
  'CreditScore.history': [],
  'CoBuildingUnit.serviceReports': { totalCount: 0, nodes: [] },
  'Query.serviceReport': null,
};
