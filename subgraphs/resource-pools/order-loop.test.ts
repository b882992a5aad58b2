import { asService, testSubgraphTrust } from '../../test/support/auth.js';
import { ANONYMOUS, IN_PROCESS_CALLER, type Caller } from '../../lib/auth/caller.js';
import { ORDER_LOOP } from './domain/policy.js';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestDatabase, type TestDatabase } from '../../test/support/databases.js';
import { execute } from '../../test/support/operations.js';
import { startReferenceOwners, type ReferenceOwners } from '../../test/support/owners.js';
import { createLogger } from '../../lib/kernel/log.js';
import { startSubgraph, type StartedSubgraph } from '../../lib/subgraph/runtime.js';
import { planStreet } from '../../seed/plan.js';
import { generateResourcePoolsDataset } from '../../seed/resource-pools.js';
import {
  capacityPeriodKey,
  DEMAND_STATUSES,
  nextDemandStatus,
  ORDER_ACTIONS,
  pathToStatus,
  type DemandEventKind,
  type OrderAction,
} from './domain/order-lifecycle.js';
import { createResourcePoolsStore, type DemandStatus, type ResourceRow } from './store.js';
import { createContext, createServer, resourcePoolsSubgraph } from './server.js';
import type { ResourcePoolsContext } from './context.js';
import { SERVICE_CALL_TIMEOUT_MS } from '../../test/support/wait.js';

const NOW = new Date('2026-11-03T02:00:00Z');
let database: TestDatabase;
let apollo: ReturnType<typeof createServer>;
/** grids, which submitDemand asks whether the community exists. */
let owners: ReferenceOwners;
const run = <Data = Record<string, any>>(query: string, variables?: Record<string, unknown>, as: Caller = IN_PROCESS_CALLER) =>
  execute<Data, ResourcePoolsContext>(
    apollo,
    createContext({ db: database.db, clock: () => NOW, peers: owners.peersFor('resource-pools') }, as),
    query,
    variables,
  );

/** A community of the seeded street (grids knows it); the test's own resources serve it. */
const COMMUNITY = 'community-67';
/**
 * Each step by a person of its side (domain/policy.ts), one per step: the community's
 * workers raise, dispatch, cancel and rate; the unit's members accept, decline and fulfil; the street
 * lets an order expire. Nobody handles what they raised, or rates what they fulfilled.
 */
function actorOf(action: OrderAction): Caller {
  const subject = `actor:${action.toLowerCase()}`;
  switch (ORDER_LOOP.steps[action]) {
    case 'raising':
      return { ...ANONYMOUS, role: 'COMMUNITY_WORKER', subject, communityId: COMMUNITY };
    case 'handling':
      return { ...ANONYMOUS, role: 'UNIT_MEMBER', subject, unitId: 'unit-loop' };
    case 'street':
      return { ...ANONYMOUS, role: 'STREET_ADMIN', subject };
  }
}
function testResource(id: string, capacity: number, period: ResourceRow['capacity_period'] = 'MONTH'): ResourceRow {
  return {
    id,
    street_id: 'street-haimen',
    served_street_ids: ['street-haimen'],
    name: `测试资源 ${id}`,
    description: 'test',
    category: 'CARE_SERVICE',
    sub_kind: 'GENERAL',
    source: 'CHARITY_FUND',
    provider_kind: 'CO_BUILDING_UNIT',
    provider_id: 'unit-loop',
    capacity_amount: capacity,
    capacity_unit: '人次',
    capacity_period: period,
    lat: 32.0,
    lng: 121.1,
    address: null,
    availability: [],
  };
}

const DEMAND_FIELDS =
  'id status resource { id } rating ratingComment allowedActions timeline { kind fromStatus toStatus actor note occurredAt resource { id } }';
const MUTATION_OF: Record<OrderAction, string> = {
  DISPATCH: 'dispatchDemand',
  ACCEPT: 'acceptOrder',
  DECLINE: 'declineOrder',
  FULFIL: 'fulfilOrder',
  RATE: 'rateOrder',
  CANCEL: 'cancelDemand',
  EXPIRE: 'expireDemand',
};
const INPUT_OF: Record<OrderAction, string> = {
  DISPATCH: 'DispatchDemandInput',
  ACCEPT: 'OrderActionInput',
  DECLINE: 'OrderActionInput',
  FULFIL: 'OrderActionInput',
  RATE: 'RateOrderInput',
  CANCEL: 'OrderActionInput',
  EXPIRE: 'OrderActionInput',
};

