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
