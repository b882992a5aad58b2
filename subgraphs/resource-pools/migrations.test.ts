import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { migrateSubgraph } from '../../lib/subgraph/runtime.js';
import { createTestDatabase, type TestDatabase } from '../../test/support/databases.js';

/**
 * The migrations that change what existing rows mean, run over rows written before them: a database
 * migrated up to a migration, given legacy rows, then brought up to date the way a hub start does.
 */
let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase('resource-pools', { migratedUpTo: '004_outbox.sql' });
  await database.db
    .query(`INSERT INTO resources (id, name, description, category, source, provider_kind, provider_id, capacity_amount, capacity_unit, capacity_period)
    VALUES ('r-venue', '活动室', 'x', 'VENUE', 'ENTERPRISE_CSR', 'CO_BUILDING_UNIT', 'unit-1', 2, '场', 'DAY'),
           ('r-fund', '基金', 'x', 'FUNDS', 'CHARITY_FUND', 'CO_BUILDING_UNIT', 'unit-1', 100000, '元', 'YEAR')`);
  await database.db.query(`INSERT INTO demands (id, title, description, category, community_id, source, status, created_at, resource_id, usage_period)
    VALUES ('d-dispatched', 't', 'x', 'VENUE', 'c-1', 'RESIDENT_ORDER', 'DISPATCHED', '2026-11-01T00:00:00Z', 'r-venue', NULL),
           ('d-accepted', 't', 'x', 'FUNDS', 'c-1', 'RESIDENT_ORDER', 'ACCEPTED', '2026-10-01T00:00:00Z', 'r-fund', '2026-01-01'),
           ('d-open', 't', 'x', 'FUNDS', 'c-1', 'RESIDENT_ORDER', 'OPEN', '2026-11-01T00:00:00Z', NULL, NULL)`);
  // Dispatched on Tuesday 3 November 2026 at 01:30 in Beijing (still 2 November in UTC).
  await database.db.query(`INSERT INTO demand_events (demand_id, kind, from_status, to_status, actor, occurred_at)
    VALUES ('d-dispatched', 'DISPATCH', 'OPEN', 'DISPATCHED', 'community:c-1', '2026-11-02T17:30:00Z')`);
  await database.db.query(`INSERT INTO capacity_usage (resource_id, period_start, used) VALUES ('r-venue', '2026-11-03', 1), ('r-fund', '2026-01-01', 1)`);
  await migrateSubgraph(database.url, 'resource-pools');
});
afterAll(() => database?.drop());

describe('resource-pools migrations over existing rows', () => {
  it('006 gives an order dispatched before holds existed its hold, in the China Standard Time period of its dispatch', async () => {
    const demand = await database.db.query(`SELECT usage_period FROM demands WHERE id = 'd-dispatched'`);
    expect(demand).toEqual([{ usage_period: '2026-11-03' }]);
    const usage = await database.db.query(`SELECT resource_id, period_start, used FROM capacity_usage ORDER BY resource_id`);
    expect(usage).toEqual([
      { resource_id: 'r-fund', period_start: '2026-01-01', used: 1 },
      { resource_id: 'r-venue', period_start: '2026-11-03', used: 2 },
    ]);
  });

  it("007 keeps what held orders hold (1 of their resource's unit) and gives the others their kind's default amount", async () => {
    const rows = await database.db.query(`SELECT id, amount, unit FROM demands ORDER BY id`);
    expect(rows).toEqual([
      { id: 'd-accepted', amount: 1, unit: '元' },
      { id: 'd-dispatched', amount: 1, unit: '场' },
      { id: 'd-open', amount: 1000, unit: '元' },
    ]);
  });
});

describe('resource-pools migration 011 over existing orders', () => {
  let legacy: TestDatabase;
  beforeAll(async () => {
    legacy = await createTestDatabase('resource-pools', { migratedUpTo: '010_provider_ratings.sql' });
    await legacy.db
      .query(`INSERT INTO resources (id, name, description, category, source, provider_kind, provider_id, capacity_amount, capacity_unit, capacity_period)
      VALUES ('r-unit', '物资', 'x', 'MATERIALS', 'ENTERPRISE_CSR', 'CO_BUILDING_UNIT', 'unit-1', 100, '件', 'YEAR'),
             ('r-dept', '物资', 'x', 'MATERIALS', 'GOVERNMENT_SERVICE', 'DEPARTMENT', 'department-1', 100, '件', 'YEAR')`);
    await legacy.db.query(`INSERT INTO demands (id, title, description, category, community_id, source, status, created_at, resource_id, amount, unit, rating)
      VALUES ('d-fulfilled', 't', 'x', 'MATERIALS', 'c-1', 'MICRO_WISH', 'FULFILLED', '2026-11-01T00:00:00Z', 'r-unit', 1, '件', NULL),
             ('d-rated', 't', 'x', 'MATERIALS', 'c-2', 'RESIDENT_ORDER', 'RATED', '2026-11-01T00:00:00Z', 'r-unit', 1, '件', 5),
             ('d-accepted', 't', 'x', 'MATERIALS', 'c-1', 'MICRO_WISH', 'ACCEPTED', '2026-11-01T00:00:00Z', 'r-unit', 1, '件', NULL),
             ('d-department', 't', 'x', 'MATERIALS', 'c-1', 'MICRO_WISH', 'FULFILLED', '2026-11-01T00:00:00Z', 'r-dept', 1, '件', NULL)`);
    await legacy.db.query(`INSERT INTO demand_events (demand_id, kind, from_status, to_status, actor, occurred_at)
      VALUES ('d-fulfilled', 'FULFIL', 'ACCEPTED', 'FULFILLED', 'unit:t', '2026-11-03T16:30:00Z'),
             ('d-rated', 'FULFIL', 'ACCEPTED', 'FULFILLED', 'unit:t', '2026-11-04T02:00:00Z'),
             ('d-department', 'FULFIL', 'ACCEPTED', 'FULFILLED', 'department:t', '2026-11-04T02:00:00Z')`);
    await migrateSubgraph(legacy.url, 'resource-pools');
  });
  afterAll(async () => {
    await legacy?.drop();
  });

  it('queues one order-fulfilment event for co-building per order a unit’s resource fulfilled before it', async () => {
    const rows = await legacy.db.query(`SELECT topic, payload FROM outbox WHERE delivered_at IS NULL ORDER BY id`);
    expect(rows).toEqual([
      {
        topic: 'co-building.recordOrderFulfilment',
        payload: { orderId: 'd-fulfilled', unitId: 'unit-1', communityId: 'c-1', demandSource: 'MICRO_WISH', fulfilledAt: '2026-11-03T16:30:00.000Z' },
      },
      {
        topic: 'co-building.recordOrderFulfilment',
        payload: { orderId: 'd-rated', unitId: 'unit-1', communityId: 'c-2', demandSource: 'RESIDENT_ORDER', fulfilledAt: '2026-11-04T02:00:00.000Z' },
      },
    ]);
  });
});
