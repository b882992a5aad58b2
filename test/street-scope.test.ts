import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { planDistrict } from '../seed/district.js';
import { mintToken } from '../lib/auth/jwt.js';
import { TEST_JWT_SECRET, tokenFor } from './support/auth.js';
import { postGraphQL, startTestHub, type TestHub } from './support/hub.js';

/**
 * Street-scoped roles (#17, docs/streets.md) through the gateway on two streets: a STREET_ADMIN
 * reads and acts in the street its token names only, in every subgraph — incidents (grids), units,
 * pairings, service reports and credit histories (co-building), resources, demands and orders
 * (resource-pools), organisations and party members (organisations) — and is refused with FORBIDDEN
 * on another street's; the district platform reads every street's.
 */
const [reference, second] = planDistrict(2);
let hub: TestHub;
const INCIDENTS = `{ incidents(first: 0) { totalCount } }`;

beforeAll(async () => {
  hub = await startTestHub({ streets: 2 });
}, 300_000);
afterAll(() => hub?.stop());

async function incidentCountOf(streetId: string): Promise<number> {
  const { data } = await postGraphQL<any>(
    hub.gatewayUrl,
    `query ($s: ID) { incidents(first: 0, filter: { streetId: $s }) { totalCount } }`,
    { s: streetId },
    {
      token: await tokenFor('DISTRICT_PLATFORM'),
    },
  );
  return data.incidents.totalCount;
}

