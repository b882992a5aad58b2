/**
 * Gathers what the pure matching functions need — the resources in question with their remaining
 * capacities, the providers' ratings and order history from this subgraph's database, pairings and
 * credit from the co-building subgraph — and turns rankings and allocation plans into API results.
 *
 * Everything is read by indexed SQL scoped to the question: a ranking reads the resources serving
 * the demand's community and counts (and, for the exclusions page, lists) the resources of a kind
 * that could do the job within reach; a plan reads the resources of the kinds its demands need
 * serving its communities. Nothing loads the whole pool.
 */
import { badUserInput, ErrorCode, HubError } from '../../../lib/kernel/errors.js';
import { solveAllocation, solveGreedy, type AllocationFairness, type AllocationProblem } from './allocation.js';
import {
  categoryFitsFromRows,
  closestFirst,
  evaluate,
  EXCLUSION_CLOSENESS,
  noCandidateReason,
  notServingStreetDetail,
  providerKey,
  rank,
  servesStreetOf,
  topScores,
  type CategoryFits,
  type DemandForMatching,
  type ExclusionReason,
  type MatchSignals,
  type MatchTerm,
  type RatingSummary,
  type ResourceForMatching,
} from './matching.js';
import { capacityPeriodKey, nextDemandStatus } from './order-lifecycle.js';
import { capacityExhausted } from './orders.js';
import { PartnerDataUnavailable, type UnitProfile } from '../partner-directory.js';
import type { ResourcePoolsContext } from '../context.js';
import type { BoundingBox, DemandEventRow, DemandRow, HelpKindRow, KindOfHelp, PoolRow, ResourcePoolsStore, ResourceRow } from '../store.js';
import { createResourcePoolsStore, WHOLE_DISTRICT } from '../store.js';

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

/** A resource in question with the communities it is known to serve (those asked about). */
interface PoolEntry<Row extends PoolRow> {
  row: Row;
  servedCommunityIds: Set<string>;
}

interface MatchInputs<Row extends PoolRow> {
  resources: Map<string, { row: Row; match: ResourceForMatching }>;
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

/** What this subgraph's database says about the resources in question. */
interface PoolFacts {
  /** Capacity used in each resource's current period. */
  used: ReadonlyMap<string, number>;
  /** Rated orders per provider, keyed by providerKey(). */
  ratings: ReadonlyMap<string, RatingSummary>;
  /** Orders taken per resource, per community. */
  orders: ReadonlyMap<string, ReadonlyMap<string, number>>;
}

/** PoolFacts of many resources (a batch plan), in three statements. */
async function fetchPoolFacts(store: ResourcePoolsStore, rows: readonly PoolRow[], now: Date): Promise<PoolFacts> {
  const [usage, ratings, counts] = await Promise.all([
    store.findCapacityUsage(rows.map((row) => ({ resourceId: row.id, periodStart: capacityPeriodKey(row.capacity_period, now) }))),
    store.findRatingsByProviderIds([...new Set(rows.map((row) => row.provider_id))]),
    store.findOrderCountsByResourceIds(rows.map((row) => row.id)),
  ]);
  const orders = new Map<string, Map<string, number>>();
  for (const row of counts) {
    const byCommunity = orders.get(row.resource_id) ?? new Map<string, number>();
    byCommunity.set(row.community_id, row.count);
    orders.set(row.resource_id, byCommunity);
  }
  return {
    used: new Map(usage.map((row) => [row.resource_id, row.used])),
    ratings: new Map(ratings.map((row) => [providerKey(row.provider_kind, row.provider_id), { sum: row.sum, count: row.count }])),
    orders,
  };
}

/** Pairings and credit of these units from co-building (batched), or 'unavailable' with the reason added to `reasons`. */
async function partnerProfiles(
  context: ResourcePoolsContext,
  unitIds: readonly string[],
  reasons: string[],
): Promise<ReadonlyMap<string, UnitProfile> | 'unavailable'> {
  if (unitIds.length === 0) return new Map();
  return settle(context.matching.partners.unitProfiles(unitIds), 'pairing (结对) and duty credit data', reasons);
}

const unitIdsOf = (rows: readonly Pick<PoolRow, 'provider_kind' | 'provider_id'>[]) => [
  ...new Set(rows.filter((row) => row.provider_kind === 'CO_BUILDING_UNIT').map((row) => row.provider_id)),
];

/** The resources in question ready for the pure functions. */
function matchInputs<Row extends PoolRow>(
  pool: readonly PoolEntry<Row>[],
  fits: CategoryFits,
  facts: PoolFacts,
  units: ReadonlyMap<string, UnitProfile> | 'unavailable',
  degradedReasons: string[],
): MatchInputs<Row> {
  const resources = new Map<string, { row: Row; match: ResourceForMatching }>();
  for (const { row, servedCommunityIds } of pool) {
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
        servedCommunityIds,
        servedStreetIds: row.served_street_ids,
        capacityAmount: row.capacity_amount,
        capacityUnit: row.capacity_unit,
        remaining: row.capacity_amount - (facts.used.get(row.id) ?? 0),
      },
    });
  }
  return {
    resources,
    degradedReasons,
    signals: { fits, units, ratings: facts.ratings, ordersOf: (resourceId) => facts.orders.get(resourceId) },
  };
}

