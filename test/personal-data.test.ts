import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { buildSchema, getNamedType, isObjectType, type GraphQLField, type GraphQLOutputType } from 'graphql';
import { loadExampleOperations } from '../gateway/src/explorer.js';
import { maskName } from '../lib/subgraph/masking.js';
import { projectPath } from '../lib/kernel/project-root.js';
import type { SubgraphName } from '../lib/subgraph/names.js';
import { asRouter, tokenFor, type TokenScope } from './support/auth.js';
import { postGraphQL, startTestHub, type TestHub } from './support/hub.js';

/**
 * Personal data under PIPL (issue #11): party rosters only for the member's own chain and the
 * street-wide roles, a masked form that no longer singles a member out, pii:read that unmasks only
 * within the caller's own scope, and phone and ID numbers masked inside free text. Through the
 * gateway, and straight against the subgraph with a router signature and a low-privilege token.
 */

let hub: TestHub;
let admin: string;
let adminWithPii: string;

interface MemberRow {
  id: string;
  organisation_id: string;
  name: string;
  phone: string;
  joined_on: string;
  residence_community_id: string | null;
  in_service_unit_id: string | null;
}

const MEMBERS = `query($id: ID!) { organisation(id: $id) { id memberCount members(first: 100) { totalCount nodes { id name phone gender joinedOn } } } }`;
const MEMBER = `query($id: ID!) { partyMember(id: $id) { id name phone joinedOn residenceCommunity { id } inServiceUnit { id } } }`;
const SECRETARY = `query($id: ID!) { organisation(id: $id) { secretary { id name } } }`;

async function membersOf(organisationId: string): Promise<MemberRow[]> {
  return hub.subgraphs.organisations.db.query<MemberRow>(
    `SELECT id, organisation_id, name, phone, to_char(joined_on, 'YYYY-MM-DD') AS joined_on, residence_community_id, in_service_unit_id
       FROM party_members WHERE organisation_id = $1 ORDER BY id COLLATE "C"`,
    [organisationId],
  );
}

async function as(role: Parameters<typeof tokenFor>[0], scope: TokenScope, document: string, variables: Record<string, unknown>) {
  const response = await postGraphQL(hub.gatewayUrl, document, variables, { token: await tokenFor(role, scope) });
  expect(response.errors).toBeUndefined();
  return response.data!;
}

beforeAll(async () => {
  hub = await startTestHub();
  admin = await tokenFor('STREET_ADMIN', { sub: 'personal-data-admin' });
  adminWithPii = await tokenFor('STREET_ADMIN', { sub: 'personal-data-admin-pii', scopes: ['pii:read'] });
});

afterAll(async () => {
  await hub?.stop();
});

