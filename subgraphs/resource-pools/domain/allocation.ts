/**
 * Batch assignment of open demands to resources (proposeAllocations), solved exactly as a min-cost
 * flow. Pure and synchronous: the service builds the candidate graph, the benchmark feeds it 100,000
 * demands, and the tests compare it with brute force.
 *
 * The objective is lexicographic, most important first:
 *   1. communities reached: every community with open demands gets one served before any other
 *      concern counts;
 *   2. quota units: each community c is guaranteed q_c = max(1, ceil(minShare × open_c)) served
 *      demands before any community gets more than its quota;
 *   3. the total score of the served (demand, resource) pairs;
 *   4. among plans equal in all of that, the highest minimum share served (served / open of the
 *      worst-served community), then the next, and so on (lexicographic max-min): fairness does not
 *      stop at the quota floor when it costs no score.
 * each subject to every resource's remaining capacity and each demand being served at most once.
 *
 * The flow network: every demand d has one unit of supply and sends it either to a resource r it has
 * an edge to (cost SMAX − score) or to its community's "unserved" node U_c (cost SMAX). Resources
 * drain to the sink with their capacity; U_c drains through one arc per demand it may leave
 * unserved, with a convex cost: the first open_c − q_c are free, the next q_c − 1 miss a quota unit,
 * the last one also leaves the community with nothing. Since SMAX is paid once per demand either
 * way, minimising the cost vectors (solveOrderSlots) maximises the levels in order. Scores are
 * integers (in 1/10,000, as shown), so the optimum is exact and the objective is the sum shown.
 *
 * Algorithm: successive shortest paths, one augmentation per demand (each demand is an excess node,
 * the sink the only deficit), Dijkstra on reduced costs with node potentials, stopping as soon as the
 * sink is settled. Augmenting along a shortest path keeps the residual graph free of negative cycles,
 * so after the last demand the flow is a min-cost flow.
 */

import { SCORE_UNITS } from './matching.js';

export interface AllocationProblem {
  /** `amount`: how much of a resource's capacity the demand's order holds (default 1), in the resource's unit. */
  demands: readonly { id: string; communityId: string; amount?: number }[];
  /** `capacity`: what is left this period, in the same unit as the amounts of the demands with edges to it. */
  resources: readonly { id: string; capacity: number }[];
  /** Candidate pairs; `demand` and `resource` index the arrays above; at most one edge per pair. */
  edges: readonly { demand: number; resource: number; score: number }[];
  /** 0–1: the share of each community's open demands guaranteed before any community gets more. */
  minShare: number;
}

export interface AllocationObjective {
  communitiesReached: number;
  quotaUnitsServed: number;
  /** Sum of the scores of the served pairs. */
  totalScore: number;
}

export interface AllocationFairness {
  communitiesWithOpenDemands: number;
  communitiesReached: number;
  quotaUnitsServed: number;
  quotaUnitsTotal: number;
  /** min over communities with open demands of served / open. */
  minShare: number;
  /** The same over the communities a plan can reach at all (at least one open demand with a candidate); 1 when none. */
  reachableMinShare: number;
  /** Gini coefficient of served / open across communities with open demands (0 = perfectly even). */
  gini: number;
  served: number;
}

export interface AllocationSolution {
  /** For each demand, the index of its resource, or -1 when it stays open. */
  assignment: Int32Array;
  objective: AllocationObjective;
  fairness: AllocationFairness;
  /** True when the plan is proven to be the optimum; false when amounts forced a repair (see `bound`). */
  exact: boolean;
  /** No plan beats this objective: the optimum of the relaxation, equal to `objective` when `exact`. */
  bound: AllocationObjective;
}

/** Scores are exact in 1/10,000 (matching.ts SCORE_UNITS): a plan's objective is the exact sum of its pairs' scores. */
export const SCORE_SCALE = SCORE_UNITS;

export function scoreToInt(score: number): number {
  return Math.round(score * SCORE_SCALE);
}

/** q_c for a community with `open` open demands. */
export function quotaOf(open: number, minShare: number): number {
  if (open === 0) return 0;
  return Math.min(open, Math.max(1, Math.ceil(minShare * open - 1e-9)));
}

