import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestDatabase, type TestDatabase } from '../../test/support/databases.js';
import { execute, expectEntityReference, sqlStatementsIn } from '../../test/support/operations.js';
import { planStreet, REFERENCE_FIGURES } from '../../seed/plan.js';
import { generateGridsDataset } from '../../seed/grids.js';
import { createGridsStore } from './store.js';
import { createContext, createServer } from './server.js';
import type { GridsContext } from './context.js';

let database: TestDatabase;
const server = () => createServer({ db: database.db });
let apollo: ReturnType<typeof createServer>;
const run = <Data = Record<string, any>>(query: string, variables?: Record<string, unknown>) =>
  execute<Data, GridsContext>(apollo, createContext({ db: database.db }), query, variables);

beforeAll(async () => {
  database = await createTestDatabase('grids');
  await createGridsStore(database.db).insertDataset(generateGridsDataset(planStreet(1)));
  apollo = server();
  await apollo.start();
});
afterAll(async () => {
  await apollo?.stop();
  await database?.drop();
});

describe('grids subgraph', () => {
  it("serves many streets: a connection, one by id, the first without an id, and each street's own communities", async () => {
    // A second street taken on after the reference one, with an id that sorts before it.
    await database.db.query(`INSERT INTO streets (id, name, area_km2, residents) VALUES ('street-a-second', '第二街道', 10, 1000)`);
    await database.db.query(`INSERT INTO offices (id, street_id, name) VALUES ('office-second', 'street-a-second', '第二办事处')`);
    await database.db.query(`INSERT INTO communities (id, office_id, name, kind, households, population, lat, lng)
      VALUES ('community-second', 'office-second', '第二社区', 'COMMUNITY', 10, 30, 31.9, 121.2)`);
    try {
      const { data, errors } = await run(`{
        streets(first: 1) { totalCount nodes { id } pageInfo { hasNextPage endCursor } }
        first: street { id }
        second: street(id: "street-a-second") {
          name offices { id street { id } } communities { totalCount nodes { id street { id } } }
        }
        unknown: street(id: "street-unknown") { id }
        filtered: communities(filter: { streetId: "street-a-second" }) { totalCount }
        offices(streetId: "street-a-second") { id }
      }`);
      expect(errors).toBeUndefined();
      expect(data!.streets).toMatchObject({ totalCount: 2, nodes: [{ id: 'street-a-second' }], pageInfo: { hasNextPage: true } });
      expect(data!.first).toEqual({ id: 'street-haimen' });
      expect(data!.second).toEqual({
        name: '第二街道',
        offices: [{ id: 'office-second', street: { id: 'street-a-second' } }],
        communities: { totalCount: 1, nodes: [{ id: 'community-second', street: { id: 'street-a-second' } }] },
      });
      expect(data!.unknown).toBeNull();
      expect(data!.filtered.totalCount).toBe(1);
      expect(data!.offices).toEqual([{ id: 'office-second' }]);
      const next = await run(`query ($after: String) { streets(first: 1, after: $after) { nodes { id } pageInfo { hasNextPage } } }`, {
        after: data!.streets.pageInfo.endCursor,
      });
      expect(next.data!.streets).toEqual({ nodes: [{ id: 'street-haimen' }], pageInfo: { hasNextPage: false } });
    } finally {
      await database.db.query(`DELETE FROM communities WHERE id = 'community-second'`);
      await database.db.query(`DELETE FROM offices WHERE id = 'office-second'`);
      await database.db.query(`DELETE FROM streets WHERE id = 'street-a-second'`);
    }
  });

  it('serves the reference street: 40 communities + 27 villages in 3 offices', async () => {
    const { data, errors } = await run(`{
      street { name residents offices { id communities { id } } }
      all: communities(first: 100) { totalCount }
      villages: communities(filter: { kind: VILLAGE }) { totalCount }
      urban: communities(filter: { kind: COMMUNITY }) { totalCount }
    }`);
    expect(errors).toBeUndefined();
    expect(data!.street.name).toBe('海门街道');
    expect(data!.street.residents).toBe(REFERENCE_FIGURES.residents);
    expect(data!.street.offices).toHaveLength(3);
    expect(data!.street.offices.flatMap((office: any) => office.communities)).toHaveLength(67);
    expect(data!.all.totalCount).toBe(67);
    expect(data!.villages.totalCount).toBe(27);
    expect(data!.urban.totalCount).toBe(40);
  });

  it('counts 276 comprehensive and 33 dedicated grids and 2,190 micro-grids', async () => {
    const { data } = await run(`{ communities(first: 100) { nodes {
      households microGridCount
      comprehensive: grids(kind: COMPREHENSIVE) { households microGrids { households } }
      dedicated: grids(kind: DEDICATED) { dedicatedTo microGrids { id } }
    } } }`);
    type GridCounts = { households: number; dedicatedTo?: string; microGrids: { households?: number; id?: string }[] };
    const nodes: { households: number; microGridCount: number; comprehensive: GridCounts[]; dedicated: GridCounts[] }[] = data!.communities.nodes;
    const comprehensive = nodes.flatMap((c) => c.comprehensive);
    expect(comprehensive).toHaveLength(276);
    expect(nodes.flatMap((c) => c.dedicated)).toHaveLength(33);
    expect(nodes.reduce((sum, c) => sum + c.microGridCount, 0)).toBe(2190);
    for (const grid of comprehensive) {
      expect(grid.households).toBeGreaterThanOrEqual(300);
      expect(grid.households).toBeLessThanOrEqual(500);
      expect(grid.households).toBe(grid.microGrids.reduce((sum: number, m: any) => sum + m.households, 0));
      for (const micro of grid.microGrids) {
        expect(micro.households).toBeGreaterThanOrEqual(50);
        expect(micro.households).toBeLessThanOrEqual(100);
      }
    }
    for (const community of nodes) {
      expect(community.households).toBe(community.comprehensive.reduce((sum: number, g: any) => sum + g.households, 0));
    }
  });

  it("reads communities' grids and micro-grid counts in one statement, each count the sum over the community's grids", async () => {
    const statements = async () => sqlStatementsIn(await database.registry.metrics());
    const before = await statements();
    const { data, errors } = await run(`{ communities(first: 3) { nodes { id microGridCount grids { id microGrids { id } } } } }`);
    expect(errors).toBeUndefined();
    // The page, the grids with their counts, the grids' micro-grids.
    expect((await statements()) - before).toBe(3);
    for (const community of data!.communities.nodes) {
      const microGrids = community.grids.reduce((sum: number, grid: any) => sum + grid.microGrids.length, 0);
      expect(microGrids).toBeGreaterThan(0);
      expect(community.microGridCount).toBe(microGrids);
    }
    // Asked alone, a count is the same.
    const alone = await run(`{ communities(first: 3) { nodes { microGridCount } } }`);
    expect(alone.data!.communities.nodes).toEqual(data!.communities.nodes.map((community: any) => ({ microGridCount: community.microGridCount })));
  });

  it('pages communities with cursors and filters', async () => {
    const first = await run(`{ communities(first: 30) { nodes { id } pageInfo { hasNextPage endCursor } } }`);
    const cursor = first.data!.communities.pageInfo.endCursor;
    expect(first.data!.communities.pageInfo.hasNextPage).toBe(true);
    const rest = await run(
      `query($after: String) { communities(first: 100, after: $after) {
      totalCount nodes { id } pageInfo { hasNextPage hasPreviousPage } } }`,
      { after: cursor },
    );
    const ids = [...first.data!.communities.nodes, ...rest.data!.communities.nodes].map((n: any) => n.id);
    expect(new Set(ids).size).toBe(67);
    expect(rest.data!.communities.totalCount).toBe(67);
    expect(rest.data!.communities.pageInfo).toEqual({ hasNextPage: false, hasPreviousPage: true });

    const office = await run(`{ communities(first: 100, filter: { officeId: "office-02", nameContains: "村" }) { nodes { kind office { id } } } }`);
    expect(office.data!.communities.nodes.length).toBeGreaterThan(0);
    for (const node of office.data!.communities.nodes) expect(node).toEqual({ kind: 'VILLAGE', office: { id: 'office-02' } });
  });

  it('rejects bad paging input with BAD_USER_INPUT naming the argument', async () => {
    for (const [variables, field] of [
      [{ first: 101 }, 'first'],
      [{ first: -1 }, 'first'],
      [{ after: 'not-a-cursor' }, 'after'],
    ] as const) {
      const { errors } = await run(`query($first: Int, $after: String) { communities(first: $first, after: $after) { totalCount } }`, variables);
      expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
  });

  it('returns null for unknown ids', async () => {
    const { data } = await run(`{ community(id: "community-x") { id } grid(id: "nope") { id } microGrid(id: "nope") { id } }`);
    expect(data).toEqual({ community: null, grid: null, microGrid: null });
  });

  it.each([
    ['Community', 'community-05', 'name kind office { id }'],
    ['Grid', 'grid-010', 'name kind community { id }'],
    ['MicroGrid', 'micro-grid-0100', 'name households grid { id }'],
  ])('resolves %s entity references (_entities), null for unknown ids', async (typename, id, fields) => {
    await expectEntityReference(run, typename, id, fields);
  });
});
