import { asService, testPeers } from '../../test/support/auth.js';
import { startSeededSubgraph, type SeededSubgraph } from '../../test/support/seeded-subgraph.js';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestDatabase, type TestDatabase } from '../../test/support/databases.js';
import { postGraphQL } from '../../test/support/hub.js';
import { coBuildingEventDelivery, CREDIT_EVENT_TOPIC } from '../co-building/events.js';
import { createLogger } from '../../lib/kernel/log.js';
import { countOutbox, relayOutboxOnce, type OutboxRow } from '../../lib/subgraph/outbox.js';
import type { StartedSubgraph } from '../../lib/subgraph/runtime.js';
import { planStreet } from '../../seed/plan.js';
import type { OrderAction } from './domain/order-lifecycle.js';
import { applyOrderAction, submitDemand } from './domain/orders.js';
import { resourcePoolsSubgraph } from './server.js';
import { createResourcePoolsStore, type ResourceRow } from './store.js';
import { waitUntil } from '../../test/support/wait.js';

/**
 * 评单 → 履责信用: rating an order a co-building unit fulfilled reaches the unit's credit score through
 * resource-pools' transactional outbox and a real co-building subgraph over HTTP, with no mocks.
 */
const plan = planStreet(1);
const UNIT = plan.units[0]!.id;
const COMMUNITY = 'community-credit';
const START = new Date('2026-11-02T02:00:00Z');
let database: TestDatabase;
let coBuildingDb: TestDatabase;
let coBuilding: StartedSubgraph;
let seeded: SeededSubgraph;

function resource(id: string, providerKind: ResourceRow['provider_kind'], providerId: string): ResourceRow {
  return {
    id,
    street_id: 'street-haimen',
    served_street_ids: ['street-haimen'],
    name: `测试资源 ${id}`,
    description: 'test',
    category: 'VOLUNTEER_SERVICE',
    sub_kind: 'GENERAL',
    source: 'ENTERPRISE_CSR',
    provider_kind: providerKind,
    provider_id: providerId,
    capacity_amount: 100_000,
    capacity_unit: '小时',
    capacity_period: 'MONTH',
    lat: null,
    lng: null,
    address: null,
    availability: [],
  };
}

const RAISER = 'community-worker:t';
const PROVIDER = 'unit-member:t';

/** A demand walked to FULFILLED on `resourceId`, one hour a step. */
async function fulfilledOrder(resourceId: string): Promise<string> {
  const demand = await submitDemand(
    database.db,
    { title: '小区楼道清理', description: '测试', category: 'VOLUNTEER_SERVICE', communityId: COMMUNITY, source: 'MICRO_WISH', actor: RAISER },
    START,
  );
  // In-process steps name their actors: the community raises, dispatches and rates; the provider handles.
  const steps: [OrderAction, string][] = [
    ['DISPATCH', RAISER],
    ['ACCEPT', PROVIDER],
    ['FULFIL', PROVIDER],
  ];
  for (const [i, [action, actor]] of steps.entries()) {
    await applyOrderAction(database.db, action, { id: demand.id, actor, resourceId }, new Date(START.getTime() + (i + 1) * 3_600_000));
  }
  return demand.id;
}

const rate = (id: string, rating: number, at = new Date(START.getTime() + 5 * 3_600_000)) =>
  applyOrderAction(database.db, 'RATE', { id, actor: RAISER, rating }, at);

/** Pending credit events (a unit's fulfilment is reported too, as an order fulfilment: order-fulfilments.test.ts in co-building). */
const pendingRows = () => database.db.query<OutboxRow>(`SELECT * FROM outbox WHERE delivered_at IS NULL AND topic = $1 ORDER BY id`, [CREDIT_EVENT_TOPIC]);

async function creditOf(unitId: string) {
  const { data, errors } = await postGraphQL(
    coBuilding.url,
    `query($id: ID!) { coBuildingUnit(id: $id) { creditScore { value history { delta reason rating source { subgraph type id } occurredAt } } } }`,
    { id: unitId },
    { token: null, sign: asService('test', 'co-building') },
  );
  expect(errors).toBeUndefined();
  return data!.coBuildingUnit.creditScore as {
    value: number;
    history: { delta: number; reason: string; rating: number | null; source: { subgraph: string; type: string; id: string }; occurredAt: string }[];
  };
}

beforeAll(async () => {
  database = await createTestDatabase('resource-pools');
  await createResourcePoolsStore(database.db).insertDataset({
    resources: [resource('resource-credit-unit', 'CO_BUILDING_UNIT', UNIT), resource('resource-credit-dept', 'DEPARTMENT', 'department-01')],
    resourceCommunities: [
      { resource_id: 'resource-credit-unit', community_id: COMMUNITY },
      { resource_id: 'resource-credit-dept', community_id: COMMUNITY },
    ],
    demands: [],
    demandEvents: [],
    capacityUsage: [],
    communityOffices: [],
  });
  seeded = await startSeededSubgraph('co-building');
  ({ subgraph: coBuilding, database: coBuildingDb } = seeded);
});
afterAll(async () => {
  await seeded?.stop();
  await database?.drop();
});