function communityIndex(problem: AllocationProblem): { ofDemand: Int32Array; open: number[]; ids: string[] } {
  const byId = new Map<string, number>();
  const ofDemand = new Int32Array(problem.demands.length);
  const open: number[] = [];
  const ids: string[] = [];
  problem.demands.forEach((demand, i) => {
    let c = byId.get(demand.communityId);
    if (c === undefined) {
      c = ids.length;
      byId.set(demand.communityId, c);
      ids.push(demand.communityId);
      open.push(0);
    }
    ofDemand[i] = c;
    open[c]! += 1;
  });
  return { ofDemand, open, ids };
}

/** Objective and fairness of any assignment (used for the optimum, greedy and brute force alike). */
export function assess(problem: AllocationProblem, assignment: Int32Array): { objective: AllocationObjective; fairness: AllocationFairness } {
  const { ofDemand, open } = communityIndex(problem);
  const scoreOf = new Map<number, number>();
  for (const edge of problem.edges) scoreOf.set(edge.demand * problem.resources.length + edge.resource, scoreToInt(edge.score));
  const served = new Array<number>(open.length).fill(0);
  let scoreInt = 0;
  let total = 0;
  assignment.forEach((resource, demand) => {
    if (resource < 0) return;
    served[ofDemand[demand]!]! += 1;
    scoreInt += scoreOf.get(demand * problem.resources.length + resource) ?? 0;
    total += 1;
  });
  let reached = 0;
  let quotaServed = 0;
  let quotaTotal = 0;
  const shares: number[] = [];
  const reachable = new Uint8Array(open.length);
  for (const edge of problem.edges) reachable[ofDemand[edge.demand]!] = 1;
  let reachableMinShare = 1;
  open.forEach((count, c) => {
    const quota = quotaOf(count, problem.minShare);
    quotaTotal += quota;
    quotaServed += Math.min(quota, served[c]!);
    if (served[c]! > 0) reached += 1;
    shares.push(served[c]! / count);
    if (reachable[c] === 1) reachableMinShare = Math.min(reachableMinShare, served[c]! / count);
  });
  return {
    objective: { communitiesReached: reached, quotaUnitsServed: quotaServed, totalScore: scoreInt / SCORE_SCALE },
    fairness: {
      communitiesWithOpenDemands: open.length,
      communitiesReached: reached,
      quotaUnitsServed: quotaServed,
      quotaUnitsTotal: quotaTotal,
      minShare: shares.reduce((min, share) => Math.min(min, share), 1),
      reachableMinShare,
      gini: gini(shares),
      served: total,
    },
  };
}

