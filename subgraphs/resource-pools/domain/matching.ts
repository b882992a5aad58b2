/**
 * Matching (供需对接) as a pure function: how well one resource fits one demand, as a weighted sum
 * of named terms that the API returns one by one, so a dispatcher sees why a resource ranks where it
 * does — or the one constraint that ruled it out. No I/O here: matching-service.ts gathers the
 * inputs, and the benchmark calls the same functions on an in-memory city.
 */
import { assertNever } from '../../../lib/kernel/errors.js';
import { greatCircleMetres, type GeoPoint } from '../../../lib/subgraph/geo.js';
import type { UnitProfile } from '../partner-directory.js';
import type { CategoryFitRow, ProviderKind, ResourceCategory } from '../store.js';
import type { ExclusionReason } from '../__generated__/resolvers-types.js';

/** The API's enums (codegen from the SDL), the one definition of their values. */
export type { ExclusionReason };

export const MATCH_TERM_NAMES = ['CATEGORY', 'DISTANCE', 'PAIRING', 'CREDIT', 'RATING', 'CAPACITY', 'FAIRNESS'] as const;
export type MatchTermName = (typeof MATCH_TERM_NAMES)[number];

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
  /** The narrower kind (help_kinds), GENERAL when the demand names none. */
  subKind: string;
  communityId: string;
  /** The street of its community; null when this subgraph does not know it (then no resource is ruled out by street). */
  streetId: string | null;
  lat: number | null;
  lng: number | null;
  /** How much the demand needs, in `unit`. */
  amount: number;
  unit: string;
}

export interface ResourceForMatching {
  id: string;
  category: ResourceCategory;
  /** The narrower kind (help_kinds), GENERAL when the resource names none. */
  subKind: string;
  providerKind: ProviderKind;
  providerId: string;
  lat: number | null;
  lng: number | null;
  servedCommunityIds: ReadonlySet<string>;
  /** The streets it serves, its home street among them. */
  servedStreetIds: readonly string[];
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
  /** Which kinds of resource can meet which kinds of demand (category_fits). */
  fits: CategoryFits;
  /** Pairings (结对) and duty credit of the co-building units providing the resources, by unit id. */
  units: ReadonlyMap<string, UnitProfile> | 'unavailable';
  /** RATED orders per provider, keyed by providerKey(). */
  ratings: ReadonlyMap<string, RatingSummary>;
  /** The orders a resource has taken so far (accepted, fulfilled or rated), per community; undefined for none. */
  ordersOf(resourceId: string): ReadonlyMap<string, number> | undefined;
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
  /** `standIn`: the resource is of another kind that stands in (category fit below 1); it ranks after every one that can do the job. */
  | { kind: 'candidate'; resource: ResourceForMatching; score: number; standIn: boolean; terms: MatchTerm[] }
  /** `fit`: the category fit, 0 for WRONG_CATEGORY (how close the resource came, with the reason). */
  | { kind: 'excluded'; resource: ResourceForMatching; reason: ExclusionReason; detail: string; fit: number };

export interface Ranking {
  candidates: Extract<Evaluation, { kind: 'candidate' }>[];
  excluded: Extract<Evaluation, { kind: 'excluded' }>[];
}

export function providerKey(kind: ProviderKind, id: string): string {
  return `${kind}:${id}`;
}

/** One row of category_fits: a NULL sub-kind means any kind of the category. */
export interface CategoryFitRule {
  demandCategory: ResourceCategory;
  demandSubKind: string | null;
  resourceCategory: ResourceCategory;
  resourceSubKind: string | null;
  /** 0–1: 1 can do the job, below 1 stands in, 0 cannot. */
  weight: number;
  note: string;
}

export interface Fit {
  weight: number;
  note: string;
}

/** The fit table of category_fits rows as the store reads them. */
export function categoryFitsFromRows(rows: readonly CategoryFitRow[]): CategoryFits {
  return new CategoryFits(
    rows.map((row) => ({
      demandCategory: row.demand_category,
      demandSubKind: row.demand_sub_kind,
      resourceCategory: row.resource_category,
      resourceSubKind: row.resource_sub_kind,
      weight: row.weight,
      note: row.note,
    })),
  );
}

const ANY = '*';
const kindLabel = (category: ResourceCategory, subKind: string) => (subKind === 'GENERAL' ? category : `${category}/${subKind}`);

/**
 * How well a kind of resource meets a kind of demand, from the rules of category_fits (data an
 * operator edits). For a pair the most specific rule decides: the exact pair; the same kind (1
 * without a rule); a rule for the demand's kind and any resource of the category; for any demand of
 * the category and the resource's kind; for the two categories; no rule: 0, cannot.
 */
export class CategoryFits {
  private readonly rules = new Map<string, CategoryFitRule>();
  private readonly memo = new Map<string, Fit>();
  private readonly categoriesByDemandCategory = new Map<ResourceCategory, ResourceCategory[]>();

