import { readFileSync } from 'node:fs';
import { asRouter, asService, testPeers, testSubgraphTrust, tokenFor } from '../../../test/support/auth.js';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestDatabase, type TestDatabase } from '../../../test/support/databases.js';
import { postGraphQL } from '../../../test/support/hub.js';
import { execute } from '../../../test/support/operations.js';
import { createLogger } from '../../../lib/kernel/log.js';
import { projectPath } from '../../../lib/kernel/project-root.js';
import { countOutbox, relayOutboxOnce, type OutboxRow } from '../../../lib/subgraph/outbox.js';
import { startSubgraph, type StartedSubgraph } from '../../../lib/subgraph/runtime.js';
import type { OrderAction } from '../../resource-pools/domain/order-lifecycle.js';
import { applyOrderAction, submitDemand } from '../../resource-pools/domain/orders.js';
import { createResourcePoolsStore, type DemandSource, type ResourceRow } from '../../resource-pools/store.js';
import { recordCommitmentOutcomes } from './commitment-outcomes.js';
import type { CoBuildingContext } from '../context.js';
import { coBuildingEventDelivery, ORDER_FULFILMENT_TOPIC } from '../events.js';
import { coBuildingSubgraph, createContext, createServer } from '../server.js';
import { createCoBuildingStore } from '../store.js';
import { SERVICE_CALL_TIMEOUT_MS } from '../../../test/support/wait.js';

/**
 * Order-based commitment progress (micro-wishes adopted) from the fulfilments resource-pools reports
 * through its outbox: orders walked through the real order loop on a resource-pools database, the
 * relay delivering to a real co-building subgraph over HTTP on port 0, no mocks. No resource-pools
 * subgraph runs at all: co-building answers from its own rows.
 */
const UNIT = 'unit-progress-1';
const OTHER_UNIT = 'unit-progress-2';
const COMMUNITY = 'community-01';
const COMMUNITY_2 = 'community-02';
const PAIRING = 'pairing-progress-1';
const PAIRING_2 = 'pairing-progress-2';
const NOW = '2026-11-25T12:00:00+08:00';
let rpDb: TestDatabase;
let database: TestDatabase;
let coBuilding: StartedSubgraph;
let apollo: ReturnType<typeof createServer>;
const fulfilled: string[] = [];

function resource(id: string, providerId: string): ResourceRow {
  return {
    id,
    street_id: 'street-haimen',
    served_street_ids: ['street-haimen'],
    name: `测试资源 ${id}`,
    description: 'test',
    category: 'MATERIALS',
    sub_kind: 'GENERAL',
    source: 'ENTERPRISE_CSR',
    provider_kind: 'CO_BUILDING_UNIT',
    provider_id: providerId,
    capacity_amount: 100_000,
    capacity_unit: '件',
    capacity_period: 'YEAR',
    lat: null,
    lng: null,
    address: null,
    availability: [],
  };
}

/** A demand walked through `steps` on `resourceId`; the last step happens at `at`. */
async function order(options: { communityId?: string; source?: DemandSource; resourceId?: string; steps: OrderAction[]; at: string }): Promise<string> {
  const at = new Date(options.at);
  const earlier = new Date(at.getTime() - 86_400_000);
  const demand = await submitDemand(
    rpDb.db,
    {
      title: '微心愿：冬衣',
      description: '测试',
      category: 'MATERIALS',
      communityId: options.communityId ?? COMMUNITY,
      source: options.source ?? 'MICRO_WISH',
      actor: 'resident:t',
    },
    earlier,
  );
  for (const [i, action] of options.steps.entries()) {
    const when = i === options.steps.length - 1 ? at : earlier;
    await applyOrderAction(rpDb.db, action, { id: demand.id, actor: 'user:t', resourceId: options.resourceId ?? 'resource-progress-1', rating: 5 }, when);
  }
  if (options.steps.includes('FULFIL')) fulfilled.push(demand.id);
  return demand.id;
}
const FULFIL: OrderAction[] = ['DISPATCH', 'ACCEPT', 'FULFIL'];

const PROGRESS = `query($id: ID!) { coBuildingUnit(id: $id) { pairings { id agreement { commitmentProgress {
  commitment { kind period } periodStartsOn periodEndsOn achieved target ratio met } } } } }`;