export function gini(values: readonly number[]): number {
  const n = values.length;
  if (n === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const sum = sorted.reduce((a, b) => a + b, 0);
  if (sum === 0) return 0;
  let weighted = 0;
  sorted.forEach((value, i) => (weighted += (i + 1) * value));
  return (2 * weighted) / (n * sum) - (n + 1) / n;
}

/** -1 / 0 / 1: lexicographic comparison of two objectives (scores compared in thousandths). */
export function compareObjectives(a: AllocationObjective, b: AllocationObjective): number {
  return (
    Math.sign(a.communitiesReached - b.communitiesReached) ||
    Math.sign(a.quotaUnitsServed - b.quotaUnitsServed) ||
    Math.sign(Math.round(a.totalScore * SCORE_SCALE) - Math.round(b.totalScore * SCORE_SCALE))
  );
}

const amountOf = (problem: AllocationProblem, demand: number) => problem.demands[demand]!.amount ?? 1;

/**
 * How many of its candidate demands a resource can take at most: as many of the smallest amounts as
 * fit its capacity. Every plan that fits the amounts also fits these counts, so the flow over them is
 * a relaxation; where all amounts on a resource are equal (one booking, one visit) it is exact.
 */
function orderSlots(problem: AllocationProblem): number[] {
  const amounts: number[][] = problem.resources.map(() => []);
  for (const edge of problem.edges) amounts[edge.resource]!.push(amountOf(problem, edge.demand));
  return problem.resources.map((resource, r) => {
    const sorted = amounts[r]!.sort((a, b) => a - b);
    let left = resource.capacity;
    let slots = 0;
    for (const amount of sorted) {
      if (amount > left) break;
      left -= amount;
      slots += 1;
    }
    return slots;
  });
}

/**
 * The lexicographic optimum when the amounts allow it: the min-cost flow over order slots is the
 * optimum of a relaxation; if its plan also fits every resource's capacity in amounts (always, when
 * all amounts on a resource are equal) it is the optimum, proven. Otherwise the plan is repaired —
 * orders leave over-full resources, least harmful first, and demands left open take whatever still
 * fits, neediest communities first — and the relaxation's optimum stays as the bound.
 */
export function solveAllocation(problem: AllocationProblem): AllocationSolution {
  const relaxed = solveOrderSlots(problem, orderSlots(problem));
  const used = problem.resources.map(() => 0);
  relaxed.forEach((r, d) => {
    if (r >= 0) used[r]! += amountOf(problem, d);
  });
  const bound = assess(problem, relaxed);
  if (used.every((amount, r) => amount <= problem.resources[r]!.capacity)) return { assignment: relaxed, ...bound, exact: true, bound: bound.objective };
  const repaired = repairAmounts(problem, relaxed, used);
  const result = assess(problem, repaired);
  return { assignment: repaired, ...result, exact: compareObjectives(result.objective, bound.objective) === 0, bound: bound.objective };
}

/** Takes orders off over-full resources and fills what is left; see solveAllocation. */
function repairAmounts(problem: AllocationProblem, relaxed: Int32Array, used: number[]): Int32Array {
  const assignment = Int32Array.from(relaxed);
  const { ofDemand, open } = communityIndex(problem);
  const served = open.map(() => 0);
  assignment.forEach((r, d) => {
    if (r >= 0) served[ofDemand[d]!]! += 1;
  });
  const scoreOf = new Map<number, number>();
  for (const edge of problem.edges) scoreOf.set(edge.demand * problem.resources.length + edge.resource, edge.score);
  // How safely an order can leave: 0 its community would lose its only order, 1 it would fall below its quota, 2 neither.
  const safety = (d: number) => {
    const c = ofDemand[d]!;
    if (served[c]! <= 1) return 0;
    return served[c]! <= quotaOf(open[c]!, problem.minShare) ? 1 : 2;
  };
  const onResource: number[][] = problem.resources.map(() => []);
  assignment.forEach((r, d) => {
    if (r >= 0) onResource[r]!.push(d);
  });
  problem.resources.forEach((resource, r) => {
    while (used[r]! > resource.capacity) {
      // The safest order to take off first, then the one giving back the least score per amount.
      const list = onResource[r]!;
      const perAmount = (d: number) => scoreOf.get(d * problem.resources.length + r)! / amountOf(problem, d);
      let worst = 0;
      for (let i = 1; i < list.length; i++) {
        const candidate = list[i]!;
        const current = list[worst]!;
        if (safety(candidate) > safety(current) || (safety(candidate) === safety(current) && perAmount(candidate) < perAmount(current))) worst = i;
      }
      const d = list.splice(worst, 1)[0]!;
      assignment[d] = -1;
      used[r]! -= amountOf(problem, d);
      served[ofDemand[d]!]! -= 1;
    }
  });
  const edgesOf: { resource: number; score: number }[][] = problem.demands.map(() => []);
  for (const edge of problem.edges) edgesOf[edge.demand]!.push({ resource: edge.resource, score: edge.score });
  for (const list of edgesOf) list.sort((a, b) => b.score - a.score || a.resource - b.resource);
  const neediness = (d: number) => {
    const c = ofDemand[d]!;
    if (served[c]! === 0) return 0;
    return served[c]! < quotaOf(open[c]!, problem.minShare) ? 1 : 2;
  };
  // Neediest community first, then the best score still on offer. Serving a demand can only make
  // the others' keys worse (their community less needy, resources fuller), so a popped key is
  // checked again and pushed back when it changed: a lazy priority queue.
  const keyOf = (d: number): [number, number, number] | null => {
    const edge = edgesOf[d]!.find((candidate) => problem.resources[candidate.resource]!.capacity - used[candidate.resource]! >= amountOf(problem, d));
    return edge ? [neediness(d), -edge.score, edge.resource] : null;
  };
  const before = (a: readonly number[], b: readonly number[]) => a[0]! < b[0]! || (a[0] === b[0] && (a[1]! < b[1]! || (a[1] === b[1] && a[3]! < b[3]!)));
  const queue = new BinaryHeap<[number, number, number, number]>(before);
  assignment.forEach((r, d) => {
    const key = r === -1 ? keyOf(d) : null;
    if (key) queue.push([...key, d]);
  });
  while (queue.size > 0) {
    const top = queue.pop();
    const d = top[3];
    const key = keyOf(d);
    if (!key) continue;
    if (key[0] !== top[0] || key[1] !== top[1] || key[2] !== top[2]) {
      queue.push([...key, d]);
      continue;
    }
    assignment[d] = key[2];
    used[key[2]]! += amountOf(problem, d);
    served[ofDemand[d]!]! += 1;
  }
  return assignment;
}

/** A binary heap ordered by `before` (for the repair's lazy queue). */
class BinaryHeap<T> {
  private items: T[] = [];
  constructor(private readonly before: (a: T, b: T) => boolean) {}

  get size(): number {
    return this.items.length;
  }

  push(item: T): void {
    const items = this.items;
    items.push(item);
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.before(items[i]!, items[parent]!)) break;
      [items[i], items[parent]] = [items[parent]!, items[i]!];
      i = parent;
    }
  }

  pop(): T {
    const items = this.items;
    const top = items[0]!;
    const last = items.pop()!;
    if (items.length > 0) {
      items[0] = last;
      let i = 0;
      for (;;) {
        let best = i;
        for (const child of [2 * i + 1, 2 * i + 2]) if (child < items.length && this.before(items[child]!, items[best]!)) best = child;
        if (best === i) break;
        [items[i], items[best]] = [items[best]!, items[i]!];
        i = best;
      }
    }
    return top;
  }
}

