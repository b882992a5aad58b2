/**
 * Matching (供需对接) as a pure function: how well one resource fits one demand, as a weighted sum
 * of named terms that the API returns one by one, so a dispatcher sees why a resource ranks where it
 * does — or the one constraint that ruled it out. No I/O here: matching-service.ts gathers the
 * inputs, and the benchmark calls the same functions on an in-memory city.
 */
import { assertNever } from '../../lib/errors.js';
import type { ProviderKind, ResourceCategory } from './store.js';

export const MATCH_TERM_NAMES = ['CATEGORY', 'DISTANCE', 'PAIRING', 'CREDIT', 'RATING', 'CAPACITY', 'FAIRNESS'] as const;
export type MatchTermName = (typeof MATCH_TERM_NAMES)[number];

export type ExclusionReason = 'WRONG_CATEGORY' | 'NOT_SERVING_COMMUNITY' | 'UNIT_MISMATCH' | 'NO_CAPACITY_LEFT' | 'TOO_FAR';

export type MatchWeights = Record<MatchTermName, number>;

export interface MatchConfig {
  weights: MatchWeights;
  /** Distance at which the distance term has fallen to one half. */
  distanceScaleKm: number;
  /** Resources with a fixed place farther than this are excluded (TOO_FAR). */
  maxDistanceKm: number;
}

export const DEFAULT_MATCH_CONFIG: MatchConfig = {
  weights: { CATEGORY: 3, DISTANCE: 2, PAIRING: 2, CREDIT: 1, RATING: 1, CAPACITY: 1, FAIRNESS: 1 },
  distanceScaleKm: 5,
  maxDistanceKm: 30,
};

export interface DemandForMatching {
  id: string;
  category: ResourceCategory;
  communityId: string;
  lat: number | null;
  lng: number | null;
  /** How much the demand needs, in `unit`. */
  amount: number;
  unit: string;
}

export interface ResourceForMatching {
  id: string;
  category: ResourceCategory;
  providerKind: ProviderKind;
  providerId: string;
  lat: number | null;
  lng: number | null;
  servedCommunityIds: ReadonlySet<string>;
  capacityAmount: number;
  /** What the capacity is counted in (人次, 小时, 元, 场, 件). */
  capacityUnit: string;
  /** Capacity left in the current period (amount minus what dispatched and accepted orders hold). */
  remaining: number;
}

export interface RatingSummary {
  sum: number;
  count: number;
}

/** Data from other subgraphs may be missing: 'unavailable' makes the term neutral or 0 and says so. */
export interface MatchSignals {
  /** Co-building units paired (结对) with the demand's community. */
  pairedUnitIds: ReadonlySet<string> | 'unavailable';
  /** Duty credit per unit id; null where a unit has no score yet. */
  credit: ReadonlyMap<string, number | null> | 'unavailable';
  /** RATED orders per provider, keyed by providerKey(). */
  ratings: ReadonlyMap<string, RatingSummary>;
  /** Share (0–1) of the resource's orders so far that went to the community (0 when it has none). */
  communityShare(resourceId: string, communityId: string): number;
}

export interface MatchTerm {
  name: MatchTermName;
  weight: number;
  /** 0–1. */
  value: number;
  /** weight × value. */
  contribution: number;
  /** Why the value is what it is, in words. */
  note: string;
}

export type Evaluation =
  | { kind: 'candidate'; resource: ResourceForMatching; score: number; terms: MatchTerm[] }
  | { kind: 'excluded'; resource: ResourceForMatching; reason: ExclusionReason; detail: string };

export interface Ranking {
  candidates: Extract<Evaluation, { kind: 'candidate' }>[];
  excluded: Extract<Evaluation, { kind: 'excluded' }>[];
}

export function providerKey(kind: ProviderKind, id: string): string {
  return `${kind}:${id}`;
}

/** Categories close enough that one can stand in for the other, at half the fit. */
const RELATED_CATEGORIES: Readonly<Record<ResourceCategory, readonly ResourceCategory[]>> = {
  VENUE: ['FACILITY_EQUIPMENT'],
  FACILITY_EQUIPMENT: ['VENUE'],
  VOLUNTEER_SERVICE: ['CARE_SERVICE'],
  CARE_SERVICE: ['VOLUNTEER_SERVICE'],
  PROFESSIONAL_SERVICE: ['TRAINING_EDUCATION'],
  TRAINING_EDUCATION: ['PROFESSIONAL_SERVICE'],
  FUNDS: ['MATERIALS'],
  MATERIALS: ['FUNDS'],
};

/** The categories whose resources can meet a demand of `category` (itself first). */
export function fittingCategories(category: ResourceCategory): ResourceCategory[] {
  return [category, ...RELATED_CATEGORIES[category]];
}