function progressByPairing(data: Record<string, any>) {
  return Object.fromEntries(
    data.coBuildingUnit.pairings.map((pairing: any) => [
      pairing.id,
      pairing.agreement.commitmentProgress.map(({ commitment, ...rest }: any) => ({ ...commitment, ...rest })),
    ]),
  );
}

async function progressAt(now: string) {
  const { data, errors } = await execute<Record<string, any>, CoBuildingContext>(
    apollo,
    createContext({ db: database.db, clock: () => new Date(now) }),
    PROGRESS,
    { id: UNIT },
  );
  expect(errors).toBeUndefined();
  return progressByPairing(data!);
}

const deliver = () => coBuildingEventDelivery(testPeers('resource-pools', { 'co-building': coBuilding.url }));
const relay = () => relayOutboxOnce(rpDb.db, deliver(), new Date('2026-11-25T00:00:00Z'));
const pendingFulfilments = () =>
  rpDb.db.query<OutboxRow>(`SELECT * FROM outbox WHERE delivered_at IS NULL AND topic = $1 ORDER BY id`, [ORDER_FULFILMENT_TOPIC]);

beforeAll(async () => {
  rpDb = await createTestDatabase('resource-pools');
  await createResourcePoolsStore(rpDb.db).insertDataset({
    resources: [resource('resource-progress-1', UNIT), resource('resource-progress-2', OTHER_UNIT)],
    resourceCommunities: ['resource-progress-1', 'resource-progress-2'].flatMap((id) =>
      [COMMUNITY, COMMUNITY_2].map((community_id) => ({ resource_id: id, community_id })),
    ),
    demands: [],
    demandEvents: [],
    capacityUsage: [],
    communityOffices: [],
  });
  // Counted for UNIT in community-01: fulfilled or rated micro-wishes, by the day (China Standard Time) they were fulfilled.
  await order({ steps: FULFIL, at: '2026-11-05T03:00:00Z' });
  await order({ steps: [...FULFIL, 'RATE'], at: '2026-11-21T03:00:00Z' }); // fulfilled the day before rating
  await order({ steps: FULFIL, at: '2026-10-31T17:00:00Z' }); // 1 November, 01:00 in Beijing
  await order({ steps: FULFIL, at: '2026-10-31T15:00:00Z' }); // 31 October, 23:00 in Beijing
  // Not counted: another source, not fulfilled yet, another community, another unit.
  await order({ source: 'RESIDENT_ORDER', steps: FULFIL, at: '2026-11-06T03:00:00Z' });
  await order({ steps: ['DISPATCH', 'ACCEPT'], at: '2026-11-07T03:00:00Z' });
  await order({ communityId: COMMUNITY_2, steps: FULFIL, at: '2026-11-08T03:00:00Z' });
  await order({ resourceId: 'resource-progress-2', steps: FULFIL, at: '2026-11-09T03:00:00Z' });
  database = await createTestDatabase('co-building');
  const unit = (id: string) => ({
    id,
    street_id: 'street-haimen',
    served_street_ids: ['street-haimen'],
    name: `测试单位 ${id}`,
    kind: 'STATE_ENTERPRISE' as const,
    lat: 31.9,
    lng: 121.18,
    address: '海门街道测试路3号',
    contact_name: '周小明',
    contact_phone: '13900003333',
  });
  const pairing = (id: string, communityId: string) => ({
    id,
    unit_id: UNIT,
    community_id: communityId,
    starts_on: '2026-01-01',
    ends_on: '2027-12-31',
    commitments: ['每月认领3个微心愿', '每年认领5个微心愿', '每年累计服务20小时'],
    terminated_on: null,
  });
  const commitments = (pairingId: string) => [
    {
      id: `${pairingId}-c1`,
      pairing_id: pairingId,
      position: 0,
      text: '每月认领3个微心愿',
      kind: 'MICRO_WISHES_ADOPTED' as const,
      target: 3,
      unit_of_measure: 'MICRO_WISHES' as const,
      period: 'MONTH' as const,
      per_member: false,
    },
    {
      id: `${pairingId}-c2`,
      pairing_id: pairingId,
      position: 1,
      text: '每年认领5个微心愿',
      kind: 'MICRO_WISHES_ADOPTED' as const,
      target: 5,
      unit_of_measure: 'MICRO_WISHES' as const,
      period: 'YEAR' as const,
      per_member: false,
    },
    {
      id: `${pairingId}-c3`,
      pairing_id: pairingId,
      position: 2,
      text: '每年累计服务20小时',
      kind: 'SERVICE_HOURS' as const,
      target: 20,
      unit_of_measure: 'HOURS' as const,
      period: 'YEAR' as const,
      per_member: false,
    },
  ];
  await createCoBuildingStore(database.db).insertDataset({
    units: [unit(UNIT), unit(OTHER_UNIT)],
    pairings: [pairing(PAIRING, COMMUNITY), pairing(PAIRING_2, COMMUNITY_2)],
    serviceReports: [],
    commitments: [...commitments(PAIRING), ...commitments(PAIRING_2)],
  });
  apollo = createServer({ db: database.db });
  await apollo.start();
  // resource-pools is named a peer at an address where nothing listens: co-building must not need it.
  coBuilding = await startSubgraph('co-building', coBuildingSubgraph, {
    databaseUrl: database.url,
    log: createLogger('test', 'error'),
    trust: await testSubgraphTrust('co-building'),
    databaseConnectTimeoutMs: SERVICE_CALL_TIMEOUT_MS,
    peers: testPeers('co-building', { 'resource-pools': 'http://127.0.0.1:9/graphql' }, 500),
    clock: () => new Date(NOW),
  });
});
afterAll(async () => {
  await apollo?.stop();
  await coBuilding?.close();
  await database?.drop();
  await rpDb?.drop();
});

