import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestDatabase, type TestDatabase } from '../../test/support/databases.js';
import { execute, expectEntityReference, sqlStatementsIn } from '../../test/support/operations.js';
import { planStreet, REFERENCE_DATE } from '../../seed/plan.js';
import { generateResourcePoolsDataset } from '../../seed/resource-pools.js';
import { distanceKm } from './domain/matching.js';
import { createResourcePoolsStore, type ResourcePoolsDataset } from './store.js';
import { createContext, createServer } from './server.js';
import type { ResourcePoolsContext } from './context.js';

const plan = planStreet(1);
const dataset: ResourcePoolsDataset = generateResourcePoolsDataset(plan);
let database: TestDatabase;
let apollo: ReturnType<typeof createServer>;
const run = <Data = Record<string, any>>(query: string, variables?: Record<string, unknown>) =>
  execute<Data, ResourcePoolsContext>(apollo, createContext({ db: database.db }), query, variables);

const CATEGORIES = ['VENUE', 'FUNDS', 'VOLUNTEER_SERVICE', 'PROFESSIONAL_SERVICE', 'FACILITY_EQUIPMENT', 'MATERIALS', 'TRAINING_EDUCATION', 'CARE_SERVICE'];
const SOURCES = ['GOVERNMENT_SERVICE', 'ENTERPRISE_CSR', 'CHARITY_FUND'];

/** Every node of a connection, following cursors 100 at a time. */
async function allNodes(field: 'resources' | 'demands', selection: string, filter: Record<string, unknown> = {}): Promise<any[]> {
  const nodes: any[] = [];
  let after: string | null = null;
  for (;;) {
    const { data, errors }: { data: any; errors: unknown } = await run(
      `query($after: String, $filter: ${field === 'resources' ? 'ResourceFilter' : 'DemandFilter'}) {
        ${field}(first: 100, after: $after, filter: $filter) { nodes { ${selection} } pageInfo { hasNextPage endCursor } } }`,
      { after, filter },
    );
    expect(errors).toBeUndefined();
    nodes.push(...data[field].nodes);
    if (!data[field].pageInfo.hasNextPage) return nodes;
    after = data[field].pageInfo.endCursor;
  }
}

beforeAll(async () => {
  database = await createTestDatabase('resource-pools');
  const store = createResourcePoolsStore(database.db);
  expect(await store.isEmpty()).toBe(true);
  await store.insertDataset(dataset);
  expect(await store.isEmpty()).toBe(false);
  apollo = createServer({ db: database.db });
  await apollo.start();
});
afterAll(async () => {
  await apollo?.stop();
  await database?.drop();
});