async function submit(): Promise<string> {
  const { data, errors } = await run(
    `mutation($input: SubmitDemandInput!) { submitDemand(input: $input) { id status location { lat lng } timeline { kind toStatus actor } } }`,
    {
      input: {
        title: '独居老人上门理发',
        description: '测试需求',
        category: 'CARE_SERVICE',
        communityId: COMMUNITY,
        source: 'RESIDENT_ORDER',
        location: { lat: 32.001, lng: 121.101 },
      },
    },
    { ...ANONYMOUS, role: 'COMMUNITY_WORKER', subject: 'community-worker:submit', communityId: COMMUNITY },
  );
  expect(errors).toBeUndefined();
  expect(data!.submitDemand).toMatchObject({
    status: 'OPEN',
    location: { lat: 32.001, lng: 121.101 },
    timeline: [{ kind: 'SUBMIT', toStatus: 'OPEN', actor: 'community-worker:submit' }],
  });
  return data!.submitDemand.id;
}

function act(action: OrderAction, id: string, resourceId = 'resource-loop-big', as: Caller = actorOf(action)) {
  const input: Record<string, unknown> = { id };
  if (action === 'DISPATCH') input.resourceId = resourceId;
  if (action === 'RATE') Object.assign(input, { rating: 5, comment: '很满意' });
  return run(`mutation($input: ${INPUT_OF[action]}!) { ${MUTATION_OF[action]}(input: $input) { ${DEMAND_FIELDS} } }`, { input }, as);
}

async function demandState(id: string) {
  const { data } = await run(`query($id: ID!) { demand(id: $id) { ${DEMAND_FIELDS} } }`, { id });
  return data!.demand;
}

async function usedCapacity(resourceId: string): Promise<number> {
  const rows = await database.db.query<{ used: number }>('SELECT coalesce(sum(used), 0)::int AS used FROM capacity_usage WHERE resource_id = $1', [resourceId]);
  return rows[0]!.used;
}

async function demandIn(status: DemandStatus): Promise<string> {
  const id = await submit();
  for (const action of pathToStatus(status)!) {
    const { errors } = await act(action, id);
    expect(errors).toBeUndefined();
  }
  return id;
}

beforeAll(async () => {
  owners = await startReferenceOwners(['grids']);
  database = await createTestDatabase('resource-pools');
  const dataset = generateResourcePoolsDataset(planStreet(1));
  const store = createResourcePoolsStore(database.db);
  await store.insertDataset({
    ...dataset,
    resources: [
      ...dataset.resources,
      testResource('resource-loop-big', 100_000),
      testResource('resource-loop-five', 5, 'ONCE'),
      testResource('resource-loop-one', 1, 'DAY'),
      testResource('resource-loop-later', 1, 'DAY'),
      testResource('resource-loop-amounts', 5, 'ONCE'),
    ],
    resourceCommunities: [
      ...dataset.resourceCommunities,
      { resource_id: 'resource-loop-big', community_id: COMMUNITY },
      { resource_id: 'resource-loop-five', community_id: COMMUNITY },
      { resource_id: 'resource-loop-one', community_id: COMMUNITY },
      { resource_id: 'resource-loop-later', community_id: COMMUNITY },
      { resource_id: 'resource-loop-amounts', community_id: COMMUNITY },
    ],
  });
  apollo = createServer({ db: database.db });
  await apollo.start();
});
afterAll(async () => {
  await apollo?.stop();
  await owners?.stop();
  await database?.drop();
});

