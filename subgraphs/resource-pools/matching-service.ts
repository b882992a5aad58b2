/**
 * Gathers what the pure matching functions need — the resource pool with remaining capacities, the
 * providers' ratings and order history from this subgraph's database, pairings and credit from the
 * co-building subgraph — and turns rankings and allocation plans into API results.
 */
import { badUserInput, ErrorCode, HubError } from '../../lib/errors.js';
import {
  assess,
  solveAllocation,
  solveGreedy,
  type AllocationFairness,
  type AllocationProblem,
} from './allocation.js';
import {
  evaluate,
  categoryFitsFromRows,
  EXCLUSION_CLOSENESS,
  noCandidateReason,
  type CategoryFits,
  topScores,
  providerKey,
  rank,
  type DemandForMatching,
  type ExclusionReason,
  type MatchSignals,
  type MatchTerm,
  type RatingSummary,
  type ResourceForMatching,
} from './matching.js';
import { capacityPeriodKey, nextDemandStatus } from './order-lifecycle.js';
import { capacityExhausted } from './orders.js';
import { PartnerDataUnavailable, type UnitProfile } from './partner-directory.js';
import type { ResourcePoolsContext } from './context.js';
import type { DemandEventRow, DemandRow, MatchPoolRow, ResourcePoolsStore, ResourceRow } from './store.js';
import { createResourcePoolsStore } from './store.js';

export interface ExplainedCandidate {
  resource: ResourceRow;
  score: number;
  standIn: boolean;
  explanation: { terms: MatchTerm[] };
}

export interface ExclusionModel {
  resource: ResourceRow;
  reason: ExclusionReason;
  detail: string;
}

/** The ruled-out resources of a ranking: counted by reason, listed closest first a page at a time. */
export interface ExclusionsModel {
  totalCount: number;
  /** Reasons that ruled something out, closest first (EXCLUSION_CLOSENESS). */
  byReason: { reason: ExclusionReason; count: number }[];
  /** Up to `limit` exclusions from position `offset`, closest first. */
  page(offset: number, limit: number): Promise<ExclusionModel[]>;
}

export interface MatchResultModel {
  demand: DemandRow;
  degraded: boolean;
  degradedReasons: string[];
  candidates: ExplainedCandidate[];
  /** Why nothing fits, in words; null when something does. */
  noCandidateReason: string | null;
  exclusions: ExclusionsModel;
}

interface MatchInputs {
  resources: Map<string, { row: ResourceRow; match: ResourceForMatching }>;
  signals: MatchSignals;
  /** Why some terms had to do without their data (empty when nothing was missing). */
  degradedReasons: string[];
}

async function settle<T>(promise: Promise<T>, what: string, reasons: string[]): Promise<T | 'unavailable'> {
  try {
    return await promise;
  } catch (error) {
    // Only the partner's own failures degrade to "unavailable"; programming errors surface.
    if (!(error instanceof PartnerDataUnavailable)) throw error;
    reasons.push(`${what} unavailable: ${error.message}`);
    return 'unavailable';
  }
}

/** Everything matching needs about `pool`, in a fixed number of statements and calls. */
async function loadMatchInputs(context: ResourcePoolsContext, store: ResourcePoolsStore, pool: readonly MatchPoolRow[], fits: CategoryFits): Promise<MatchInputs> {
  const now = context.clock();
  const ids = pool.map((row) => row.id);
  const unitIds = [...new Set(pool.filter((row) => row.provider_kind === 'CO_BUILDING_UNIT').map((row) => row.provider_id))];
  const degradedReasons: string[] = [];
  const [usage, ratings, counts, units] = await Promise.all([
    store.findCapacityUsage(pool.map((row) => ({ resourceId: row.id, periodStart: capacityPeriodKey(row.capacity_period, now) }))),
    store.findRatingsByProviderIds([...new Set(pool.map((row) => row.provider_id))]),
    store.findOrderCountsByResourceIds(ids),
    unitIds.length === 0
      ? new Map<string, UnitProfile>()
      : settle(context.matching.partners.unitProfiles(unitIds), 'pairing (结对) and duty credit data', degradedReasons),
  ]);
  const used = new Map(usage.map((row) => [row.resource_id, row.used]));
  const ratingByProvider = new Map<string, RatingSummary>(ratings.map((row) => [providerKey(row.provider_kind, row.provider_id), { sum: row.sum, count: row.count }]));
  const ordersByResource = new Map<string, Map<string, number>>();
  for (const row of counts) {
    const byCommunity = ordersByResource.get(row.resource_id) ?? new Map<string, number>();
    byCommunity.set(row.community_id, row.count);
    ordersByResource.set(row.resource_id, byCommunity);
  }
  const resources = new Map<string, { row: ResourceRow; match: ResourceForMatching }>();
  for (const { served_community_ids: served, ...row } of pool) {
    resources.set(row.id, {
      row,
      match: {
        id: row.id,
        category: row.category,
        subKind: row.sub_kind,
        providerKind: row.provider_kind,
        providerId: row.provider_id,
        lat: row.lat,
        lng: row.lng,
        servedCommunityIds: new Set(served),
        capacityAmount: row.capacity_amount,
        capacityUnit: row.capacity_unit,
        remaining: row.capacity_amount - (used.get(row.id) ?? 0),
      },
    });
  }
  return {
    resources,
    degradedReasons,
    signals: { fits, units, ratings: ratingByProvider, ordersOf: (resourceId) => ordersByResource.get(resourceId) },
  };
}