describe('resource-pools subgraph', () => {
  it('offers resources of all 8 categories and 3 sources, from units and departments', async () => {
    const resources = await allNodes(
      'resources',
      `id name category source capacity { amount unit period } location { lat lng } availability { dayOfWeek opensAt closesAt }
       servedCommunities { id } provider { __typename ... on CoBuildingUnit { id } ... on Department { id } }`,
    );
    expect(resources).toHaveLength(dataset.resources.length);
    expect(resources.length).toBeGreaterThan(plan.units.length + 2 * plan.departments.length - 1);
    expect(new Set(resources.map((r) => r.category))).toEqual(new Set(CATEGORIES));
    expect(new Set(resources.map((r) => r.source))).toEqual(new Set(SOURCES));
    const unitIds = new Set(plan.units.map((unit) => unit.id));
    const departmentIds = new Set(plan.departments.map((department) => department.id));
    const byUnit = resources.filter((r) => r.provider.__typename === 'CoBuildingUnit');
    const byDepartment = resources.filter((r) => r.provider.__typename === 'Department');
    expect(byUnit.length + byDepartment.length).toBe(resources.length);
    for (const r of byUnit) expect(unitIds.has(r.provider.id)).toBe(true);
    for (const r of byDepartment) {
      expect(departmentIds.has(r.provider.id)).toBe(true);
      expect(r.source).toBe('GOVERNMENT_SERVICE');
    }
    expect(new Set(byUnit.map((r) => r.provider.id)).size).toBe(plan.units.length);
    expect(new Set(byDepartment.map((r) => r.provider.id)).size).toBe(plan.departments.length);
    for (const r of resources) {
      expect(r.id).toMatch(/^resource-\d{4}$/);
      expect(r.capacity.amount).toBeGreaterThan(0);
      expect(['人次', '小时', '元', '场', '件']).toContain(r.capacity.unit);
      expect(r.servedCommunities.length).toBeGreaterThanOrEqual(1);
      // A unit serves its paired communities and its neighbourhood; a department the whole street.
      if (r.provider.__typename === 'CoBuildingUnit') {
        const unit = plan.units.find((u) => u.id === r.provider.id)!;
        const paired = new Set(plan.pairings.filter((pairing) => pairing.unitId === unit.id).map((pairing) => pairing.communityId));
        const nearest = Math.min(...plan.communities.map((c) => distanceKm(unit.location, c.location)));
        for (const { id } of r.servedCommunities) {
          const community = plan.communities.find((c) => c.id === id)!;
          if (!paired.has(id)) expect(distanceKm(unit.location, community.location)).toBeLessThanOrEqual(Math.max(3, nearest));
        }
      } else {
        expect(r.servedCommunities.length).toBe(plan.communities.length);
      }
      if (r.category === 'FUNDS') {
        expect(r.location).toBeNull();
        expect(r.availability).toEqual([]);
      }
      for (const slot of r.availability) {
        expect(slot.dayOfWeek).toBeGreaterThanOrEqual(1);
        expect(slot.dayOfWeek).toBeLessThanOrEqual(7);
        expect(slot.opensAt < slot.closesAt).toBe(true);
      }
    }
    const venue = resources.find((r) => r.category === 'VENUE' && r.provider.__typename === 'CoBuildingUnit');
    const unit = plan.units.find((u) => u.id === venue.provider.id)!;
    expect(venue.location).toEqual(unit.location);
    expect(venue.availability.length).toBeGreaterThan(0);
  });

  it('lets a unit serve its paired communities', async () => {
    const pairing = plan.pairings[0]!;
    const { data } = await run(
      `query($rep: [_Any!]!) { _entities(representations: $rep) { ... on CoBuildingUnit { id resources { id servedCommunities { id } } } } }`,
      {
        rep: [{ __typename: 'CoBuildingUnit', id: pairing.unitId }],
      },
    );
    const resources = data!._entities[0].resources;
    expect(resources.length).toBeGreaterThanOrEqual(1);
    expect(resources.length).toBeLessThanOrEqual(3);
    for (const resource of resources) expect(resource.servedCommunities).toContainEqual({ id: pairing.communityId });
  });

  it('resolves 67 communities with their demands, counts and resources in a fixed number of statements (no N+1)', async () => {
    const before = sqlStatementsIn(await database.registry.metrics());
    const { errors } = await run(
      `query($rep: [_Any!]!) { _entities(representations: $rep) { ... on Community {
        openDemandCount demands { id } servedBy { id provider { __typename } servedCommunities { id } } } } }`,
      { rep: plan.communities.map((community) => ({ __typename: 'Community', id: community.id })) },
    );
    expect(errors).toBeUndefined();
    // Demands (the open counts read off them), serving resources, then their communities: one batched statement each.
    expect(sqlStatementsIn(await database.registry.metrics()) - before).toBe(3);
  });

  it('counts open demands alike whether the demands are asked for beside the count or not', async () => {
    const rep = plan.communities.map((community) => ({ __typename: 'Community', id: community.id }));
    const together = await run(`query($rep: [_Any!]!) { _entities(representations: $rep) { ... on Community { openDemandCount demands { id } } } }`, { rep });
    const before = sqlStatementsIn(await database.registry.metrics());
    const alone = await run(`query($rep: [_Any!]!) { _entities(representations: $rep) { ... on Community { openDemandCount } } }`, { rep });
    // Alone, the count is its own statement (no demand rows read).
    expect(sqlStatementsIn(await database.registry.metrics()) - before).toBe(1);
    expect(alone.data!._entities).toEqual(together.data!._entities.map((community: any) => ({ openDemandCount: community.openDemandCount })));
    expect(together.data!._entities.some((community: any) => community.openDemandCount > 0)).toBe(true);
  });

  it('has current demands in every community, at least 60% OPEN, openDemandCount matching', async () => {
    const representations = plan.communities.map((community) => ({ __typename: 'Community', id: community.id }));
    const { data, errors } = await run(
      `query($rep: [_Any!]!) { _entities(representations: $rep) { ... on Community {
        id openDemandCount demands { id status createdAt community { id } } open: demands(status: OPEN) { id status } servedBy { id } } } }`,
      { rep: representations },
    );
    expect(errors).toBeUndefined();
    const communities = data!._entities;
    expect(communities).toHaveLength(67);
    const windowStart = Date.parse(`${REFERENCE_DATE}T00:00:00Z`) - 60 * 86_400_000;
    let total = 0;
    let open = 0;
    for (const community of communities) {
      // The past year's closed orders are history; the current demands are those of the last 60 days.
      community.demands = community.demands.filter((demand: any) => Date.parse(demand.createdAt) >= windowStart);
      expect(community.demands.length).toBeGreaterThanOrEqual(3);
      expect(community.demands.length).toBeLessThanOrEqual(8);
      for (const demand of community.demands) expect(demand.community.id).toBe(community.id);
      expect(community.open.every((d: any) => d.status === 'OPEN')).toBe(true);
      expect(community.openDemandCount).toBe(community.open.length);
      expect(community.openDemandCount).toBe(community.demands.filter((d: any) => d.status === 'OPEN').length);
      expect(community.servedBy.length).toBeGreaterThan(0);
      total += community.demands.length;
      open += community.open.length;
    }
    expect(total).toBe(dataset.demands.filter((demand) => Date.parse(demand.created_at) >= windowStart).length);
    expect(open / total).toBeGreaterThanOrEqual(0.6);
    expect(open).toBeLessThan(total);
  });

  it('dates current demands in the 60 days before the reference date, a year of closed orders before them, and links most to a grid of their community', async () => {
    const demands = await allNodes('demands', 'id createdAt grid { id } community { id } source status category title');
    expect(demands).toHaveLength(dataset.demands.length);
    const reference = Date.parse(`${REFERENCE_DATE}T00:00:00Z`);
    const gridCommunity = new Map(plan.grids.map((grid) => [grid.id, grid.communityId]));
    let past = 0;
    for (const demand of demands) {
      expect(demand.id).toMatch(/^demand-\d{4}$/);
      expect(demand.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
      const at = Date.parse(demand.createdAt);
      expect(at).toBeLessThan(reference);
      expect(at).toBeGreaterThanOrEqual(reference - 361 * 86_400_000);
      if (at < reference - 60 * 86_400_000) {
        past += 1;
        expect(['FULFILLED', 'RATED']).toContain(demand.status);
      }
      if (demand.grid) expect(gridCommunity.get(demand.grid.id)).toBe(demand.community.id);
    }
    expect(past).toBeGreaterThan(200);
    // Ids follow the order demands were raised in.
    const byId = [...demands].sort((a, b) => (a.id < b.id ? -1 : 1)).map((demand) => demand.createdAt);
    expect(byId.slice(0, past)).toEqual([...byId.slice(0, past)].sort());
    const withGrid = demands.filter((demand) => demand.grid !== null).length;
    expect(withGrid / demands.length).toBeGreaterThan(0.65);
    expect(withGrid).toBeLessThan(demands.length);
    expect(new Set(demands.map((d) => d.status)).size).toBe(8);
    expect(new Set(demands.map((d) => d.source)).size).toBe(4);
  });

  it('filters resources by category, source, provider, served community and name', async () => {
    const funds = await allNodes('resources', 'category location { lat }', { category: 'FUNDS', source: 'ENTERPRISE_CSR' });
    expect(funds.length).toBe(dataset.resources.filter((r) => r.category === 'FUNDS' && r.source === 'ENTERPRISE_CSR').length);
    expect(funds.length).toBeGreaterThan(0);
    for (const r of funds) expect(r).toEqual({ category: 'FUNDS', location: null });

    const department = plan.departments[0]!;
    const byProvider = await allNodes('resources', 'id provider { ... on Department { id } }', { providerId: department.id });
    expect(byProvider.length).toBeGreaterThanOrEqual(2);
    for (const r of byProvider) expect(r.provider).toEqual({ id: department.id });

    const communityId = dataset.resourceCommunities[0]!.community_id;
    const serving = await allNodes('resources', 'id servedCommunities { id }', { servesCommunityId: communityId });
    expect(serving.map((r) => r.id)).toEqual(
      dataset.resourceCommunities
        .filter((link) => link.community_id === communityId)
        .map((link) => link.resource_id)
        .sort(),
    );
    for (const r of serving) expect(r.servedCommunities).toContainEqual({ id: communityId });

    const named = await allNodes('resources', 'name', { nameContains: '小学' });
    expect(named.length).toBe(dataset.resources.filter((r) => r.name.includes('小学')).length);
    expect(named.length).toBeGreaterThan(0);
  });

  it('filters demands by status, category, source and community', async () => {
    const filter = { status: 'OPEN', category: 'CARE_SERVICE' };
    const open = await allNodes('demands', 'status category', filter);
    expect(open.length).toBe(dataset.demands.filter((d) => d.status === 'OPEN' && d.category === 'CARE_SERVICE').length);
    expect(open.length).toBeGreaterThan(0);
    for (const d of open) expect(d).toEqual({ status: 'OPEN', category: 'CARE_SERVICE' });

    const wishes = await allNodes('demands', 'source community { id }', { source: 'MICRO_WISH', communityId: 'community-01' });
    expect(wishes.length).toBe(dataset.demands.filter((d) => d.source === 'MICRO_WISH' && d.community_id === 'community-01').length);
    for (const d of wishes) expect(d).toEqual({ source: 'MICRO_WISH', community: { id: 'community-01' } });
  });

  it('pages resources and demands with cursors', async () => {
    const first = await run(`{ resources(first: 30) { totalCount edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage endCursor } } }`);
    const page = first.data!.resources;
    expect(page.totalCount).toBe(dataset.resources.length);
    expect(page.edges).toHaveLength(30);
    expect(page.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false, endCursor: page.edges[29].cursor });
    const next = await run(`query($after: String) { resources(first: 5, after: $after) { nodes { id } pageInfo { hasPreviousPage } } }`, {
      after: page.pageInfo.endCursor,
    });
    const ids = dataset.resources.map((r) => r.id).sort();
    expect(next.data!.resources.nodes.map((n: any) => n.id)).toEqual(ids.slice(30, 35));
    expect(next.data!.resources.pageInfo.hasPreviousPage).toBe(true);

    const demands = await run(`{ demands { totalCount nodes { id } pageInfo { hasNextPage } } }`);
    expect(demands.data!.demands.totalCount).toBe(dataset.demands.length);
    expect(demands.data!.demands.nodes.map((n: any) => n.id)).toEqual(
      dataset.demands
        .map((d) => d.id)
        .sort()
        .slice(0, 20),
    );
    const empty = await run(`{ demands(first: 0) { totalCount nodes { id } pageInfo { hasNextPage } } }`);
    expect(empty.data!.demands).toEqual({ totalCount: dataset.demands.length, nodes: [], pageInfo: { hasNextPage: true } });
  });

  it('rejects bad paging input with BAD_USER_INPUT naming the argument', async () => {
    for (const field of ['resources', 'demands']) {
      for (const [variables, name] of [
        [{ first: 101 }, 'first'],
        [{ first: -1 }, 'first'],
        [{ after: 'not-a-cursor' }, 'after'],
      ] as const) {
        const { errors } = await run(`query($first: Int, $after: String) { ${field}(first: $first, after: $after) { totalCount } }`, variables);
        expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: name });
      }
    }
  });

  it('returns null for unknown ids', async () => {
    const { data } = await run(`{ resource(id: "resource-x") { id } demand(id: "nope") { id } }`);
    expect(data).toEqual({ resource: null, demand: null });
  });

  it.each([
    ['Resource', 'resource-0001', 'name category provider { __typename }'],
    ['Demand', 'demand-0001', 'title status community { id }'],
  ])('resolves %s entity references (_entities), null for unknown ids', async (typename, id, fields) => {
    const found = await expectEntityReference(run, typename, id, fields);
    expect(Object.keys(found).length).toBe(4);
  });

  it.each([
    ['Community', 'community-05', 'demands { id } openDemandCount servedBy { id }', 'demands'],
    ['CoBuildingUnit', 'unit-001', 'resources { id provider { ... on CoBuildingUnit { id } } }', 'resources'],
    ['Department', 'department-01', 'resources { id provider { ... on Department { id } } }', 'resources'],
  ])('extends %s entities with pool fields; an unknown id has none', async (typename, id, fields, list) => {
    const { data, errors } = await run(
      `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on ${typename} { id ${fields} } } }`,
      {
        representations: [
          { __typename: typename, id },
          { __typename: typename, id: 'missing' },
        ],
      },
    );
    expect(errors).toBeUndefined();
    const [known, unknown] = data!._entities;
    expect(known.id).toBe(id);
    expect(known[list].length).toBeGreaterThan(0);
    if (list === 'resources') for (const r of known.resources) expect(r.provider).toEqual({ id });
    expect(unknown).toMatchObject({ id: 'missing', [list]: [] });
  });
});