describe('order loop (点单 → 派单 → 接单 → 评单)', () => {
  const pairs = DEMAND_STATUSES.flatMap((status) => ORDER_ACTIONS.map((action) => [status, action, nextDemandStatus(status, action)] as const));

  it('has every status reachable from OPEN and 12 legal transitions', () => {
    for (const status of DEMAND_STATUSES) expect(pathToStatus(status)).not.toBeNull();
    expect(pairs.filter(([, , next]) => next !== null)).toHaveLength(12);
  });

  it.each(pairs)(
    '%s + %s → %s (legal moves change status and timeline; illegal ones are ILLEGAL_TRANSITION and change nothing)',
    async (status, action, next) => {
      const id = await demandIn(status);
      const before = await demandState(id);
      const usedBefore = await usedCapacity('resource-loop-big');
      // An illegal step is tried by a street admin who took no step yet, whom no rule but the table refuses.
      const { data, errors } = await act(action, id, undefined, next === null ? { ...ANONYMOUS, role: 'STREET_ADMIN', subject: 'admin:tries' } : undefined);
      if (next === null) {
        expect(errors?.[0]?.extensions).toMatchObject({ code: 'ILLEGAL_TRANSITION', status, action });
        expect(await demandState(id)).toEqual(before);
        expect(await usedCapacity('resource-loop-big')).toBe(usedBefore);
        return;
      }
      expect(errors).toBeUndefined();
      const after = data![MUTATION_OF[action]];
      expect(after.status).toBe(next);
      expect(after.timeline).toHaveLength(before.timeline.length + 1);
      expect(after.timeline.slice(0, -1)).toEqual(before.timeline);
      expect(after.timeline.at(-1)).toMatchObject({
        kind: action,
        fromStatus: status,
        toStatus: next,
        actor: `actor:${action.toLowerCase()}`,
        occurredAt: NOW.toISOString(),
      });
      expect(after.timeline.map((event: any) => event.toStatus)).toEqual([
        'OPEN',
        ...pathToStatus(status)!.map((_, i) => before.timeline[i + 1].toStatus),
        next,
      ]);
      // A dispatched order holds capacity from dispatch on; declining, cancelling or expiring it gives the hold back.
      const held = action === 'DISPATCH' ? 1 : status === 'DISPATCHED' && (action === 'DECLINE' || action === 'CANCEL' || action === 'EXPIRE') ? -1 : 0;
      expect(await usedCapacity('resource-loop-big')).toBe(usedBefore + held);
      if (action === 'RATE') expect(after).toMatchObject({ rating: 5, ratingComment: '很满意' });
      if (next !== 'CANCELLED' && next !== 'EXPIRED') expect(after.resource).toEqual({ id: 'resource-loop-big' });
    },
  );

  it('rejects bad input with BAD_USER_INPUT naming the field, changing nothing', async () => {
    const id = await demandIn('FULFILLED');
    const bad = await run(`mutation { rateOrder(input: { id: "${id}", rating: 6, actor: "r" }) { id } }`);
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.rating' });
    const open = await submit();
    for (const [resourceId, message] of [
      ['resource-nope', 'no resource'],
      ['resource-0001', ''],
    ] as const) {
      const { errors } = await act('DISPATCH', open, resourceId);
      expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.resourceId' });
      expect(errors?.[0]?.message).toContain(message);
    }
    expect((await demandState(open)).status).toBe('OPEN');
    // Named to the street (which could act on any demand); to a scoped caller it is not its own (FORBIDDEN).
    const unknown = await act('CANCEL', 'demand-nope', undefined, { ...ANONYMOUS, role: 'STREET_ADMIN', subject: 'admin' });
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.id' });
    expect((await act('CANCEL', 'demand-nope')).errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
    // `actor` is deprecated and ignored: the timeline records the signed-in caller (lib/auth/policy.ts actorOf).
  });

  it('holds capacity from dispatch on: a dispatch beyond capacity is CAPACITY_EXHAUSTED and changes nothing; a decline gives the hold back', async () => {
    const first = await submit();
    const second = await submit();
    expect((await act('DISPATCH', first, 'resource-loop-one')).errors).toBeUndefined();
    expect(await usedCapacity('resource-loop-one')).toBe(1);
    const remaining = await run(`{ resource(id: "resource-loop-one") { remainingCapacity } }`);
    expect(remaining.data!.resource.remainingCapacity).toBe(0);
    const before = await demandState(second);
    const { errors } = await act('DISPATCH', second, 'resource-loop-one');
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'CAPACITY_EXHAUSTED', resourceId: 'resource-loop-one', capacity: 1 });
    expect(await demandState(second)).toEqual(before);
    expect(await usedCapacity('resource-loop-one')).toBe(1);
    // The provider declines: the hold goes back, and the other demand can have the resource.
    expect((await act('DECLINE', first)).errors).toBeUndefined();
    expect(await usedCapacity('resource-loop-one')).toBe(0);
    expect((await act('DISPATCH', second, 'resource-loop-one')).errors).toBeUndefined();
    // Accepting in the period of the dispatch takes nothing more: the hold becomes the use.
    expect((await act('ACCEPT', second)).errors).toBeUndefined();
    expect(await usedCapacity('resource-loop-one')).toBe(1);
  });

  it('moves the hold to the current period when an order is accepted in a later period than it was dispatched in', async () => {
    const id = await submit();
    expect((await act('DISPATCH', id, 'resource-loop-later')).errors).toBeUndefined();
    const dispatchedIn = capacityPeriodKey('DAY', NOW);
    // The order waited: the provider accepts it three days later.
    const later = new Date(NOW.getTime() + 3 * 86_400_000);
    const accepted = await execute<Record<string, any>, ResourcePoolsContext>(
      apollo,
      createContext({ db: database.db, clock: () => later }),
      `mutation($input: OrderActionInput!) { acceptOrder(input: $input) { id status } }`,
      { input: { id } },
    );
    expect(accepted.errors).toBeUndefined();
    const rows = await database.db.query<{ period_start: string; used: number }>(
      'SELECT period_start, used FROM capacity_usage WHERE resource_id = $1 AND period_start = ANY($2) ORDER BY period_start',
      ['resource-loop-later', [dispatchedIn, capacityPeriodKey('DAY', later)]],
    );
    expect(rows).toEqual([
      { period_start: dispatchedIn, used: 0 },
      { period_start: capacityPeriodKey('DAY', later), used: 1 },
    ]);
  });

  it('records how much a demand needs in a unit, with a default per category, and refuses a unit or amount that makes no sense', async () => {
    const submitWith = (category: string, extra: Record<string, unknown>) =>
      run(`mutation($input: SubmitDemandInput!) { submitDemand(input: $input) { id amount unit } }`, {
        input: { title: '测试', description: '测试', category, communityId: COMMUNITY, source: 'RESIDENT_ORDER', ...extra },
      });
    const defaults = await Promise.all(['VENUE', 'CARE_SERVICE', 'VOLUNTEER_SERVICE', 'FUNDS'].map((category) => submitWith(category, {})));
    expect(defaults.map((result) => result.errors)).toEqual([undefined, undefined, undefined, undefined]);
    expect(defaults.map((result) => [result.data!.submitDemand.amount, result.data!.submitDemand.unit])).toEqual([
      [1, '场'],
      [1, '人次'],
      [4, '小时'],
      [1000, '元'],
    ]);
    const explicit = await submitWith('FUNDS', { amount: 20000, unit: '元' });
    expect(explicit.data!.submitDemand).toMatchObject({ amount: 20000, unit: '元' });
    for (const [extra, field] of [
      [{ amount: 0 }, 'input.amount'],
      [{ amount: -3 }, 'input.amount'],
      [{ unit: '斤' }, 'input.unit'],
      [{ unit: '' }, 'input.unit'],
    ] as const) {
      const bad = await submitWith('MATERIALS', extra);
      expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
  });

  it("holds the demand's amount of the resource's capacity at dispatch, refuses another unit, and refuses more than is left", async () => {
    const submitCare = async (amount: number, unit = '人次') => {
      const { data, errors } = await run(`mutation($input: SubmitDemandInput!) { submitDemand(input: $input) { id } }`, {
        input: { title: '上门护理', description: '测试', category: 'CARE_SERVICE', communityId: COMMUNITY, source: 'RESIDENT_ORDER', amount, unit },
      });
      expect(errors).toBeUndefined();
      return data!.submitDemand.id as string;
    };
    const before = await usedCapacity('resource-loop-amounts');
    const three = await submitCare(3);
    expect((await act('DISPATCH', three, 'resource-loop-amounts')).errors).toBeUndefined();
    expect(await usedCapacity('resource-loop-amounts')).toBe(before + 3);
    const remaining = await run(`{ resource(id: "resource-loop-amounts") { remainingCapacity capacity { amount unit } } }`);
    expect(remaining.data!.resource).toEqual({ remainingCapacity: 2, capacity: { amount: 5, unit: '人次' } });

    const hours = await submitCare(3, '小时');
    const mismatch = await act('DISPATCH', hours, 'resource-loop-amounts');
    expect(mismatch.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.resourceId' });
    expect(mismatch.errors?.[0]?.message).toContain('人次');
    expect(mismatch.errors?.[0]?.message).toContain('小时');
    expect((await demandState(hours)).status).toBe('OPEN');

    const tooMuch = await submitCare(3);
    const refused = await act('DISPATCH', tooMuch, 'resource-loop-amounts');
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'CAPACITY_EXHAUSTED', resourceId: 'resource-loop-amounts' });
    expect(await usedCapacity('resource-loop-amounts')).toBe(before + 3);
    // Cancelling gives back all three.
    expect((await act('CANCEL', three)).errors).toBeUndefined();
    expect(await usedCapacity('resource-loop-amounts')).toBe(before);
    expect((await act('DISPATCH', tooMuch, 'resource-loop-amounts')).errors).toBeUndefined();
  });

  it("counts a rating in its provider's rating summary in the rating's transaction, as the seeds and migration do", async () => {
    const summary = async () =>
      (
        await database.db.query<{ rating_sum: number; rating_count: number }>(
          `SELECT rating_sum, rating_count FROM provider_ratings WHERE provider_kind = 'CO_BUILDING_UNIT' AND provider_id = 'unit-loop'`,
        )
      )[0] ?? { rating_sum: 0, rating_count: 0 };
    const id = await demandIn('FULFILLED');
    const before = await summary();
    expect((await act('RATE', id)).errors).toBeUndefined();
    expect(await summary()).toEqual({ rating_sum: before.rating_sum + 5, rating_count: before.rating_count + 1 });
    const drift = await database.db.query(
      `SELECT p.provider_id FROM provider_ratings p
         LEFT JOIN (SELECT r.provider_kind, r.provider_id, sum(d.rating)::int AS s, count(*)::int AS n
                      FROM demands d JOIN resources r ON r.id = d.resource_id WHERE d.status = 'RATED' GROUP BY 1, 2) a
           ON a.provider_kind = p.provider_kind AND a.provider_id = p.provider_id
        WHERE a.s IS DISTINCT FROM p.rating_sum OR a.n IS DISTINCT FROM p.rating_count`,
    );
    expect(drift).toEqual([]);
  });

  it('seeds demands in every status with timelines that follow the transition table', async () => {
    const demands = await database.db.query<{ id: string; status: DemandStatus; resource_id: string | null; rating: number | null }>(
      `SELECT id, status, resource_id, rating FROM demands WHERE id ~ '^demand-\\d{4}$'`,
    );
    expect(new Set(demands.map((demand) => demand.status))).toEqual(new Set(DEMAND_STATUSES));
    const events = await database.db.query<{ demand_id: string; kind: string; from_status: DemandStatus | null; to_status: DemandStatus; occurred_at: Date }>(
      'SELECT demand_id, kind, from_status, to_status, occurred_at FROM demand_events ORDER BY demand_id, id',
    );
    const byDemand = new Map<string, typeof events>();
    for (const event of events) byDemand.set(event.demand_id, [...(byDemand.get(event.demand_id) ?? []), event]);
    for (const demand of demands) {
      const timeline = byDemand.get(demand.id)!;
      expect(timeline[0]).toMatchObject({ kind: 'SUBMIT', from_status: null, to_status: 'OPEN' });
      for (let i = 1; i < timeline.length; i++) {
        expect(timeline[i]!.from_status).toBe(timeline[i - 1]!.to_status);
        expect(nextDemandStatus(timeline[i]!.from_status!, timeline[i]!.kind as OrderAction)).toBe(timeline[i]!.to_status);
        expect(timeline[i]!.occurred_at.getTime()).toBeGreaterThan(timeline[i - 1]!.occurred_at.getTime());
      }
      expect(timeline.at(-1)!.to_status).toBe(demand.status);
      expect(demand.rating !== null).toBe(demand.status === 'RATED');
    }
    // Separation of duties in the seeded history too: nobody takes steps of both sides of one order.
    const sides = await database.db.query<{ demand_id: string; actor_key: string; kinds: DemandEventKind[] }>(
      `SELECT demand_id, actor_key, array_agg(kind) AS kinds FROM demand_events WHERE actor_key IS NOT NULL GROUP BY demand_id, actor_key`,
    );
    expect(sides.length).toBeGreaterThan(demands.length);
    expect(sides.filter((row) => new Set(row.kinds.map((kind) => ORDER_LOOP.steps[kind])).size > 1)).toEqual([]);
    // Seeded usage never exceeds capacity.
    const over = await database.db.query(
      `SELECT u.resource_id FROM capacity_usage u JOIN resources r ON r.id = u.resource_id WHERE u.used > r.capacity_amount`,
    );
    expect(over).toEqual([]);
    // Seeded usage is exactly what the seeded orders hold: dispatched ones from their dispatch, accepted ones from acceptance on.
    const mismatched = await database.db.query(
      `SELECT u.resource_id, u.period_start, u.used, coalesce(h.held, 0) AS held FROM capacity_usage u
         LEFT JOIN (SELECT resource_id, usage_period, sum(amount)::int AS held FROM demands
                     WHERE id ~ '^demand-\\d{4}$' AND status IN ('DISPATCHED', 'ACCEPTED', 'FULFILLED', 'RATED') GROUP BY 1, 2) h
           ON h.resource_id = u.resource_id AND h.usage_period = u.period_start
        WHERE u.resource_id ~ '^resource-\\d{4}$' AND u.used <> coalesce(h.held, 0)`,
    );
    expect(mismatched).toEqual([]);
    const unheld = await database.db.query(`SELECT id FROM demands WHERE id ~ '^demand-\\d{4}$' AND status = 'DISPATCHED' AND usage_period IS NULL`);
    expect(unheld).toEqual([]);
  });
});