/** Unserved-share steps are scaled by this before rounding, so distinct shares k/open stay distinct integers. */
const SHARE_SCALE = 2 ** 31;

/**
 * The exact lexicographic optimum when every order takes one slot of a resource's `slots`.
 *
 * Costs are vectors (A, B, C) compared lexicographically, so no level can spill into another:
 *   A: 1 for each missed quota unit, quotaTotal + 1 more for a community left with nothing;
 *   B: SMAX − score for a served pair, SMAX for an unserved demand (so minimising B maximises score);
 *   C: the k-th unserved demand of community c costs k / open_c (scaled): a convex cost that, among
 *      plans equal in A and B, leaves the smallest largest unserved share — the highest minimum share
 *      served — and then the next largest, and so on (lexicographic max-min over the communities'
 *      unserved steps; any strictly increasing step cost gives the same plans, since single exchanges
 *      decide optimality here).
 * Dijkstra and node potentials work unchanged on vectors (an ordered group), one component each.
 */
function solveOrderSlots(problem: AllocationProblem, slots: readonly number[]): Int32Array {
  const n = problem.demands.length;
  const m = problem.resources.length;
  const { ofDemand, open } = communityIndex(problem);
  const communities = open.length;
  let smax = 0;
  for (const edge of problem.edges) {
    if (!(edge.score >= 0)) throw new RangeError(`edge scores must be non-negative, got ${edge.score}`);
    smax = Math.max(smax, scoreToInt(edge.score));
  }
  let quotaTotal = 0;
  for (const count of open) quotaTotal += quotaOf(count, problem.minShare);
  const reachMiss = quotaTotal + 1;
  if ((smax + 1) * (n + 2) * 4 > Number.MAX_SAFE_INTEGER || SHARE_SCALE * (n + 2) * 4 > Number.MAX_SAFE_INTEGER) {
    throw new RangeError('allocation problem too large for exact integer costs');
  }

  // Nodes: demands [0, n), resources [n, n+m), unserved U_c [n+m, n+m+C), sink.
  const resourceBase = n;
  const unservedBase = n + m;
  const sink = n + m + communities;
  const nodeCount = sink + 1;
  const maxEdges = 2 * (problem.edges.length + 2 * n + m);
  const to = new Int32Array(maxEdges);
  const cap = new Int32Array(maxEdges);
  const costA = new Float64Array(maxEdges);
  const costB = new Float64Array(maxEdges);
  const costC = new Float64Array(maxEdges);
  const next = new Int32Array(maxEdges);
  const head = new Int32Array(nodeCount).fill(-1);
  let edgeCount = 0;
  const addEdge = (from: number, target: number, capacity: number, a: number, b: number, c: number): number => {
    const forward = edgeCount;
    to[edgeCount] = target;
    cap[edgeCount] = capacity;
    costA[edgeCount] = a;
    costB[edgeCount] = b;
    costC[edgeCount] = c;
    next[edgeCount] = head[from]!;
    head[from] = edgeCount++;
    to[edgeCount] = from;
    cap[edgeCount] = 0;
    costA[edgeCount] = -a;
    costB[edgeCount] = -b;
    costC[edgeCount] = -c;
    next[edgeCount] = head[target]!;
    head[target] = edgeCount++;
    return forward;
  };

  const pairEdges: { edge: number; demand: number; resource: number }[] = [];
  for (const edge of problem.edges) {
    if (edge.demand < 0 || edge.demand >= n || edge.resource < 0 || edge.resource >= m) throw new RangeError('edge index out of range');
    const id = addEdge(edge.demand, resourceBase + edge.resource, 1, 0, smax - scoreToInt(edge.score), 0);
    pairEdges.push({ edge: id, demand: edge.demand, resource: edge.resource });
  }
  for (let d = 0; d < n; d++) addEdge(d, unservedBase + ofDemand[d]!, 1, 0, smax, 0);
  slots.forEach((count, r) => {
    if (count > 0) addEdge(resourceBase + r, sink, count, 0, 0, 0);
  });
  open.forEach((count, c) => {
    const quota = quotaOf(count, problem.minShare);
    // The k-th unserved demand: free up to open − quota, then a missed quota unit, the last one also the community's only chance.
    for (let k = 1; k <= count; k++) {
      const a = k <= count - quota ? 0 : k < count ? 1 : 1 + reachMiss;
      addEdge(unservedBase + c, sink, 1, a, 0, Math.round((SHARE_SCALE * k) / count));
    }
  });

  const pA = new Float64Array(nodeCount);
  const pB = new Float64Array(nodeCount);
  const pC = new Float64Array(nodeCount);
  const dA = new Float64Array(nodeCount).fill(Number.POSITIVE_INFINITY);
  const dB = new Float64Array(nodeCount);
  const dC = new Float64Array(nodeCount);
  const settled = new Uint8Array(nodeCount);
  const viaEdge = new Int32Array(nodeCount).fill(-1);
  const touched: number[] = [];
  const heap = new VectorHeap(1024);

  for (let source = 0; source < n; source++) {
    dA[source] = 0;
    dB[source] = 0;
    dC[source] = 0;
    touched.push(source);
    heap.push(0, 0, 0, source);
    let reached = false;
    const settledNodes: number[] = [];
    while (heap.size > 0) {
      const u = heap.pop();
      if (settled[u] === 1) continue;
      settled[u] = 1;
      settledNodes.push(u);
      if (u === sink) {
        reached = true;
        break;
      }
      const baseA = dA[u]! + pA[u]!;
      const baseB = dB[u]! + pB[u]!;
      const baseC = dC[u]! + pC[u]!;
      for (let e = head[u]!; e !== -1; e = next[e]!) {
        if (cap[e]! <= 0) continue;
        const v = to[e]!;
        if (settled[v] === 1) continue;
        const a = baseA + costA[e]! - pA[v]!;
        const b = baseB + costB[e]! - pB[v]!;
        const c = baseC + costC[e]! - pC[v]!;
        if (a < dA[v]! || (a === dA[v]! && (b < dB[v]! || (b === dB[v]! && c < dC[v]!)))) {
          if (dA[v] === Number.POSITIVE_INFINITY) touched.push(v);
          dA[v] = a;
          dB[v] = b;
          dC[v] = c;
          viaEdge[v] = e;
          heap.push(a, b, c, v);
        }
      }
    }
    // The U_c arcs make the sink reachable from every demand, so this cannot happen.
    if (!reached) throw new Error('allocation: sink unreachable');
    for (let v = sink; v !== source;) {
      const e = viaEdge[v]!;
      cap[e] = cap[e]! - 1;
      cap[e ^ 1] = cap[e ^ 1]! + 1;
      v = to[e ^ 1]!;
    }
    const sA = dA[sink]!;
    const sB = dB[sink]!;
    const sC = dC[sink]!;
    for (const v of settledNodes) {
      pA[v] = pA[v]! + dA[v]! - sA;
      pB[v] = pB[v]! + dB[v]! - sB;
      pC[v] = pC[v]! + dC[v]! - sC;
    }
    for (const v of touched) {
      dA[v] = Number.POSITIVE_INFINITY;
      settled[v] = 0;
      viaEdge[v] = -1;
    }
    touched.length = 0;
    heap.clear();
  }

  const assignment = new Int32Array(n).fill(-1);
  for (const pair of pairEdges) if (cap[pair.edge] === 0) assignment[pair.demand] = pair.resource;
  return assignment;
}