describe('an order rating moves the provider unit’s credit (评单 → 履责信用)', () => {
  it('writes the credit event in the rating’s transaction, for units only', async () => {
    await database.db.query('UPDATE outbox SET delivered_at = now() WHERE delivered_at IS NULL');
    const byUnit = await fulfilledOrder('resource-credit-unit');
    const byDepartment = await fulfilledOrder('resource-credit-dept');
    expect(await pendingRows()).toHaveLength(0); // dispatch, accept and fulfil move no credit
    const at = new Date('2026-11-02T08:00:00Z');
    await rate(byUnit, 4, at);
    await rate(byDepartment, 1, at); // departments have no duty credit score
    const rows = await pendingRows();
    expect(rows.map((row) => ({ topic: row.topic, payload: row.payload, created_at: row.created_at }))).toEqual([
      {
        topic: 'co-building.recordCreditEvent',
        payload: {
          unitId: UNIT,
          reason: 'RATING_RECEIVED',
          rating: 4,
          source: { subgraph: 'resource-pools', type: 'Demand', id: byUnit },
          occurredAt: at.toISOString(),
        },
        created_at: at,
      },
    ]);
  });

  it('writes no event when the rating is rolled back, and one when it is not', async () => {
    await database.db.query('UPDATE outbox SET delivered_at = now() WHERE delivered_at IS NULL');
    const id = await fulfilledOrder('resource-credit-unit');
    // The timeline entry is written after the outbox row: make it fail, so the transaction rolls back.
    await database.db.query(`ALTER TABLE demand_events ADD CONSTRAINT test_refuse_rate CHECK (kind <> 'RATE') NOT VALID`);
    try {
      await expect(rate(id, 5)).rejects.toThrow(/test_refuse_rate/);
    } finally {
      await database.db.query('ALTER TABLE demand_events DROP CONSTRAINT test_refuse_rate');
    }
    expect(await pendingRows()).toHaveLength(0);
    const [demand] = await database.db.query<{ status: string; rating: number | null }>('SELECT status, rating FROM demands WHERE id = $1', [id]);
    expect(demand).toEqual({ status: 'FULFILLED', rating: null });

    await rate(id, 5);
    expect((await pendingRows()).map((row) => row.payload.source)).toEqual([{ subgraph: 'resource-pools', type: 'Demand', id }]);
  });

  it('delivers to co-building, whose credit history links back to the demand, and a redelivery counts once', async () => {
    await database.db.query('UPDATE outbox SET delivered_at = now() WHERE delivered_at IS NULL');
    const before = await creditOf(UNIT);
    const ratings = [5, 4, 3, 2, 1];
    const ids: string[] = [];
    for (const rating of ratings) {
      const id = await fulfilledOrder('resource-credit-unit');
      await rate(id, rating);
      ids.push(id);
    }
    // Five credit events and the five orders' fulfilments.
    expect((await countOutbox(database.db)).pending).toBe(10);
    const deliver = coBuildingEventDelivery(testPeers('resource-pools', { 'co-building': coBuilding.url }));
    const now = new Date('2026-11-03T00:00:00Z');
    expect(await relayOutboxOnce(database.db, deliver, now)).toEqual({ delivered: 10, failed: 0 });
    expect((await countOutbox(database.db)).pending).toBe(0);

    const after = await creditOf(UNIT);
    const eventOf = (id: string) => after.history.filter((event) => event.source.id === id);
    // co-building's rating rule (credit.ts): 5 → +3, 4 → +1, 3 → 0, 2 → −2, 1 → −4.
    expect(ids.map((id) => eventOf(id).map((event) => [event.reason, event.rating, event.delta]))).toEqual([
      [['RATING_RECEIVED', 5, 3]],
      [['RATING_RECEIVED', 4, 1]],
      [['RATING_RECEIVED', 3, 0]],
      [['RATING_RECEIVED', 2, -2]],
      [['RATING_RECEIVED', 1, -4]],
    ]);
    expect(eventOf(ids[0]!)[0]!.source).toEqual({ subgraph: 'resource-pools', type: 'Demand', id: ids[0] });
    expect(after.value).toBe(before.value + 3 + 1 + 0 - 2 - 4);

    // A relay that crashed after delivering but before marking: every row goes out again.
    await database.db.query(`UPDATE outbox SET delivered_at = NULL WHERE payload->'source'->>'id' = ANY($1)`, [ids]);
    expect(await relayOutboxOnce(database.db, deliver, now)).toEqual({ delivered: 5, failed: 0 });
    const redelivered = await creditOf(UNIT);
    expect(redelivered.value).toBe(after.value);
    expect(redelivered.history).toHaveLength(after.history.length);
  });

  it('relays on a timer started by the subgraph module, signed as system:resource-pools', async () => {
    const stop = resourcePoolsSubgraph.startBackgroundJobs!(
      {
        db: database.db,
        log: createLogger('test', 'error'),
        clock: () => new Date('2026-11-04T00:00:00Z'),
        peers: testPeers('resource-pools', { 'co-building': coBuilding.url }),
      },
      { ...resourcePoolsSubgraph.defaultSettings, outboxRelayIntervalMs: 100 },
    );
    try {
      const id = await fulfilledOrder('resource-credit-unit');
      await rate(id, 5);
      await waitUntil('the relay timer has delivered the outbox', async () => (await countOutbox(database.db)).pending === 0);
      expect((await creditOf(UNIT)).history.filter((event) => event.source.id === id)).toHaveLength(1);
      const [audit] = await coBuildingDb.db.query<{ subject: string }>(
        `SELECT subject FROM audit_log WHERE mutation = 'recordCreditEvent' ORDER BY id DESC LIMIT 1`,
      );
      expect(audit).toEqual({ subject: 'system:resource-pools' });
    } finally {
      await stop();
    }
  });
});