describe('capacity under concurrent dispatches from two subgraph processes', () => {
  let instances: StartedSubgraph[] = [];
  afterAll(async () => {
    await Promise.all(instances.map((instance) => instance.close()));
  });

  it('dispatches exactly the capacity; the rest get CAPACITY_EXHAUSTED and change nothing; every holder can accept', async () => {
    const quiet = createLogger('test', 'error');
    instances = [
      await startSubgraph('resource-pools', resourcePoolsSubgraph, {
        databaseUrl: database.url,
        port: 0,
        log: quiet,
        trust: await testSubgraphTrust('resource-pools'),
        databaseConnectTimeoutMs: SERVICE_CALL_TIMEOUT_MS,
      }),
      await startSubgraph('resource-pools', resourcePoolsSubgraph, {
        databaseUrl: database.url,
        port: 0,
        log: quiet,
        trust: await testSubgraphTrust('resource-pools'),
        databaseConnectTimeoutMs: SERVICE_CALL_TIMEOUT_MS,
      }),
    ];
    expect(instances[0]!.url).not.toBe(instances[1]!.url);
    const ids: string[] = [];
    for (let i = 0; i < 40; i++) ids.push(await submit());
    const post = async (i: number, query: string, id: string) => {
      const body = JSON.stringify({ query, variables: { id } });
      const response = await fetch(instances[i % 2]!.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(await asService('test', 'resource-pools')(body)) },
        body,
      });
      return (await response.json()) as { data?: Record<string, { status: string }> | null; errors?: { extensions: { code: string } }[] };
    };
    const dispatches = await Promise.all(
      ids.map((id, i) => post(i, `mutation($id: ID!) { dispatchDemand(input: { id: $id, resourceId: "resource-loop-five" }) { id status } }`, id)),
    );
    const dispatched = ids.filter((_, i) => dispatches[i]!.data?.dispatchDemand?.status === 'DISPATCHED');
    const refused = dispatches.filter((response) => response.errors?.[0]?.extensions.code === 'CAPACITY_EXHAUSTED');
    expect(dispatched).toHaveLength(5);
    expect(refused).toHaveLength(35);
    expect(await usedCapacity('resource-loop-five')).toBe(5);
    // The holders accept at once, on both instances: none is refused, and nothing more is taken.
    const accepts = await Promise.all(dispatched.map((id, i) => post(i, `mutation($id: ID!) { acceptOrder(input: { id: $id }) { id status } }`, id)));
    expect(accepts.map((response) => response.data?.acceptOrder?.status)).toEqual(Array(5).fill('ACCEPTED'));
    expect(await usedCapacity('resource-loop-five')).toBe(5);
    const statuses = await database.db.query<{ status: string; count: number; events: number }>(
      `SELECT d.status, count(*) AS count, sum((SELECT count(*) FROM demand_events e WHERE e.demand_id = d.id))::int AS events
         FROM demands d WHERE d.id = ANY($1) GROUP BY d.status ORDER BY d.status`,
      [ids],
    );
    // Refused dispatches leave the demand OPEN with only SUBMIT on its timeline.
    expect(statuses).toEqual([
      { status: 'ACCEPTED', count: 5, events: 15 },
      { status: 'OPEN', count: 35, events: 35 },
    ]);
  });
});