/** `streetId`: the street of the demand's community, null when this subgraph does not know it. */
function forMatching(demand: DemandRow, streetId: string | null): DemandForMatching {
  return {
    id: demand.id,
    category: demand.category,
    subKind: demand.sub_kind,
    communityId: demand.community_id,
    streetId,
    lat: demand.lat,
    lng: demand.lng,
    amount: demand.amount,
    unit: demand.unit,
  };
}

/** The kinds of resource that can do (or stand in for) the demand's job, with their fit. */
function fittingKinds(demand: DemandForMatching, kinds: readonly HelpKindRow[], fits: CategoryFits): (KindOfHelp & { weight: number })[] {
  return kinds
    .map((kind) => ({ category: kind.category, subKind: kind.sub_kind, weight: fits.fit(demand, { category: kind.category, subKind: kind.sub_kind }).weight }))
    .filter((kind) => kind.weight > 0);
}

const KM_PER_DEGREE = 111.32;

/** The box of MATCH_MAX_DISTANCE_KM around the demand; null (anywhere) for a demand without a place. */
function reachOf(demand: DemandForMatching, maxDistanceKm: number): BoundingBox | null {
  if (demand.lat === null || demand.lng === null) return null;
  const dLat = maxDistanceKm / KM_PER_DEGREE;
  const dLng = maxDistanceKm / (KM_PER_DEGREE * Math.max(0.01, Math.cos((demand.lat * Math.PI) / 180)));
  return { south: demand.lat - dLat, north: demand.lat + dLat, west: demand.lng - dLng, east: demand.lng + dLng };
}

function inBox(resource: { lat: number | null; lng: number | null }, box: BoundingBox | null): boolean {
  return (
    box === null ||
    resource.lat === null ||
    resource.lng === null ||
    (resource.lat >= box.south && resource.lat <= box.north && resource.lng >= box.west && resource.lng <= box.east)
  );
}

/** How many of the closest resources not serving the community a ranking reads beside its pool: the API's default page of exclusions. */
const PREFETCHED_EXCLUSIONS = 5;

/** The exclusions among the ranked resources whose reason comes before NOT_SERVING_COMMUNITY in closeness. */
const BEFORE_NOT_SERVING = new Set(EXCLUSION_CLOSENESS.slice(0, EXCLUSION_CLOSENESS.indexOf('NOT_SERVING_COMMUNITY')));

/** One stretch of the exclusions, closest first: already ranked in memory, or listed from SQL as far as a page reaches. */
interface ExclusionStretch {
  count: number;
  page(offset: number, limit: number): Promise<ExclusionModel[]> | ExclusionModel[];
}

/** The exclusions page by page across stretches in closeness order: each stretch read only where the page reaches it. */
async function pageAcross(stretches: readonly ExclusionStretch[], offset: number, limit: number): Promise<ExclusionModel[]> {
  const page: ExclusionModel[] = [];
  let skip = offset;
  for (const stretch of stretches) {
    if (page.length >= limit) break;
    if (skip >= stretch.count) {
      skip -= stretch.count;
      continue;
    }
    const wanted = Math.min(limit - page.length, stretch.count - skip);
    page.push(...(await stretch.page(skip, wanted)));
    skip = 0;
  }
  return page;
}

/**
 * Query.matchCandidates: null for an unknown demand. Ranks the resources serving the demand's
 * community (those of them not serving its street are ruled out: NOT_SERVING_STREET); the resources
 * of a kind that could do the job within reach but not serving the community are counted in SQL,
 * those serving the street apart from the others, and listed only when a page of exclusions reaches them.
 */
