import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { buildSchema, getNamedType, isObjectType, type GraphQLNamedType, type GraphQLObjectType } from 'graphql';
import { ROLES, ROLES_ALLOWED_PII, type Role } from '../lib/auth/caller.js';
import { projectPath } from '../lib/kernel/project-root.js';
import { tokenFor, type TokenScope } from './support/auth.js';
import { postGraphQL, startTestHub, type TestHub } from './support/hub.js';
import { fieldsListedUnder } from './support/markdown.js';

/**
 * Every scoped field of docs/security.md → Scoped reads × every role (+ anonymous) × own / other
 * scope, through the gateway over HTTP. What each cell should see is written out below, apart from
 * lib/auth/policy.ts; a field in that table without an entry here fails the test.
 *
 * - `all`: what STREET_ADMIN sees (and that is not empty, so a cell cannot pass by accident);
 * - `raised-in-scope`: a unit's orders raised in the caller's own community (or grid) only;
 * - `none`: null, an empty list or an empty page;
 * - `absent`: the record the field is read on is not there at all (the query's root field is null):
 *   another street's admin reads nothing of this street's (docs/streets.md);
 * - `unauthenticated`: the gateway refuses the request (the field's type needs a token).
 */
type Visibility = 'all' | 'raised-in-scope' | 'none' | 'absent' | 'unauthenticated';
type Who = Role | 'ANONYMOUS';
type Cell = readonly [own: Visibility, other: Visibility];

const cells = (own: Record<Exclude<Role, 'DISTRICT_PLATFORM' | 'STREET_ADMIN'>, Visibility>, anonymous: Visibility) =>
  ({
    DISTRICT_PLATFORM: ['all', 'all'],
    STREET_ADMIN: ['all', 'absent'],
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
  'CoBuildingUnit.orders': cells({ COMMUNITY_WORKER: 'raised-in-scope', GRID_WORKER: 'raised-in-scope', UNIT_MEMBER: 'all', DEPARTMENT_STAFF: 'none' }, 'none'),
  'CreditScore.history': cells({ COMMUNITY_WORKER: 'none', GRID_WORKER: 'none', UNIT_MEMBER: 'all', DEPARTMENT_STAFF: 'none' }, 'none'),
  'CoBuildingUnit.serviceReports': cells({ COMMUNITY_WORKER: 'none', GRID_WORKER: 'none', UNIT_MEMBER: 'all', DEPARTMENT_STAFF: 'none' }, 'unauthenticated'),
  'Query.serviceReport': cells({ COMMUNITY_WORKER: 'all', GRID_WORKER: 'none', UNIT_MEMBER: 'all', DEPARTMENT_STAFF: 'none' }, 'unauthenticated'),
};

/** The scope ids of the record a field is read on: an "own" token carries them, an "other" token these. */
type Parties = Required<Pick<TokenScope, 'communityId' | 'gridId' | 'unitId' | 'departmentId'>>;
/** The street of an "other" street admin: every record of these tests lies in the first street. */
const OTHER_STREET = 'street-s02';
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
let adminWithPii: string;
let fixture: {
  unitOrder: Order;
  otherCommunityOrder: Order;
  departmentOrder: Order;
  creditUnitId: string;
  report: { id: string; unitId: string; communityId: string };
};

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

/** The fields a table of docs/security.md lists (the backticked Type.field names of its first column). */
const fieldsInSecurityDoc = (heading: string): string[] => fieldsListedUnder('docs/security.md', heading);

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
  adminWithPii = await tokenFor('STREET_ADMIN', { sub: 'read-matrix-admin-pii', scopes: ['pii:read'] });
  const grids = await hub.subgraphs.grids.db.query<{ id: string; community_id: string }>(`SELECT id, community_id FROM grids ORDER BY id`);
  const gridOf = new Map<string, string>();
  for (const grid of grids) if (!gridOf.has(grid.community_id)) gridOf.set(grid.community_id, grid.id);
  const resources = await hub.subgraphs['resource-pools'].db.query<{
    id: string;
    provider_kind: string;
    provider_id: string;
    category: string;
    communities: string[];
  }>(
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
  personal = await personalDataFixture();
});

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

  it("are docs/security.md's table, each with an entry here", () => {
    const listed = fieldsInSecurityDoc('## Scoped reads');
    expect(listed.length).toBeGreaterThan(0);
    expect([...new Set(listed)].sort()).toEqual(Object.keys(EXPECTED).sort());
    expect(Object.keys(CASES).sort()).toEqual(Object.keys(EXPECTED).sort());
  });
});