/** The baseline: pairs by score, best first, taken while the demand is free and its amount still fits. */
export function solveGreedy(problem: AllocationProblem): Pick<AllocationSolution, 'assignment' | 'objective' | 'fairness'> {
  const order = problem.edges.map((_, i) => i);
  order.sort((a, b) => problem.edges[b]!.score - problem.edges[a]!.score || a - b);
  const remaining = problem.resources.map((resource) => resource.capacity);
  const assignment = new Int32Array(problem.demands.length).fill(-1);
  for (const i of order) {
    const edge = problem.edges[i]!;
    const amount = amountOf(problem, edge.demand);
    if (assignment[edge.demand] !== -1 || remaining[edge.resource]! < amount) continue;
    assignment[edge.demand] = edge.resource;
    remaining[edge.resource]! -= amount;
  }
  return { assignment, ...assess(problem, assignment) };
}

/** Binary min-heap of (a, b, c) keys compared lexicographically, with a node each; lazy deletion, growable typed arrays. */
class VectorHeap {
  private a: Float64Array;
  private b: Float64Array;
  private c: Float64Array;
  private nodes: Int32Array;
  size = 0;

  constructor(capacity: number) {
    this.a = new Float64Array(capacity);
    this.b = new Float64Array(capacity);
    this.c = new Float64Array(capacity);
    this.nodes = new Int32Array(capacity);
  }