function forMatching(demand: DemandRow): DemandForMatching {
  return {
    id: demand.id,
    category: demand.category,
    subKind: demand.sub_kind,
    communityId: demand.community_id,
    lat: demand.lat,
    lng: demand.lng,
    amount: demand.amount,
    unit: demand.unit,
  };
}

/** Query.matchCandidates: null for an unknown demand. */
export async function matchCandidates(context: ResourcePoolsContext, demandId: string, first: number): Promise<MatchResultModel | null> {
  if (!Number.isInteger(first) || first < 1 || first > 100) throw badUserInput('first', 'must be between 1 and 100');
  const demand = await context.loaders.demandById.load(demandId);
  if (!demand) return null;
  const fits = categoryFitsFromRows(await context.store.findCategoryFits());
  const pool = await context.store.findMatchPool(fits.categoriesFor(demand.category), demand.community_id);
  const inputs = await loadMatchInputs(context, context.store, pool, fits);
  if (inputs.degradedReasons.length > 0) context.log.warn('ranking without partner data', { demandId, reasons: inputs.degradedReasons });
  const ranking = rank(
    forMatching(demand),
    [...inputs.resources.values()].map((entry) => entry.match),
    inputs.signals,
    context.matching.match,
    first,
  );
  const counts = new Map<ExclusionReason, number>();
  for (const exclusion of ranking.excluded) counts.set(exclusion.reason, (counts.get(exclusion.reason) ?? 0) + 1);
  const rowOf = (id: string) => inputs.resources.get(id)!.row;
  return {
    demand,
    degraded: inputs.degradedReasons.length > 0,
    degradedReasons: inputs.degradedReasons,
    candidates: ranking.candidates.map((candidate) => ({
      resource: rowOf(candidate.resource.id),
      score: candidate.score,
      standIn: candidate.standIn,
      explanation: { terms: candidate.terms },
    })),
    noCandidateReason: noCandidateReason(forMatching(demand), counts, ranking.candidates.length, context.matching.match),
    exclusions: {
      totalCount: ranking.excluded.length,
      byReason: EXCLUSION_CLOSENESS.filter((reason) => counts.has(reason)).map((reason) => ({ reason, count: counts.get(reason)! })),
      page: async (offset, limit) =>
        ranking.excluded.slice(offset, offset + limit).map((exclusion) => ({ resource: rowOf(exclusion.resource.id), reason: exclusion.reason, detail: exclusion.detail })),
    },
  };
}

export interface AllocationScope {
  officeId?: string | null;
  communityIds?: readonly string[] | null;
  candidatesPerDemand?: number | null;
  actor?: string | null;
}

export interface AllocationPlanModel {
  dryRun: boolean;
  degraded: boolean;
  degradedReasons: string[];
  allocations: { demand: DemandRow; resource: ResourceRow; score: number; explanation: { terms: MatchTerm[] } }[];
  unallocated: DemandRow[];
  objective: number;
  greedyObjective: number;
  fairness: AllocationFairness;
  greedyFairness: AllocationFairness;
  exact: boolean;
  objectiveBound: number;
  method: string;
}

