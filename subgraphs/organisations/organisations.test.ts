import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestDatabase, type TestDatabase } from '../../test/support/databases.js';
import { execute, expectEntityReference, sqlStatementsIn } from '../../test/support/operations.js';
import { planStreet, REFERENCE_FIGURES } from '../../seed/plan.js';
import { generateOrganisationsDataset } from '../../seed/organisations.js';
import { createOrganisationsStore } from './store.js';
import { createContext, createServer } from './server.js';
import type { OrganisationsContext } from './context.js';

let database: TestDatabase;
let apollo: ReturnType<typeof createServer>;
const run = <Data = Record<string, any>>(query: string, variables?: Record<string, unknown>) =>
  execute<Data, OrganisationsContext>(apollo, createContext({ db: database.db }), query, variables);
const plan = planStreet(1);

beforeAll(async () => {
  database = await createTestDatabase('organisations');
  await createOrganisationsStore(database.db).insertDataset(generateOrganisationsDataset(plan));
  apollo = createServer({ db: database.db });
  await apollo.start();
});
afterAll(async () => {
  await apollo?.stop();
  await database?.drop();
});

const countOf = async (kind: string) =>
  (await run(`query($kind: OrganisationKind) { organisations(first: 0, filter: { kind: $kind }) { totalCount } }`, { kind })).data!.organisations.totalCount;

