import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestDatabase, type TestDatabase } from '../../test/support/databases.js';
import { execute, expectEntityReference, sqlStatementsIn } from '../../test/support/operations.js';
import { planStreet } from '../../seed/plan.js';
import { generateCoBuildingDataset } from '../../seed/co-building.js';
import { createCoBuildingStore, type CoBuildingDataset } from './store.js';
import { createContext, createServer } from './server.js';
import type { CoBuildingContext } from './context.js';

const plan = planStreet(1);
const dataset: CoBuildingDataset = generateCoBuildingDataset(plan);
/** The seed's reference date, noon in Shanghai. */
const REFERENCE_NOW = new Date('2026-11-01T12:00:00+08:00');

let database: TestDatabase;
let apollo: ReturnType<typeof createServer>;
const run = <Data = Record<string, any>>(query: string, variables?: Record<string, unknown>, clock: () => Date = () => REFERENCE_NOW) =>
  execute<Data, CoBuildingContext>(apollo, createContext({ db: database.db, clock }), query, variables);

const statementCount = async () => sqlStatementsIn(await database.registry.metrics());

beforeAll(async () => {
  database = await createTestDatabase('co-building');
  await createCoBuildingStore(database.db).insertDataset(dataset);
  apollo = createServer({ db: database.db });
  await apollo.start();
});
afterAll(async () => {
  await apollo?.stop();
  await database?.drop();
});