/** Mutation.proposeAllocations. */
export async function proposeAllocations(
  context: ResourcePoolsContext,
  scope: AllocationScope,
  dryRun: boolean,
  /** Checks the caller may allocate in these communities (lib/auth/policy.ts) before anything is read or dispatched. */
  guard?: (communityIds: readonly string[]) => void,
  /** Dispatch even a plan built without pairing or credit data (the caller has seen it flagged). */
  allowDegraded = false,
): Promise<AllocationPlanModel> {
  const k = scope.candidatesPerDemand ?? 15;
  if (!Number.isInteger(k) || k < 1 || k > 50) throw badUserInput('scope.candidatesPerDemand', 'must be between 1 and 50');
  const actor = (scope.actor ?? 'system:allocation').trim();
  if (actor.length === 0 || actor.length > 100) throw badUserInput('scope.actor', 'must be 1–100 characters');
  if (scope.officeId == null && scope.communityIds == null) throw badUserInput('scope', 'give officeId, communityIds or both');
  let communityIds = scope.communityIds == null ? null : [...new Set(scope.communityIds)];
  if (communityIds !== null && (communityIds.length === 0 || communityIds.length > 1000)) {
    throw badUserInput('scope.communityIds', 'must name 1–1000 communities');
  }
  if (scope.officeId != null) {
    const ofOffice = await context.store.findCommunityIdsByOfficeId(scope.officeId);
    if (ofOffice.length === 0) throw badUserInput('scope.officeId', `no communities are mapped to office ${scope.officeId}`);
    communityIds = communityIds === null ? ofOffice : communityIds.filter((id) => ofOffice.includes(id));
  }
  const scopeIds = communityIds ?? [];
  guard?.(scopeIds);
  const demands = scopeIds.length === 0 ? [] : await context.store.findOpenDemandsByCommunityIds(scopeIds);
  const fits = categoryFitsFromRows(await context.store.findCategoryFits());
  const categories = [...new Set(demands.flatMap((demand) => fits.categoriesFor(demand.category)))];
  const pool = demands.length === 0 ? [] : await context.store.findResourcesForCommunities(categories, scopeIds);
  const inputs = await loadMatchInputs(context, context.store, pool, fits);
  const degraded = inputs.degradedReasons.length > 0;
  if (degraded) {
    context.log.warn('allocation plan without partner data', { communities: scopeIds.length, dryRun, allowDegraded, reasons: inputs.degradedReasons });
  }

  // Each demand's top-k candidates become the edges of the flow problem.
  const resourceList = [...inputs.resources.values()];
  const resourceIndex = new Map(resourceList.map((entry, i) => [entry.row.id, i]));
  const byCommunity = new Map<string, ResourceForMatching[]>();
  for (const entry of resourceList) {
    for (const communityId of entry.match.servedCommunityIds) {
      byCommunity.set(communityId, [...(byCommunity.get(communityId) ?? []), entry.match]);
    }
  }
  const edges: AllocationProblem['edges'][number][] = [];
  demands.forEach((demand, d) => {
    const top = topScores(forMatching(demand), byCommunity.get(demand.community_id) ?? [], inputs.signals, context.matching.match, k);
    for (const candidate of top) edges.push({ demand: d, resource: resourceIndex.get(candidate.resource.id)!, score: candidate.score });
  });
  const problem: AllocationProblem = {
    demands: demands.map((demand) => ({ id: demand.id, communityId: demand.community_id, amount: demand.amount })),
    resources: resourceList.map((entry) => ({ id: entry.row.id, capacity: Math.max(0, entry.match.remaining) })),
    edges,
    minShare: context.matching.fairMinShare,
  };
  const optimum = solveAllocation(problem);
  const greedy = solveGreedy(problem);
  const scoreOf = new Map(edges.map((edge) => [`${edge.demand}|${edge.resource}`, edge.score]));
  const allocations: AllocationPlanModel['allocations'] = [];
  const unallocated: DemandRow[] = [];
  demands.forEach((demand, d) => {
    const r = optimum.assignment[d]!;
    if (r < 0) {
      unallocated.push(demand);
      return;
    }
    const resource = resourceList[r]!;
    // Explanations only for the pairs chosen: scoring every candidate without them is what keeps big batches fast.
    const evaluation = evaluate(forMatching(demand), resource.match, inputs.signals, context.matching.match);
    const terms = evaluation.kind === 'candidate' ? evaluation.terms : [];
    allocations.push({ demand, resource: resource.row, score: scoreOf.get(`${d}|${r}`)!, explanation: { terms } });
  });

  if (!dryRun && degraded && !allowDegraded) {
    // A plan that silently dropped the pairing and credit terms must not become orders unnoticed.
    throw new HubError(
      ErrorCode.SUBGRAPH_UNAVAILABLE,
      `the plan was made without data from co-building (${inputs.degradedReasons.join('; ')}), so nothing was dispatched; ` +
        'try again when co-building answers, or dispatch this plan anyway with allowDegraded: true',
      { serviceName: 'co-building', reasons: inputs.degradedReasons },
    );
  }
  if (!dryRun && allocations.length > 0) await dispatchAllocations(context, allocations, actor);
  const greedyCheck = assess(problem, greedy.assignment);
  return {
    dryRun,
    degraded,
    degradedReasons: inputs.degradedReasons,
    allocations,
    unallocated,
    objective: optimum.objective.totalScore,
    greedyObjective: greedyCheck.objective.totalScore,
    fairness: optimum.fairness,
    greedyFairness: greedyCheck.fairness,
    exact: optimum.exact,
    objectiveBound: optimum.bound.totalScore,
    method:
      `min-cost flow (successive shortest paths) over each demand's top ${k} candidates; ` +
      `lexicographic: communities reached, then each community's minimum share (${context.matching.fairMinShare}), then total score, ` +
      'then the highest minimum share served (max-min); ' +
      (optimum.exact
        ? 'proven optimal'
        : 'amounts did not fit the flow\'s plan, repaired: no plan scores above objectiveBound'),
  };
}