export function categoryFit(demand: ResourceCategory, resource: ResourceCategory): number {
  if (demand === resource) return 1;
  return RELATED_CATEGORIES[demand].includes(resource) ? 0.5 : 0;
}

const EARTH_RADIUS_KM = 6371;

/** Great-circle distance in km (haversine). */
export function distanceKm(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

const round = (value: number, digits = 4) => Math.round(value * 10 ** digits) / 10 ** digits;
const clamp01 = (value: number) => Math.min(1, Math.max(0, value));

/** A credit score of 100 (every unit's starting base) is neutral: 0.5. */
export function creditValue(score: number): number {
  return clamp01(score / 200);
}

/** Bayesian mean with two phantom 3-star ratings, so one 5-star order does not top the ranking. */
export function ratingValue(summary: RatingSummary | undefined): number {
  const sum = summary?.sum ?? 0;
  const count = summary?.count ?? 0;
  return clamp01(((sum + 6) / (count + 2) - 1) / 4);
}

/** Scores one resource for one demand, or names the first constraint that rules it out. */
export function evaluate(demand: DemandForMatching, resource: ResourceForMatching, signals: MatchSignals, config: MatchConfig): Evaluation {
  const fit = categoryFit(demand.category, resource.category);
  if (fit === 0) {
    return { kind: 'excluded', resource, reason: 'WRONG_CATEGORY', detail: `${resource.category} does not meet a ${demand.category} demand` };
  }
  if (!resource.servedCommunityIds.has(demand.communityId)) {
    return { kind: 'excluded', resource, reason: 'NOT_SERVING_COMMUNITY', detail: `the provider does not serve ${demand.communityId}` };
  }
  if (resource.capacityUnit !== demand.unit) {
    return {
      kind: 'excluded',
      resource,
      reason: 'UNIT_MISMATCH',
      detail: `counts its capacity in ${resource.capacityUnit}; the demand asks for ${demand.amount} ${demand.unit}`,
    };
  }
  if (resource.remaining < demand.amount) {
    return {
      kind: 'excluded',
      resource,
      reason: 'NO_CAPACITY_LEFT',
      detail: `${Math.max(0, resource.remaining)} of ${resource.capacityAmount} ${resource.capacityUnit} left this period; the demand needs ${demand.amount}`,
    };
  }
  let distance: { value: number; note: string };
  if (resource.lat === null || resource.lng === null) {
    distance = { value: 0.5, note: 'no fixed place (delivered to the community): neutral' };
  } else if (demand.lat === null || demand.lng === null) {
    distance = { value: 0.5, note: 'the demand has no location: neutral' };
  } else {
    const km = distanceKm({ lat: demand.lat, lng: demand.lng }, { lat: resource.lat, lng: resource.lng });
    if (km > config.maxDistanceKm) {
      return { kind: 'excluded', resource, reason: 'TOO_FAR', detail: `${km.toFixed(1)} km away, more than ${config.maxDistanceKm} km` };
    }
    distance = { value: 1 / (1 + km / config.distanceScaleKm), note: `${km.toFixed(2)} km away` };
  }

  const terms: MatchTerm[] = [];
  const add = (name: MatchTermName, value: number, note: string) => {
    const weight = config.weights[name];
    terms.push({ name, weight, value: round(value), contribution: round(weight * value), note });
  };
  for (const name of MATCH_TERM_NAMES) {
    switch (name) {
      case 'CATEGORY':
        add(name, fit, fit === 1 ? 'same category' : `${resource.category} is related to ${demand.category}`);
        break;
      case 'DISTANCE':
        add(name, distance.value, distance.note);
        break;
      case 'PAIRING':
        if (resource.providerKind !== 'CO_BUILDING_UNIT') add(name, 0, 'departments are not paired with communities');
        else if (signals.pairedUnitIds === 'unavailable') add(name, 0, 'pairing data unavailable (co-building not reachable)');
        else if (signals.pairedUnitIds.has(resource.providerId)) add(name, 1, `paired (结对) with ${demand.communityId}`);
        else add(name, 0, `not paired with ${demand.communityId}`);
        break;
      case 'CREDIT': {
        if (resource.providerKind !== 'CO_BUILDING_UNIT') {
          add(name, 0.5, 'departments carry no duty credit: neutral');
        } else if (signals.credit === 'unavailable') {
          add(name, 0.5, 'credit data unavailable (co-building not reachable): neutral');
        } else {
          const score = signals.credit.get(resource.providerId) ?? null;
          if (score === null) add(name, 0.5, 'no credit score yet: neutral');
          else add(name, creditValue(score), `duty credit ${score}`);
        }
        break;
      }
      case 'RATING': {
        const summary = signals.ratings.get(providerKey(resource.providerKind, resource.providerId));
        add(
          name,
          ratingValue(summary),
          summary && summary.count > 0 ? `${summary.count} rated orders, average ${(summary.sum / summary.count).toFixed(2)}` : 'no rated orders yet: neutral',
        );
        break;
      }
      case 'CAPACITY':
        add(
          name,
          clamp01(resource.remaining / resource.capacityAmount),
          `${resource.remaining} of ${resource.capacityAmount} ${resource.capacityUnit} left this period; the demand needs ${demand.amount}`,
        );
        break;
      case 'FAIRNESS': {
        const share = signals.communityShare(resource.id, demand.communityId);
        add(name, 1 - share, `${Math.round(share * 100)}% of this resource's orders went to ${demand.communityId}`);
        break;
      }
      default:
        assertNever(name, 'match term');
    }
  }
  const score = round(terms.reduce((sum, term) => sum + term.weight * term.value, 0), 6);
  return { kind: 'candidate', resource, score, terms };
}

/**
 * The score evaluate() would give, or null where it would exclude the resource — without building
 * the explanation (term objects and notes dominate the cost when 100,000 demands are scored for a
 * batch). matching.test.ts checks that both agree on random pairs.
 */
export function scorePair(demand: DemandForMatching, resource: ResourceForMatching, signals: MatchSignals, config: MatchConfig): number | null {
  const fit = categoryFit(demand.category, resource.category);
  if (fit === 0 || !resource.servedCommunityIds.has(demand.communityId) || resource.capacityUnit !== demand.unit || resource.remaining < demand.amount) return null;
  let distance = 0.5;
  if (resource.lat !== null && resource.lng !== null && demand.lat !== null && demand.lng !== null) {
    const km = distanceKm({ lat: demand.lat, lng: demand.lng }, { lat: resource.lat, lng: resource.lng });
    if (km > config.maxDistanceKm) return null;
    distance = 1 / (1 + km / config.distanceScaleKm);
  }
  const w = config.weights;
  let pairing = 0;
  let credit = 0.5;
  if (resource.providerKind === 'CO_BUILDING_UNIT') {
    if (signals.pairedUnitIds !== 'unavailable' && signals.pairedUnitIds.has(resource.providerId)) pairing = 1;
    if (signals.credit !== 'unavailable') {
      const score = signals.credit.get(resource.providerId) ?? null;
      if (score !== null) credit = creditValue(score);
    }
  }
  const rating = ratingValue(signals.ratings.get(providerKey(resource.providerKind, resource.providerId)));
  const capacity = clamp01(resource.remaining / resource.capacityAmount);
  const fairness = 1 - signals.communityShare(resource.id, demand.communityId);
  const sum =
    w.CATEGORY * round(fit) +
    w.DISTANCE * round(distance) +
    w.PAIRING * round(pairing) +
    w.CREDIT * round(credit) +
    w.RATING * round(rating) +
    w.CAPACITY * round(capacity) +
    w.FAIRNESS * round(fairness);
  return round(sum, 6);
}

/** The best `k` candidates by score alone (same order as rank()), for batch allocation. */
export function topScores(
  demand: DemandForMatching,
  resources: Iterable<ResourceForMatching>,
  signals: MatchSignals,
  config: MatchConfig,
  k: number,
): { resource: ResourceForMatching; score: number }[] {
  const top: { resource: ResourceForMatching; score: number }[] = [];
  for (const resource of resources) {
    const score = scorePair(demand, resource, signals, config);
    if (score === null) continue;
    top.push({ resource, score });
  }
  top.sort((a, b) => b.score - a.score || (a.resource.id < b.resource.id ? -1 : 1));
  return top.length > k ? top.slice(0, k) : top;
}

/** Candidates best first (ties by resource id, so rankings are stable); exclusions by resource id. */
export function rank(
  demand: DemandForMatching,
  resources: Iterable<ResourceForMatching>,
  signals: MatchSignals,
  config: MatchConfig,
  first = Number.POSITIVE_INFINITY,
): Ranking {
  const candidates: Ranking['candidates'] = [];
  const excluded: Ranking['excluded'] = [];
  for (const resource of resources) {
    const evaluation = evaluate(demand, resource, signals, config);
    if (evaluation.kind === 'candidate') candidates.push(evaluation);
    else excluded.push(evaluation);
  }
  candidates.sort((a, b) => b.score - a.score || (a.resource.id < b.resource.id ? -1 : 1));
  excluded.sort((a, b) => (a.resource.id < b.resource.id ? -1 : 1));
  return { candidates: candidates.slice(0, first), excluded };
}