describe('co-building subgraph', () => {
  it('serves the 124 co-building units of the reference street, by kind', async () => {
    const { data, errors } = await run(`{
      all: coBuildingUnits(first: 100) { totalCount nodes { id kind } }
      agencies: coBuildingUnits(filter: { kind: AGENCY }) { totalCount }
      property: coBuildingUnits(first: 100, filter: { kind: PROPERTY_COMPANY }) { totalCount nodes { kind } }
    }`);
    expect(errors).toBeUndefined();
    expect(data!.all.totalCount).toBe(124);
    expect(data!.all.nodes).toHaveLength(100);
    expect(data!.agencies.totalCount).toBe(dataset.units.filter((u) => u.kind === 'AGENCY').length);
    expect(data!.agencies.totalCount).toBeGreaterThan(0);
    const property = dataset.units.filter((u) => u.kind === 'PROPERTY_COMPANY').length;
    expect(data!.property.totalCount).toBe(property);
    expect(data!.property.nodes).toEqual(Array(property).fill({ kind: 'PROPERTY_COMPANY' }));
  });

  it('pairs every one of the 67 communities with at least one unit', async () => {
    const representations = plan.communities.map((c) => ({ __typename: 'Community', id: c.id }));
    expect(representations).toHaveLength(67);
    const { data, errors } = await run<{ _entities: { id: string; pairings: { id: string; community: { id: string } }[] }[] }>(
      `query($representations: [_Any!]!) { _entities(representations: $representations) {
        ... on Community { id pairings { id community { id } unit { id } } } } }`,
      { representations },
    );
    expect(errors).toBeUndefined();
    const communities = data!._entities;
    expect(communities).toHaveLength(67);
    for (const community of communities) {
      expect(community.pairings.length).toBeGreaterThanOrEqual(1);
      for (const pairing of community.pairings) expect(pairing.community).toEqual({ id: community.id });
      const ids = community.pairings.map((pairing) => pairing.id);
      expect(ids).toEqual([...ids].sort());
    }
    expect(communities.flatMap((c) => c.pairings)).toHaveLength(dataset.pairings.length);
  });

  it('derives pairing status from the clock, with terminations stored', async () => {
    const query = `{ a: coBuildingUnits(first: 100) { nodes { pairings { id status agreement { startsOn endsOn commitments } } } pageInfo { endCursor } } }`;
    const { data, errors } = await run(query);
    expect(errors).toBeUndefined();
    const first = data!.a;
    const rest = await run(
      `query($after: String) { coBuildingUnits(first: 100, after: $after) { nodes { pairings { id status agreement { startsOn endsOn commitments } } } } }`,
      {
        after: first.pageInfo.endCursor,
      },
    );
    const pairings = [...first.nodes, ...rest.data!.coBuildingUnits.nodes].flatMap((u: any) => u.pairings);
    expect(pairings).toHaveLength(dataset.pairings.length);
    const statusOf = new Map(pairings.map((p: any) => [p.id, p.status]));
    const statuses = new Set(statusOf.values());
    expect(statuses.has('ACTIVE')).toBe(true);
    expect([...statuses].some((s) => s !== 'ACTIVE')).toBe(true);

    for (const row of dataset.pairings) {
      const status = statusOf.get(row.id);
      if (row.terminated_on !== null) expect(status).toBe('TERMINATED');
      else if (row.ends_on < '2026-11-01') expect(status).toBe('EXPIRED');
      else if (row.starts_on > '2026-11-01') expect(status).toBe('PENDING');
      else expect(status).toBe('ACTIVE');
    }
    expect(dataset.pairings.some((p) => p.terminated_on !== null)).toBe(true);
    expect(dataset.pairings.some((p) => p.terminated_on === null && p.ends_on < '2026-11-01')).toBe(true);

    for (const pairing of pairings) {
      expect(pairing.agreement.commitments.length).toBeGreaterThanOrEqual(1);
      expect(pairing.agreement.commitments.length).toBeLessThanOrEqual(3);
      expect(pairing.agreement.startsOn < pairing.agreement.endsOn).toBe(true);
    }

    // Before any agreement started, every pairing is pending: the status really follows the clock.
    const early = await run(`{ pairing(id: "pairing-001") { status } }`, undefined, () => new Date('2022-06-01T00:00:00+08:00'));
    expect(early.data).toEqual({ pairing: { status: 'PENDING' } });
    const late = await run(`{ pairing(id: "pairing-001") { status } }`, undefined, () => new Date('2031-01-01T00:00:00+08:00'));
    expect(late.data).toEqual({ pairing: { status: 'EXPIRED' } });
  });

  it('masks the contact person of a unit', async () => {
    const { data } = await run(`{ coBuildingUnit(id: "unit-001") { name kind address location { lat lng } contact { name phone } } }`);
    const row = dataset.units[0]!;
    const unit = data!.coBuildingUnit;
    expect(unit).toMatchObject({ name: row.name, kind: row.kind, address: row.address, location: { lat: row.lat, lng: row.lng } });
    expect(unit.address).toMatch(/^海门街道.+(路|街|大道)\d+号$/);
    expect(unit.contact.name).toContain('*');
    expect(unit.contact.name).not.toBe(row.contact_name);
    expect(unit.contact.name[0]).toBe(row.contact_name[0]);
    expect(unit.contact.phone).toBe(`${row.contact_phone.slice(0, 3)}****${row.contact_phone.slice(-4)}`);
    expect(unit.contact.phone).toMatch(/^1\d{2}\*{4}\d{4}$/);
  });

  it('credits only verified service hours', async () => {
    const { data, errors } = await run<{
      coBuildingUnits: { nodes: { id: string; serviceHours: number; serviceReports: { totalCount: number; nodes: { hours: number; verified: boolean }[] } }[] };
    }>(`{ coBuildingUnits(first: 100) { nodes { id serviceHours
      serviceReports(first: 100) { totalCount nodes { hours verified } } } } }`);
    expect(errors).toBeUndefined();
    let sawUnverified = false;
    for (const unit of data!.coBuildingUnits.nodes) {
      const reports = unit.serviceReports.nodes;
      expect(unit.serviceReports.totalCount).toBeGreaterThanOrEqual(6);
      expect(unit.serviceReports.totalCount).toBeLessThanOrEqual(12);
      const verified = reports.filter((r) => r.verified).reduce((sum, r) => sum + r.hours, 0);
      expect(unit.serviceHours).toBeCloseTo(verified, 9);
      const expected = dataset.serviceReports.filter((r) => r.unit_id === unit.id && r.verified).reduce((sum, r) => sum + r.hours, 0);
      expect(unit.serviceHours).toBeCloseTo(expected, 9);
      if (reports.some((r) => !r.verified)) sawUnverified = true;
    }
    expect(sawUnverified).toBe(true);
  });

  it('pages a unit’s service reports and links members and communities', async () => {
    const query = `query($after: String) { coBuildingUnit(id: "unit-001") { pairings { community { id } }
      serviceReports(first: 4, after: $after) { totalCount pageInfo { hasNextPage hasPreviousPage endCursor }
        edges { cursor node { id reporter member { id } community { id } activity hours servedOn verified unit { id } } } } } }`;
    const expectedIds = dataset.serviceReports.filter((r) => r.unit_id === 'unit-001').map((r) => r.id);
    const seen: any[] = [];
    let after: string | null = null;
    for (let page = 0; page < 5; page++) {
      const { data, errors }: { data: any; errors: unknown } = await run(query, { after });
      expect(errors).toBeUndefined();
      const connection: any = data!.coBuildingUnit.serviceReports;
      expect(connection.totalCount).toBe(expectedIds.length);
      expect(connection.pageInfo.hasPreviousPage).toBe(after !== null);
      seen.push(...connection.edges.map((e: any) => e.node));
      if (!connection.pageInfo.hasNextPage) break;
      after = connection.pageInfo.endCursor;
    }
    expect(seen.map((r) => r.id)).toEqual(expectedIds);
    expect(expectedIds[0]).toMatch(/^service-report-\d{4}$/);

    const paired = new Set(
      (await run(`{ coBuildingUnit(id: "unit-001") { pairings { community { id } } } }`)).data!.coBuildingUnit.pairings.map((p: any) => p.community.id),
    );
    const members = new Map(plan.inServiceMembers.filter((m) => m.unitId === 'unit-001').map((m) => [m.id, m.communityId]));
    for (const report of seen) {
      expect(report.unit).toEqual({ id: 'unit-001' });
      expect(report.hours * 2).toBe(Math.round(report.hours * 2));
      expect(report.hours).toBeGreaterThanOrEqual(1);
      expect(report.hours).toBeLessThanOrEqual(8);
      expect(report.servedOn >= '2026-01-01' && report.servedOn < '2026-11-01').toBe(true);
      if (report.reporter === 'UNIT') {
        expect(report.member).toBeNull();
        expect(paired.has(report.community.id)).toBe(true);
      } else {
        expect(report.reporter).toBe('IN_SERVICE_MEMBER');
        expect(members.get(report.member.id)).toBe(report.community.id);
      }
    }
    // Every in-service member of the unit reports at least once.
    expect(new Set(seen.filter((r) => r.member).map((r) => r.member.id))).toEqual(new Set(members.keys()));
  });

  it('filters units by paired community and by name', async () => {
    const communityId = 'community-05';
    const expected = [...new Set(dataset.pairings.filter((p) => p.community_id === communityId).map((p) => p.unit_id))].sort();
    const { data } = await run(
      `query($communityId: ID!) {
      paired: coBuildingUnits(first: 100, filter: { communityId: $communityId }) { totalCount nodes { id pairings { community { id } } } }
      schools: coBuildingUnits(first: 100, filter: { nameContains: "小学", kind: SCHOOL }) { nodes { name kind } }
      none: coBuildingUnits(filter: { communityId: "community-x" }) { totalCount nodes { id } }
    }`,
      { communityId },
    );
    expect(expected.length).toBeGreaterThan(0);
    expect(data!.paired.totalCount).toBe(expected.length);
    expect(data!.paired.nodes.map((n: any) => n.id)).toEqual(expected);
    for (const unit of data!.paired.nodes) expect(unit.pairings.map((p: any) => p.community.id)).toContain(communityId);
    expect(data!.schools.nodes.length).toBeGreaterThan(0);
    for (const unit of data!.schools.nodes) {
      expect(unit.kind).toBe('SCHOOL');
      expect(unit.name).toContain('小学');
    }
    expect(data!.none).toEqual({ totalCount: 0, nodes: [] });
  });

  it('rejects bad paging input with BAD_USER_INPUT naming the argument', async () => {
    for (const [variables, field] of [
      [{ first: 101 }, 'first'],
      [{ first: -1 }, 'first'],
      [{ after: 'not-a-cursor' }, 'after'],
    ] as const) {
      const units = await run(`query($first: Int, $after: String) { coBuildingUnits(first: $first, after: $after) { totalCount } }`, variables);
      expect(units.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      const reports = await run(
        `query($first: Int, $after: String) { coBuildingUnit(id: "unit-001") { serviceReports(first: $first, after: $after) { totalCount } } }`,
        variables,
      );
      expect(reports.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
  });

  it('returns null for unknown ids', async () => {
    const { data, errors } = await run(`{ coBuildingUnit(id: "unit-x") { id } pairing(id: "nope") { id } }`);
    expect(errors).toBeUndefined();
    expect(data).toEqual({ coBuildingUnit: null, pairing: null });
  });

  it('loads 100 units with their pairings, hours and reports in a constant number of statements', async () => {
    const before = await statementCount();
    const { errors } = await run(`{ coBuildingUnits(first: 100) { nodes { id serviceHours pairings { id unit { id } }
      serviceReports(first: 3) { totalCount nodes { id unit { id } } } } } }`);
    expect(errors).toBeUndefined();
    // Page, pairings, hours, report pages; the units of pairings and reports are already cached.
    expect((await statementCount()) - before).toBeLessThanOrEqual(5);
  });

  it.each([
    ['CoBuildingUnit', 'unit-010', 'name kind contact { phone } serviceHours'],
    ['Pairing', 'pairing-038', 'status unit { id } community { id } agreement { commitments }'],
    ['ServiceReport', 'service-report-0001', 'reporter member { id } community { id } hours verified'],
  ])('resolves %s entity references (_entities), null for unknown ids', async (typename, id, fields) => {
    await expectEntityReference(run, typename, id, fields);
  });

  it('resolves Community entity references with their pairings, an empty list for unknown communities', async () => {
    const { data, errors } = await run(
      `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Community { id pairings { id unit { id } } } } }`,
      {
        representations: [
          { __typename: 'Community', id: 'community-01' },
          { __typename: 'Community', id: 'community-x' },
        ],
      },
    );
    expect(errors).toBeUndefined();
    const expected = dataset.pairings.filter((p) => p.community_id === 'community-01').map((p) => ({ id: p.id, unit: { id: p.unit_id } }));
    expect(expected.length).toBeGreaterThan(0);
    expect(data!._entities).toEqual([
      { id: 'community-01', pairings: expected },
      { id: 'community-x', pairings: [] },
    ]);
  });

  it('reports a terminated pairing as TERMINATED through _entities', async () => {
    const terminated = dataset.pairings.find((p) => p.terminated_on !== null)!;
    const { data } = await run(`query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Pairing { status } } }`, {
      representations: [{ __typename: 'Pairing', id: terminated.id }],
    });
    expect(data!._entities).toEqual([{ status: 'TERMINATED' }]);
  });
});