export async function matchCandidates(context: ResourcePoolsContext, demandId: string, first: number): Promise<MatchResultModel | null> {
  if (!Number.isInteger(first) || first < 1 || first > 100) throw badUserInput('first', 'must be between 1 and 100');
  const store = context.store;
  // As much at once as the data allows: the demand and the fit rules; then the community's resources
  // (and from them the call to co-building) beside the count of the others within reach.
  const [row, { fits: fitRows, kinds: kindRows }] = await Promise.all([context.loaders.demandById.load(demandId), store.findFitsAndKinds()]);
  if (!row) return null;
  // The demand is read with its community's street; a row from elsewhere (without it) asks the mapping.
  const streetId = row.street_id !== undefined ? row.street_id : ((await store.findStreetIdsOfCommunities([row.community_id])).get(row.community_id) ?? null);
  const demand = forMatching(row, streetId);
  const config = context.matching.match;
  const now = context.clock();
  const fits = categoryFitsFromRows(fitRows);
  const kinds = fittingKinds(demand, kindRows, fits);
  const box = reachOf(demand, config.maxDistanceKm);
  // The community's resources that could do the job, then co-building about their units, while the
  // others within reach are counted.
  const degradedReasons: string[] = [];
  const pooled = store
    .findRankingPool(row.community_id, kinds, {
      DAY: capacityPeriodKey('DAY', now),
      WEEK: capacityPeriodKey('WEEK', now),
      MONTH: capacityPeriodKey('MONTH', now),
      YEAR: capacityPeriodKey('YEAR', now),
    })
    .then(async (serving) => ({ serving, units: await partnerProfiles(context, unitIdsOf(serving), degradedReasons) }));
  // The others within reach are counted, and the closest of the street's ones not serving the
  // community listed from the same rows: most first pages of exclusions reach them (93 % in the
  // bench's city), and a page asked for after the answer would add a third round trip in a row.
  const near = demand.lat === null || demand.lng === null || box === null ? null : { from: { lat: demand.lat, lng: demand.lng }, box };
  const closestOf = (serving: boolean, offset: number, limit: number) =>
    store.findClosestResourcesInReach(kinds, near, row.community_id, streetId === null ? null : { id: streetId, serving }, offset, limit);
  const [{ serving, units }, inReach] = await Promise.all([pooled, store.findReach(kinds, near, streetId, row.community_id, PREFETCHED_EXCLUSIONS)]);
  const facts: PoolFacts = {
    used: new Map(serving.map((resource) => [resource.id, resource.used])),
    ratings: new Map(
      serving
        .filter((resource) => resource.rating_count !== null)
        .map((resource) => [providerKey(resource.provider_kind, resource.provider_id), { sum: resource.rating_sum!, count: resource.rating_count! }]),
    ),
    orders: new Map(serving.map((resource) => [resource.id, new Map(Object.entries(resource.orders ?? {}))])),
  };
  const pool = serving.map(({ used: _used, orders: _orders, rating_sum: _sum, rating_count: _count, ...resource }) => ({
    row: resource,
    servedCommunityIds: new Set([row.community_id]),
  }));
  const inputs = matchInputs(pool, fits, facts, units, degradedReasons);
  if (inputs.degradedReasons.length > 0) context.log.warn('ranking without partner data', { demandId, reasons: inputs.degradedReasons });
  const ranking = rank(
    demand,
    [...inputs.resources.values()].map((entry) => entry.match),
    inputs.signals,
    config,
    first,
  );
  // The community's resources SQL counted too (fitting, within reach), by whether they serve the street.
  const countedHere = [...inputs.resources.values()].filter((entry) => fits.fit(demand, entry.match).weight > 0 && inBox(entry.row, box));
  const countedHereServing = countedHere.filter((entry) => servesStreetOf(demand, entry.match)).length;
  const notServingCommunity = Math.max(0, inReach.servingStreet - countedHereServing);
  const notServingStreetElsewhere = Math.max(0, inReach.total - inReach.servingStreet - (countedHere.length - countedHereServing));
  // The community's resources of kinds that cannot do the job, counted in SQL, read only when a page reaches them.
  const wrongKind = Math.max(0, inReach.servingCommunity - serving.length);
  const counts = new Map<ExclusionReason, number>();
  for (const exclusion of ranking.excluded) counts.set(exclusion.reason, (counts.get(exclusion.reason) ?? 0) + 1);
  if (wrongKind > 0) counts.set('WRONG_CATEGORY', (counts.get('WRONG_CATEGORY') ?? 0) + wrongKind);
  if (notServingCommunity > 0) counts.set('NOT_SERVING_COMMUNITY', notServingCommunity);
  if (notServingStreetElsewhere > 0) counts.set('NOT_SERVING_STREET', (counts.get('NOT_SERVING_STREET') ?? 0) + notServingStreetElsewhere);
  const rowOf = (id: string) => inputs.resources.get(id)!.row;
  const explained = (exclusion: (typeof ranking.excluded)[number]): ExclusionModel => ({
    resource: rowOf(exclusion.resource.id),
    reason: exclusion.reason,
    detail: exclusion.detail,
  });
  const ranked = (keep: (reason: ExclusionReason) => boolean): ExclusionStretch => {
    const list = ranking.excluded.filter((exclusion) => keep(exclusion.reason)).sort(closestFirst(demand));
    return { count: list.length, page: (offset, limit) => list.slice(offset, offset + limit).map(explained) };
  };
  // Closest first from the indexes, leaving out the community's resources (they are ranked above).
  const listed = (count: number, serving: boolean, reason: ExclusionReason, detail: (resource: ResourceRow) => string): ExclusionStretch => ({
    count,
    async page(offset, limit) {
      const rows = serving && offset + limit <= PREFETCHED_EXCLUSIONS ? inReach.closest.slice(offset, offset + limit) : await closestOf(serving, offset, limit);
      return rows.map((resource) => ({ resource, reason, detail: detail(resource) }));
    },
  });
  const stretches: ExclusionStretch[] = [
    // The near misses among the community's resources,
    ranked((reason) => BEFORE_NOT_SERVING.has(reason)),
    // then the resources of the street not serving the community,
    listed(notServingCommunity, true, 'NOT_SERVING_COMMUNITY', () => `the provider does not serve ${row.community_id}`),
    // then those not serving the street: the community's ones first, then the others within reach,
    ranked((reason) => reason === 'NOT_SERVING_STREET'),
    listed(notServingStreetElsewhere, false, 'NOT_SERVING_STREET', (resource) => notServingStreetDetail(streetId!, resource.served_street_ids)),
    // then the community's ones that cannot do the job (the pool holds only kinds that can).
    {
      count: wrongKind,
      async page(offset, limit) {
        const rows = await store.findResourcesServingCommunityNotOfKinds(row.community_id, kinds);
        const others = matchInputs(
          rows.map((resource) => ({ row: resource, servedCommunityIds: new Set([row.community_id]) })),
          fits,
          { used: new Map(), ratings: new Map(), orders: new Map() },
          new Map(),
          [],
        );
        // Every one is ruled out by its kind before any other data counts (evaluate), so none is needed.
        const excluded = rank(
          demand,
          [...others.resources.values()].map((entry) => entry.match),
          others.signals,
          config,
        ).excluded;
        return excluded.slice(offset, offset + limit).map((exclusion) => ({
          resource: others.resources.get(exclusion.resource.id)!.row,
          reason: exclusion.reason,
          detail: exclusion.detail,
        }));
      },
    },
  ];
  return {
    demand: row,
    degraded: inputs.degradedReasons.length > 0,
    degradedReasons: inputs.degradedReasons,
    candidates: ranking.candidates.map((candidate) => ({
      resource: rowOf(candidate.resource.id),
      score: candidate.score,
      standIn: candidate.standIn,
      explanation: { terms: candidate.terms },
    })),
    noCandidateReason: noCandidateReason(demand, counts, ranking.candidates.length, config),
    exclusions: {
      totalCount: stretches.reduce((sum, stretch) => sum + stretch.count, 0),
      byReason: EXCLUSION_CLOSENESS.filter((reason) => counts.has(reason)).map((reason) => ({ reason, count: counts.get(reason)! })),
      page: (offset, limit) => pageAcross(stretches, offset, limit),
    },
  };
}

