import { IN_PROCESS_CALLER } from '../../lib/auth/caller.js';
import { testPeers, testSubgraphTrust } from '../../test/support/auth.js';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestDatabase, type TestDatabase } from '../../test/support/databases.js';
import { execute, sqlStatementsIn } from '../../test/support/operations.js';
import { startReferenceOwners, type ReferenceOwners } from '../../test/support/owners.js';
import { createLogger } from '../../lib/kernel/log.js';
import { startSubgraph, type StartedSubgraph } from '../../lib/subgraph/runtime.js';
import { planStreet } from '../../seed/plan.js';
import { coBuildingSubgraph } from '../co-building/server.js';
import { DEFAULT_MATCH_CONFIG, distanceKm, MATCH_TERM_NAMES } from './domain/matching.js';
import { capacityPeriodKey } from './domain/order-lifecycle.js';
import { peerPartnerDirectory, unavailablePartnerDirectory } from './partner-directory.js';
import { createResourcePoolsStore, type ResourceCategory, type ResourceRow } from './store.js';
import { submitDemand } from './domain/orders.js';
import { createContext, createServer } from './server.js';
import type { MatchingSettings } from './settings.js';
import type { ResourcePoolsContext } from './context.js';
import { SERVICE_CALL_TIMEOUT_MS } from '../../test/support/wait.js';

const plan = planStreet(1);
const NOW = new Date('2026-11-03T02:00:00Z');
let resourcePools: TestDatabase;
let coBuildingDb: TestDatabase;
let coBuilding: StartedSubgraph;
let apollo: ReturnType<typeof createServer>;
let live: MatchingSettings;
/** grids, which submitDemand asks about the demand's community. */
let owners: ReferenceOwners;

const run = <Data = Record<string, any>>(query: string, variables?: Record<string, unknown>, settings: MatchingSettings = live) =>
  execute<Data, ResourcePoolsContext>(
    apollo,
    createContext({ db: resourcePools.db, clock: () => NOW, peers: owners.peersFor('resource-pools') }, IN_PROCESS_CALLER, settings),
    query,
    variables,
  );

const MATCH = `query($id: ID!, $first: Int) { matchCandidates(demandId: $id, first: $first) {
  demand { id }
  candidates { score standIn resource { id category provider { ... on CoBuildingUnit { id } ... on Department { id } } location { lat lng } }
    explanation { terms { name weight value contribution note } } }
  excluded { reason detail resource { id category } } } }`;

beforeAll(async () => {
  resourcePools = await createTestDatabase('resource-pools', { content: 'street' });
  coBuildingDb = await createTestDatabase('co-building', { content: 'street' });
  coBuilding = await startSubgraph('co-building', coBuildingSubgraph, {
    databaseUrl: coBuildingDb.url,
    port: 0,
    log: createLogger('test', 'error'),
    trust: await testSubgraphTrust('co-building'),
    databaseConnectTimeoutMs: SERVICE_CALL_TIMEOUT_MS,
  });
  owners = await startReferenceOwners(['grids']);
  live = { match: DEFAULT_MATCH_CONFIG, fairMinShare: 0.2, partners: peerPartnerDirectory(testPeers('resource-pools', { 'co-building': coBuilding.url })) };
  apollo = createServer({ db: resourcePools.db });
  await apollo.start();
});
afterAll(async () => {
  await apollo?.stop();
  await coBuilding?.close();
  await owners?.stop();
  await resourcePools?.drop();
  await coBuildingDb?.drop();
});

/** A demand in the community of a pairing whose unit offers a resource serving that community. */
async function pairedSetting(withUnrelatedResourceServing = false) {
  for (const pairing of plan.pairings) {
    const { data } = await run(
      `query($id: ID!) { resources(first: 100, filter: { providerId: $id, servesCommunityId: "${pairing.communityId}" }) { nodes { id category subKind remainingCapacity } } }`,
      { id: pairing.unitId },
    );
    const resource = data!.resources.nodes.find((node: any) => node.category !== 'FUNDS' && node.remainingCapacity > 0);
    if (!resource) continue;
    if (withUnrelatedResourceServing) {
      const serving = await run(`{ resources(first: 100, filter: { servesCommunityId: "${pairing.communityId}" }) { nodes { category } } }`);
      // Another category with no rule for it in category_fits (only care and medical services stand in for each other).
      const related = (category: string) =>
        category === resource.category ||
        (['CARE_SERVICE', 'PROFESSIONAL_SERVICE'].includes(category) && ['CARE_SERVICE', 'PROFESSIONAL_SERVICE'].includes(resource.category));
      if (!serving.data!.resources.nodes.some((node: any) => !related(node.category))) continue;
    }
    return { pairing, resource };
  }
  throw new Error('no paired resource in the seed');
}

async function submitIn(communityId: string, resource: { category: string; subKind: string }): Promise<string> {
  const community = plan.communities.find((c) => c.id === communityId)!;
  const { data, errors } = await run(`mutation($input: SubmitDemandInput!) { submitDemand(input: $input) { id } }`, {
    input: {
      title: '测试匹配',
      description: '测试',
      category: resource.category,
      subKind: resource.subKind,
      amount: 1,
      communityId,
      source: 'MICRO_WISH',
      location: community.location,
      actor: 'resident:t',
    },
  });
  expect(errors).toBeUndefined();
  return data!.submitDemand.id;
}