/**
 * Dispatches a plan in one transaction: every demand must still be in the status it was planned in
 * (locked, in id order), and every resource's share of the plan is held with the same conditional
 * upsert a single dispatch uses, so concurrent planners (in any process) cannot hold more than a
 * resource has; otherwise nothing is dispatched (ILLEGAL_TRANSITION / CAPACITY_EXHAUSTED).
 */
async function dispatchAllocations(context: ResourcePoolsContext, allocations: AllocationPlanModel['allocations'], actor: string): Promise<void> {
  const now = context.clock();
  await context.db.transaction(async (tx) => {
    const store = createResourcePoolsStore(tx);
    const ids = allocations.map((allocation) => allocation.demand.id);
    const locked = new Map((await store.lockDemands(ids)).map((demand) => [demand.id, demand]));
    for (const allocation of allocations) {
      const demand = locked.get(allocation.demand.id);
      // The plan was made from this status; a demand someone else moved since is not ours to dispatch.
      if (!demand || demand.status !== allocation.demand.status || nextDemandStatus(demand.status, 'DISPATCH') === null) {
        throw new HubError(ErrorCode.ILLEGAL_TRANSITION, `demand ${allocation.demand.id} changed since the plan was made; propose again`, {
          status: demand?.status ?? null,
          action: 'DISPATCH',
        });
      }
    }
    const holds = new Map<string, { resource: ResourceRow; periodStart: string; amount: number }>();
    for (const allocation of allocations) {
      const hold = holds.get(allocation.resource.id) ?? { resource: allocation.resource, periodStart: capacityPeriodKey(allocation.resource.capacity_period, now), amount: 0 };
      hold.amount += allocation.demand.amount;
      holds.set(allocation.resource.id, hold);
    }
    const held = new Set(await store.holdCapacity([...holds.values()].map((hold) => ({ resourceId: hold.resource.id, periodStart: hold.periodStart, amount: hold.amount }))));
    for (const hold of [...holds.values()].sort((a, b) => (a.resource.id < b.resource.id ? -1 : 1))) {
      if (!held.has(hold.resource.id)) throw capacityExhausted(hold.resource, hold.periodStart, hold.amount);
    }
    const dispatched = await store.dispatchDemands(
      allocations.map((allocation) => ({ id: allocation.demand.id, resourceId: allocation.resource.id, usagePeriod: holds.get(allocation.resource.id)!.periodStart })),
    );
    const byId = new Map(dispatched.map((demand) => [demand.id, demand]));
    const events: DemandEventRow[] = allocations.map((allocation) => ({
      demand_id: allocation.demand.id,
      kind: 'DISPATCH',
      from_status: allocation.demand.status,
      to_status: 'DISPATCHED',
      actor,
      note: `batch allocation, score ${allocation.score}`,
      resource_id: allocation.resource.id,
      occurred_at: now.toISOString(),
    }));
    for (const allocation of allocations) allocation.demand = byId.get(allocation.demand.id)!;
    await store.insertDemandEvents(events);
  });
}
