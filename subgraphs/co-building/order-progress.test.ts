import { readFileSync } from 'node:fs';
import { asRouter, asService, testPeers, testSubgraphTrust, tokenFor } from '../../test/support/auth.js';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestDatabase, type TestDatabase } from '../../test/support/databases.js';
import { postGraphQL } from '../../test/support/hub.js';
import { execute } from '../../test/support/operations.js';
import { IN_PROCESS_CALLER } from '../../lib/auth/caller.js';
import { createLogger } from '../../lib/kernel/log.js';
import { projectPath } from '../../lib/kernel/project-root.js';
import { startSubgraph, type StartedSubgraph } from '../../lib/subgraph/runtime.js';
import type { OrderAction } from '../resource-pools/order-lifecycle.js';
import { applyOrderAction, submitDemand } from '../resource-pools/orders.js';
import { resourcePoolsSubgraph } from '../resource-pools/server.js';
import { createResourcePoolsStore, type DemandSource, type ResourceRow } from '../resource-pools/store.js';
import { recordCommitmentOutcomes } from './commitment-outcomes.js';
import type { OrderProgressSource } from './commitments.js';
import type { CoBuildingContext } from './context.js';
import { peerOrderProgress } from './order-progress.js';
import { createContext, createServer } from './server.js';
import { createCoBuildingStore } from './store.js';

/**
 * Order-based commitment progress (micro-wishes adopted) from a real resource-pools subgraph over
 * HTTP on port 0, on its own database with orders walked through the order loop; no mocks.
 */
const UNIT = 'unit-progress-1';
const OTHER_UNIT = 'unit-progress-2';
const COMMUNITY = 'community-01';
const COMMUNITY_2 = 'community-02';
const PAIRING = 'pairing-progress-1';
const PAIRING_2 = 'pairing-progress-2';
let rpDb: TestDatabase;
let resourcePools: StartedSubgraph;
let database: TestDatabase;
let apollo: ReturnType<typeof createServer>;
const logLines: string[] = [];
const log = createLogger('test', 'warn', { write: (line) => void logLines.push(line) });

function resource(id: string, providerId: string): ResourceRow {
  return {
    id,
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
    { title: '微心愿：冬衣', description: '测试', category: 'MATERIALS', communityId: options.communityId ?? COMMUNITY, source: options.source ?? 'MICRO_WISH', actor: 'resident:t' },
    earlier,
  );
  for (const [i, action] of options.steps.entries()) {
    const when = i === options.steps.length - 1 ? at : earlier;
    await applyOrderAction(rpDb.db, action, { id: demand.id, actor: 'user:t', resourceId: options.resourceId ?? 'resource-progress-1', rating: 5 }, when);
  }
  return demand.id;
}
const FULFIL: OrderAction[] = ['DISPATCH', 'ACCEPT', 'FULFIL'];

const PROGRESS = `query($id: ID!) { coBuildingUnit(id: $id) { pairings { id agreement { commitmentProgress {
  commitment { kind period } periodStartsOn periodEndsOn achieved target ratio met } } } } }`;

async function progressOf(orders: OrderProgressSource, now: string) {
  const { data, errors } = await execute<Record<string, any>, CoBuildingContext>(
    apollo,
    createContext({ db: database.db, clock: () => new Date(now) }, IN_PROCESS_CALLER, orders),
    PROGRESS,
    { id: UNIT },
  );
  expect(errors).toBeUndefined();
  return Object.fromEntries(
    data!.coBuildingUnit.pairings.map((pairing: any) => [pairing.id, pairing.agreement.commitmentProgress.map(({ commitment, ...rest }: any) => ({ ...commitment, ...rest }))]),
  );
}

const reachable = () => peerOrderProgress(testPeers('co-building', { 'resource-pools': resourcePools.url }), log);
// Nothing listens on port 9 of this host.
const unreachable = () => peerOrderProgress(testPeers('co-building', { 'resource-pools': 'http://127.0.0.1:9/graphql' }, 500), log);

