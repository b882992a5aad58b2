import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { migrateSubgraph } from '../lib/subgraph/runtime.js';
import { createTestDatabase, type TestDatabase } from './support/databases.js';

/**
 * Many streets (#17, docs/streets.md): a database written before streets were a scope migrates
 * forward with its one street as the first street, and rows written afterwards take their street
 * from their parent.
 */
describe('grids: 005_many_streets over an existing street', () => {
  let grids: TestDatabase;
  beforeAll(async () => {
    grids = await createTestDatabase('grids', { migratedUpTo: '004_incident_event_actor_keys.sql' });
    await grids.db.query(`INSERT INTO streets (id, name, area_km2, residents) VALUES ('street-old', '旧街道', 10, 1000)`);
    await grids.db.query(`INSERT INTO offices (id, street_id, name) VALUES ('office-old', 'street-old', '旧办事处')`);
    await grids.db.query(`INSERT INTO communities (id, office_id, name, kind, households, population, lat, lng)
      VALUES ('community-old', 'office-old', '旧社区', 'COMMUNITY', 10, 30, 31.9, 121.2)`);
    await grids.db.query(`INSERT INTO grids (id, community_id, name, kind, households) VALUES ('grid-old', 'community-old', '旧网格', 'COMPREHENSIVE', 10)`);
    await grids.db.query(`INSERT INTO incidents (community_id, grid_id, category, description, lat, lng, reporter_name, channel, status,
        lead_department_id, deadline_hours, reported_at, due_at)
      VALUES ('community-old', 'grid-old', 'NOISE', '噪音', 31.9, 121.2, '张三', 'GRID_APP', 'REPORTED', 'department-01', 24, now(), now())`);
    await migrateSubgraph(grids.url, 'grids');
  });
  afterAll(() => grids?.drop());

  it('puts every existing community, grid and incident in the existing street', async () => {
    const rows = await grids.db.query<{ kind: string; street_id: string }>(
      `SELECT 'community' AS kind, street_id FROM communities UNION ALL SELECT 'grid', street_id FROM grids
       UNION ALL SELECT 'incident', street_id FROM incidents ORDER BY kind`,
    );
    expect(rows).toEqual([
      { kind: 'community', street_id: 'street-old' },
      { kind: 'grid', street_id: 'street-old' },
      { kind: 'incident', street_id: 'street-old' },
    ]);
  });

  it('gives rows written afterwards the street of their parent, whatever the writer names', async () => {
    await grids.db.query(`INSERT INTO streets (id, name, area_km2, residents) VALUES ('street-new', '新街道', 5, 500)`);
    await grids.db.query(`INSERT INTO offices (id, street_id, name) VALUES ('office-new', 'street-new', '新办事处')`);
    await grids.db.query(`INSERT INTO communities (id, office_id, street_id, name, kind, households, population, lat, lng)
      VALUES ('community-new', 'office-new', 'street-old', '新社区', 'VILLAGE', 10, 30, 31.9, 121.2)`);
    await grids.db.query(`INSERT INTO grids (id, community_id, name, kind, households) VALUES ('grid-new', 'community-new', '新网格', 'COMPREHENSIVE', 10)`);
    const rows = await grids.db.query<{ id: string; street_id: string }>(
      `SELECT id, street_id FROM communities WHERE id = 'community-new' UNION ALL SELECT id, street_id FROM grids WHERE id = 'grid-new'`,
    );
    expect(rows).toEqual([
      { id: 'community-new', street_id: 'street-new' },
      { id: 'grid-new', street_id: 'street-new' },
    ]);
  });

  it("moves a community's grids and incidents along when it moves to another street's office", async () => {
    await grids.db.query(`UPDATE communities SET office_id = 'office-new' WHERE id = 'community-old'`);
    const rows = await grids.db.query<{ street_id: string }>(
      `SELECT street_id FROM grids WHERE id = 'grid-old' UNION ALL SELECT street_id FROM incidents WHERE community_id = 'community-old'`,
    );
    expect(rows).toEqual([{ street_id: 'street-new' }, { street_id: 'street-new' }]);
  });
});