  constructor(rules: readonly CategoryFitRule[]) {
    for (const rule of rules) {
      this.rules.set(CategoryFits.key(rule.demandCategory, rule.demandSubKind ?? ANY, rule.resourceCategory, rule.resourceSubKind ?? ANY), rule);
    }
  }

  private static key(demandCategory: string, demandSubKind: string, resourceCategory: string, resourceSubKind: string): string {
    return `${demandCategory}|${demandSubKind}|${resourceCategory}|${resourceSubKind}`;
  }

  fit(demand: { category: ResourceCategory; subKind: string }, resource: { category: ResourceCategory; subKind: string }): Fit {
    const key = CategoryFits.key(demand.category, demand.subKind, resource.category, resource.subKind);
    let fit = this.memo.get(key);
    if (!fit) {
      fit = this.resolve(demand, resource, key);
      this.memo.set(key, fit);
    }
    return fit;
  }

  private resolve(demand: { category: ResourceCategory; subKind: string }, resource: { category: ResourceCategory; subKind: string }, exactKey: string): Fit {
    const what = kindLabel(resource.category, resource.subKind);
    const forWhat = kindLabel(demand.category, demand.subKind);
    const fromRule = (rule: CategoryFitRule): Fit => ({ weight: rule.weight, note: `${what} for ${forWhat}: ${rule.note}` });
    const exact = this.rules.get(exactKey);
    if (exact) return fromRule(exact);
    if (demand.category === resource.category && demand.subKind === resource.subKind) return { weight: 1, note: `same kind (${what})` };
    const rule =
      this.rules.get(CategoryFits.key(demand.category, demand.subKind, resource.category, ANY)) ??
      this.rules.get(CategoryFits.key(demand.category, ANY, resource.category, resource.subKind)) ??
      this.rules.get(CategoryFits.key(demand.category, ANY, resource.category, ANY));
    return rule ? fromRule(rule) : { weight: 0, note: `no rule in category_fits lets ${what} meet ${forWhat}` };
  }