beforeAll(async () => {
  rpDb = await createTestDatabase('resource-pools');
  await createResourcePoolsStore(rpDb.db).insertDataset({
    resources: [resource('resource-progress-1', UNIT), resource('resource-progress-2', OTHER_UNIT)],
    resourceCommunities: ['resource-progress-1', 'resource-progress-2'].flatMap((id) => [COMMUNITY, COMMUNITY_2].map((community_id) => ({ resource_id: id, community_id }))),
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
  resourcePools = await startSubgraph('resource-pools', resourcePoolsSubgraph, { databaseUrl: rpDb.url, log: createLogger('test', 'error'), trust: await testSubgraphTrust('resource-pools') });

  database = await createTestDatabase('co-building');
  const unit = (id: string) => ({ id, name: `测试单位 ${id}`, kind: 'STATE_ENTERPRISE' as const, lat: 31.9, lng: 121.18, address: '海门街道测试路3号', contact_name: '周小明', contact_phone: '13900003333' });
  const pairing = (id: string, communityId: string) => ({ id, unit_id: UNIT, community_id: communityId, starts_on: '2026-01-01', ends_on: '2027-12-31', commitments: ['每月认领3个微心愿', '每年认领5个微心愿', '每年累计服务20小时'], terminated_on: null });
  const commitments = (pairingId: string) => [
    { id: `${pairingId}-c1`, pairing_id: pairingId, position: 0, text: '每月认领3个微心愿', kind: 'MICRO_WISHES_ADOPTED' as const, target: 3, unit_of_measure: 'MICRO_WISHES' as const, period: 'MONTH' as const, per_member: false },
    { id: `${pairingId}-c2`, pairing_id: pairingId, position: 1, text: '每年认领5个微心愿', kind: 'MICRO_WISHES_ADOPTED' as const, target: 5, unit_of_measure: 'MICRO_WISHES' as const, period: 'YEAR' as const, per_member: false },
    { id: `${pairingId}-c3`, pairing_id: pairingId, position: 2, text: '每年累计服务20小时', kind: 'SERVICE_HOURS' as const, target: 20, unit_of_measure: 'HOURS' as const, period: 'YEAR' as const, per_member: false },
  ];
  await createCoBuildingStore(database.db).insertDataset({
    units: [unit(UNIT), unit(OTHER_UNIT)],
    pairings: [pairing(PAIRING, COMMUNITY), pairing(PAIRING_2, COMMUNITY_2)],
    serviceReports: [],
    commitments: [...commitments(PAIRING), ...commitments(PAIRING_2)],
  });
  apollo = createServer({ db: database.db });
  await apollo.start();
}, 60_000);
afterAll(async () => {
  await apollo?.stop();
  await database?.drop();
  await resourcePools?.close();
  await rpDb?.drop();
});

describe('order-based commitment progress (micro-wishes adopted)', () => {
  it('counts the unit’s fulfilled and rated micro-wish orders for the community in the period', async () => {
    const progress = await progressOf(reachable(), '2026-11-25T12:00:00+08:00');
    expect(progress[PAIRING]).toEqual([
      { kind: 'MICRO_WISHES_ADOPTED', period: 'MONTH', periodStartsOn: '2026-11-01', periodEndsOn: '2026-11-30', achieved: 3, target: 3, ratio: 1, met: true },
      { kind: 'MICRO_WISHES_ADOPTED', period: 'YEAR', periodStartsOn: '2026-01-01', periodEndsOn: '2026-12-31', achieved: 4, target: 5, ratio: 0.8, met: false },
      { kind: 'SERVICE_HOURS', period: 'YEAR', periodStartsOn: '2026-01-01', periodEndsOn: '2026-12-31', achieved: 0, target: 20, ratio: 0, met: false },
    ]);
    // community-02: the one micro-wish UNIT fulfilled there.
    expect(progress[PAIRING_2].map((p: any) => p.achieved)).toEqual([1, 1, 0]);
  });

  it('asks resource-pools once per request, however many pairings the request shows', async () => {
    const source = reachable();
    const calls: number[] = [];
    const counting: OrderProgressSource = { fulfilledOrders: (queries) => (calls.push(queries.length), source.fulfilledOrders(queries)) };
    await progressOf(counting, '2026-11-25T12:00:00+08:00');
    expect(calls).toEqual([6]); // 2 pairings × 3 commitments, in one batch
  });

  it('shows null progress, not an error, when resource-pools is unreachable, and logs why', async () => {
    logLines.length = 0;
    const progress = await progressOf(unreachable(), '2026-11-25T12:00:00+08:00');
    expect(progress[PAIRING].map((p: any) => [p.kind, p.achieved, p.ratio, p.met])).toEqual([
      ['MICRO_WISHES_ADOPTED', null, null, null],
      ['MICRO_WISHES_ADOPTED', null, null, null],
      ['SERVICE_HOURS', 0, 0, false],
    ]);
    const warning = logLines.map((line) => JSON.parse(line)).find((line) => line.message.includes('order-based commitment progress unavailable'));
    expect(warning).toMatchObject({ level: 'warn', reason: expect.stringMatching(/fetch failed|ECONNREFUSED/) });
  });

  it('judges completed periods with the counts, and leaves them for a later pass while resource-pools is down', async () => {
    const history = async () => {
      const { data } = await execute<Record<string, any>, CoBuildingContext>(
        apollo,
        createContext({ db: database.db, clock: () => new Date('2027-01-05T00:00:00Z') }),
        `{ coBuildingUnit(id: "${UNIT}") { creditScore { history { delta reason source { subgraph type id } } } } }`,
      );
      return (data!.coBuildingUnit.creditScore.history as { source: { id: string } }[]).filter((event) => event.source.id.startsWith(`${PAIRING}-`));
    };
    // 2 December: November (3 micro-wishes) is the last completed month.
    expect(await recordCommitmentOutcomes(database.db, new Date('2026-12-02T00:00:00+08:00'), unreachable())).toBe(0);
    expect(await history()).toEqual([]);
    await recordCommitmentOutcomes(database.db, new Date('2026-12-02T00:00:00+08:00'), reachable());
    expect(await recordCommitmentOutcomes(database.db, new Date('2026-12-02T00:00:00+08:00'), reachable())).toBe(0);
    expect(await history()).toEqual([{ delta: 5, reason: 'COMMITMENT_MET', source: { subgraph: 'co-building', type: 'Commitment', id: `${PAIRING}-c1@2026-11-01` } }]);
    // 2 January: December (none) and the year 2026 (4 of 5) were missed.
    await recordCommitmentOutcomes(database.db, new Date('2027-01-02T00:00:00+08:00'), reachable());
    expect((await history()).map((event: any) => `${event.source.id}:${event.reason}`).sort()).toEqual([
      `${PAIRING}-c1@2026-11-01:COMMITMENT_MET`,
      `${PAIRING}-c1@2026-12-01:COMMITMENT_MISSED`,
      `${PAIRING}-c2@2026-01-01:COMMITMENT_MISSED`,
      `${PAIRING}-c3@2026-01-01:COMMITMENT_MISSED`,
    ]);
  });
});

describe('resource-pools fulfilledOrderCounts (internal)', () => {
  const COUNTS = `query($queries: [FulfilledOrderCountQuery!]!) { fulfilledOrderCounts(queries: $queries) }`;
  const query = { unitId: UNIT, communityId: COMMUNITY, from: '2026-11-01', to: '2026-11-30' };

  it('answers system callers only, and is not in the gateway’s API', async () => {
    const asSystem = await postGraphQL(resourcePools.url, COUNTS, { queries: [query, { ...query, sources: ['RESIDENT_ORDER'] }, { ...query, sources: null }] }, {
      token: null,
      sign: asService('co-building', 'resource-pools'),
    });
    expect(asSystem.errors).toBeUndefined();
    expect(asSystem.data!.fulfilledOrderCounts).toEqual([4, 1, 4]);
    const asAdmin = await postGraphQL(resourcePools.url, COUNTS, { queries: [query] }, {
      token: await tokenFor('STREET_ADMIN'),
      sign: asRouter('resource-pools'),
    });
    expect(asAdmin.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
    expect(readFileSync(projectPath('schema', 'api.graphql'), 'utf8')).not.toMatch(/fulfilledOrderCounts|FulfilledOrderCountQuery/);
  });

  it('refuses days that are not days, naming the field', async () => {
    for (const [patch, field] of [
      [{ from: '2026-02-30' }, 'queries.0.from'],
      [{ to: '30/11/2026' }, 'queries.0.to'],
      [{ from: '2026-12-01' }, 'queries.0.to'],
    ] as const) {
      const { errors } = await postGraphQL(resourcePools.url, COUNTS, { queries: [{ ...query, ...patch }] }, { token: null, sign: asService('co-building', 'resource-pools') });
      expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
  });
});