describe('party rosters', () => {
  const GRID_WORKER = { gridId: 'grid-001', communityId: 'community-01' };

  it.each([
    ['a grid worker', 'GRID_WORKER', GRID_WORKER, 'org-grid-001', ['org-grid-002', 'org-community-01', 'org-community-02', 'org-unit-001']],
    [
      'a community worker',
      'COMMUNITY_WORKER',
      { communityId: 'community-01' },
      'org-grid-002',
      ['org-community-02', 'org-grid-100', 'org-unit-001', 'org-street-committee'],
    ],
    ['a unit member', 'UNIT_MEMBER', { unitId: 'unit-001' }, 'org-unit-001', ['org-unit-002', 'org-grid-001', 'org-community-01']],
    ['department staff', 'DEPARTMENT_STAFF', { departmentId: 'department-01' }, null, ['org-grid-001', 'org-community-01', 'org-street-committee']],
  ] as const)('are listed to %s for its own chain only; others see the count', async (_who, role, scope, own, others) => {
    if (own !== null) {
      const seen = (await as(role, scope, MEMBERS, { id: own })).organisation;
      const rows = await membersOf(own);
      expect(rows.length).toBeGreaterThan(0);
      expect(seen.members.totalCount).toBe(rows.length);
      expect(seen.members.nodes.map((node: { id: string }) => node.id)).toEqual(rows.map((row) => row.id));
    }
    for (const other of others) {
      const seen = (await as(role, scope, MEMBERS, { id: other })).organisation;
      if (seen === null) continue; // not an organisation of this street
      expect(seen.memberCount).toBeGreaterThan(0);
      expect(seen.members).toEqual({ totalCount: 0, nodes: [] });
    }
  });

  it('are listed to the street-wide roles, masked so that no member is singled out', async () => {
    const rows = await membersOf('org-grid-002');
    for (const token of [admin, await tokenFor('DISTRICT_PLATFORM')]) {
      const { data, errors } = await postGraphQL(hub.gatewayUrl, MEMBERS, { id: 'org-grid-002' }, { token });
      expect(errors).toBeUndefined();
      expect(data!.organisation.members.nodes).toEqual(
        rows.map((row) => ({
          id: row.id,
          name: maskName(row.name),
          // The last four digits only, and the year they joined: no key to link the member elsewhere.
          phone: `*******${row.phone.slice(-4)}`,
          gender: expect.stringMatching(/^(MALE|FEMALE)$/),
          joinedOn: `${row.joined_on.slice(0, 4)}-**-**`,
        })),
      );
    }
  });

  it('read a member or a secretary out of the caller’s chain as not found', async () => {
    const [other] = await membersOf('org-grid-002');
    const [own] = await membersOf('org-grid-001');
    const scope = { gridId: 'grid-001', communityId: 'community-01' };
    expect((await as('GRID_WORKER', scope, MEMBER, { id: other!.id })).partyMember).toBeNull();
    expect((await as('GRID_WORKER', scope, MEMBER, { id: own!.id })).partyMember).toMatchObject({ id: own!.id });
    expect((await as('GRID_WORKER', scope, SECRETARY, { id: 'org-grid-002' })).organisation.secretary).toBeNull();
    expect((await as('GRID_WORKER', scope, SECRETARY, { id: 'org-grid-001' })).organisation.secretary).not.toBeNull();
    expect((await as('DEPARTMENT_STAFF', { departmentId: 'department-01' }, MEMBER, { id: own!.id })).partyMember).toBeNull();
  });

  it('show a member in clear only to pii:read within the caller’s own scope', async () => {
    const [own] = await membersOf('org-grid-001');
    const piiGridWorker = { gridId: 'grid-001', communityId: 'community-01', scopes: ['pii:read'] };
    const clear = (await as('GRID_WORKER', piiGridWorker, MEMBER, { id: own!.id })).partyMember;
    expect(clear).toMatchObject({ name: own!.name, phone: own!.phone, joinedOn: own!.joined_on });
    // The street admin with pii:read sees the whole street in clear.
    const [elsewhere] = await membersOf('org-grid-100');
    expect((await as('STREET_ADMIN', { scopes: ['pii:read'] }, MEMBER, { id: elsewhere!.id })).partyMember).toMatchObject({ phone: elsewhere!.phone });
    // An in-service member reports to the community they live in: its worker reads them, in clear with pii:read.
    const [inService] = await hub.subgraphs.organisations.db.query<MemberRow>(
      `SELECT id, name, phone, residence_community_id FROM party_members WHERE in_service_unit_id IS NOT NULL ORDER BY id LIMIT 1`,
    );
    const resident = (await as('COMMUNITY_WORKER', { communityId: inService!.residence_community_id!, scopes: ['pii:read'] }, MEMBER, { id: inService!.id }))
      .partyMember;
    expect(resident).toMatchObject({ name: inService!.name, phone: inService!.phone });
    const otherCommunity = inService!.residence_community_id === 'community-02' ? 'community-03' : 'community-02';
    expect((await as('COMMUNITY_WORKER', { communityId: otherCommunity, scopes: ['pii:read'] }, MEMBER, { id: inService!.id })).partyMember).toBeNull();
  });

  it('need a token: anonymous callers get the count, and 401 for the list', async () => {
    const count = await postGraphQL(hub.gatewayUrl, `{ organisation(id: "org-grid-001") { memberCount } }`, {}, { token: null });
    expect(count.errors).toBeUndefined();
    expect(count.data!.organisation.memberCount).toBeGreaterThan(0);
    const list = await postGraphQL(hub.gatewayUrl, `{ organisation(id: "org-grid-001") { members { totalCount } } }`, {}, { token: null });
    expect(list.status).toBe(401);
    expect(list.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('are refused the same way straight at the organisations subgraph', async () => {
    const token = await tokenFor('GRID_WORKER', { gridId: 'grid-001', communityId: 'community-01', scopes: ['pii:read'] });
    const sign = asRouter('organisations');
    const list = await postGraphQL(hub.subgraphs.organisations.url, MEMBERS, { id: 'org-grid-002' }, { token, sign });
    expect(list.errors).toBeUndefined();
    expect(list.data!.organisation.members).toEqual({ totalCount: 0, nodes: [] });
    const [other] = await membersOf('org-grid-002');
    const [own] = await membersOf('org-grid-001');
    const entities = await postGraphQL(
      hub.subgraphs.organisations.url,
      `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on PartyMember { id phone } } }`,
      {
        representations: [
          { __typename: 'PartyMember', id: other!.id },
          { __typename: 'PartyMember', id: own!.id },
        ],
      },
      { token, sign },
    );
    expect(entities.errors).toBeUndefined();
    expect(entities.data!._entities).toEqual([null, { id: own!.id, phone: own!.phone }]);
    const anonymous = await postGraphQL(
      hub.subgraphs.organisations.url,
      `{ organisation(id: "org-grid-001") { members { totalCount } } }`,
      {},
      { token: null, sign: asRouter('organisations') },
    );
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('pii:read unmasks only within the caller’s own scope', () => {
  const CONTACT = `query($id: ID!) { coBuildingUnit(id: $id) { contact { name phone } } }`;

  it('for a unit contact: the community workers of its paired communities, not of others, nor departments', async () => {
    const [pairing] = await hub.subgraphs['co-building'].db.query<{ unit_id: string; community_id: string; contact_name: string; contact_phone: string }>(
      `SELECT p.unit_id, p.community_id, u.contact_name, u.contact_phone FROM pairings p JOIN units u ON u.id = p.unit_id ORDER BY p.id LIMIT 1`,
    );
    const [unpaired] = await hub.subgraphs['co-building'].db.query<{ id: string }>(
      `SELECT c AS id FROM (SELECT DISTINCT community_id AS c FROM pairings) all_communities
        WHERE c NOT IN (SELECT community_id FROM pairings WHERE unit_id = $1) ORDER BY c LIMIT 1`,
      [pairing!.unit_id],
    );
    const clear = { name: pairing!.contact_name, phone: pairing!.contact_phone };
    const masked = { name: maskName(pairing!.contact_name), phone: `${pairing!.contact_phone.slice(0, 3)}****${pairing!.contact_phone.slice(-4)}` };
    const variables = { id: pairing!.unit_id };
    expect((await as('COMMUNITY_WORKER', { communityId: pairing!.community_id, scopes: ['pii:read'] }, CONTACT, variables)).coBuildingUnit.contact).toEqual(
      clear,
    );
    expect((await as('COMMUNITY_WORKER', { communityId: unpaired!.id, scopes: ['pii:read'] }, CONTACT, variables)).coBuildingUnit.contact).toEqual(masked);
    expect((await as('DEPARTMENT_STAFF', { departmentId: 'department-01', scopes: ['pii:read'] }, CONTACT, variables)).coBuildingUnit.contact).toEqual(masked);
    expect((await as('STREET_ADMIN', { scopes: ['pii:read'] }, CONTACT, variables)).coBuildingUnit.contact).toEqual(clear);
  });
});

/** What residents write, and how it reads without pii:read in scope. */
const TEXT = '请联系王阿姨 138 1234 5678 或 0513-85551234，身份证32068419800101123X';
const MASKED_TEXT = '请联系王阿姨 138****5678 或 0513-****1234，身份证320684********123X';

interface FreeTextCase {
  subgraph: SubgraphName;
  /** Writes TEXT into the field of one record (the table as its subgraph stores it) and returns the variables to read it. */
  plant(db: TestHub['subgraphs'][SubgraphName]['db']): Promise<Record<string, unknown>>;
  document: string;
  pick(data: any): unknown;
  /** Whether anonymous callers may read the field (else they get 401). */
  anonymous: boolean;
}

const one = async (db: TestHub['subgraphs'][SubgraphName]['db'], sql: string): Promise<string> => (await db.query<{ id: string }>(sql))[0]!.id;

/** A case whose record is found by `sql` (an UPDATE writing TEXT, returning the id to read) and read back at `root(id:)`. */
function planted(subgraph: SubgraphName, sql: string, root: string, selection: string, anonymous: boolean, pick: (node: any) => unknown): FreeTextCase {
  return {
    subgraph,
    plant: async (db) => ({ id: await one(db, sql) }),
    document: `query($id: ID!) { ${root}(id: $id) { ${selection} } }`,
    pick: (data) => pick(data[root]),
    anonymous,
  };
}
const set = (table: string, column: string, which: string, returning = 'id', value = `'${TEXT}'`) =>
  `UPDATE ${table} SET ${column} = ${value} WHERE ${which} RETURNING ${returning} AS id`;
const RATED = `id = (SELECT min(id) FROM demands WHERE status = 'RATED')`;
const LAST_RATED = `id = (SELECT max(id) FROM demands WHERE status = 'RATED')`;
const FIRST_INCIDENT = `id = (SELECT min(id) FROM incidents)`;
const LAST_INCIDENT = `id = (SELECT max(id) FROM incidents)`;
const eventOf = (events: { kind: string; note: string }[], kind: string) => events.find((event) => event.kind === kind)!.note;

/**
 * Every free-text field of the four SDLs (what people type: descriptions, comments, notes) and how
 * the test plants TEXT into it. A String field of the API that is neither here nor in NOT_FREE_TEXT
 * fails the inventory below, so a new free-text field cannot ship unmasked. The last argument of
 * each case says whether anonymous callers may read it (else they get 401 or null).
 */
const FREE_TEXT: Record<string, FreeTextCase> = {
  'Demand.title': planted('resource-pools', set('demands', 'title', RATED), 'demand', 'title', true, (demand) => demand.title),
  'Demand.description': planted('resource-pools', set('demands', 'description', RATED), 'demand', 'description', true, (demand) => demand.description),
  // Anonymous callers are not the order's parties: null.
  'Demand.ratingComment': planted(
    'resource-pools',
    set('demands', 'rating_comment', LAST_RATED),
    'demand',
    'ratingComment',
    false,
    (demand) => demand.ratingComment,
  ),
  'DemandEvent.note': planted(
    'resource-pools',
    set('demand_events', 'note', `demand_id = (SELECT max(id) FROM demands WHERE status = 'RATED') AND kind = 'SUBMIT'`, 'demand_id'),
    'demand',
    'timeline { kind note }',
    false,
    (demand) => eventOf(demand.timeline, 'SUBMIT'),
  ),
  'Resource.name': planted(
    'resource-pools',
    set('resources', 'name', 'id = (SELECT min(id) FROM resources)'),
    'resource',
    'name',
    true,
    (resource) => resource.name,
  ),
  'Resource.description': planted(
    'resource-pools',
    set('resources', 'description', 'id = (SELECT max(id) FROM resources)'),
    'resource',
    'description',
    true,
    (resource) => resource.description,
  ),
  'Incident.description': planted(
    'grids',
    set('incidents', 'description', FIRST_INCIDENT),
    'incident',
    'description',
    false,
    (incident) => incident.description,
  ),
  'Incident.returnReason': planted(
    'grids',
    set('incidents', 'return_reason', LAST_INCIDENT),
    'incident',
    'returnReason',
    false,
    (incident) => incident.returnReason,
  ),
  'Incident.ratingComment': planted(
    'grids',
    set('incidents', 'rating_comment', LAST_INCIDENT),
    'incident',
    'ratingComment',
    false,
    (incident) => incident.ratingComment,
  ),
  'IncidentEvent.note': planted(
    'grids',
    set('incident_events', 'note', `incident_id = (SELECT min(id) FROM incidents) AND kind = 'REPORT'`, 'incident_id'),
    'incident',
    'timeline { kind note }',
    false,
    (incident) => eventOf(incident.timeline, 'REPORT'),
  ),
  'ServiceReport.activity': planted(
    'co-building',
    set('service_reports', 'activity', 'id = (SELECT min(id) FROM service_reports)'),
    'serviceReport',
    'activity',
    false,
    (report) => report.activity,
  ),
  'Agreement.commitments': planted(
    'co-building',
    set('pairings', 'commitments', 'id = (SELECT min(id) FROM pairings)', 'id', `ARRAY['${TEXT}']`),
    'pairing',
    'agreement { commitments }',
    true,
    (pairing) => pairing.agreement.commitments[0],
  ),
  'Commitment.text': planted(
    'co-building',
    set('agreement_commitments', 'text', 'id = (SELECT max(id) FROM agreement_commitments)', 'pairing_id'),
    'pairing',
    'agreement { commitmentProgress { commitment { text } } }',
    true,
    (pairing) => pairing.agreement.commitmentProgress.map((progress: any) => progress.commitment.text).find((text: string) => text.includes('王阿姨')),
  ),
};

/** String fields of the API that are not free text, and why. */
const NOT_FREE_TEXT: Record<string, string> = {};
const structured = (reason: string, ...coordinates: string[]) => coordinates.forEach((coordinate) => (NOT_FREE_TEXT[coordinate] = reason));
structured(
  'official names and addresses of the street directory, kept by the administration',
  'Street.name',
  'Office.name',
  'Community.name',
  'Grid.name',
  'MicroGrid.name',
  'Organisation.name',
  'Department.name',
  'CoBuildingUnit.name',
  'CoBuildingUnit.address',
  'Resource.address',
);
structured(
  'personal data with their own masking (docs/security.md → Personal data)',
  'PartyMember.name',
  'PartyMember.phone',
  'PartyMember.joinedOn',
  'UnitContact.name',
  'UnitContact.phone',
  'IncidentReporter.name',
  'IncidentReporter.phone',
);
structured(
  'times and dates in ISO 8601',
  'Incident.reportedAt',
  'Incident.dueAt',
  'IncidentEvent.occurredAt',
  'Demand.createdAt',
  'DemandEvent.occurredAt',
  'ServiceReport.servedOn',
  'ServiceReport.verifiedAt',
  'Agreement.startsOn',
  'Agreement.endsOn',
  'CommitmentProgress.periodStartsOn',
  'CommitmentProgress.periodEndsOn',
  'CreditEvent.occurredAt',
  'CreditEvent.validUntil',
  'OpeningHours.opensAt',
  'OpeningHours.closesAt',
  'AuditEntry.occurredAt',
);
structured(
  'ids, codes and names the hub or its callers set, never a resident',
  'IncidentEvent.kind',
  'IncidentEvent.actor',
  'DemandEvent.actor',
  'CreditEventSource.subgraph',
  'CreditEventSource.type',
  'AuditEntry.subject',
  'AuditEntry.role',
  'AuditEntry.operationName',
  'AuditEntry.mutation',
  'AuditEntry.outcome',
  'AuditEntry.requestId',
  'Capacity.unit',
  'Incident.photoUrls',
);
structured(
  'generated by matching from numbers and ids',
  'MatchTerm.note',
  'MatchExclusion.detail',
  'AllocationPlan.method',
  'AllocationPlan.degradedReasons',
  'MatchResult.degradedReasons',
  'MatchResult.noCandidateReason',
);
structured(
  'kinds of help and units: configuration the street office keeps (help_kinds, category_fits), never about a resident',
  'HelpKind.subKind',
  'HelpKind.label',
  'HelpKind.unit',
  'CategoryFit.demandSubKind',
  'CategoryFit.resourceSubKind',
  'CategoryFit.note',
  'Demand.subKind',
  'Demand.unit',
  'Resource.subKind',
);
structured(
  'cursors',
  'PageInfo.startCursor',
  'PageInfo.endCursor',
  'OrganisationEdge.cursor',
  'PartyMemberEdge.cursor',
  'CommunityEdge.cursor',
  'IncidentEdge.cursor',
  'CoBuildingUnitEdge.cursor',
  'ServiceReportEdge.cursor',
  'ResourceEdge.cursor',
  'DemandEdge.cursor',
  'StreetEdge.cursor',
);

function stringFieldsOfApi(): string[] {
  const schema = buildSchema(readFileSync(projectPath('schema', 'api.graphql'), 'utf8'));
  const isString = (type: GraphQLOutputType): boolean => getNamedType(type).name === 'String';
  return Object.values(schema.getTypeMap())
    .filter((type) => isObjectType(type) && !type.name.startsWith('__'))
    .flatMap((type) =>
      Object.values((type as { getFields(): Record<string, GraphQLField<unknown, unknown>> }).getFields())
        .filter((field) => isString(field.type))
        .map((field) => `${type.name}.${field.name}`),
    );
}

describe('phone and ID numbers in free text', () => {
  it('every String field of the API is either free text (masked, with a case here) or listed as not free text', () => {
    const unclassified = stringFieldsOfApi().filter((coordinate) => !(coordinate in FREE_TEXT) && !(coordinate in NOT_FREE_TEXT));
    expect(unclassified).toEqual([]);
    const stale = [...Object.keys(FREE_TEXT), ...Object.keys(NOT_FREE_TEXT)].filter((coordinate) => !stringFieldsOfApi().includes(coordinate));
    expect(stale).toEqual([]);
  });

  it.each(Object.keys(FREE_TEXT))('%s is masked for callers without pii:read, in clear with it', async (coordinate) => {
    const fieldCase = FREE_TEXT[coordinate]!;
    const variables = await fieldCase.plant(hub.subgraphs[fieldCase.subgraph].db);
    const clear = await postGraphQL(hub.gatewayUrl, fieldCase.document, variables, { token: adminWithPii });
    expect(clear.errors).toBeUndefined();
    expect(fieldCase.pick(clear.data)).toBe(TEXT);
    const masked = await postGraphQL(hub.gatewayUrl, fieldCase.document, variables, { token: admin });
    expect(masked.errors).toBeUndefined();
    expect(fieldCase.pick(masked.data)).toBe(MASKED_TEXT);
    const anonymous = await postGraphQL(hub.gatewayUrl, fieldCase.document, variables, { token: null });
    if (fieldCase.anonymous) expect(fieldCase.pick(anonymous.data)).toBe(MASKED_TEXT);
    else expect(JSON.stringify(anonymous)).not.toContain('5678');
  });

  it("a demand's text is in clear for pii:read of its own community only", async () => {
    const [demand] = await hub.subgraphs['resource-pools'].db.query<{ id: string; community_id: string }>(
      `UPDATE demands SET description = '${TEXT}' WHERE id = (SELECT min(id) FROM demands WHERE status = 'OPEN') RETURNING id, community_id`,
    );
    const document = `query($id: ID!) { demand(id: $id) { description } }`;
    const own = await as('COMMUNITY_WORKER', { communityId: demand!.community_id, scopes: ['pii:read'] }, document, { id: demand!.id });
    expect(own.demand.description).toBe(TEXT);
    const other = await as(
      'COMMUNITY_WORKER',
      { communityId: demand!.community_id === 'community-02' ? 'community-03' : 'community-02', scopes: ['pii:read'] },
      document,
      { id: demand!.id },
    );
    expect(other.demand.description).toBe(MASKED_TEXT);
  });

  it('is masked straight at the subgraph too', async () => {
    const [demand] = await hub.subgraphs['resource-pools'].db.query<{ id: string }>(
      `UPDATE demands SET title = '${TEXT}'
        WHERE id = (SELECT max(id) FROM demands WHERE status = 'OPEN' AND community_id <> 'community-01') RETURNING id`,
    );
    const token = await tokenFor('GRID_WORKER', { gridId: 'grid-001', communityId: 'community-01', scopes: ['pii:read'] });
    const answer = await postGraphQL(
      hub.subgraphs['resource-pools'].url,
      `query($id: ID!) { demand(id: $id) { title } }`,
      { id: demand!.id },
      { token, sign: asRouter('resource-pools') },
    );
    expect(answer.data!.demand.title).toBe(MASKED_TEXT);
  });
});

describe('what needs a token, as docs/security.md says', () => {
  it.each([
    ['a unit’s service reports', `{ coBuildingUnit(id: "unit-001") { serviceReports { totalCount } } }`],
    ['a department’s incidents', `{ department(id: "department-01") { incidents { totalCount } } }`],
    ['a grid’s incidents', `{ grid(id: "grid-001") { incidents { totalCount } } }`],
    ['the incident list', `{ incidents { totalCount } }`],
  ])('anonymous callers asking for %s get 401 UNAUTHENTICATED', async (_what, document) => {
    const response = await postGraphQL(hub.gatewayUrl, document, {}, { token: null });
    expect(response.status).toBe(401);
    expect(response.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('every example of the explorer runs with its development token (DISTRICT_PLATFORM, no scopes)', async () => {
    const token = await tokenFor('DISTRICT_PLATFORM', { sub: 'explorer' });
    for (const example of await loadExampleOperations()) {
      const response = await postGraphQL(hub.gatewayUrl, example.document, {}, { token });
      expect({ example: example.name, errors: response.errors }).toEqual({ example: example.name, errors: undefined });
    }
  });
});