describe('matchCandidates: ranked, explained candidates', () => {
  it('ranks candidates with one explained term each, pairing and credit from a running co-building subgraph', async () => {
    const { pairing, resource } = await pairedSetting();
    const id = await submitIn(pairing.communityId, resource);
    const { data, errors } = await run(MATCH, { id, first: 100 });
    expect(errors).toBeUndefined();
    const result = data!.matchCandidates;
    expect(result.demand.id).toBe(id);
    expect(result.candidates.length).toBeGreaterThan(0);
    // Best first: resources that can do the job by score, then stand-ins by score.
    const order = result.candidates.map((candidate: any) => [candidate.standIn ? 1 : 0, -candidate.score]);
    expect(order).toEqual([...order].sort((a: number[], b: number[]) => a[0]! - b[0]! || a[1]! - b[1]!));
    const community = plan.communities.find((c) => c.id === pairing.communityId)!;
    for (const candidate of result.candidates) {
      const terms = candidate.explanation.terms;
      expect(terms.map((term: any) => term.name)).toEqual([...MATCH_TERM_NAMES]);
      for (const term of terms) {
        expect(term.weight).toBe(DEFAULT_MATCH_CONFIG.weights[term.name as keyof typeof DEFAULT_MATCH_CONFIG.weights]);
        expect(term.value).toBeGreaterThanOrEqual(0);
        expect(term.value).toBeLessThanOrEqual(1);
        expect(term.contribution).toBeCloseTo(term.weight * term.value, 3);
        expect(term.note.length).toBeGreaterThan(0);
        expect(term.note).not.toContain('unavailable');
      }
      expect(candidate.score).toBeCloseTo(
        terms.reduce((sum: number, term: any) => sum + term.contribution, 0),
        2,
      );
      const distance = terms.find((term: any) => term.name === 'DISTANCE');
      if (candidate.resource.location) {
        const km = distanceKm(community.location, candidate.resource.location);
        expect(distance.value).toBeCloseTo(1 / (1 + km / DEFAULT_MATCH_CONFIG.distanceScaleKm), 3);
      } else {
        expect(distance.value).toBe(0.5);
      }
      const credit = terms.find((term: any) => term.name === 'CREDIT');
      // What the credit rests on: the base and the events counting now.
      if (candidate.resource.provider.id.startsWith('unit-'))
        expect(credit.note).toMatch(
          /^duty credit \d+(\.\d+)?: base 100(, [+−]\d+(\.\d+)? from \d+ events? in the last 365 days \(.+\)| and no events in the last 365 days)$/,
        );
    }
    const paired = result.candidates.find((candidate: any) => candidate.resource.id === resource.id);
    expect(paired.explanation.terms.find((term: any) => term.name === 'PAIRING')).toMatchObject({
      value: 1,
      note: `paired (结对) with ${pairing.communityId}`,
    });
    // Units of other communities' pairings are not credited with this one.
    const pairedUnits = new Set(plan.pairings.filter((p) => p.communityId === pairing.communityId).map((p) => p.unitId));
    for (const candidate of result.candidates) {
      const value = candidate.explanation.terms.find((term: any) => term.name === 'PAIRING').value;
      if (!pairedUnits.has(candidate.resource.provider.id)) expect(value).toBe(0);
    }
  });

  it('lists excluded resources with the deciding constraint', async () => {
    const { pairing, resource } = await pairedSetting(true);
    const id = await submitIn(pairing.communityId, resource);
    const { data } = await run(MATCH, { id, first: 100 });
    const excluded: { reason: string; detail: string; resource: { id: string } }[] = data!.matchCandidates.excluded;
    const reasons = new Set(excluded.map((exclusion) => exclusion.reason));
    expect(reasons.has('WRONG_CATEGORY')).toBe(true);
    expect(reasons.has('NOT_SERVING_COMMUNITY')).toBe(true);
    for (const exclusion of excluded.filter((e) => e.reason === 'NOT_SERVING_COMMUNITY')) expect(exclusion.detail).toContain(pairing.communityId);
    const candidateIds = new Set(data!.matchCandidates.candidates.map((candidate: { resource: { id: string } }) => candidate.resource.id));
    for (const exclusion of excluded) expect(candidateIds.has(exclusion.resource.id)).toBe(false);

    // Use up the paired resource's capacity: it moves from candidates to NO_CAPACITY_LEFT.
    const { data: before } = await run(`{ resource(id: "${resource.id}") { remainingCapacity } }`);
    // Usage rows are per period; write the current one through the same key function the service uses.
    const [row] = await resourcePools.db.query<{ capacity_period: 'DAY' | 'WEEK' | 'MONTH' | 'YEAR' | 'ONCE'; capacity_amount: number }>(
      'SELECT capacity_period, capacity_amount FROM resources WHERE id = $1',
      [resource.id],
    );
    await resourcePools.db.query(
      `INSERT INTO capacity_usage (resource_id, period_start, used) VALUES ($1, $2, $3) ON CONFLICT (resource_id, period_start) DO UPDATE SET used = EXCLUDED.used`,
      [resource.id, capacityPeriodKey(row!.capacity_period, NOW), row!.capacity_amount],
    );
    expect(before!.resource.remainingCapacity).toBeGreaterThan(0);
    const { data: after } = await run(MATCH, { id, first: 100 });
    expect(after!.matchCandidates.candidates.map((c: any) => c.resource.id)).not.toContain(resource.id);
    expect(after!.matchCandidates.excluded.find((e: any) => e.resource.id === resource.id)).toMatchObject({ reason: 'NO_CAPACITY_LEFT' });
    await resourcePools.db.query('DELETE FROM capacity_usage WHERE resource_id = $1', [resource.id]);
  });

  it('says when pairing and credit data are unavailable (co-building down) instead of failing', async () => {
    const { pairing, resource } = await pairedSetting();
    const id = await submitIn(pairing.communityId, resource);
    const down: MatchingSettings = {
      ...live,
      partners: peerPartnerDirectory(testPeers('resource-pools', { 'co-building': 'http://127.0.0.1:9/graphql' }, 300)),
    };
    for (const settings of [down, { ...live, partners: unavailablePartnerDirectory }]) {
      const { data, errors } = await run(MATCH, { id, first: 100 }, settings);
      expect(errors).toBeUndefined();
      const candidate = data!.matchCandidates.candidates.find((c: any) => c.resource.id === resource.id);
      const terms = Object.fromEntries(candidate.explanation.terms.map((term: any) => [term.name, term]));
      expect(terms.PAIRING).toMatchObject({ value: 0, contribution: 0 });
      expect(terms.PAIRING.note).toContain('unavailable');
      expect(terms.CREDIT).toMatchObject({ value: 0.5 });
      expect(terms.CREDIT.note).toContain('unavailable');
    }
  });

  it('returns null for an unknown demand and rejects a bad `first`', async () => {
    const { data } = await run(MATCH, { id: 'demand-nope' });
    expect(data!.matchCandidates).toBeNull();
    const { errors } = await run(MATCH, { id: 'demand-0001', first: 0 });
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  });
});

const PLAN = `mutation($scope: AllocationScopeInput!, $dryRun: Boolean) { proposeAllocations(scope: $scope, dryRun: $dryRun) {
  dryRun objective greedyObjective exact objectiveBound method
  allocations { score demand { id status amount unit community { id } timeline { kind actor } } resource { id remainingCapacity servedCommunities { id } } explanation { terms { name contribution } } }
  unallocated { id status }
  fairness { communitiesWithOpenDemands communitiesReached quotaUnitsServed quotaUnitsTotal minShare gini served }
  greedyFairness { communitiesReached quotaUnitsServed minShare gini served } } }`;