describe('order fulfilments reported by resource-pools (outbox → co-building)', () => {
  it('are written in the fulfilment’s transaction, one per order a unit’s resource fulfilled', async () => {
    const pending = await pendingFulfilments();
    // 7 orders were fulfilled (the dispatched-and-accepted one was not); each is reported once, when fulfilled.
    expect(pending.map((row) => row.payload.orderId).sort()).toEqual([...fulfilled].sort());
    expect(pending[0]!.payload).toEqual({
      orderId: fulfilled[0],
      unitId: UNIT,
      communityId: COMMUNITY,
      demandSource: 'MICRO_WISH',
      fulfilledAt: '2026-11-05T03:00:00.000Z',
    });
    expect(pending[0]!.created_at).toEqual(new Date('2026-11-05T03:00:00Z'));
  });

  it('give commitment progress once delivered: the unit’s fulfilled micro-wishes for the community in the period', async () => {
    const before = await progressAt(NOW);
    expect(before[PAIRING].map((p: any) => p.achieved)).toEqual([0, 0, 0]);
    await relay();
    expect(await pendingFulfilments()).toEqual([]);
    const progress = await progressAt(NOW);
    expect(progress[PAIRING]).toEqual([
      { kind: 'MICRO_WISHES_ADOPTED', period: 'MONTH', periodStartsOn: '2026-11-01', periodEndsOn: '2026-11-30', achieved: 3, target: 3, ratio: 1, met: true },
      {
        kind: 'MICRO_WISHES_ADOPTED',
        period: 'YEAR',
        periodStartsOn: '2026-01-01',
        periodEndsOn: '2026-12-31',
        achieved: 4,
        target: 5,
        ratio: 0.8,
        met: false,
      },
      { kind: 'SERVICE_HOURS', period: 'YEAR', periodStartsOn: '2026-01-01', periodEndsOn: '2026-12-31', achieved: 0, target: 20, ratio: 0, met: false },
    ]);
    // community-02: the one micro-wish UNIT fulfilled there.
    expect(progress[PAIRING_2].map((p: any) => p.achieved)).toEqual([1, 1, 0]);
  });

  it('count a redelivered fulfilment once', async () => {
    await relay();
    const before = await progressAt(NOW);
    // A relay that crashed after delivering but before marking: every row goes out again.
    await rpDb.db.query(`UPDATE outbox SET delivered_at = NULL WHERE topic = $1`, [ORDER_FULFILMENT_TOPIC]);
    expect((await countOutbox(rpDb.db)).pending).toBe(fulfilled.length);
    expect(await relay()).toEqual({ delivered: fulfilled.length, failed: 0 });
    expect(await progressAt(NOW)).toEqual(before);
    const [count] = await database.db.query<{ count: number }>('SELECT count(*)::int AS count FROM order_fulfilments');
    expect(count).toEqual({ count: fulfilled.length });
  });

  it('answer progress over HTTP while resource-pools is down, from co-building’s own rows', async () => {
    await relay();
    const { data, errors } = await postGraphQL(
      coBuilding.url,
      PROGRESS,
      { id: UNIT },
      { token: await tokenFor('STREET_ADMIN'), sign: asRouter('co-building') },
    );
    expect(errors).toBeUndefined();
    expect(progressByPairing(data!)[PAIRING].map((p: any) => p.achieved)).toEqual([3, 4, 0]);
  });

  it('judge a completed period a day after it ends, once', async () => {
    await relay();
    const history = async () => {
      const { data } = await execute<Record<string, any>, CoBuildingContext>(
        apollo,
        createContext({ db: database.db, clock: () => new Date('2027-01-05T00:00:00Z') }),
        `{ coBuildingUnit(id: "${UNIT}") { creditScore { history { reason source { id } } } } }`,
      );
      return (data!.coBuildingUnit.creditScore.history as { reason: string; source: { id: string } }[])
        .filter((event) => event.source.id.startsWith(`${PAIRING}-`))
        .map((event) => `${event.source.id}:${event.reason}`)
        .sort();
    };
    // 1 December: a fulfilment of 30 November may still be on its way; October (1 micro-wish) is settled.
    await recordCommitmentOutcomes(database.db, new Date('2026-12-01T00:30:00+08:00'));
    expect(await history()).toEqual([`${PAIRING}-c1@2026-10-01:COMMITMENT_MISSED`]);
    // 2 December: November (3 micro-wishes) is judged — in both pairings — and once however often the job runs.
    expect(await recordCommitmentOutcomes(database.db, new Date('2026-12-02T00:30:00+08:00'))).toBe(2);
    expect(await recordCommitmentOutcomes(database.db, new Date('2026-12-02T00:30:00+08:00'))).toBe(0);
    // 2 January: December (none) and the year 2026 (4 of 5 micro-wishes, 0 of 20 hours) were missed.
    await recordCommitmentOutcomes(database.db, new Date('2027-01-02T00:30:00+08:00'));
    expect(await history()).toEqual([
      `${PAIRING}-c1@2026-10-01:COMMITMENT_MISSED`,
      `${PAIRING}-c1@2026-11-01:COMMITMENT_MET`,
      `${PAIRING}-c1@2026-12-01:COMMITMENT_MISSED`,
      `${PAIRING}-c2@2026-01-01:COMMITMENT_MISSED`,
      `${PAIRING}-c3@2026-01-01:COMMITMENT_MISSED`,
    ]);
  });
});

