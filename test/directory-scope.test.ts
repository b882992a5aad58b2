import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ApolloServer, BaseContext } from '@apollo/server';
import { ANONYMOUS, IN_PROCESS_CALLER, type Caller } from '../lib/auth/caller.js';
import { REFERENCE_STREET_ID } from '../seed/plan.js';
import { createTestDatabase, type TestDatabase } from './support/databases.js';
import { execute } from './support/operations.js';
import * as coBuilding from '../subgraphs/co-building/server.js';
import * as organisations from '../subgraphs/organisations/server.js';
import * as resourcePools from '../subgraphs/resource-pools/server.js';
import { DEFAULT_MATCH_CONFIG } from '../subgraphs/resource-pools/domain/matching.js';
import { unavailablePartnerDirectory } from '../subgraphs/resource-pools/partner-directory.js';

/**
 * A street admin's directory (docs/security.md → Scoped reads) is its street's, whichever way a row
 * is reached: not only the root fields (test/street-scope.test.ts) but every entity reference and
 * every list under another entity, since a router reaches them with `_entities`. Each subgraph holds
 * the reference street; an admin of that street reads every path, an admin of another street none.
 */
const OWN = admin(REFERENCE_STREET_ID);
const OTHER = admin('street-elsewhere');

function admin(streetId: string): Caller {
  return { ...ANONYMOUS, role: 'STREET_ADMIN', subject: `admin:${streetId}`, streetId };
}

interface Subgraph {
  database: TestDatabase;
  apollo: ApolloServer<BaseContext>;
  contextFor: (caller: Caller) => BaseContext;
}

async function start(name: 'co-building' | 'organisations' | 'resource-pools'): Promise<Subgraph> {
  const database = await createTestDatabase(name, { content: 'street' });
  const deps = { db: database.db };
  const [apollo, contextFor] =
    name === 'co-building'
      ? [coBuilding.createServer(deps), (caller: Caller) => coBuilding.createContext(deps, caller)]
      : name === 'organisations'
        ? [organisations.createServer(deps), (caller: Caller) => organisations.createContext(deps, caller)]
        : [
            resourcePools.createServer(deps),
            (caller: Caller) =>
              resourcePools.createContext(deps, caller, { match: DEFAULT_MATCH_CONFIG, fairMinShare: 0.2, partners: unavailablePartnerDirectory }),
          ];
  await apollo.start();
  return { database, apollo: apollo as unknown as ApolloServer<BaseContext>, contextFor };
}

async function entities(subgraph: Subgraph, caller: Caller, typename: string, id: string, fields: string): Promise<unknown> {
  const { data, errors } = await execute<{ _entities: unknown[] }>(
    subgraph.apollo,
    subgraph.contextFor(caller),
    `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on ${typename} { ${fields} } } }`,
    { representations: [{ __typename: typename, id }] },
  );
  expect(errors).toBeUndefined();
  return data!._entities[0];
}

/** One id of a table, chosen by the subgraph's own database (the seed decides which ids exist). */
async function oneId(subgraph: Subgraph, sql: string): Promise<string> {
  const [row] = await subgraph.database.db.query<{ id: string }>(sql);
  if (!row) throw new Error(`no row for ${sql}`);
  return row.id;
}

const subgraphs: Subgraph[] = [];
afterAll(async () => {
  for (const subgraph of subgraphs) {
    await subgraph.apollo.stop();
    await subgraph.database.drop();
  }
});

describe('co-building: units and pairings of another street are not in a street admin’s directory', () => {
  let subgraph: Subgraph;
  beforeAll(async () => {
    subgraph = await start('co-building');
    subgraphs.push(subgraph);
  });

  it('a unit and a pairing by entity reference', async () => {
    const unitId = await oneId(subgraph, `SELECT unit_id AS id FROM pairings ORDER BY id LIMIT 1`);
    const pairingId = await oneId(subgraph, `SELECT id FROM pairings ORDER BY id LIMIT 1`);
    expect(await entities(subgraph, OWN, 'CoBuildingUnit', unitId, 'id pairings { id }')).toMatchObject({ id: unitId });
    expect(await entities(subgraph, OTHER, 'CoBuildingUnit', unitId, 'id')).toBeNull();
    expect(await entities(subgraph, OWN, 'Pairing', pairingId, 'id')).toEqual({ id: pairingId });
    expect(await entities(subgraph, OTHER, 'Pairing', pairingId, 'id')).toBeNull();
  });

  it('a community’s pairings and a service report by entity reference', async () => {
    const communityId = await oneId(subgraph, `SELECT community_id AS id FROM pairings ORDER BY id LIMIT 1`);
    const reportId = await oneId(subgraph, `SELECT id FROM service_reports ORDER BY id LIMIT 1`);
    expect(((await entities(subgraph, OWN, 'Community', communityId, 'pairings { id }')) as { pairings: unknown[] }).pairings.length).toBeGreaterThan(0);
    expect(await entities(subgraph, OTHER, 'Community', communityId, 'pairings { id }')).toEqual({ pairings: [] });
    expect(await entities(subgraph, OWN, 'ServiceReport', reportId, 'id')).toEqual({ id: reportId });
    expect(await entities(subgraph, OTHER, 'ServiceReport', reportId, 'id')).toBeNull();
  });
});