describe('proposeAllocations: optimal, fair batch assignment', () => {
  it('plans for an office without changing anything, at least as fair as greedy, within capacities', async () => {
    const office = plan.offices[0]!.id;
    const communities = plan.communities.filter((community) => community.officeId === office).map((community) => community.id);
    const before = await resourcePools.db.query<{ count: number }>(`SELECT count(*) AS count FROM demands WHERE status = 'OPEN'`);
    const { data, errors } = await run(PLAN, { scope: { officeId: office }, dryRun: true });
    expect(errors).toBeUndefined();
    const result = data!.proposeAllocations;
    expect(result.dryRun).toBe(true);
    expect(result.method).toContain('min-cost flow');
    if (result.exact) expect(result.objectiveBound).toBeCloseTo(result.objective, 6);
    else expect(result.objectiveBound).toBeGreaterThanOrEqual(result.objective);
    expect(result.allocations.length).toBeGreaterThan(0);
    expect(result.fairness.served).toBe(result.allocations.length);
    const perResource = new Map<string, number>();
    for (const allocation of result.allocations) {
      expect(communities).toContain(allocation.demand.community.id);
      expect(allocation.demand.status).toBe('OPEN');
      expect(allocation.resource.servedCommunities).toContainEqual({ id: allocation.demand.community.id });
      // One figure: a pair's score is the sum of its contributions, and the objective the sum of the scores.
      expect(allocation.score).toBe(allocation.explanation.terms.reduce((sum: number, term: any) => sum + Math.round(term.contribution * 10_000), 0) / 10_000);
      perResource.set(allocation.resource.id, (perResource.get(allocation.resource.id) ?? 0) + allocation.demand.amount);
    }
    for (const allocation of result.allocations) expect(perResource.get(allocation.resource.id)!).toBeLessThanOrEqual(allocation.resource.remainingCapacity);
    expect(result.objective).toBe(result.allocations.reduce((sum: number, a: any) => sum + Math.round(a.score * 10_000), 0) / 10_000);
    expect(result.fairness.communitiesReached).toBeGreaterThanOrEqual(result.greedyFairness.communitiesReached);
    if (result.fairness.communitiesReached === result.greedyFairness.communitiesReached) {
      expect(result.fairness.quotaUnitsServed).toBeGreaterThanOrEqual(result.greedyFairness.quotaUnitsServed);
    }
    const after = await resourcePools.db.query<{ count: number }>(`SELECT count(*) AS count FROM demands WHERE status = 'OPEN'`);
    expect(after).toEqual(before);
  });

  it('dispatches the plan when dryRun is false, with timeline entries, and rejects a scope it cannot resolve', async () => {
    const communityIds = plan.communities.slice(0, 5).map((community) => community.id);
    const { data, errors } = await run(PLAN, { scope: { communityIds, actor: 'community:batch' }, dryRun: false });
    expect(errors).toBeUndefined();
    const result = data!.proposeAllocations;
    expect(result.dryRun).toBe(false);
    expect(result.allocations.length).toBeGreaterThan(0);
    for (const allocation of result.allocations) {
      expect(allocation.demand.status).toBe('DISPATCHED');
      expect(allocation.demand.timeline.at(-1)).toEqual({ kind: 'DISPATCH', actor: 'community:batch' });
    }
    const again = await run(PLAN, { scope: { communityIds }, dryRun: true });
    const dispatched = new Set(result.allocations.map((a: any) => a.demand.id));
    for (const allocation of again.data!.proposeAllocations.allocations) expect(dispatched.has(allocation.demand.id)).toBe(false);

    for (const [scope, field] of [
      [{}, 'scope'],
      [{ officeId: 'office-nope' }, 'scope.officeId'],
      [{ communityIds: [] }, 'scope.communityIds'],
      [{ communityIds, candidatesPerDemand: 0 }, 'scope.candidatesPerDemand'],
    ] as const) {
      const bad = await run(PLAN, { scope });
      expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
  });
});

/** Resources of the test's own, serving a community of its own (tests own their data). */
async function ownResources(
  communityId: string,
  resources: {
    id: string;
    category: ResourceRow['category'];
    subKind?: string;
    amount: number;
    unit: string;
    period: ResourceRow['capacity_period'];
    lat?: number;
    lng?: number;
  }[],
) {
  await createResourcePoolsStore(resourcePools.db).insertDataset({
    resources: resources.map((resource) => ({
      id: resource.id,
      street_id: 'street-haimen',
      served_street_ids: ['street-haimen'],
      name: `测试资源 ${resource.id}`,
      description: 'test',
      category: resource.category,
      sub_kind: resource.subKind ?? 'GENERAL',
      source: 'ENTERPRISE_CSR',
      provider_kind: 'CO_BUILDING_UNIT',
      provider_id: 'unit-test-batch',
      capacity_amount: resource.amount,
      capacity_unit: resource.unit,
      capacity_period: resource.period,
      lat: resource.lat ?? 31.9,
      lng: resource.lng ?? 121.2,
      address: null,
      availability: [],
    })),
    resourceCommunities: resources.map((resource) => ({ resource_id: resource.id, community_id: communityId })),
    demands: [],
    demandEvents: [],
    capacityUsage: [],
    communityOffices: [],
  });
}

/**
 * Demands of the test's own communities, which grids does not know: written with the order loop's
 * own submitDemand, past the resolver's reference check (test/write-references.test.ts tests that).
 */
async function submitDemands(
  communityId: string,
  category: ResourceCategory,
  count: number,
  need: { amount?: number; unit?: string; subKind?: string } = {},
): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const input = {
      title: '党员活动日场地借用',
      description: '测试',
      category,
      communityId,
      source: 'RESIDENT_ORDER' as const,
      location: { lat: 31.9, lng: 121.2 },
      ...need,
    };
    ids.push((await submitDemand(resourcePools.db, { ...input, actor: 'test:community-worker' }, NOW)).id);
  }
  return ids;
}