describe('co-building and resource-pools: units, resources and communities of the one street an old database holds', () => {
  let coBuilding: TestDatabase;
  let resourcePools: TestDatabase;
  beforeAll(async () => {
    coBuilding = await createTestDatabase('co-building', { migratedUpTo: '003_import_external_codes.sql' });
    await coBuilding.db.query(`INSERT INTO units (id, name, kind, lat, lng, address, contact_name, contact_phone)
      VALUES ('unit-old', '旧单位', 'AGENCY', 31.9, 121.2, '旧路1号', '张三', '13900000000')`);
    await migrateSubgraph(coBuilding.url, 'co-building');
    resourcePools = await createTestDatabase('resource-pools', { migratedUpTo: '010_provider_ratings.sql' });
    await resourcePools.db
      .query(`INSERT INTO resources (id, name, description, category, source, provider_kind, provider_id, capacity_amount, capacity_unit, capacity_period)
      VALUES ('resource-old', '活动室', 'x', 'VENUE', 'ENTERPRISE_CSR', 'CO_BUILDING_UNIT', 'unit-old', 2, '场', 'DAY')`);
    await resourcePools.db.query(`INSERT INTO community_offices (community_id, office_id) VALUES ('community-old', 'office-old')`);
    await migrateSubgraph(resourcePools.url, 'resource-pools');
  });
  afterAll(async () => {
    await coBuilding?.drop();
    await resourcePools?.drop();
  });

  it('puts them in the reference street, the only one a database could hold before', async () => {
    expect(await coBuilding.db.query(`SELECT id, street_id FROM units`)).toEqual([{ id: 'unit-old', street_id: 'street-haimen' }]);
    expect(await resourcePools.db.query(`SELECT id, street_id FROM resources`)).toEqual([{ id: 'resource-old', street_id: 'street-haimen' }]);
    expect(await resourcePools.db.query(`SELECT community_id, street_id FROM community_offices`)).toEqual([
      { community_id: 'community-old', street_id: 'street-haimen' },
    ]);
  });

  it('takes no street by default afterwards: a writer names it', async () => {
    await expect(
      coBuilding.db.query(`INSERT INTO units (id, name, kind, lat, lng, address, contact_name, contact_phone)
        VALUES ('unit-new', '新单位', 'AGENCY', 31.9, 121.2, '新路1号', '李四', '13900000001')`),
    ).rejects.toThrow(/street_id/);
  });
});

describe('resource-pools 013 and co-building 006: served streets of rows written before them', () => {
  let coBuilding: TestDatabase;
  let resourcePools: TestDatabase;
  beforeAll(async () => {
    coBuilding = await createTestDatabase('co-building', { migratedUpTo: '005_many_streets.sql' });
    await coBuilding.db.query(`INSERT INTO units (id, street_id, name, kind, lat, lng, address, contact_name, contact_phone)
      VALUES ('unit-s02', 'street-s02', '旧单位', 'AGENCY', 31.9, 121.2, '旧路1号', '张三', '13900000000')`);
    await migrateSubgraph(coBuilding.url, 'co-building');
    resourcePools = await createTestDatabase('resource-pools', { migratedUpTo: '012_many_streets.sql' });
    const insert = `INSERT INTO resources (id, street_id, name, description, category, source, provider_kind, provider_id, capacity_amount, capacity_unit, capacity_period)
      VALUES ($1, $2, '服务', 'x', 'CARE_SERVICE', 'GOVERNMENT_SERVICE', $3, $4, 2, '人次', 'MONTH')`;
    await resourcePools.db.query(insert, ['resource-unit', 'street-s02', 'CO_BUILDING_UNIT', 'unit-s02']);
    await resourcePools.db.query(insert, ['resource-department', 'street-haimen', 'DEPARTMENT', 'department-01']);
    await resourcePools.db.query(`INSERT INTO community_offices (community_id, office_id, street_id) VALUES
      ('community-a', 'office-a', 'street-haimen'), ('community-b', 'office-b', 'street-s02'), ('community-c', 'office-c', 'street-s03')`);
    await migrateSubgraph(resourcePools.url, 'resource-pools');
  });
  afterAll(async () => {
    await coBuilding?.drop();
    await resourcePools?.drop();
  });

  it("serves a unit's and a unit resource's own street, and a district department's resource every street of the district", async () => {
    expect(await coBuilding.db.query(`SELECT id, served_street_ids FROM units`)).toEqual([{ id: 'unit-s02', served_street_ids: ['street-s02'] }]);
    expect(await resourcePools.db.query(`SELECT id, served_street_ids FROM resources ORDER BY id`)).toEqual([
      { id: 'resource-department', served_street_ids: ['street-haimen', 'street-s02', 'street-s03'] },
      { id: 'resource-unit', served_street_ids: ['street-s02'] },
    ]);
  });

  it('serves the home street of a row written without served streets, and never lets a row stop serving it', async () => {
    await resourcePools.db
      .query(`INSERT INTO resources (id, street_id, name, description, category, source, provider_kind, provider_id, capacity_amount, capacity_unit, capacity_period)
      VALUES ('resource-new', 'street-s03', '服务', 'x', 'CARE_SERVICE', 'ENTERPRISE_CSR', 'CO_BUILDING_UNIT', 'unit-x', 2, '人次', 'MONTH')`);
    expect(await resourcePools.db.query(`SELECT served_street_ids FROM resources WHERE id = 'resource-new'`)).toEqual([{ served_street_ids: ['street-s03'] }]);
    await expect(resourcePools.db.query(`UPDATE resources SET served_street_ids = '{street-s02}' WHERE id = 'resource-new'`)).rejects.toThrow(
      /resources_serve_home_street/,
    );
    await expect(coBuilding.db.query(`UPDATE units SET served_street_ids = '{street-haimen}' WHERE id = 'unit-s02'`)).rejects.toThrow(
      /units_serve_home_street/,
    );
  });
});