  clear(): void {
    this.size = 0;
  }

  private less(i: number, a: number, b: number, c: number): boolean {
    const ai = this.a[i]!;
    if (ai !== a) return ai < a;
    const bi = this.b[i]!;
    if (bi !== b) return bi < b;
    return this.c[i]! < c;
  }

  private move(from: number, to: number): void {
    this.a[to] = this.a[from]!;
    this.b[to] = this.b[from]!;
    this.c[to] = this.c[from]!;
    this.nodes[to] = this.nodes[from]!;
  }

  push(a: number, b: number, c: number, node: number): void {
    if (this.size === this.a.length) {
      const grow = <T extends Float64Array | Int32Array>(array: T, make: (length: number) => T): T => {
        const bigger = make(array.length * 2);
        bigger.set(array);
        return bigger;
      };
      this.a = grow(this.a, (length) => new Float64Array(length));
      this.b = grow(this.b, (length) => new Float64Array(length));
      this.c = grow(this.c, (length) => new Float64Array(length));
      this.nodes = grow(this.nodes, (length) => new Int32Array(length));
    }
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.greater(parent, a, b, c)) break;
      this.move(parent, i);
      i = parent;
    }
    this.a[i] = a;
    this.b[i] = b;
    this.c[i] = c;
    this.nodes[i] = node;
  }

  /** Whether the key at `i` is strictly greater than (a, b, c). */
  private greater(i: number, a: number, b: number, c: number): boolean {
    const ai = this.a[i]!;
    if (ai !== a) return ai > a;
    const bi = this.b[i]!;
    if (bi !== b) return bi > b;
    return this.c[i]! > c;
  }

  pop(): number {
    const top = this.nodes[0]!;
    const last = --this.size;
    const a = this.a[last]!;
    const b = this.b[last]!;
    const c = this.c[last]!;
    const node = this.nodes[last]!;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= last) break;
      if (child + 1 < last && this.less(child + 1, this.a[child]!, this.b[child]!, this.c[child]!)) child += 1;
      if (!this.less(child, a, b, c)) break;
      this.move(child, i);
      i = child;
    }
    this.a[i] = a;
    this.b[i] = b;
    this.c[i] = c;
    this.nodes[i] = node;
    return top;
  }
}