describe('proposeAllocations: dispatched orders hold capacity', () => {
  it('never plans beyond what dispatched and accepted orders left, over repeated runs, and every dispatched order can be accepted', async () => {
    const community = 'community-test-overbook';
    await ownResources(community, [
      { id: 'resource-test-overbook-a', category: 'VENUE', amount: 2, unit: '场', period: 'DAY' },
      { id: 'resource-test-overbook-b', category: 'VENUE', amount: 2, unit: '场', period: 'DAY' },
    ]);
    const dispatched: string[] = [];
    for (let round = 0; round < 3; round++) {
      await submitDemands(community, 'VENUE', 3);
      const { data, errors } = await run(PLAN, { scope: { communityIds: [community] }, dryRun: false });
      expect(errors).toBeUndefined();
      dispatched.push(...data!.proposeAllocations.allocations.map((allocation: any) => allocation.demand.id));
    }
    // Four bookings a day between the two resources: the three rounds dispatch four of the nine demands, no more.
    expect(dispatched).toHaveLength(4);
    const { data } = await run(
      `{ a: resource(id: "resource-test-overbook-a") { remainingCapacity } b: resource(id: "resource-test-overbook-b") { remainingCapacity } }`,
    );
    expect(data).toEqual({ a: { remainingCapacity: 0 }, b: { remainingCapacity: 0 } });
    for (const id of dispatched) {
      const accepted = await run(`mutation($id: ID!) { acceptOrder(input: { id: $id }) { status } }`, { id });
      expect({ id, errors: accepted.errors, data: accepted.data }).toEqual({ id, errors: undefined, data: { acceptOrder: { status: 'ACCEPTED' } } });
    }
  });

  it('holds capacity for concurrent planners: plans for two communities sharing a resource never exceed it together', async () => {
    const communities = ['community-test-concurrent-x', 'community-test-concurrent-y'];
    await ownResources(communities[0]!, [{ id: 'resource-test-concurrent', category: 'VENUE', amount: 2, unit: '场', period: 'DAY' }]);
    await resourcePools.db.query(`INSERT INTO resource_communities (resource_id, community_id) VALUES ('resource-test-concurrent', $1)`, [communities[1]!]);
    for (const community of communities) await submitDemands(community, 'VENUE', 2);
    // Each plan alone fits the resource; together they would need twice its capacity.
    const results = await Promise.all(communities.map((community) => run(PLAN, { scope: { communityIds: [community] }, dryRun: false })));
    for (const result of results) for (const error of result.errors ?? []) expect(error.extensions?.code).toBe('CAPACITY_EXHAUSTED');
    const held = await resourcePools.db.query<{ count: number }>(
      `SELECT count(*)::int AS count FROM demands WHERE resource_id = 'resource-test-concurrent' AND status = 'DISPATCHED'`,
    );
    expect(held[0]!.count).toBe(2);
  });
});

describe('proposeAllocations: fairness beyond the floor', () => {
  it('among equally scored plans, proposes the one with the highest minimum share, and reports it', async () => {
    // Two communities share two venues with 2 bookings a day each; every pair scores the same.
    // Community X asks twice, Y eight times (its floor at 20 % is 2): X 1 + Y 3 beats X 2 + Y 2.
    const [x, y] = ['community-test-maxmin-x', 'community-test-maxmin-y'];
    await ownResources(x, [
      { id: 'resource-test-maxmin-a', category: 'VENUE', subKind: 'ACTIVITY_ROOM', amount: 2, unit: '场', period: 'DAY' },
      { id: 'resource-test-maxmin-b', category: 'VENUE', subKind: 'ACTIVITY_ROOM', amount: 2, unit: '场', period: 'DAY' },
    ]);
    await resourcePools.db.query(
      `INSERT INTO resource_communities (resource_id, community_id) VALUES ('resource-test-maxmin-a', $1), ('resource-test-maxmin-b', $1)`,
      [y],
    );
    await submitDemands(x, 'VENUE', 2, { subKind: 'ACTIVITY_ROOM' });
    await submitDemands(y, 'VENUE', 8, { subKind: 'ACTIVITY_ROOM' });
    const { data, errors } = await run(PLAN, { scope: { communityIds: [x, y] }, dryRun: true });
    expect(errors).toBeUndefined();
    const plan = data!.proposeAllocations;
    const scores = new Set(plan.allocations.map((allocation: any) => allocation.score));
    expect(scores.size).toBe(1);
    const served = (community: string) => plan.allocations.filter((allocation: any) => allocation.demand.community.id === community).length;
    expect([served(x), served(y)]).toEqual([1, 3]);
    expect(plan.fairness).toMatchObject({ minShare: 0.375, served: 4 });
    expect(plan.fairness.gini).toBeGreaterThanOrEqual(0);
    expect(plan.greedyFairness.minShare).toBeLessThanOrEqual(plan.fairness.minShare);
  });
});

describe("capacity counted in the resource's unit", () => {
  it('excludes resources that count another unit or have less left than the demand needs, and plans within amounts', async () => {
    const community = 'community-test-amounts';
    await ownResources(community, [
      { id: 'resource-test-fund-large', category: 'FUNDS', amount: 100_000, unit: '元', period: 'YEAR' },
      { id: 'resource-test-fund-small', category: 'FUNDS', amount: 30_000, unit: '元', period: 'YEAR' },
      { id: 'resource-test-fund-goods', category: 'FUNDS', amount: 500, unit: '件', period: 'YEAR' },
    ]);
    const [first, second] = await submitDemands(community, 'FUNDS', 2, { amount: 60_000, unit: '元' });
    const { data, errors } = await run(MATCH, { id: first, first: 10 });
    expect(errors).toBeUndefined();
    const result = data!.matchCandidates;
    expect(result.candidates.map((candidate: any) => candidate.resource.id)).toEqual(['resource-test-fund-large']);
    const capacity = result.candidates[0].explanation.terms.find((term: any) => term.name === 'CAPACITY');
    expect(capacity.note).toContain('元');
    const reasons = Object.fromEntries(
      result.excluded.filter((e: any) => e.resource.id.startsWith('resource-test-fund')).map((e: any) => [e.resource.id, e.reason]),
    );
    expect(reasons).toEqual({ 'resource-test-fund-small': 'NO_CAPACITY_LEFT', 'resource-test-fund-goods': 'UNIT_MISMATCH' });

    // 100,000 元 pays for one of the two 60,000 元 demands, not both.
    const plan = await run(PLAN, { scope: { communityIds: [community] }, dryRun: true });
    expect(plan.errors).toBeUndefined();
    expect(plan.data!.proposeAllocations.allocations.map((allocation: any) => allocation.resource.id)).toEqual(['resource-test-fund-large']);
    expect(plan.data!.proposeAllocations.unallocated.map((demand: any) => demand.id)).toHaveLength(1);
    expect([first, second]).toContain(plan.data!.proposeAllocations.unallocated[0].id);
  });
});

