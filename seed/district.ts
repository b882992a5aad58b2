import { greatCircleMetres } from '../lib/subgraph/geo.js';
import { Random } from './random.js';
import { planStreet, SEED, type GeoPoint, type StreetPlan, type StreetVariant } from './plan.js';

/** Names of the generated streets (towns and streets of the reference street's district, 海门区). */
const STREET_NAMES = ['三厂街道', '海永镇', '正余镇', '包场镇', '悦来镇', '临江镇', '余东镇', '常乐镇', '四甲镇', '滨江街道', '江海街道', '东洲街道'];
const REFERENCE_CENTER: GeoPoint = { lat: 31.8946, lng: 121.1817 };
/** Between about a third and one and a third of the reference street: towns are smaller, new streets larger. */
const SIZE_RANGE = [0.3, 1.3] as const;

/**
 * The streets `SEED_STREETS=N` seeds: the reference street, then N−1 generated streets of plausible,
 * varied size around it (each its own ids, name, place and random stream), every one multiplied by
 * `scale` (SEED_SCALE keeps its meaning within a street). The same on every run.
 */
export function planDistrict(streets: number, scale = 1, seed = SEED): StreetPlan[] {
  if (!Number.isInteger(streets) || streets < 1) throw new Error(`streets must be a positive integer, got ${streets}`);
  const random = Random.forStream(seed, 'district');
  const plans = [planStreet(scale, seed)];
  for (let ordinal = 2; ordinal <= streets; ordinal++) {
    const round = Math.ceil((ordinal - 1) / STREET_NAMES.length);
    // Streets ring the reference one about 20 km apart (a street is about 14 km across).
    const angle = (ordinal - 2) * 2.4;
    const radius = 0.18 * Math.ceil((ordinal - 1) / 6);
    const variant: StreetVariant = {
      ordinal,
      name: STREET_NAMES[(ordinal - 2) % STREET_NAMES.length]! + (round > 1 ? `${round}` : ''),
      size: Number(random.float(SIZE_RANGE[0], SIZE_RANGE[1]).toFixed(2)),
      center: { lat: REFERENCE_CENTER.lat + radius * Math.sin(angle), lng: REFERENCE_CENTER.lng + radius * Math.cos(angle) },
    };
    plans.push(planStreet(scale, seed, variant));
  }
  return plans;
}

/** What a district-level unit serves beyond its home street. */
export interface DistrictLevelUnit {
  /** Every street it serves, its home street first. */
  streetIds: string[];
  /** The communities of the other streets it serves (those nearest to it). */
  communityIds: string[];
}

/** Who serves more than one street in a seeded district (docs/streets.md). */
export interface DistrictReach {
  /** The district seat, where the district departments sit: the first street seeded (the reference street). */
  seatStreetId: string;
  /** Every street seeded, in seeding order. */
  streetIds: string[];
  /** Every community of the district, in seeding order. */
  communityIds: string[];
  /** District-level units by id: each street's hospitals also serve the nearest other street. */
  units: Map<string, DistrictLevelUnit>;
}

/** How many communities of the neighbouring street a district-level unit serves: the nearest ones. */
const NEIGHBOURING_COMMUNITIES = 3;

/**
 * Who serves several streets when `plans` are one district: the district departments' resources of
 * the seat (the first street) serve every street and every community in them; each street's
 * hospitals (district-level units, a few per street) serve the nearest other street too, its
 * NEIGHBOURING_COMMUNITIES communities nearest to them. Nobody does with one street. Derived from
 * the plans alone, so the same on every run.
 */
export function districtReachOf(plans: readonly StreetPlan[]): DistrictReach {
  const units = new Map<string, DistrictLevelUnit>();
  for (const plan of plans) {
    const nearest = plans
      .filter((other) => other !== plan)
      .sort((a, b) => greatCircleMetres(plan.street.center, a.street.center) - greatCircleMetres(plan.street.center, b.street.center))[0];
    if (!nearest) continue;
    for (const unit of plan.units.filter((candidate) => candidate.kind === 'HOSPITAL')) {
      const byDistance = [...nearest.communities].sort((a, b) => greatCircleMetres(unit.location, a.location) - greatCircleMetres(unit.location, b.location));
      units.set(unit.id, {
        streetIds: [plan.street.id, nearest.street.id],
        communityIds: byDistance.slice(0, NEIGHBOURING_COMMUNITIES).map((community) => community.id),
      });
    }
  }
  return {
    seatStreetId: plans[0]!.street.id,
    streetIds: plans.map((plan) => plan.street.id),
    communityIds: plans.flatMap((plan) => plan.communities.map((community) => community.id)),
    units,
  };
}