export interface AllocationScope {
  officeId?: string | null;
  communityIds?: readonly string[] | null;
  candidatesPerDemand?: number | null;
  actor?: string | null;
}

/** One demand assigned to one resource; the resource row and the explanation are produced only when asked for. */
export interface AllocationModel {
  demand: DemandRow;
  resource: PoolRow;
  score: number;
  explain(): { terms: MatchTerm[] };
}

export interface AllocationPlanModel {
  dryRun: boolean;
  degraded: boolean;
  degradedReasons: string[];
  allocations: AllocationModel[];
  unallocated: DemandRow[];
  objective: number;
  greedyObjective: number;
  fairness: AllocationFairness;
  greedyFairness: AllocationFairness;
  exact: boolean;
  objectiveBound: number;
  method: string;
}

/** Communities one proposeAllocations may cover: a whole city's. */
export const MAX_SCOPE_COMMUNITIES = 10_000;

/** Mutation.proposeAllocations. */
export async function proposeAllocations(
  context: ResourcePoolsContext,
  scope: AllocationScope,
  dryRun: boolean,
  /** Checks the caller may allocate in these communities (lib/auth/policy.ts) before anything is read or dispatched. */
  guard?: (communityIds: readonly string[]) => void | Promise<void>,
  /** Dispatch even a plan built without pairing or credit data (the caller has seen it flagged). */
  allowDegraded = false,
): Promise<AllocationPlanModel> {
  const k = scope.candidatesPerDemand ?? 15;
  if (!Number.isInteger(k) || k < 1 || k > 50) throw badUserInput('scope.candidatesPerDemand', 'must be between 1 and 50');
  const actor = (scope.actor ?? 'system:allocation').trim();
  if (actor.length === 0 || actor.length > 100) throw badUserInput('scope.actor', 'must be 1–100 characters');
  if (scope.officeId == null && scope.communityIds == null) throw badUserInput('scope', 'give officeId, communityIds or both');
  let communityIds = scope.communityIds == null ? null : [...new Set(scope.communityIds)];
  if (communityIds !== null && (communityIds.length === 0 || communityIds.length > MAX_SCOPE_COMMUNITIES)) {
    throw badUserInput('scope.communityIds', `must name 1–${MAX_SCOPE_COMMUNITIES} communities`);
  }
  if (scope.officeId != null) {
    const ofOffice = new Set(await context.store.findCommunityIdsByOfficeId(scope.officeId));
    if (ofOffice.size === 0) throw badUserInput('scope.officeId', `no communities are mapped to office ${scope.officeId}`);
    communityIds = communityIds === null ? [...ofOffice] : communityIds.filter((id) => ofOffice.has(id));
  }
  const scopeIds = communityIds ?? [];
  await guard?.(scopeIds);
  const store = context.store;
  const [demands, { fits: fitRows, kinds: kindRows }, streetOf] = await Promise.all([
    scopeIds.length === 0 ? Promise.resolve([]) : store.findOpenDemandsByCommunityIds(scopeIds, WHOLE_DISTRICT),
    store.findFitsAndKinds(),
    store.findStreetIdsOfCommunities(scopeIds),
  ]);
  // Each demand is matched in its community's street (a scope may span streets: a district's plan).
  const demandForMatching = (demand: DemandRow) => forMatching(demand, streetOf.get(demand.community_id) ?? null);
  const fits = categoryFitsFromRows(fitRows);
  // The kinds each kind of demand of the scope could use, worked out once per kind of demand.
  const kindKey = (kind: { category: string; subKind: string }) => `${kind.category}|${kind.subKind}`;
  const fittingByDemandKind = new Map<string, string[]>();
  const needed = new Map<string, KindOfHelp>();
  for (const demand of demands) {
    const key = `${demand.category}|${demand.sub_kind}`;
    if (fittingByDemandKind.has(key)) continue;
    const fitting = fittingKinds(demandForMatching(demand), kindRows, fits);
    fittingByDemandKind.set(key, fitting.map(kindKey));
    for (const kind of fitting) needed.set(kindKey(kind), kind);
  }
  // Only resources serving a street of the scope; every street when a community's is not known here (nothing is ruled out by street then).
  const scopeStreets = scopeIds.every((id) => streetOf.has(id)) ? [...new Set(streetOf.values())] : null;
  const { resources: poolRows, links } = await store.findPoolForCommunities([...needed.values()], scopeIds, scopeStreets);
  const served = new Map<string, Set<string>>();
  for (const link of links) {
    let communities = served.get(link.resource_id);
    if (!communities) served.set(link.resource_id, (communities = new Set()));
    communities.add(link.community_id);
  }
  const degradedReasons: string[] = [];
  const [facts, units] = await Promise.all([fetchPoolFacts(store, poolRows, context.clock()), partnerProfiles(context, unitIdsOf(poolRows), degradedReasons)]);
  const inputs = matchInputs(
    poolRows.map((row) => ({ row, servedCommunityIds: served.get(row.id)! })),
    fits,
    facts,
    units,
    degradedReasons,
  );
  const degraded = inputs.degradedReasons.length > 0;
  if (degraded) {
    context.log.warn('allocation plan without partner data', { communities: scopeIds.length, dryRun, allowDegraded, reasons: inputs.degradedReasons });
  }

  // Each demand's top-k candidates become the edges of the flow problem: only the resources of a
  // fitting kind serving its community are scored (community → kind → resources).
  const resourceList = [...inputs.resources.values()];
  const resourceIndex = new Map(resourceList.map((entry, i) => [entry.row.id, i]));
  const byCommunityKind = new Map<string, Map<string, ResourceForMatching[]>>();
  for (const link of links) {
    const entry = inputs.resources.get(link.resource_id)!;
    let byKind = byCommunityKind.get(link.community_id);
    if (!byKind) byCommunityKind.set(link.community_id, (byKind = new Map<string, ResourceForMatching[]>()));
    const key = kindKey(entry.match);
    let list = byKind.get(key);
    if (!list) byKind.set(key, (list = []));
    list.push(entry.match);
  }
  const edges: AllocationProblem['edges'][number][] = [];
  demands.forEach((demand, d) => {
    const byKind = byCommunityKind.get(demand.community_id);
    const candidates = byKind ? fittingByDemandKind.get(`${demand.category}|${demand.sub_kind}`)!.flatMap((key) => byKind.get(key) ?? []) : [];
    const top = topScores(demandForMatching(demand), candidates, inputs.signals, context.matching.match, k);
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
  const allocations: AllocationModel[] = [];
  const unallocated: DemandRow[] = [];
  demands.forEach((demand, d) => {
    const r = optimum.assignment[d]!;
    if (r < 0) {
      unallocated.push(demand);
      return;
    }
    const resource = resourceList[r]!;
    allocations.push({
      demand,
      resource: resource.row,
      score: scoreOf.get(`${d}|${r}`)!,
      // Explanations only for the pairs asked about: scoring every candidate without them keeps big batches fast.
      explain() {
        const evaluation = evaluate(demandForMatching(demand), resource.match, inputs.signals, context.matching.match);
        return { terms: evaluation.kind === 'candidate' ? evaluation.terms : [] };
      },
    });
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
  return {
    dryRun,
    degraded,
    degradedReasons: inputs.degradedReasons,
    allocations,
    unallocated,
    objective: optimum.objective.totalScore,
    greedyObjective: greedy.objective.totalScore,
    fairness: optimum.fairness,
    greedyFairness: greedy.fairness,
    exact: optimum.exact,
    objectiveBound: optimum.bound.totalScore,
    method:
      `min-cost flow (successive shortest paths) over each demand's top ${k} candidates; ` +
      `lexicographic: communities reached, then each community's minimum share (${context.matching.fairMinShare}), then total score, ` +
      'then the highest minimum share served (max-min); ' +
      (optimum.exact ? 'proven optimal' : "amounts did not fit the flow's plan, repaired: no plan scores above objectiveBound"),
  };
}

/**
 * Dispatches a plan in one transaction: every demand must still be in the status it was planned in
 * (locked, in id order), and every resource's share of the plan is held with the same conditional
 * upsert a single dispatch uses, so concurrent planners (in any process) cannot hold more than a
 * resource has; otherwise nothing is dispatched (ILLEGAL_TRANSITION / CAPACITY_EXHAUSTED).
 */
async function dispatchAllocations(context: ResourcePoolsContext, allocations: AllocationModel[], actor: string): Promise<void> {
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
    const holds = new Map<string, { resource: PoolRow; periodStart: string; amount: number }>();
    for (const allocation of allocations) {
      const hold = holds.get(allocation.resource.id) ?? {
        resource: allocation.resource,
        periodStart: capacityPeriodKey(allocation.resource.capacity_period, now),
        amount: 0,
      };
      hold.amount += allocation.demand.amount;
      holds.set(allocation.resource.id, hold);
    }
    const held = new Set(
      await store.holdCapacity([...holds.values()].map((hold) => ({ resourceId: hold.resource.id, periodStart: hold.periodStart, amount: hold.amount }))),
    );
    for (const hold of [...holds.values()].sort((a, b) => (a.resource.id < b.resource.id ? -1 : 1))) {
      if (!held.has(hold.resource.id)) throw capacityExhausted(hold.resource, hold.periodStart, hold.amount);
    }
    const dispatched = await store.dispatchDemands(
      allocations.map((allocation) => ({
        id: allocation.demand.id,
        resourceId: allocation.resource.id,
        usagePeriod: holds.get(allocation.resource.id)!.periodStart,
      })),
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