describe('plans and rankings built on missing partner data', () => {
  const lines: string[] = [];
  const capturing = createLogger('resource-pools', 'info', { write: (line) => void lines.push(line) });
  const down = (): MatchingSettings => ({
    ...live,
    partners: peerPartnerDirectory(testPeers('resource-pools', { 'co-building': 'http://127.0.0.1:9/graphql' }, 300)),
  });
  const runLogged = <Data = Record<string, any>>(query: string, variables: Record<string, unknown>, settings: MatchingSettings) =>
    execute<Data, ResourcePoolsContext>(
      apollo,
      createContext({ db: resourcePools.db, clock: () => NOW, log: capturing }, IN_PROCESS_CALLER, settings),
      query,
      variables,
    );

  it('says a ranking is degraded, with the reasons, and logs it; a ranking on full data is not', async () => {
    const { pairing, resource } = await pairedSetting();
    const id = await submitIn(pairing.communityId, resource);
    const query = `query($id: ID!) { matchCandidates(demandId: $id) { degraded degradedReasons candidates { resource { id } } } }`;
    lines.length = 0;
    const full = await runLogged(query, { id }, live);
    expect(full.data!.matchCandidates).toMatchObject({ degraded: false, degradedReasons: [] });
    expect(lines.filter((line) => line.includes('partner data'))).toEqual([]);
    const degraded = await runLogged(query, { id }, down());
    expect(degraded.errors).toBeUndefined();
    const result = degraded.data!.matchCandidates;
    expect(result.degraded).toBe(true);
    expect(result.degradedReasons.join(' ')).toMatch(/pairing/i);
    expect(result.degradedReasons.join(' ')).toMatch(/credit/i);
    const logged = lines.map((line) => JSON.parse(line)).filter((line) => line.message.includes('partner data'));
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ level: 'warn', demandId: id });
  });

  it('refuses to dispatch a degraded plan unless the caller allows it, changing nothing; a dry run shows it flagged', async () => {
    const community = 'community-test-degraded';
    await ownResources(community, [{ id: 'resource-test-degraded', category: 'VENUE', amount: 5, unit: '场', period: 'DAY' }]);
    const ids = await submitDemands(community, 'VENUE', 2);
    const mutation = `mutation($scope: AllocationScopeInput!, $dryRun: Boolean, $allow: Boolean) {
      proposeAllocations(scope: $scope, dryRun: $dryRun, allowDegraded: $allow) { dryRun degraded degradedReasons allocations { demand { id status } } } }`;
    const scope = { communityIds: [community] };
    lines.length = 0;
    const dry = await runLogged(mutation, { scope, dryRun: true }, down());
    expect(dry.errors).toBeUndefined();
    expect(dry.data!.proposeAllocations).toMatchObject({ dryRun: true, degraded: true });
    expect(dry.data!.proposeAllocations.degradedReasons.length).toBeGreaterThan(0);
    expect(lines.some((line) => line.includes('partner data'))).toBe(true);

    const refused = await runLogged(mutation, { scope, dryRun: false }, down());
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'co-building' });
    expect(refused.errors?.[0]?.message).toContain('allowDegraded');
    const statuses = await resourcePools.db.query<{ status: string }>('SELECT status FROM demands WHERE id = ANY($1)', [ids]);
    expect(statuses.map((row) => row.status)).toEqual(['OPEN', 'OPEN']);

    const allowed = await runLogged(mutation, { scope, dryRun: false, allow: true }, down());
    expect(allowed.errors).toBeUndefined();
    expect(allowed.data!.proposeAllocations).toMatchObject({ dryRun: false, degraded: true });
    expect(allowed.data!.proposeAllocations.allocations.map((allocation: any) => allocation.demand.status)).toEqual(['DISPATCHED', 'DISPATCHED']);
  });
});