describe('co-building recordOrderFulfilment (internal)', () => {
  const RECORD = `mutation($input: RecordOrderFulfilmentInput!) { recordOrderFulfilment(input: $input) { created } }`;
  const input = { orderId: 'demand-internal-1', unitId: UNIT, communityId: COMMUNITY, demandSource: 'MICRO_WISH', fulfilledAt: '2026-11-10T02:00:00Z' };

  it('answers system callers only, once per order, and is not in the gateway’s API', async () => {
    const asSystem = () => postGraphQL(coBuilding.url, RECORD, { input }, { token: null, sign: asService('resource-pools', 'co-building') });
    expect(await asSystem()).toMatchObject({ data: { recordOrderFulfilment: { created: true } } });
    expect(await asSystem()).toMatchObject({ data: { recordOrderFulfilment: { created: false } } });
    const asAdmin = await postGraphQL(
      coBuilding.url,
      RECORD,
      { input: { ...input, orderId: 'demand-internal-2' } },
      { token: await tokenFor('STREET_ADMIN'), sign: asRouter('co-building') },
    );
    expect(asAdmin.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
    expect(readFileSync(projectPath('schema', 'api.graphql'), 'utf8')).not.toMatch(/recordOrderFulfilment|RecordOrderFulfilmentInput/);
  });

  it('refuses bad input, naming the field', async () => {
    for (const [patch, field] of [
      [{ orderId: 'no spaces allowed' }, 'input.orderId'],
      [{ demandSource: 'micro wish' }, 'input.demandSource'],
      [{ fulfilledAt: 'yesterday' }, 'input.fulfilledAt'],
    ] as const) {
      const { errors } = await postGraphQL(
        coBuilding.url,
        RECORD,
        { input: { ...input, ...{ orderId: 'demand-internal-3' }, ...patch } },
        { token: null, sign: asService('resource-pools', 'co-building') },
      );
      expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
  });
});