  /** The categories whose resources may meet a demand of `category` (its own first): where to look. */
  categoriesFor(category: ResourceCategory): ResourceCategory[] {
    let list = this.categoriesByDemandCategory.get(category);
    if (!list) {
      const others = new Set<ResourceCategory>();
      for (const rule of this.rules.values())
        if (rule.demandCategory === category && rule.weight > 0 && rule.resourceCategory !== category) others.add(rule.resourceCategory);
      list = [category, ...[...others].sort()];
      this.categoriesByDemandCategory.set(category, list);
    }
    return list;
  }
}

/** Great-circle distance in km. */
export function distanceKm(a: GeoPoint, b: GeoPoint): number {
  return greatCircleMetres(a, b) / 1000;
}

/**
 * Scores are shown with four decimals, and the figures shown are the figures: a term's value and
 * contribution are rounded to 1/10,000, a score is the exact sum of the contributions shown, and a
 * plan's objective the exact sum of its pairs' scores (all summed as integers of SCORE_UNITS).
 */
export const SCORE_UNITS = 10_000;
const round = (value: number) => Math.round(value * SCORE_UNITS) / SCORE_UNITS;
/** A term's contribution in integer score units, from its shown (rounded) value. */
const contributionUnits = (weight: number, value: number) => Math.round(weight * round(value) * SCORE_UNITS);
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

/** Whether the resource's provider is paired (结对) with the demand's community; null when nobody can say. */
function pairingOf(demand: DemandForMatching, resource: ResourceForMatching, signals: MatchSignals): boolean | 'department' | null {
  if (resource.providerKind !== 'CO_BUILDING_UNIT') return 'department';
  if (signals.units === 'unavailable') return null;
  return signals.units.get(resource.providerId)?.pairedCommunityIds.has(demand.communityId) ?? false;
}

function pairingNote(demand: DemandForMatching, resource: ResourceForMatching, paired: boolean | 'department' | null): string {
  if (paired === 'department') return 'departments are not paired with communities';
  if (paired === null) return 'pairing data unavailable (co-building not reachable)';
  return paired ? `paired (结对) with ${demand.communityId}` : `not paired with ${demand.communityId}`;
}

type CreditBasis = { kind: 'department' } | { kind: 'unavailable' } | { kind: 'none' } | { kind: 'score'; score: number; basis: UnitProfile['creditBasis'] };

function creditBasisOf(resource: ResourceForMatching, signals: MatchSignals): CreditBasis {
  if (resource.providerKind !== 'CO_BUILDING_UNIT') return { kind: 'department' };
  if (signals.units === 'unavailable') return { kind: 'unavailable' };
  const profile = signals.units.get(resource.providerId);
  return profile?.credit == null ? { kind: 'none' } : { kind: 'score', score: profile.credit, basis: profile.creditBasis };
}

const CREDIT_REASON_WORDS: Readonly<Record<string, [one: string, many: string]>> = {
  RATING_RECEIVED: ['rating received', 'ratings received'],
  DEADLINE_KEPT: ['deadline kept', 'deadlines kept'],
  DEADLINE_MISSED: ['deadline missed', 'deadlines missed'],
  COMMITMENT_MET: ['commitment met', 'commitments met'],
  COMMITMENT_MISSED: ['commitment missed', 'commitments missed'],
};
const signed = (points: number) => `${points < 0 ? '−' : '+'}${Math.abs(Math.round(points * 100) / 100)}`;

/** "duty credit 104: base 100, +4 from 3 events in the last 365 days (2 ratings received +2, 1 deadline kept +2)". */
function creditWords(score: number, basis: UnitProfile['creditBasis']): string {
  if (basis === null) return `duty credit ${score}`;
  const count = basis.events.reduce((sum, event) => sum + event.count, 0);
  if (count === 0) return `duty credit ${score}: base ${basis.base} and no events in the last 365 days`;
  const points = basis.events.reduce((sum, event) => sum + event.points, 0);
  const parts = basis.events.map((event) => {
    const [one, many] = CREDIT_REASON_WORDS[event.reason] ?? [event.reason, event.reason];
    return `${event.count} ${event.count === 1 ? one : many} ${signed(event.points)}`;
  });
  return `duty credit ${score}: base ${basis.base}, ${signed(points)} from ${count} ${count === 1 ? 'event' : 'events'} in the last 365 days (${parts.join(', ')})`;
}

const creditValueOf = (basis: CreditBasis) => (basis.kind === 'score' ? creditValue(basis.score) : 0.5);

function creditNote(basis: CreditBasis): string {
  switch (basis.kind) {
    case 'department':
      return 'departments carry no duty credit: neutral';
    case 'unavailable':
      return 'credit data unavailable (co-building not reachable): neutral';
    case 'none':
      return 'no credit score yet: neutral';
    case 'score':
      return creditWords(basis.score, basis.basis);
    default:
      return assertNever(basis, 'credit basis');
  }
}

interface FairnessBasis {
  /** The demand's community is one of the provider's partners. */
  partner: boolean;
  /** Whether the partners are known (departments have none; 'unavailable' when co-building did not answer). */
  partners: 'known' | 'none' | 'unavailable';
  /** The resource's orders outside its provider's partners, and those of them for the demand's community. */
  total: number;
  here: number;
}

/**
 * Fairness spreads a resource over the communities that have no better claim on it: 1 − the share
 * of its orders outside its provider's partners that went to the demand's community. Orders for a
 * unit's own partners (结对) are the point of pairing and never count, and a partner's demand is
 * never held back by them (value 1).
 */
function fairnessBasisOf(demand: DemandForMatching, resource: ResourceForMatching, signals: MatchSignals): FairnessBasis {
  const partnerSet =
    resource.providerKind !== 'CO_BUILDING_UNIT' || signals.units === 'unavailable' ? null : signals.units.get(resource.providerId)?.pairedCommunityIds;
  const partners = resource.providerKind !== 'CO_BUILDING_UNIT' ? 'none' : signals.units === 'unavailable' ? 'unavailable' : 'known';
  if (partnerSet?.has(demand.communityId)) return { partner: true, partners, total: 0, here: 0 };
  let total = 0;
  let here = 0;
  for (const [communityId, count] of signals.ordersOf(resource.id) ?? []) {
    if (partnerSet?.has(communityId)) continue;
    total += count;
    if (communityId === demand.communityId) here = count;
  }
  return { partner: false, partners, total, here };
}

const fairnessValueOf = (basis: FairnessBasis) => (basis.partner || basis.total === 0 ? 1 : 1 - basis.here / basis.total);

function fairnessNote(demand: DemandForMatching, basis: FairnessBasis): string {
  if (basis.partner) return `paired (结对) with ${demand.communityId}: help for a partner is never counted against it`;
  const outside = basis.partners === 'none' ? '' : ' outside its partners';
  if (basis.total === 0) return `no orders${outside} yet`;
  const caveat = basis.partners === 'unavailable' ? ' (pairing data unavailable: orders for partners counted too)' : '';
  return `${Math.round((basis.here / basis.total) * 100)}% of this resource's ${basis.total} orders${outside} went to ${demand.communityId}${caveat}`;
}

/** Whether the resource serves the demand's street (any resource when the street is not known here). */
export function servesStreetOf(demand: Pick<DemandForMatching, 'streetId'>, resource: Pick<ResourceForMatching, 'servedStreetIds'>): boolean {
  return demand.streetId === null || resource.servedStreetIds.includes(demand.streetId);
}

/** "serves street-s01 only, not street-s02". */
export function notServingStreetDetail(streetId: string, servedStreetIds: readonly string[]): string {
  return `serves ${servedStreetIds.join(', ')}${servedStreetIds.length === 1 ? ' only' : ''}, not ${streetId}`;
}

/** Scores one resource for one demand, or names the first constraint that rules it out. */
export function evaluate(demand: DemandForMatching, resource: ResourceForMatching, signals: MatchSignals, config: MatchConfig): Evaluation {
  const categoryFit = signals.fits.fit(demand, resource);
  const fit = categoryFit.weight;
  if (fit === 0) return { kind: 'excluded', resource, reason: 'WRONG_CATEGORY', detail: categoryFit.note, fit };
  if (!servesStreetOf(demand, resource)) {
    return { kind: 'excluded', resource, reason: 'NOT_SERVING_STREET', detail: notServingStreetDetail(demand.streetId!, resource.servedStreetIds), fit };
  }
  if (!resource.servedCommunityIds.has(demand.communityId)) {
    return { kind: 'excluded', resource, reason: 'NOT_SERVING_COMMUNITY', detail: `the provider does not serve ${demand.communityId}`, fit };
  }
  if (resource.capacityUnit !== demand.unit) {
    return {
      kind: 'excluded',
      resource,
      reason: 'UNIT_MISMATCH',
      detail: `counts its capacity in ${resource.capacityUnit}; the demand asks for ${demand.amount} ${demand.unit}`,
      fit,
    };
  }
  if (resource.remaining < demand.amount) {
    return {
      kind: 'excluded',
      resource,
      reason: 'NO_CAPACITY_LEFT',
      detail: `${Math.max(0, resource.remaining)} of ${resource.capacityAmount} ${resource.capacityUnit} left this period; the demand needs ${demand.amount}`,
      fit,
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
      return { kind: 'excluded', resource, reason: 'TOO_FAR', detail: `${km.toFixed(1)} km away, more than ${config.maxDistanceKm} km`, fit };
    }
    distance = { value: 1 / (1 + km / config.distanceScaleKm), note: `${km.toFixed(2)} km away` };
  }

  const terms: MatchTerm[] = [];
  const add = (name: MatchTermName, value: number, note: string) => {
    const weight = config.weights[name];
    terms.push({ name, weight, value: round(value), contribution: contributionUnits(weight, value) / SCORE_UNITS, note });
  };
  for (const name of MATCH_TERM_NAMES) {
    switch (name) {
      case 'CATEGORY':
        add(name, fit, fit === 1 ? categoryFit.note : `stands in (${fit}): ${categoryFit.note}`);
        break;
      case 'DISTANCE':
        add(name, distance.value, distance.note);
        break;
      case 'PAIRING': {
        const paired = pairingOf(demand, resource, signals);
        add(name, paired === true ? 1 : 0, pairingNote(demand, resource, paired));
        break;
      }
      case 'CREDIT': {
        const basis = creditBasisOf(resource, signals);
        add(name, creditValueOf(basis), creditNote(basis));
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
        const basis = fairnessBasisOf(demand, resource, signals);
        add(name, fairnessValueOf(basis), fairnessNote(demand, basis));
        break;
      }
      default:
        assertNever(name, 'match term');
    }
  }
  const score = terms.reduce((sum, term) => sum + contributionUnits(term.weight, term.value), 0) / SCORE_UNITS;
  return { kind: 'candidate', resource, score, standIn: fit < 1, terms };
}

/**
 * The score evaluate() would give, or null where it would exclude the resource — without building
 * the explanation (term objects and notes dominate the cost when 100,000 demands are scored for a
 * batch). matching.test.ts checks that both agree on random pairs.
 */
export function scorePair(
  demand: DemandForMatching,
  resource: ResourceForMatching,
  signals: MatchSignals,
  config: MatchConfig,
): { score: number; standIn: boolean } | null {
  const fit = signals.fits.fit(demand, resource).weight;
  if (
    fit === 0 ||
    !servesStreetOf(demand, resource) ||
    !resource.servedCommunityIds.has(demand.communityId) ||
    resource.capacityUnit !== demand.unit ||
    resource.remaining < demand.amount
  )
    return null;
  let distance = 0.5;
  if (resource.lat !== null && resource.lng !== null && demand.lat !== null && demand.lng !== null) {
    const km = distanceKm({ lat: demand.lat, lng: demand.lng }, { lat: resource.lat, lng: resource.lng });
    if (km > config.maxDistanceKm) return null;
    distance = 1 / (1 + km / config.distanceScaleKm);
  }
  const w = config.weights;
  const pairing = pairingOf(demand, resource, signals) === true ? 1 : 0;
  const credit = creditValueOf(creditBasisOf(resource, signals));
  const rating = ratingValue(signals.ratings.get(providerKey(resource.providerKind, resource.providerId)));
  const capacity = clamp01(resource.remaining / resource.capacityAmount);
  const fairness = fairnessValueOf(fairnessBasisOf(demand, resource, signals));
  const units =
    contributionUnits(w.CATEGORY, fit) +
    contributionUnits(w.DISTANCE, distance) +
    contributionUnits(w.PAIRING, pairing) +
    contributionUnits(w.CREDIT, credit) +
    contributionUnits(w.RATING, rating) +
    contributionUnits(w.CAPACITY, capacity) +
    contributionUnits(w.FAIRNESS, fairness);
  return { score: units / SCORE_UNITS, standIn: fit < 1 };
}

/** Best first: every resource that can do the job before any stand-in, then by score, then by id (stable). */
function better(a: { resource: { id: string }; score: number; standIn: boolean }, b: { resource: { id: string }; score: number; standIn: boolean }): number {
  return Number(a.standIn) - Number(b.standIn) || b.score - a.score || (a.resource.id < b.resource.id ? -1 : 1);
}

/** The best `k` candidates without explanations (same order as rank()), for batch allocation. */
export function topScores(
  demand: DemandForMatching,
  resources: Iterable<ResourceForMatching>,
  signals: MatchSignals,
  config: MatchConfig,
  k: number,
): { resource: ResourceForMatching; score: number; standIn: boolean }[] {
  const top: { resource: ResourceForMatching; score: number; standIn: boolean }[] = [];
  for (const resource of resources) {
    const scored = scorePair(demand, resource, signals, config);
    if (scored === null) continue;
    top.push({ resource, ...scored });
  }
  top.sort(better);
  return top.length > k ? top.slice(0, k) : top;
}

/**
 * How close an excluded resource came, closest first: short of capacity only this period, then too
 * far, then counting another unit, then not serving the community (but its street), then not serving
 * the street, then of a kind that cannot do the job; within a reason the better category fit, then
 * the nearer, then by id.
 */
export const EXCLUSION_CLOSENESS: readonly ExclusionReason[] = [
  'NO_CAPACITY_LEFT',
  'TOO_FAR',
  'UNIT_MISMATCH',
  'NOT_SERVING_COMMUNITY',
  'NOT_SERVING_STREET',
  'WRONG_CATEGORY',
];

export function closestFirst(demand: DemandForMatching): (a: Ranking['excluded'][number], b: Ranking['excluded'][number]) => number {
  const away = (resource: ResourceForMatching) =>
    resource.lat === null || resource.lng === null || demand.lat === null || demand.lng === null
      ? Number.POSITIVE_INFINITY
      : distanceKm({ lat: demand.lat, lng: demand.lng }, { lat: resource.lat, lng: resource.lng });
  return (a, b) =>
    EXCLUSION_CLOSENESS.indexOf(a.reason) - EXCLUSION_CLOSENESS.indexOf(b.reason) ||
    b.fit - a.fit ||
    away(a.resource) - away(b.resource) ||
    (a.resource.id < b.resource.id ? -1 : 1);
}

/**
 * Why a demand has no candidate, in words, from what ruled each resource out (null when it has
 * candidates): no resource of a kind that can do the job at all, or how many could and what stopped
 * each of them.
 */
export function noCandidateReason(
  demand: DemandForMatching,
  counts: ReadonlyMap<ExclusionReason, number>,
  candidates: number,
  config: MatchConfig,
): string | null {
  if (candidates > 0) return null;
  const kind = kindLabel(demand.category, demand.subKind);
  const couldDoIt = [...counts].reduce((sum, [reason, count]) => (reason === 'WRONG_CATEGORY' ? sum : sum + count), 0);
  if (couldDoIt === 0) {
    return `no resource in the pool can meet a ${kind} demand: none is of its kind or of a kind that stands in for it (categoryFits)`;
  }
  const parts: string[] = [];
  for (const reason of EXCLUSION_CLOSENESS) {
    const count = counts.get(reason) ?? 0;
    if (count === 0) continue;
    const one = count === 1;
    switch (reason) {
      case 'NO_CAPACITY_LEFT':
        parts.push(`${count} ${one ? 'has' : 'have'} less than ${demand.amount} ${demand.unit} left this period`);
        break;
      case 'TOO_FAR':
        parts.push(`${count} ${one ? 'is' : 'are'} farther than ${config.maxDistanceKm} km`);
        break;
      case 'UNIT_MISMATCH':
        parts.push(`${count} ${one ? 'counts' : 'count'} capacity in another unit than ${demand.unit}`);
        break;
      case 'NOT_SERVING_COMMUNITY':
        parts.push(`${count} ${one ? 'does' : 'do'} not serve ${demand.communityId}`);
        break;
      case 'NOT_SERVING_STREET':
        parts.push(`${count} ${one ? 'does' : 'do'} not serve its street ${demand.streetId}`);
        break;
      case 'WRONG_CATEGORY':
        break;
      default:
        assertNever(reason, 'exclusion reason');
    }
  }
  return `${couldDoIt} ${couldDoIt === 1 ? 'resource is' : 'resources are'} of a kind that could meet a ${kind} demand, but ${parts.join(', ')}`;
}

/** Candidates best first (see `better`); exclusions closest first (see `closestFirst`). */
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
  candidates.sort(better);
  excluded.sort(closestFirst(demand));
  return { candidates: candidates.slice(0, first), excluded };
}