describe('category fit from data (category_fits)', () => {
  const RANKED = `query($id: ID!) { matchCandidates(demandId: $id, first: 20) {
    candidates { standIn score resource { id subKind } explanation { terms { name value note } } }
    excluded { reason detail resource { id } } } }`;
  const community = 'community-test-fit';
  let demand = '';
  beforeAll(async () => {
    // The fitness-equipment team is next door and paired; the lighting and repair resources are 8 km away.
    await ownResources(community, [
      { id: 'resource-test-fit-fitness', category: 'FACILITY_EQUIPMENT', subKind: 'FITNESS', amount: 10, unit: '件', period: 'ONCE' },
      { id: 'resource-test-fit-repair', category: 'FACILITY_EQUIPMENT', subKind: 'REPAIR', amount: 10, unit: '件', period: 'ONCE', lat: 31.97, lng: 121.2 },
      { id: 'resource-test-fit-lighting', category: 'FACILITY_EQUIPMENT', subKind: 'LIGHTING', amount: 10, unit: '件', period: 'ONCE', lat: 31.97, lng: 121.2 },
    ]);
    demand = (await submitDemands(community, 'FACILITY_EQUIPMENT', 1, { subKind: 'LIGHTING' }))[0]!;
  });

  it('ranks every resource that can do the job above any stand-in, and rules out those that cannot', async () => {
    const { data, errors } = await run(RANKED, { id: demand });
    expect(errors).toBeUndefined();
    const own = data!.matchCandidates.candidates.filter((candidate: any) => candidate.resource.id.startsWith('resource-test-fit'));
    expect(own.map((candidate: any) => [candidate.resource.id, candidate.standIn])).toEqual([
      ['resource-test-fit-lighting', false],
      ['resource-test-fit-repair', true],
    ]);
    const category = own[1].explanation.terms.find((term: any) => term.name === 'CATEGORY');
    expect(category.value).toBeCloseTo(0.7, 6);
    expect(category.note).toContain('REPAIR');
    const fitness = data!.matchCandidates.excluded.find((exclusion: any) => exclusion.resource.id === 'resource-test-fit-fitness');
    expect(fitness).toMatchObject({ reason: 'WRONG_CATEGORY' });
    expect(fitness.detail).toContain('FITNESS');
    const dispatch = await run(`mutation($id: ID!) { dispatchDemand(input: { id: $id, resourceId: "resource-test-fit-fitness" }) { id } }`, { id: demand });
    expect(dispatch.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.resourceId' });
  });

  it("reads the fit table on every request: an operator's change applies at once, and the table is readable through the API", async () => {
    const fits = await run(
      `{ categoryFits { demandCategory demandSubKind resourceCategory resourceSubKind weight note } helpKinds { category subKind label unit defaultAmount } }`,
    );
    expect(fits.errors).toBeUndefined();
    expect(fits.data!.categoryFits).toContainEqual(
      expect.objectContaining({
        demandCategory: 'FACILITY_EQUIPMENT',
        demandSubKind: 'LIGHTING',
        resourceCategory: 'FACILITY_EQUIPMENT',
        resourceSubKind: 'REPAIR',
        weight: 0.7,
      }),
    );
    expect(fits.data!.helpKinds).toContainEqual({
      category: 'FACILITY_EQUIPMENT',
      subKind: 'LIGHTING',
      label: expect.any(String),
      unit: '件',
      defaultAmount: 1,
    });
    await resourcePools.db.query(
      `INSERT INTO category_fits (demand_category, demand_sub_kind, resource_category, resource_sub_kind, weight, note)
       VALUES ('FACILITY_EQUIPMENT', 'LIGHTING', 'FACILITY_EQUIPMENT', 'FITNESS', 0.3, 'test: the fitness team can change a bulb')`,
    );
    try {
      const { data } = await run(RANKED, { id: demand });
      const own = data!.matchCandidates.candidates.filter((candidate: any) => candidate.resource.id.startsWith('resource-test-fit'));
      // Now a stand-in too: after the lighting resource, ranked among the stand-ins by score (it is next door).
      expect(own.map((candidate: any) => [candidate.resource.id, candidate.standIn])).toEqual([
        ['resource-test-fit-lighting', false],
        ['resource-test-fit-fitness', true],
        ['resource-test-fit-repair', true],
      ]);
    } finally {
      await resourcePools.db.query(`DELETE FROM category_fits WHERE note = 'test: the fitness team can change a bulb'`);
    }
    // The database refuses rules that could not mean anything.
    await expect(
      resourcePools.db.query(
        `INSERT INTO category_fits (demand_category, demand_sub_kind, resource_category, resource_sub_kind, weight, note) VALUES ('FACILITY_EQUIPMENT', 'LIGHTNING', 'FACILITY_EQUIPMENT', NULL, 0.5, 'typo')`,
      ),
    ).rejects.toThrow();
    await expect(
      resourcePools.db.query(
        `INSERT INTO category_fits (demand_category, demand_sub_kind, resource_category, resource_sub_kind, weight, note) VALUES ('FACILITY_EQUIPMENT', NULL, 'VENUE', NULL, 1.5, 'too much')`,
      ),
    ).rejects.toThrow();
  });

  it('on the seeded street, no candidate that cannot do the job ranks above one that can, and every candidate fits by the table', async () => {
    const { data: open } = await run(`{ demands(first: 100, filter: { status: OPEN }) { nodes { id title } } }`);
    let standIns = 0;
    for (const { id } of open!.demands.nodes) {
      const { data, errors } = await run(RANKED, { id });
      expect(errors).toBeUndefined();
      const flags = data!.matchCandidates.candidates.map((candidate: any) => candidate.standIn);
      expect({ id, flags }).toEqual({ id, flags: [...flags].sort((a: boolean, b: boolean) => Number(a) - Number(b)) });
      for (const candidate of data!.matchCandidates.candidates) {
        const category = candidate.explanation.terms.find((term: any) => term.name === 'CATEGORY');
        expect(category.value).toBeGreaterThan(0);
        expect(candidate.standIn).toBe(category.value < 1);
        if (candidate.standIn) standIns += 1;
      }
    }
    expect(standIns).toBeGreaterThan(0);
  });
});

describe('fairness spreads help across communities without punishing pairing (结对)', () => {
  it("never counts a unit's orders for its partners against it, and spreads the rest", async () => {
    const { pairing } = await pairedSetting();
    const partner = pairing.communityId;
    const paired = new Set(plan.pairings.filter((p) => p.unitId === pairing.unitId).map((p) => p.communityId));
    const other = plan.communities.find((community) => !paired.has(community.id))!.id;
    const resourceId = 'resource-test-fairness';
    await createResourcePoolsStore(resourcePools.db).insertDataset({
      resources: [
        {
          id: resourceId,
          street_id: 'street-haimen',
          served_street_ids: ['street-haimen'],
          name: '测试活动室',
          description: 'test',
          category: 'VENUE',
          sub_kind: 'ACTIVITY_ROOM',
          source: 'ENTERPRISE_CSR',
          provider_kind: 'CO_BUILDING_UNIT',
          provider_id: pairing.unitId,
          capacity_amount: 50,
          capacity_unit: '场',
          capacity_period: 'ONCE',
          lat: 31.9,
          lng: 121.2,
          address: null,
          availability: [],
        },
      ],
      resourceCommunities: [partner, other].map((community_id) => ({ resource_id: resourceId, community_id })),
      demands: [],
      demandEvents: [],
      capacityUsage: [],
      communityOffices: [],
    });
    const fairnessFor = async (communityId: string) => {
      const [id] = await submitDemands(communityId, 'VENUE', 1, { subKind: 'ACTIVITY_ROOM' });
      const { data, errors } = await run(MATCH, { id, first: 100 });
      expect(errors).toBeUndefined();
      const candidate = data!.matchCandidates.candidates.find((c: any) => c.resource.id === resourceId);
      return { id: id!, term: candidate.explanation.terms.find((term: any) => term.name === 'FAIRNESS') };
    };
    const takeOrder = async (id: string) => {
      for (const mutation of [`dispatchDemand(input: { id: $id, resourceId: "${resourceId}" })`, 'acceptOrder(input: { id: $id })']) {
        const { errors } = await run(`mutation($id: ID!) { ${mutation} { id } }`, { id });
        expect(errors).toBeUndefined();
      }
    };
    // Its only order so far went to its own partner: that is 结对 working, not unfairness.
    await takeOrder((await fairnessFor(partner)).id);
    const forPartner = await fairnessFor(partner);
    expect(forPartner.term).toMatchObject({ value: 1 });
    expect(forPartner.term.note).toContain('paired');
    expect((await fairnessFor(other)).term).toMatchObject({ value: 1 });
    // Its orders outside its partners all went to `other` so far: spreading means others come first there.
    await takeOrder((await fairnessFor(other)).id);
    const forOther = await fairnessFor(other);
    expect(forOther.term).toMatchObject({ value: 0 });
    expect(forOther.term.note).toContain(other);
    expect((await fairnessFor(partner)).term).toMatchObject({ value: 1 });
  });
});

describe('exclusions: summarised by reason, closest first, paged', () => {
  const EXCLUSIONS = `query($id: ID!, $first: Int, $after: String) { matchCandidates(demandId: $id) {
    candidates { resource { id } } noCandidateReason
    exclusions(first: $first, after: $after) { totalCount byReason { reason count } nodes { reason detail resource { id } } pageInfo { hasNextPage endCursor } }
    excluded { reason } } }`;
  const CLOSENESS = ['NO_CAPACITY_LEFT', 'TOO_FAR', 'UNIT_MISMATCH', 'NOT_SERVING_COMMUNITY', 'WRONG_CATEGORY'];

  it('counts exclusions by reason and lists the closest few, page by page', async () => {
    const { pairing, resource } = await pairedSetting(true);
    const id = await submitIn(pairing.communityId, resource);
    const first = await run(EXCLUSIONS, { id, first: 3 });
    expect(first.errors).toBeUndefined();
    const result = first.data!.matchCandidates;
    expect(result.noCandidateReason).toBeNull();
    const { totalCount, byReason, nodes, pageInfo } = result.exclusions;
    expect(byReason.reduce((sum: number, entry: any) => sum + entry.count, 0)).toBe(totalCount);
    expect(byReason.map((entry: any) => CLOSENESS.indexOf(entry.reason))).toEqual([...byReason.map((entry: any) => CLOSENESS.indexOf(entry.reason))].sort());
    for (const entry of byReason) expect(entry.count).toBeGreaterThan(0);
    expect(totalCount).toBeGreaterThan(6);
    expect(nodes).toHaveLength(3);
    expect(pageInfo.hasNextPage).toBe(true);
    const second = await run(EXCLUSIONS, { id, first: 3, after: pageInfo.endCursor });
    const next = second.data!.matchCandidates.exclusions.nodes;
    expect(next).toHaveLength(3);
    const ranks = [...nodes, ...next].map((node: any) => CLOSENESS.indexOf(node.reason));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(new Set([...nodes, ...next].map((node: any) => node.resource.id)).size).toBe(6);
    // The deprecated list is bounded too.
    expect(result.excluded.length).toBeLessThanOrEqual(100);
    const bad = await run(EXCLUSIONS, { id, first: 3, after: 'nonsense' });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  it('pages through every exclusion: the pages hold what the counts say, closest first, the wrong kinds last and nearer first', async () => {
    // The community's resources of kinds that cannot do the job are counted in SQL and read only
    // when a page reaches them (matching-service.ts): the pages must still add up to the counts.
    const community = 'community-test-every-exclusion';
    await ownResources(community, [
      { id: 'resource-test-every-lighting', category: 'FACILITY_EQUIPMENT', subKind: 'LIGHTING', amount: 10, unit: '件', period: 'ONCE' },
      { id: 'resource-test-every-other-unit', category: 'FACILITY_EQUIPMENT', subKind: 'LIGHTING', amount: 3, unit: '套', period: 'ONCE' },
      { id: 'resource-test-every-funds-far', category: 'FUNDS', amount: 100, unit: '元', period: 'MONTH', lat: 31.99, lng: 121.29 },
      { id: 'resource-test-every-funds-near', category: 'FUNDS', amount: 100, unit: '元', period: 'MONTH', lat: 31.9, lng: 121.21 },
      { id: 'resource-test-every-care', category: 'CARE_SERVICE', subKind: 'NURSING', amount: 5, unit: '人次', period: 'WEEK', lat: 31.95, lng: 121.25 },
    ]);
    const [id] = await submitDemands(community, 'FACILITY_EQUIPMENT', 1, { subKind: 'LIGHTING' });
    interface ExclusionsPage {
      totalCount: number;
      byReason: { reason: string; count: number }[];
      nodes: { reason: string; resource: { id: string } }[];
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
    }
    const nodes: ExclusionsPage['nodes'] = [];
    let summary: Pick<ExclusionsPage, 'totalCount' | 'byReason'> | undefined;
    let after: string | null = null;
    for (let pages = 0; pages < 40; pages++) {
      const answer: { data?: { matchCandidates: { exclusions: ExclusionsPage } } | null; errors?: unknown } = await run(EXCLUSIONS, { id, first: 50, after });
      expect(answer.errors).toBeUndefined();
      const { totalCount, byReason, nodes: page, pageInfo } = answer.data!.matchCandidates.exclusions;
      summary = { totalCount, byReason };
      nodes.push(...page);
      if (!pageInfo.hasNextPage) break;
      after = pageInfo.endCursor;
    }
    expect(nodes).toHaveLength(summary!.totalCount);
    expect(new Set(nodes.map((node) => node.resource.id)).size).toBe(nodes.length);
    const listed = new Map<string, number>();
    for (const node of nodes) listed.set(node.reason, (listed.get(node.reason) ?? 0) + 1);
    expect(Object.fromEntries(listed)).toEqual(Object.fromEntries(summary!.byReason.map((entry) => [entry.reason, entry.count])));
    const ranks = nodes.map((node) => CLOSENESS.indexOf(node.reason));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(nodes.find((node) => node.resource.id === 'resource-test-every-other-unit')).toMatchObject({ reason: 'UNIT_MISMATCH' });
    // The default first page (read beside the pool, matching-service.ts) is the same as a longer page's start.
    const firstPage = await run(EXCLUSIONS, { id, first: 5 });
    expect(firstPage.data!.matchCandidates.exclusions.nodes.map((node: { resource: { id: string } }) => node.resource.id)).toEqual(
      nodes.slice(0, 5).map((node) => node.resource.id),
    );
    // Only the community's own resources can be of the wrong kind here; nearer first.
    expect(nodes.filter((node) => node.reason === 'WRONG_CATEGORY').map((node) => node.resource.id)).toEqual([
      'resource-test-every-funds-near',
      'resource-test-every-care',
      'resource-test-every-funds-far',
    ]);
  });

  it('ranks with its default first page of exclusions in four statements: the count within reach lists its closest', async () => {
    const { pairing, resource } = await pairedSetting(true);
    const id = await submitIn(pairing.communityId, resource);
    const before = sqlStatementsIn(await resourcePools.registry.metrics());
    const { data, errors } = await run(
      `query($id: ID!) { matchCandidates(demandId: $id, first: 10) {
        candidates { score resource { id name } } exclusions(first: 2) { totalCount byReason { reason count } nodes { reason detail resource { id name } } } } }`,
      { id },
    );
    expect(errors).toBeUndefined();
    // A page short of the community's resources of other kinds (those are read when a page reaches them).
    expect(data!.matchCandidates.exclusions.nodes.map((node: { reason: string }) => node.reason)).toEqual(['NOT_SERVING_COMMUNITY', 'NOT_SERVING_COMMUNITY']);
    // The demand, the fit rules and kinds, the community's resources of fitting kinds, and the count
    // within reach with its five closest: the page needs no statement of its own.
    expect(sqlStatementsIn(await resourcePools.registry.metrics()) - before).toBe(4);
  });

  it('counts within reach and lists the closest in one statement as the long-hand counts and list have them', async () => {
    const store = createResourcePoolsStore(resourcePools.db);
    const all = await resourcePools.db.query<{
      id: string;
      category: string;
      sub_kind: string;
      lat: number | null;
      lng: number | null;
      served_street_ids: string[];
    }>('SELECT id, category, sub_kind, lat, lng, served_street_ids FROM resources');
    const links = await resourcePools.db.query<{ resource_id: string; community_id: string }>('SELECT resource_id, community_id FROM resource_communities');
    const streetId = plan.street.id;
    let checked = 0;
    for (const community of plan.communities.slice(0, 6)) {
      for (const kinds of [
        [
          { category: 'FACILITY_EQUIPMENT' as const, subKind: 'LIGHTING', weight: 1 },
          { category: 'FACILITY_EQUIPMENT' as const, subKind: 'REPAIR', weight: 0.7 },
        ],
        [{ category: 'FUNDS' as const, subKind: 'GENERAL', weight: 1 }],
        [
          { category: 'VENUE' as const, subKind: 'ACTIVITY_ROOM', weight: 1 },
          { category: 'VENUE' as const, subKind: 'GENERAL', weight: 0.8 },
        ],
      ]) {
        const { lat, lng } = community.location;
        // A small reach (4 km), so that some resources fall outside it.
        const box = { south: lat - 0.036, north: lat + 0.036, west: lng - 0.042, east: lng + 0.042 };
        for (const near of [{ from: { lat, lng }, box }, null]) {
          for (const street of [streetId, 'street-elsewhere', null]) {
            const reach = await store.findReach(kinds, near, street, community.id, 50);
            const inReach = all.filter(
              (row) =>
                kinds.some((kind) => kind.category === row.category && kind.subKind === row.sub_kind) &&
                (row.lat === null || near === null || (row.lat >= box.south && row.lat <= box.north && row.lng! >= box.west && row.lng! <= box.east)),
            );
            const serving = inReach.filter((row) => street === null || row.served_street_ids.includes(street));
            expect([reach.total, reach.servingStreet, reach.servingCommunity]).toEqual([
              inReach.length,
              serving.length,
              links.filter((link) => link.community_id === community.id).length,
            ]);
            const listed = await store.findClosestResourcesInReach(kinds, near, community.id, street === null ? null : { id: street, serving: true }, 0, 50);
            expect(reach.closest).toEqual(listed);
            const mine = new Set(links.filter((link) => link.community_id === community.id).map((link) => link.resource_id));
            expect(reach.closest.length).toBe(Math.min(50, serving.filter((row) => !mine.has(row.id)).length));
            checked += reach.closest.length;
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('says plainly why nothing fits when nothing does', async () => {
    const community = 'community-test-nothing';
    // A lighting resource exists, but serves another community.
    await ownResources('community-test-elsewhere', [
      { id: 'resource-test-lighting-elsewhere', category: 'FACILITY_EQUIPMENT', subKind: 'LIGHTING', amount: 10, unit: '件', period: 'ONCE' },
    ]);
    const [notServed] = await submitDemands(community, 'FACILITY_EQUIPMENT', 1, { subKind: 'LIGHTING' });
    const { data } = await run(EXCLUSIONS, { id: notServed, first: 3 });
    const result = data!.matchCandidates;
    expect(result.candidates).toEqual([]);
    expect(result.noCandidateReason).toMatch(/serves? community-test-nothing/);
    expect(result.exclusions.nodes[0]).toMatchObject({ reason: 'NOT_SERVING_COMMUNITY' });
    // An old demand without a place: every resource of the kind is within reach.
    const placeless = await submitDemand(
      resourcePools.db,
      {
        title: '维修小区路灯',
        description: '测试',
        category: 'FACILITY_EQUIPMENT',
        subKind: 'LIGHTING',
        communityId: community,
        source: 'RESIDENT_ORDER',
        actor: 'test:community-worker',
      },
      NOW,
    );
    const anywhere = await run(EXCLUSIONS, { id: placeless.id, first: 3 });
    expect(anywhere.errors).toBeUndefined();
    expect(anywhere.data!.matchCandidates.exclusions.nodes.map((node: any) => node.reason)).toContain('NOT_SERVING_COMMUNITY');
    expect(anywhere.data!.matchCandidates.exclusions.totalCount).toBeGreaterThanOrEqual(result.exclusions.totalCount);

    // A kind no resource is of, and no rule lets any other kind stand in for.
    await resourcePools.db.query(
      `INSERT INTO help_kinds (category, sub_kind, label, unit, default_amount) VALUES ('MATERIALS', 'TEST_NOTHING', '测试：无人提供', '件', 1)`,
    );
    const [unknownKind] = await submitDemands(community, 'MATERIALS', 1, { subKind: 'TEST_NOTHING' });
    const nothing = await run(EXCLUSIONS, { id: unknownKind, first: 3 });
    expect(nothing.data!.matchCandidates.candidates).toEqual([]);
    expect(nothing.data!.matchCandidates.noCandidateReason).toContain('MATERIALS/TEST_NOTHING');
    expect(nothing.data!.matchCandidates.noCandidateReason).toMatch(/no resource/i);
  });
});

describe('partner directory (co-building over HTTP)', () => {
  it("reuses a unit's pairings and credit for the cache time, then asks again", async () => {
    let clock = 1_000_000;
    const directory = peerPartnerDirectory(testPeers('resource-pools', { 'co-building': coBuilding.url }), { cacheTtlMs: 30_000, now: () => clock });
    const units = plan.units.slice(0, 3).map((unit) => unit.id);
    const statements = async () => sqlStatementsIn(await coBuilding.registry.metrics());
    const before = await statements();
    const first = await directory.unitProfiles(units);
    const afterFirst = await statements();
    expect(afterFirst).toBeGreaterThan(before);
    expect([...first.keys()].sort()).toEqual([...units].sort());
    clock += 29_000;
    expect(await directory.unitProfiles(units)).toEqual(first);
    expect(await statements()).toBe(afterFirst);
    clock += 2_000;
    await directory.unitProfiles(units);
    expect(await statements()).toBeGreaterThan(afterFirst);
  });
});

describe('federation fields', () => {
  it('resolves Community.openDemands and CoBuildingUnit.orders(status)', async () => {
    const communityId = plan.communities[3]!.id;
    const { data, errors } = await run(
      `query($rep: [_Any!]!) { _entities(representations: $rep) { ... on Community { id openDemandCount openDemands { id status community { id } } } } }`,
      { rep: [{ __typename: 'Community', id: communityId }] },
    );
    expect(errors).toBeUndefined();
    const community = data!._entities[0];
    expect(community.openDemands.length).toBe(community.openDemandCount);
    for (const demand of community.openDemands) expect(demand).toMatchObject({ status: 'OPEN', community: { id: communityId } });

    const [order] = await resourcePools.db.query<{ provider_id: string; status: string }>(
      `SELECT r.provider_id, d.status FROM demands d JOIN resources r ON r.id = d.resource_id WHERE r.provider_kind = 'CO_BUILDING_UNIT' AND d.status = 'RATED' LIMIT 1`,
    );
    const units = await run(
      `query($rep: [_Any!]!) { _entities(representations: $rep) { ... on CoBuildingUnit { id orders { id status } rated: orders(status: RATED) { id status rating resource { provider { ... on CoBuildingUnit { id } } } } } } }`,
      { rep: [{ __typename: 'CoBuildingUnit', id: order!.provider_id }] },
    );
    expect(units.errors).toBeUndefined();
    const unit = units.data!._entities[0];
    expect(unit.rated.length).toBeGreaterThan(0);
    expect(unit.orders.length).toBeGreaterThanOrEqual(unit.rated.length);
    for (const rated of unit.rated) expect(rated).toMatchObject({ status: 'RATED', resource: { provider: { id: order!.provider_id } } });
    expect(unit.rated[0].rating).toBeGreaterThanOrEqual(1);
  });
});