const WHO: readonly Who[] = [...ROLES, 'ANONYMOUS'];

/**
 * What `who` reads of a field (its own scope: the record's parties; another scope: OTHER), after
 * checking that the gateway refused it as UNAUTHENTICATED when `unauthenticated`, else answered
 * without errors.
 */
/** What readAs answers when the record a field is read on is not there (its root field is null). */
const ABSENT = Symbol('absent');

async function readAs(
  fieldCase: FieldCase,
  who: Who,
  scope: 'own' | 'other',
  unauthenticated: boolean,
  scopes: readonly string[] = [],
  /** The "other" street admin is another street's (the scoped-reads table); otherwise the same street's. */
  otherStreetAdmin = false,
): Promise<unknown> {
  const { variables, parties } = fieldCase.subject(who);
  const street = otherStreetAdmin && who === 'STREET_ADMIN' && scope === 'other' ? { streetId: OTHER_STREET } : {};
  const token =
    who === 'ANONYMOUS' ? null : await tokenFor(who, { ...(scope === 'own' ? parties : OTHER), ...street, scopes, sub: `read-matrix-${who.toLowerCase()}` });
  const response = await postGraphQL(hub.gatewayUrl, fieldCase.document, variables, { token });
  if (unauthenticated) {
    expect(response.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    return undefined;
  }
  expect(response.errors).toBeUndefined();
  // Another street's admin: the record itself is not there, so the field cannot be picked.
  const root = Object.values(response.data ?? {})[0];
  return 'streetId' in street && root === null ? ABSENT : fieldCase.pick(response.data);
}
const CELLS = Object.keys(EXPECTED).flatMap((field) => WHO.flatMap((who) => (['own', 'other'] as const).map((scope) => [field, who, scope] as const)));

describe.each(CELLS)('%s as %s (%s scope)', (field, who, scope) => {
  it('sees what the expectations table says', async () => {
    const fieldCase = CASES[field]!;
    const expected = EXPECTED[field]![who][scope === 'own' ? 0 : 1];
    const { variables, parties } = fieldCase.subject(who);
    const reference = await postGraphQL(hub.gatewayUrl, fieldCase.document, variables, { token: admin });
    expect(reference.errors).toBeUndefined();
    const full = fieldCase.pick(reference.data);

    const seen = await readAs(fieldCase, who, scope, expected === 'unauthenticated', [], true);
    switch (expected) {
      case 'unauthenticated':
        return;
      case 'all':
        expect(full).not.toEqual(EMPTY[field]);
        expect(seen).toEqual(full);
        return;
      case 'none':
        expect(seen).toEqual(EMPTY[field]);
        return;
      case 'absent':
        expect(seen).toBe(ABSENT);
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

/**
 * Personal data (docs/security.md → Personal data): every field of the API that leads to a
 * person's name and phone (a type with a `phone` field: party members, incident reporters, unit
 * contacts), plus the free text of demands and incidents (residents write their numbers into it), ×
 * every role (+ anonymous) × own / other scope, each without and (for the roles that may hold it)
 * with pii:read. A cell is what that caller sees:
 *
 * - `clear`: what STREET_ADMIN with pii:read sees (and that differs from the masked form);
 * - `masked`: what STREET_ADMIN without pii:read sees (and that differs from the clear form);
 * - `none`: null or an empty list; `unauthenticated`: the gateway refuses the request.
 *
 * A cell is written `plain/pii` for a role that may hold pii:read (lib/auth/caller.ts
 * ROLES_ALLOWED_PII), the second part being what the same caller sees with the scope.
 */
type Seen = 'clear' | 'masked' | 'none' | 'unauthenticated';
type PersonalCell = Seen | `${Seen}/${Seen}`;
type PersonalCells = Record<Who, readonly [own: PersonalCell, other: PersonalCell]>;

const STREET_WIDE = { DISTRICT_PLATFORM: ['masked', 'masked'], STREET_ADMIN: ['masked/clear', 'masked/clear'] } as const;
type ScopedRole = Exclude<Role, 'DISTRICT_PLATFORM' | 'STREET_ADMIN'>;
type CellPair = readonly [own: PersonalCell, other: PersonalCell];
const perScopedRole = (cell: (role: ScopedRole) => CellPair): Record<ScopedRole, CellPair> => ({
  COMMUNITY_WORKER: cell('COMMUNITY_WORKER'),
  GRID_WORKER: cell('GRID_WORKER'),
  UNIT_MEMBER: cell('UNIT_MEMBER'),
  DEPARTMENT_STAFF: cell('DEPARTMENT_STAFF'),
});
const mayHoldPii = (who: Who) => who !== 'ANONYMOUS' && ROLES_ALLOWED_PII.includes(who);
/** The same value without and (for a role that may hold it) with pii:read. */
const always = (who: Who, seen: Seen): PersonalCell => (mayHoldPii(who) ? `${seen}/${seen}` : seen);

/** A record read in its parties' scope only: `own` per scoped role, nothing out of scope, 401 for anonymous callers. */
function inScopeOnly(own: Record<ScopedRole, PersonalCell>): PersonalCells {
  return { ...STREET_WIDE, ...perScopedRole((role) => [own[role], always(role, 'none')]), ANONYMOUS: ['unauthenticated', 'unauthenticated'] };
}

/** A public record, masked for everyone; in clear with pii:read for the roles named, in their own scope. */
function publicMasked(clearFor: readonly ScopedRole[]): PersonalCells {
  const cell = (role: ScopedRole): CellPair => [clearFor.includes(role) ? 'masked/clear' : always(role, 'masked'), always(role, 'masked')];
  return { ...STREET_WIDE, ...perScopedRole(cell), ANONYMOUS: ['masked', 'masked'] };
}

/** A party member's roster and records: their own chain (community, grid, unit branch) only. */
const MEMBER_CHAIN = inScopeOnly({ COMMUNITY_WORKER: 'masked/clear', GRID_WORKER: 'masked/clear', UNIT_MEMBER: 'masked', DEPARTMENT_STAFF: 'none/none' });
/** An incident's reporter and text: whoever may read the incident (its grid, community, departments, responsible unit). */
const INCIDENT_PARTIES = inScopeOnly({
  COMMUNITY_WORKER: 'masked/clear',
  GRID_WORKER: 'masked/clear',
  UNIT_MEMBER: 'masked',
  DEPARTMENT_STAFF: 'masked/clear',
});

const PERSONAL_EXPECTED: Record<string, PersonalCells> = {
  'Organisation.members': MEMBER_CHAIN,
  'Organisation.secretary': MEMBER_CHAIN,
  'Query.partyMember': MEMBER_CHAIN,
  // A member's report: the unit's members and the community it is addressed to (where the member lives).
  'ServiceReport.member': inScopeOnly({ COMMUNITY_WORKER: 'masked/clear', GRID_WORKER: 'none/none', UNIT_MEMBER: 'masked', DEPARTMENT_STAFF: 'none/none' }),
  'Incident.reporter': INCIDENT_PARTIES,
  'Incident.description': INCIDENT_PARTIES,
  // In clear for pii:read of the paired communities' workers.
  'CoBuildingUnit.contact': publicMasked(['COMMUNITY_WORKER']),
  // In clear for pii:read of the order's parties.
  'Demand.description': publicMasked(['COMMUNITY_WORKER', 'GRID_WORKER', 'DEPARTMENT_STAFF']),
};

/** Free text the matrix reads: a resident's number and ID in it. */
const RESIDENT_TEXT = '请联系王阿姨 139 0513 2468，身份证32068419800101123X';

let personal: {
  gridBranch: { id: string; parties: Parties; memberId: string };
  unitBranch: { id: string; parties: Parties; memberId: string };
  memberReport: { id: string; parties: Parties };
  incident: { id: string; parties: Parties };
  pairedUnit: { id: string; parties: Parties };
};

async function personalDataFixture(): Promise<typeof personal> {
  const organisations = hub.subgraphs.organisations.db;
  const [grid] = await hub.subgraphs.grids.db.query<{ id: string; community_id: string }>(`SELECT id, community_id FROM grids ORDER BY id LIMIT 1`);
  const firstMember = async (organisationId: string) =>
    (await organisations.query<{ id: string }>(`SELECT id FROM party_members WHERE organisation_id = $1 ORDER BY id COLLATE "C" LIMIT 1`, [organisationId]))[0]!
      .id;
  const [unitBranch] = await organisations.query<{ id: string; unit_id: string }>(
    `SELECT o.id, o.unit_id FROM organisations o WHERE o.kind = 'UNIT_PARTY_BRANCH' AND EXISTS (SELECT 1 FROM party_members m WHERE m.organisation_id = o.id) ORDER BY o.id LIMIT 1`,
  );
  const [report] = await hub.subgraphs['co-building'].db.query<{ id: string; unit_id: string; community_id: string }>(
    `SELECT id, unit_id, community_id FROM service_reports WHERE reporter = 'IN_SERVICE_MEMBER' ORDER BY id LIMIT 1`,
  );
  const [incident] = await hub.subgraphs.grids.db.query<{
    id: string;
    grid_id: string;
    community_id: string;
    lead_department_id: string;
    responsible_unit_id: string;
  }>(
    `UPDATE incidents SET description = $1
      WHERE id = (SELECT min(id) FROM incidents WHERE responsible_unit_id IS NOT NULL AND lead_department_id IS NOT NULL)
      RETURNING id, grid_id, community_id, lead_department_id, responsible_unit_id`,
    [RESIDENT_TEXT],
  );
  const [pairing] = await hub.subgraphs['co-building'].db.query<{ unit_id: string; community_id: string }>(
    `SELECT unit_id, community_id FROM pairings ORDER BY id LIMIT 1`,
  );
  const [pairedGrid] = await hub.subgraphs.grids.db.query<{ id: string }>(`SELECT id FROM grids WHERE community_id = $1 ORDER BY id LIMIT 1`, [
    pairing!.community_id,
  ]);
  for (const order of [fixture.unitOrder, fixture.departmentOrder]) {
    await hub.subgraphs['resource-pools'].db.query(`UPDATE demands SET description = $1 WHERE id = $2`, [RESIDENT_TEXT, order.id]);
  }
  const gridBranchId = `org-${grid!.id}`;
  return {
    gridBranch: { id: gridBranchId, parties: { ...OTHER, communityId: grid!.community_id, gridId: grid!.id }, memberId: await firstMember(gridBranchId) },
    unitBranch: { id: unitBranch!.id, parties: { ...OTHER, unitId: unitBranch!.unit_id }, memberId: await firstMember(unitBranch!.id) },
    memberReport: { id: report!.id, parties: { ...OTHER, communityId: report!.community_id, unitId: report!.unit_id } },
    incident: {
      id: incident!.id,
      parties: {
        communityId: incident!.community_id,
        gridId: incident!.grid_id,
        unitId: incident!.responsible_unit_id,
        departmentId: incident!.lead_department_id,
      },
    },
    pairedUnit: { id: pairing!.unit_id, parties: { ...OTHER, communityId: pairing!.community_id, gridId: pairedGrid!.id, unitId: pairing!.unit_id } },
  };
}

/** A party chain's record: a unit member's is its unit's branch, everyone else's a grid branch. */
const chainOf = (role: Who) => (role === 'UNIT_MEMBER' ? personal.unitBranch : personal.gridBranch);

const PERSONAL_CASES: Record<string, FieldCase> = {
  'Organisation.members': {
    subject: (role) => ({ variables: { id: chainOf(role).id }, parties: chainOf(role).parties }),
    document: `query($id: ID!) { organisation(id: $id) { members(first: 100) { nodes { id name phone joinedOn } } } }`,
    pick: (data) => data.organisation.members.nodes,
  },
  'Organisation.secretary': {
    subject: (role) => ({ variables: { id: chainOf(role).id }, parties: chainOf(role).parties }),
    document: `query($id: ID!) { organisation(id: $id) { secretary { id name phone joinedOn } } }`,
    pick: (data) => data.organisation.secretary,
  },
  'Query.partyMember': {
    subject: (role) => ({ variables: { id: chainOf(role).memberId }, parties: chainOf(role).parties }),
    document: `query($id: ID!) { partyMember(id: $id) { id name phone joinedOn } }`,
    pick: (data) => data.partyMember,
  },
  'ServiceReport.member': {
    subject: () => ({ variables: { id: personal.memberReport.id }, parties: personal.memberReport.parties }),
    document: `query($id: ID!) { serviceReport(id: $id) { member { id name phone joinedOn } } }`,
    pick: (data) => data.serviceReport?.member ?? null,
  },
  'Incident.reporter': {
    subject: () => ({ variables: { id: personal.incident.id }, parties: personal.incident.parties }),
    document: `query($id: ID!) { incident(id: $id) { reporter { name phone } } }`,
    pick: (data) => data.incident?.reporter ?? null,
  },
  'Incident.description': {
    subject: () => ({ variables: { id: personal.incident.id }, parties: personal.incident.parties }),
    document: `query($id: ID!) { incident(id: $id) { description } }`,
    pick: (data) => data.incident?.description ?? null,
  },
  'CoBuildingUnit.contact': {
    subject: () => ({ variables: { id: personal.pairedUnit.id }, parties: personal.pairedUnit.parties }),
    document: `query($id: ID!) { coBuildingUnit(id: $id) { contact { name phone } } }`,
    pick: (data) => data.coBuildingUnit.contact,
  },
  'Demand.description': demandField('description', (demand) => demand.description),
};

const PERSONAL_EMPTY: Record<string, unknown> = { 'Organisation.members': [] };

/** The fields of the API schema that return a type holding a person's phone (directly, in a list, or as a connection's nodes). */
function personalDataFieldsOfApi(): string[] {
  const schema = buildSchema(readFileSync(projectPath('schema', 'api.graphql'), 'utf8'));
  const objects = Object.values(schema.getTypeMap()).filter((type): type is GraphQLObjectType => isObjectType(type) && !type.name.startsWith('__'));
  const personalTypes = new Set(objects.filter((type) => 'phone' in type.getFields()).map((type) => type.name));
  const holdsPersonalData = (type: GraphQLNamedType): boolean =>
    personalTypes.has(type.name) ||
    (isObjectType(type) && type.name.endsWith('Connection') && personalTypes.has(getNamedType(type.getFields().nodes!.type).name));
  const structural = (type: GraphQLObjectType) => type.name.endsWith('Connection') || type.name.endsWith('Edge');
  return objects
    .filter((type) => !structural(type))
    .flatMap((type) =>
      Object.values(type.getFields())
        .filter((field) => holdsPersonalData(getNamedType(field.type)))
        .map((field) => `${type.name}.${field.name}`),
    );
}

describe('personal data', () => {
  it('covers every field of the API that leads to a person, and docs/security.md lists the same', () => {
    const fields = personalDataFieldsOfApi();
    expect(fields.length).toBeGreaterThan(0);
    expect(fields.filter((field) => !(field in PERSONAL_EXPECTED))).toEqual([]);
    expect(Object.keys(PERSONAL_CASES).sort()).toEqual(Object.keys(PERSONAL_EXPECTED).sort());
    expect([...new Set(fieldsInSecurityDoc('## Personal data'))].sort()).toEqual(Object.keys(PERSONAL_EXPECTED).sort());
  });
});

const PERSONAL_CELLS = Object.keys(PERSONAL_EXPECTED).flatMap((field) =>
  WHO.flatMap((who) =>
    (['own', 'other'] as const).flatMap((scope) => {
      const cell = PERSONAL_EXPECTED[field]![who][scope === 'own' ? 0 : 1];
      const [plain, withPii] = cell.split('/') as [Seen, Seen | undefined];
      // A role that may hold pii:read has both halves written out; one that may not has only one.
      if (mayHoldPii(who) !== (withPii !== undefined)) throw new Error(`${field} × ${who}: write ${mayHoldPii(who) ? 'plain/pii' : 'one value'}`);
      return [
        [field, who, scope, 'without pii:read', plain] as const,
        ...(withPii === undefined ? [] : [[field, who, scope, 'with pii:read', withPii] as const]),
      ];
    }),
  ),
);

describe.each(PERSONAL_CELLS)('%s as %s (%s scope, %s)', (field, who, scope, pii, expected) => {
  it(`sees it ${expected}`, async () => {
    const fieldCase = PERSONAL_CASES[field]!;
    const { variables } = fieldCase.subject(who);
    const clearAnswer = await postGraphQL(hub.gatewayUrl, fieldCase.document, variables, { token: adminWithPii });
    const maskedAnswer = await postGraphQL(hub.gatewayUrl, fieldCase.document, variables, { token: admin });
    expect(clearAnswer.errors).toBeUndefined();
    expect(maskedAnswer.errors).toBeUndefined();
    const clear = fieldCase.pick(clearAnswer.data);
    const masked = fieldCase.pick(maskedAnswer.data);
    // The two references differ, so that no cell passes by accident.
    expect(clear).not.toBeNull();
    expect(masked).not.toEqual(clear);

    const seen = await readAs(fieldCase, who, scope, expected === 'unauthenticated', pii === 'with pii:read' ? ['pii:read'] : []);
    switch (expected) {
      case 'unauthenticated':
        return;
      case 'clear':
        expect(seen).toEqual(clear);
        return;
      case 'masked':
        expect(seen).toEqual(masked);
        return;
      case 'none':
        expect(seen).toEqual(field in PERSONAL_EMPTY ? PERSONAL_EMPTY[field] : null);
        return;
    }
  });
});