describe('a street admin bound to a street', () => {
  it('reads the incidents of its street only; the district platform reads both streets', async () => {
    const own = await incidentCountOf(second!.street.id);
    const other = await incidentCountOf(reference!.street.id);
    expect(own).toBeGreaterThan(0);
    expect(other).toBeGreaterThan(0);
    const bound = await postGraphQL<any>(hub.gatewayUrl, INCIDENTS, {}, { token: await tokenFor('STREET_ADMIN', { streetId: second!.street.id }) });
    expect(bound.errors).toBeUndefined();
    expect(bound.data.incidents.totalCount).toBe(own);
    const platform = await postGraphQL<any>(hub.gatewayUrl, INCIDENTS, {}, { token: await tokenFor('DISTRICT_PLATFORM') });
    expect(platform.data.incidents.totalCount).toBe(own + other);
  });

  it('is refused at sign-in when its token names no street', async () => {
    const unbound = await mintToken(TEST_JWT_SECRET, { sub: 'admin-of-nowhere', role: 'STREET_ADMIN' });
    const answer = await postGraphQL<any>(hub.gatewayUrl, INCIDENTS, {}, { token: unbound });
    expect(answer.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(answer.errors?.[0]?.message).toContain('street_id');
  });

  it('routes its own street’s incidents: its routing rule is its street’s, the other street keeps the district’s', async () => {
    const rules = `{ incidentRoutingRules { category deadlineHours } }`;
    const noiseHours = async (token: string) =>
      (await postGraphQL<any>(hub.gatewayUrl, rules, {}, { token })).data.incidentRoutingRules.find((rule: { category: string }) => rule.category === 'NOISE')
        .deadlineHours;
    const secondAdmin = await tokenFor('STREET_ADMIN', { streetId: second!.street.id, sub: 'admin-of-second' });
    const referenceAdmin = await tokenFor('STREET_ADMIN', { streetId: reference!.street.id, sub: 'admin-of-reference' });
    const before = await noiseHours(referenceAdmin);
    const set = await postGraphQL<any>(
      hub.gatewayUrl,
      `mutation { setIncidentRoutingRule(input: { category: NOISE, leadDepartmentId: "department-07", deadlineHours: 7 }) { category deadlineHours } }`,
      {},
      { token: secondAdmin },
    );
    expect(set.errors).toBeUndefined();
    expect(await noiseHours(secondAdmin)).toBe(7);
    expect(await noiseHours(referenceAdmin)).toBe(before);
    expect(await noiseHours(await tokenFor('DISTRICT_PLATFORM'))).toBe(before);
  });

  it('answers an unknown street with BAD_USER_INPUT, in arguments, filters and a street admin’s token', async () => {
    const platform = await tokenFor('DISTRICT_PLATFORM');
    for (const query of [
      `{ incidents(first: 1, filter: { streetId: "street-nowhere" }) { totalCount } }`,
      `{ communities(first: 1, filter: { streetId: "street-nowhere" }) { totalCount } }`,
      `{ offices(streetId: "street-nowhere") { id } }`,
    ]) {
      const answer = await postGraphQL<any>(hub.gatewayUrl, query, {}, { token: platform });
      expect({ query, code: answer.errors?.[0]?.extensions?.code }).toEqual({ query, code: 'BAD_USER_INPUT' });
    }
    const nowhere = await tokenFor('STREET_ADMIN', { streetId: 'street-nowhere' });
    const set = await postGraphQL<any>(
      hub.gatewayUrl,
      `mutation { setIncidentRoutingRule(input: { category: NOISE, leadDepartmentId: "department-07", deadlineHours: 7 }) { category } }`,
      {},
      { token: nowhere },
    );
    expect(set.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const unknownStreet = await postGraphQL<any>(hub.gatewayUrl, `{ street(id: "street-nowhere") { id } }`, {}, { token: platform });
    expect(unknownStreet.data).toEqual({ street: null });
  });

  it('reports in its own street and is refused with FORBIDDEN in another street', async () => {
    const token = await tokenFor('STREET_ADMIN', { streetId: second!.street.id, sub: 'admin-of-second' });
    const report = (gridId: string) =>
      postGraphQL<any>(
        hub.gatewayUrl,
        `mutation ($input: ReportIncidentInput!) { reportIncident(input: $input) { id } }`,
        {
          input: {
            gridId,
            category: 'NOISE',
            description: '夜间施工噪音',
            location: { lat: 31.9, lng: 121.2 },
            reporter: { name: '张三' },
            channel: 'GRID_APP',
          },
        },
        { token },
      );
    const own = await report(second!.grids[0]!.id);
    expect(own.errors).toBeUndefined();
    expect(own.data.reportIncident.id).toEqual(expect.any(String));
    const other = await report(reference!.grids[0]!.id);
    expect(other.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

/** A query as the street admin of the second street (the reference street is the first). */
async function asSecondAdmin(query: string, variables: Record<string, unknown> = {}) {
  return postGraphQL<any>(hub.gatewayUrl, query, variables, { token: await tokenFor('STREET_ADMIN', { streetId: second!.street.id, sub: 'admin-of-second' }) });
}

async function asPlatform(query: string, variables: Record<string, unknown> = {}) {
  return postGraphQL<any>(hub.gatewayUrl, query, variables, { token: await tokenFor('DISTRICT_PLATFORM') });
}

/** The ids of the units or resources that serve a street (their home street's among them), from the owner's database. */
async function idsServing(subgraph: 'co-building' | 'resource-pools', table: 'units' | 'resources', streetId: string): Promise<Set<string>> {
  const rows = await hub.subgraphs[subgraph].db.query<{ id: string }>(`SELECT id FROM ${table} WHERE $1 = ANY (served_street_ids)`, [streetId]);
  return new Set(rows.map((row) => row.id));
}

/** The id of one row per street from a subgraph's own database (SQL returning `street_id, id`), keyed by street. */
async function oneIdPerStreet(subgraph: 'co-building' | 'resource-pools' | 'organisations', sql: string): Promise<Record<string, string>> {
  const rows = await hub.subgraphs[subgraph].db.query<{ street_id: string; id: string }>(sql);
  return Object.fromEntries(rows.map((row) => [row.street_id, row.id]));
}

describe('co-building for a street admin bound to a street', () => {
  it('lists and reads the units, pairings, reports and credit histories of its street only', async () => {
    const units = await asSecondAdmin(`{ coBuildingUnits(first: 100) { totalCount nodes { id } } }`);
    expect(units.errors).toBeUndefined();
    // Its directory: the units serving its street (its own, and any of another street serving it too).
    const secondUnits = await idsServing('co-building', 'units', second!.street.id);
    expect(units.data.coBuildingUnits.totalCount).toBe(secondUnits.size);
    expect(secondUnits.size).toBeGreaterThanOrEqual(second!.units.length);
    expect(units.data.coBuildingUnits.nodes.filter((unit: { id: string }) => !secondUnits.has(unit.id))).toEqual([]);
    const all = await asPlatform(`{ coBuildingUnits(first: 0) { totalCount } }`);
    expect(all.data.coBuildingUnits.totalCount).toBe(reference!.units.length + second!.units.length);

    const unitQuery = `query ($id: ID!) { coBuildingUnit(id: $id) { id pairings { id } serviceReports(first: 1) { totalCount } creditScore { history { delta } } } }`;
    const own = await asSecondAdmin(unitQuery, { id: second!.units[0]!.id });
    expect(own.data.coBuildingUnit.id).toBe(second!.units[0]!.id);
    expect(own.data.coBuildingUnit.pairings.length).toBeGreaterThan(0);
    expect(own.data.coBuildingUnit.serviceReports.totalCount).toBeGreaterThan(0);
    expect((await asSecondAdmin(unitQuery, { id: reference!.units[0]!.id })).data.coBuildingUnit).toBeNull();

    const reports = await oneIdPerStreet(
      'co-building',
      `SELECT DISTINCT ON (u.street_id) u.street_id, r.id FROM service_reports r JOIN units u ON u.id = r.unit_id ORDER BY u.street_id, r.id`,
    );
    const pairings = await oneIdPerStreet(
      'co-building',
      `SELECT DISTINCT ON (u.street_id) u.street_id, p.id FROM pairings p JOIN units u ON u.id = p.unit_id ORDER BY u.street_id, p.id`,
    );
    const read = `query ($report: ID!, $pairing: ID!) { serviceReport(id: $report) { id } pairing(id: $pairing) { id } }`;
    const ownRecords = await asSecondAdmin(read, { report: reports[second!.street.id], pairing: pairings[second!.street.id] });
    expect(ownRecords.data).toEqual({ serviceReport: { id: reports[second!.street.id] }, pairing: { id: pairings[second!.street.id] } });
    const otherRecords = await asSecondAdmin(read, { report: reports[reference!.street.id], pairing: pairings[reference!.street.id] });
    expect(otherRecords.data).toEqual({ serviceReport: null, pairing: null });
  });

  it('verifies and submits service reports in its street and is refused with FORBIDDEN in another', async () => {
    const unverified = await oneIdPerStreet(
      'co-building',
      `SELECT DISTINCT ON (u.street_id) u.street_id, r.id FROM service_reports r JOIN units u ON u.id = r.unit_id WHERE NOT r.verified ORDER BY u.street_id, r.id`,
    );
    const verify = `mutation ($id: ID!) { verifyServiceReport(input: { id: $id }) { id verified } }`;
    const other = await asSecondAdmin(verify, { id: unverified[reference!.street.id] });
    expect(other.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const [stillUnverified] = await hub.subgraphs['co-building'].db.query<{ verified: boolean }>(`SELECT verified FROM service_reports WHERE id = $1`, [
      unverified[reference!.street.id]!,
    ]);
    expect(stillUnverified!.verified).toBe(false);
    const own = await asSecondAdmin(verify, { id: unverified[second!.street.id] });
    expect(own.errors).toBeUndefined();
    expect(own.data.verifyServiceReport.verified).toBe(true);

    const pairingOf = (plan: typeof reference) => plan!.pairings[0]!;
    const submit = (plan: typeof reference) =>
      asSecondAdmin(`mutation ($input: SubmitServiceReportInput!) { submitServiceReport(input: $input) { id } }`, {
        input: {
          unitId: pairingOf(plan).unitId,
          reporter: 'UNIT',
          communityId: pairingOf(plan).communityId,
          activity: '环境整治',
          hours: 1,
          servedOn: pairingOf(plan).startsOn,
        },
      });
    expect((await submit(reference)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
  it('sees a unit of another street once it serves its street too, and still may not act on it', async () => {
    const unitId = reference!.units[1]!.id;
    const unitQuery = `query ($id: ID!) { coBuildingUnit(id: $id) { id servedStreets { id } } }`;
    expect((await asSecondAdmin(unitQuery, { id: unitId })).data.coBuildingUnit).toBeNull();
    const setServed = `mutation ($input: SetUnitServedStreetsInput!) { setUnitServedStreets(input: $input) { id servedStreets { id } } }`;
    const both = { unitId, streetIds: [reference!.street.id, second!.street.id] };
    // Only its home street's admin decides whom a unit serves.
    const refused = await asSecondAdmin(setServed, { input: both });
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const homeAdmin = await tokenFor('STREET_ADMIN', { streetId: reference!.street.id, sub: 'admin-of-reference' });
    const set = await postGraphQL<any>(hub.gatewayUrl, setServed, { input: both }, { token: homeAdmin });
    expect(set.errors).toBeUndefined();
    try {
      expect((await asSecondAdmin(unitQuery, { id: unitId })).data.coBuildingUnit).toEqual({
        id: unitId,
        servedStreets: [{ id: reference!.street.id }, { id: second!.street.id }].sort((a, b) => a.id.localeCompare(b.id)),
      });
      const listed = await asSecondAdmin(`query ($name: String) { coBuildingUnits(first: 100, filter: { nameContains: $name }) { nodes { id } } }`, {
        name: reference!.units[1]!.name,
      });
      expect(listed.errors).toBeUndefined();
      expect(listed.data.coBuildingUnits.nodes.map((node: { id: string }) => node.id)).toContain(unitId);
      // Acting on it stays with its home street: the second street's admin cannot take it back out.
      const takeBack = await asSecondAdmin(setServed, { input: { unitId, streetIds: [reference!.street.id] } });
      expect(takeBack.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    } finally {
      await postGraphQL<any>(hub.gatewayUrl, setServed, { input: { unitId, streetIds: [reference!.street.id] } }, { token: homeAdmin });
    }
    expect((await asSecondAdmin(unitQuery, { id: unitId })).data.coBuildingUnit).toBeNull();
  });
});

describe('resource-pools for a street admin bound to a street', () => {
  it('lists and reads the resources, demands and orders of its street only', async () => {
    const { db } = hub.subgraphs['resource-pools'];
    // Its directory: the resources serving its street, the district resources homed in the first street among them.
    const ownResources = await idsServing('resource-pools', 'resources', second!.street.id);
    const [homedElsewhere] = await db.query<{ count: number }>(
      `SELECT count(*)::int AS count FROM resources WHERE $1 = ANY (served_street_ids) AND street_id <> $1`,
      [second!.street.id],
    );
    expect(homedElsewhere!.count).toBeGreaterThan(0);
    const ownDemands = new Set(
      (
        await db.query<{ id: string }>(`SELECT d.id FROM demands d JOIN community_offices co USING (community_id) WHERE co.street_id = $1`, [second!.street.id])
      ).map((row) => row.id),
    );
    expect(ownResources.size).toBeGreaterThan(0);
    expect(ownDemands.size).toBeGreaterThan(0);
    const lists = await asSecondAdmin(`{ resources(first: 100) { totalCount nodes { id } } demands(first: 100) { totalCount nodes { id } } }`);
    expect(lists.errors).toBeUndefined();
    expect(lists.data.resources.totalCount).toBe(ownResources.size);
    expect(lists.data.resources.nodes.filter((node: { id: string }) => !ownResources.has(node.id))).toEqual([]);
    expect(lists.data.demands.totalCount).toBe(ownDemands.size);
    expect(lists.data.demands.nodes.filter((node: { id: string }) => !ownDemands.has(node.id))).toEqual([]);

    const resources = await oneIdPerStreet(
      'resource-pools',
      `SELECT DISTINCT ON (street_id) street_id, id FROM resources WHERE street_id = '${second!.street.id}' OR NOT '${second!.street.id}' = ANY (served_street_ids) ORDER BY street_id, id`,
    );
    const orders = await oneIdPerStreet(
      'resource-pools',
      `SELECT DISTINCT ON (co.street_id) co.street_id, d.id FROM demands d JOIN community_offices co USING (community_id) WHERE d.resource_id IS NOT NULL ORDER BY co.street_id, d.id`,
    );
    const read = `query ($resource: ID!, $order: ID!) { resource(id: $resource) { id } demand(id: $order) { id resource { id } timeline { kind } } }`;
    const own = await asSecondAdmin(read, { resource: resources[second!.street.id], order: orders[second!.street.id] });
    expect(own.data.resource).toEqual({ id: resources[second!.street.id] });
    expect(own.data.demand.resource).not.toBeNull();
    expect(own.data.demand.timeline.length).toBeGreaterThan(0);
    const other = await asSecondAdmin(read, { resource: resources[reference!.street.id], order: orders[reference!.street.id] });
    expect(other.data).toEqual({ resource: null, demand: null });
  });

  it('acts on demands of its street and is refused with FORBIDDEN on another street’s', async () => {
    const open = await oneIdPerStreet(
      'resource-pools',
      `SELECT DISTINCT ON (co.street_id) co.street_id, d.id FROM demands d JOIN community_offices co USING (community_id) WHERE d.status = 'OPEN' ORDER BY co.street_id, d.id`,
    );
    const cancel = `mutation ($id: ID!) { cancelDemand(input: { id: $id }) { id status } }`;
    const other = await asSecondAdmin(cancel, { id: open[reference!.street.id] });
    expect(other.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const [unchanged] = await hub.subgraphs['resource-pools'].db.query<{ status: string }>(`SELECT status FROM demands WHERE id = $1`, [
      open[reference!.street.id]!,
    ]);
    expect(unchanged!.status).toBe('OPEN');
    const own = await asSecondAdmin(cancel, { id: open[second!.street.id] });
    expect(own.errors).toBeUndefined();
    expect(own.data.cancelDemand.status).toBe('CANCELLED');

    const submit = await asSecondAdmin(`mutation ($input: SubmitDemandInput!) { submitDemand(input: $input) { id } }`, {
      input: {
        title: '轮椅借用',
        description: '老人出院需要轮椅',
        category: 'FACILITY_EQUIPMENT',
        source: 'MICRO_WISH',
        communityId: reference!.communities[0]!.id,
      },
    });
    expect(submit.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const propose = await asSecondAdmin(`mutation ($ids: [ID!]) { proposeAllocations(scope: { communityIds: $ids }) { allocations { demand { id } } } }`, {
      ids: [reference!.communities[0]!.id],
    });
    expect(propose.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('organisations for a street admin bound to a street', () => {
  it('lists the organisations and reads the party members of its street only; each street names its committee', async () => {
    const { db } = hub.subgraphs.organisations;
    const [{ n: ownOrganisations }] = (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM organisations WHERE street_id = $1`, [
      second!.street.id,
    ])) as [{ n: number }];
    const list = await asSecondAdmin(`{ organisations(first: 0) { totalCount } }`);
    expect(list.errors).toBeUndefined();
    expect(list.data.organisations.totalCount).toBe(ownOrganisations);

    const members = await oneIdPerStreet(
      'organisations',
      `SELECT DISTINCT ON (o.street_id) o.street_id, m.id FROM party_members m JOIN organisations o ON o.id = m.organisation_id ORDER BY o.street_id, m.id`,
    );
    const committeeOf = (plan: typeof reference) => `${plan!.idPrefix}org-street-committee`;
    const read = `query ($org: ID!, $member: ID!) { organisation(id: $org) { id members(first: 1) { totalCount } } partyMember(id: $member) { id } }`;
    const own = await asSecondAdmin(read, { org: committeeOf(second), member: members[second!.street.id] });
    expect(own.data.organisation.id).toBe(committeeOf(second));
    expect(own.data.organisation.members.totalCount).toBeGreaterThan(0);
    expect(own.data.partyMember).toEqual({ id: members[second!.street.id] });
    const other = await asSecondAdmin(read, { org: committeeOf(reference), member: members[reference!.street.id] });
    expect(other.data).toEqual({ organisation: null, partyMember: null });

    const committees = `{ streets(first: 10) { nodes { id partyCommittee { id street { id } } } } }`;
    const byPlatform = await asPlatform(committees);
    expect(byPlatform.data.streets.nodes).toEqual([
      { id: reference!.street.id, partyCommittee: { id: committeeOf(reference), street: { id: reference!.street.id } } },
      { id: second!.street.id, partyCommittee: { id: committeeOf(second), street: { id: second!.street.id } } },
    ]);
    const bySecond = await asSecondAdmin(committees);
    expect(bySecond.data.streets.nodes.map((street: { partyCommittee: { id: string } | null }) => street.partyCommittee?.id ?? null)).toEqual([
      null,
      committeeOf(second),
    ]);
  });
});