describe('organisations subgraph', () => {
  it('holds the five-level chain of the reference street and its other organisations', async () => {
    expect(await countOf('STREET_PARTY_WORKING_COMMITTEE')).toBe(1);
    expect(await countOf('COMMUNITY_PARTY_ORGANISATION')).toBe(67);
    expect(await countOf('GRID_PARTY_BRANCH')).toBe(309);
    expect(await countOf('MICRO_GRID_PARTY_GROUP')).toBe(2190);
    expect(await countOf('CENTRAL_HOUSEHOLD')).toBe(2190);
    expect(await countOf('FUNCTIONAL_BRANCH')).toBe(REFERENCE_FIGURES.functionalBranches);
    expect(await countOf('NEW_ECONOMY_ORGANISATION')).toBe(1);
    expect(await countOf('UNIT_PARTY_BRANCH')).toBe(124);
  });

  it('counts 7,000+ party members under the committee, each counted once', async () => {
    const { data } = await run(`{ organisation(id: "org-street-committee") { name kind parent { id } memberCount
      children { id kind memberCount } } }`);
    const committee = data!.organisation;
    expect(committee.name).toBe('海门街道党工委');
    expect(committee.parent).toBeNull();
    expect(committee.memberCount).toBeGreaterThanOrEqual(REFERENCE_FIGURES.minimumPartyMembers);
    // The subtree count is the committee's own members plus its children's subtrees.
    const childTotal = committee.children.reduce((sum: number, child: any) => sum + child.memberCount, 0);
    const own = await run(`{ organisation(id: "org-street-committee") { members(first: 0) { totalCount } } }`);
    expect(committee.memberCount).toBe(childTotal + own.data!.organisation.members.totalCount);
  });

  it('walks the chain from a central household up to the committee, root first', async () => {
    const { data } = await run(`{ organisations(first: 1, filter: { kind: CENTRAL_HOUSEHOLD }) { nodes {
      ancestors { kind } parent { kind microGrid { id } parent { kind grid { id } parent { kind community { id } } } } } } }`);
    const household = data!.organisations.nodes[0];
    expect(household.ancestors.map((a: any) => a.kind)).toEqual([
      'STREET_PARTY_WORKING_COMMITTEE',
      'COMMUNITY_PARTY_ORGANISATION',
      'GRID_PARTY_BRANCH',
      'MICRO_GRID_PARTY_GROUP',
    ]);
    expect(household.parent.microGrid.id).toMatch(/^micro-grid-/);
    expect(household.parent.parent.grid.id).toMatch(/^grid-/);
    expect(household.parent.parent.parent.community.id).toMatch(/^community-/);
  });

  it('masks names, phones and joining dates of members and secretaries', async () => {
    const { data } = await run(`{ organisation(id: "org-community-01") { secretary { name phone } members(first: 5) {
      totalCount nodes { name phone gender joinedOn organisation { id } } } } }`);
    const { secretary, members } = data!.organisation;
    // Party membership is sensitive: the last four digits only, the year only (lib/subgraph/masking.ts).
    expect(secretary.phone).toMatch(/^\*{7}\d{4}$/);
    expect(secretary.name).toMatch(/^.\*+.?$/u);
    expect(members.totalCount).toBeGreaterThanOrEqual(3);
    for (const member of members.nodes) {
      expect(member.phone).toMatch(/^\*{7}\d{4}$/);
      expect(member.joinedOn).toMatch(/^\d{4}-\*\*-\*\*$/);
      expect(member.name).toContain('*');
      expect(member.organisation.id).toBe('org-community-01');
    }
  });

  it('has 800+ grid leaders and the plan’s in-service members in their unit branches', async () => {
    const leaders = await database.db.query<{ n: number }>('SELECT count(*) AS n FROM party_members WHERE is_grid_leader');
    expect(leaders[0]!.n).toBeGreaterThanOrEqual(REFERENCE_FIGURES.minimumGridLeaders);
    const planned = plan.inServiceMembers[5]!;
    const { data } = await run(
      `query($id: ID!) { partyMember(id: $id) { organisation { kind coBuildingUnit { id } }
      inServiceUnit { id } residenceCommunity { id } isGridLeader } }`,
      { id: planned.id },
    );
    expect(data!.partyMember).toEqual({
      organisation: { kind: 'UNIT_PARTY_BRANCH', coBuildingUnit: { id: planned.unitId } },
      inServiceUnit: { id: planned.unitId },
      residenceCommunity: { id: planned.communityId },
      isGridLeader: false,
    });
  });

  it('finds the organisations leading communities, grids, micro-grids and units of one request in one statement', async () => {
    const statements = async () => sqlStatementsIn(await database.registry.metrics());
    const before = await statements();
    // What a dashboard's entity batch asks for: the community's organisation, a grid's branch, a micro-grid's group, a unit's branch.
    const { data, errors } = await run(
      `query($representations: [_Any!]!) { _entities(representations: $representations) {
        ... on Community { partyOrganisation { kind community { id } } }
        ... on Grid { partyBranch { kind grid { id } } }
        ... on MicroGrid { partyGroup { kind microGrid { id } } }
        ... on CoBuildingUnit { partyBranch { kind coBuildingUnit { id } } } } }`,
      {
        representations: [
          { __typename: 'Community', id: 'community-01' },
          { __typename: 'Grid', id: 'grid-001' },
          { __typename: 'MicroGrid', id: 'micro-grid-0001' },
          { __typename: 'CoBuildingUnit', id: 'unit-001' },
          { __typename: 'Community', id: 'no-such-community' },
        ],
      },
    );
    expect(errors).toBeUndefined();
    expect((await statements()) - before).toBe(1);
    expect(data!._entities).toEqual([
      { partyOrganisation: { kind: 'COMMUNITY_PARTY_ORGANISATION', community: { id: 'community-01' } } },
      { partyBranch: { kind: 'GRID_PARTY_BRANCH', grid: { id: 'grid-001' } } },
      { partyGroup: { kind: 'MICRO_GRID_PARTY_GROUP', microGrid: { id: 'micro-grid-0001' } } },
      { partyBranch: { kind: 'UNIT_PARTY_BRANCH', coBuildingUnit: { id: 'unit-001' } } },
      { partyOrganisation: null },
    ]);
  });

  it('pages members of several organisations in one batched statement', async () => {
    const statements = async () => sqlStatementsIn(await database.registry.metrics());
    const before = await statements();
    const { data, errors } = await run(`{ organisations(first: 10, filter: { kind: GRID_PARTY_BRANCH }) { nodes { id
      firstPage: members(first: 2) { totalCount nodes { id } pageInfo { hasNextPage endCursor } } } } }`);
    expect(errors).toBeUndefined();
    // One statement for the organisations page, one for all ten member pages.
    expect((await statements()) - before).toBe(2);
    for (const branch of data!.organisations.nodes) {
      const { firstPage } = branch;
      expect(firstPage.nodes).toHaveLength(2);
      const rest = await run(
        `query($id: ID!, $after: String) { organisation(id: $id) { members(first: 100, after: $after) {
        totalCount nodes { id } pageInfo { hasNextPage hasPreviousPage } } } }`,
        { id: branch.id, after: firstPage.pageInfo.endCursor },
      );
      const all = [...firstPage.nodes, ...rest.data!.organisation.members.nodes].map((n: any) => n.id);
      expect(new Set(all).size).toBe(firstPage.totalCount);
      expect(rest.data!.organisation.members.totalCount).toBe(firstPage.totalCount);
      expect(rest.data!.organisation.members.pageInfo).toEqual({ hasNextPage: false, hasPreviousPage: true });
    }
  });

  it('filters organisations by parent and name, and rejects bad paging input', async () => {
    const { data } = await run(`{ organisations(first: 100, filter: { parentId: "org-community-01" }) { nodes { kind parent { id } } } }`);
    expect(data!.organisations.nodes.length).toBeGreaterThan(0);
    for (const node of data!.organisations.nodes) expect(node.parent).toEqual({ id: 'org-community-01' });
    const named = await run(`{ organisations(first: 100, filter: { nameContains: "功能型" }) { totalCount } }`);
    expect(named.data!.organisations.totalCount).toBe(REFERENCE_FIGURES.functionalBranches);
    const { errors } = await run(`{ organisations(first: 500) { totalCount } }`);
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  });

  it('lists the 12 departments with their codes', async () => {
    const { data } = await run(`{ departments { id code name } department(id: "department-07") { code } missing: department(id: "x") { id } }`);
    expect(data!.departments).toHaveLength(12);
    expect(data!.department).toEqual({ code: 'POLICE' });
    expect(data!.missing).toBeNull();
  });

  it.each([
    ['Organisation', 'org-grid-001', 'name kind'],
    ['PartyMember', 'party-member-00001', 'name'],
    ['Department', 'department-01', 'code name'],
  ])('resolves %s entity references, null for unknown ids', async (typename, id, fields) => {
    await expectEntityReference(run, typename, id, fields);
  });

  it.each([
    ['Community', 'community-03', 'partyOrganisation { id kind }', { id: 'org-community-03', kind: 'COMMUNITY_PARTY_ORGANISATION' }],
    ['Grid', 'grid-300', 'partyBranch { id kind }', { id: 'org-grid-300', kind: 'GRID_PARTY_BRANCH' }],
    ['MicroGrid', 'micro-grid-0042', 'partyGroup { id kind }', { id: 'org-micro-grid-0042', kind: 'MICRO_GRID_PARTY_GROUP' }],
    ['CoBuildingUnit', 'unit-100', 'partyBranch { id kind }', { id: 'org-unit-100', kind: 'UNIT_PARTY_BRANCH' }],
  ])('adds the leading organisation to %s references', async (typename, id, selection, expected) => {
    const { data, errors } = await run(
      `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on ${typename} { id ${selection} } } }`,
      {
        representations: [
          { __typename: typename, id },
          { __typename: typename, id: 'nowhere' },
        ],
      },
    );
    expect(errors).toBeUndefined();
    expect(Object.values(data!._entities[0])).toContainEqual(expected);
    expect(Object.values(data!._entities[1])).toContain(null);
  });
});