describe('resource-pools: resources and demands of another street are not in a street admin’s directory', () => {
  let subgraph: Subgraph;
  beforeAll(async () => {
    subgraph = await start('resource-pools');
    subgraphs.push(subgraph);
  });

  it('a resource and a demand by entity reference', async () => {
    const resourceId = await oneId(subgraph, `SELECT id FROM resources ORDER BY id LIMIT 1`);
    const demandId = await oneId(subgraph, `SELECT id FROM demands ORDER BY id LIMIT 1`);
    expect(await entities(subgraph, OWN, 'Resource', resourceId, 'id')).toEqual({ id: resourceId });
    expect(await entities(subgraph, OTHER, 'Resource', resourceId, 'id')).toBeNull();
    expect(await entities(subgraph, OWN, 'Demand', demandId, 'id')).toEqual({ id: demandId });
    expect(await entities(subgraph, OTHER, 'Demand', demandId, 'id')).toBeNull();
  });

  it('the resources of a unit and of a department, a unit’s orders and a community’s demands and resources', async () => {
    const unitId = await oneId(
      subgraph,
      `SELECT provider_id AS id FROM resources r WHERE provider_kind = 'CO_BUILDING_UNIT'
          AND EXISTS (SELECT 1 FROM demands d WHERE d.resource_id = r.id) ORDER BY provider_id LIMIT 1`,
    );
    const departmentId = await oneId(subgraph, `SELECT provider_id AS id FROM resources WHERE provider_kind = 'DEPARTMENT' ORDER BY provider_id LIMIT 1`);
    const communityId = await oneId(
      subgraph,
      `SELECT d.community_id AS id FROM demands d JOIN resource_communities rc USING (community_id)
        WHERE d.status = 'OPEN' ORDER BY d.community_id LIMIT 1`,
    );
    const nonEmpty = (value: unknown) => Object.values(value as Record<string, unknown[]>).every((list) => list.length > 0);
    expect(nonEmpty(await entities(subgraph, OWN, 'CoBuildingUnit', unitId, 'resources { id } orders { id }'))).toBe(true);
    expect(await entities(subgraph, OTHER, 'CoBuildingUnit', unitId, 'resources { id } orders { id }')).toEqual({ resources: [], orders: [] });
    expect(nonEmpty(await entities(subgraph, OWN, 'Department', departmentId, 'resources { id }'))).toBe(true);
    expect(await entities(subgraph, OTHER, 'Department', departmentId, 'resources { id }')).toEqual({ resources: [] });
    const communityFields = 'demands { id } openDemands { id } servedBy { id }';
    expect(nonEmpty(await entities(subgraph, OWN, 'Community', communityId, communityFields))).toBe(true);
    expect(await entities(subgraph, OTHER, 'Community', communityId, communityFields)).toEqual({ demands: [], openDemands: [], servedBy: [] });
  });
});

describe('organisations: organisations of another street are not in a street admin’s directory', () => {
  let subgraph: Subgraph;
  beforeAll(async () => {
    subgraph = await start('organisations');
    subgraphs.push(subgraph);
  });

  it('an organisation by entity reference and the organisations leading a community, grid, micro-grid and unit', async () => {
    const organisationId = await oneId(subgraph, `SELECT id FROM organisations WHERE parent_id IS NOT NULL ORDER BY id LIMIT 1`);
    const led = async (column: string) => oneId(subgraph, `SELECT ${column} AS id FROM organisations WHERE ${column} IS NOT NULL ORDER BY id LIMIT 1`);
    const paths = [
      ['Community', await led('community_id'), 'partyOrganisation { id }'],
      ['Grid', await led('grid_id'), 'partyBranch { id }'],
      ['MicroGrid', await led('micro_grid_id'), 'partyGroup { id }'],
      ['CoBuildingUnit', await led('unit_id'), 'partyBranch { id }'],
    ] as const;
    expect(await entities(subgraph, OWN, 'Organisation', organisationId, 'id parent { id } children { id }')).toMatchObject({ id: organisationId });
    expect(await entities(subgraph, OTHER, 'Organisation', organisationId, 'id')).toBeNull();
    for (const [typename, id, fields] of paths) {
      const [field] = fields.split(' ');
      expect(await entities(subgraph, OWN, typename, id, fields)).toEqual({ [field!]: { id: expect.any(String) } });
      expect(await entities(subgraph, OTHER, typename, id, fields)).toEqual({ [field!]: null });
    }
  });

  it('a party member by entity reference', async () => {
    const memberId = await oneId(subgraph, `SELECT id FROM party_members ORDER BY id LIMIT 1`);
    expect(await entities(subgraph, OWN, 'PartyMember', memberId, 'id')).toEqual({ id: memberId });
    expect(await entities(subgraph, OTHER, 'PartyMember', memberId, 'id')).toBeNull();
    expect(await entities(subgraph, IN_PROCESS_CALLER, 'PartyMember', memberId, 'id')).toEqual({ id: memberId });
  });
});
