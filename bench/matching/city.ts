/**
 * A synthetic city for the matching benchmark, in memory and deterministic: communities on a
 * 60 × 60 km square, co-building units paired with nearby communities, resources serving the
 * communities around their provider, open demands spread over the communities.
 */
import { Random } from '../../seed/random.js';
import { CATEGORY_UNIT } from '../../seed/resource-pools.js';
import type { MatchSignals, RatingSummary, ResourceForMatching } from '../../subgraphs/resource-pools/domain/matching.js';
import type { UnitProfile } from '../../subgraphs/resource-pools/partner-directory.js';
import { CategoryFits, providerKey } from '../../subgraphs/resource-pools/domain/matching.js';
import type { ResourceCategory } from '../../subgraphs/resource-pools/store.js';

export const CATEGORIES: readonly ResourceCategory[] = [
  'VENUE',
  'FUNDS',
  'VOLUNTEER_SERVICE',
  'PROFESSIONAL_SERVICE',
  'FACILITY_EQUIPMENT',
  'MATERIALS',
  'TRAINING_EDUCATION',
  'CARE_SERVICE',
];

export interface CitySize {
  communities: number;
  units: number;
  resources: number;
  demands: number;
}

export const CITY_SCALE: CitySize = { communities: 6000, units: 20000, resources: 200000, demands: 100000 };

export interface BenchDemand {
  id: string;
  category: ResourceCategory;
  subKind: string;
  communityId: string;
  /** The in-memory city has no streets: no resource is ruled out by street (city-db.ts has them). */
  streetId: null;
  lat: number;
  lng: number;
  amount: number;
  unit: string;
}

export interface City {
  communities: { id: string; lat: number; lng: number }[];
  resources: ResourceForMatching[];
  demands: BenchDemand[];
  pairedByCommunity: Map<string, Set<string>>;
  credit: Map<string, number | null>;
  ratings: Map<string, RatingSummary>;
  signals: MatchSignals;
}

/** The city's demands and resources name no narrower kind: a resource meets demands of its own category. */
export const CITY_FITS = new CategoryFits([]);

const ORIGIN = { lat: 31.75, lng: 120.75 };
const SIDE_DEG = 0.55; // about 60 km

/** Nearest `count` communities to a point, by a uniform grid over the square. */
function nearestIndex(communities: { lat: number; lng: number }[]) {
  const cells = Math.ceil(Math.sqrt(communities.length / 4));
  const size = SIDE_DEG / cells;
  const grid = new Map<number, number[]>();
  const cellOf = (lat: number, lng: number) => [Math.floor((lat - ORIGIN.lat) / size), Math.floor((lng - ORIGIN.lng) / size)] as const;
  communities.forEach((community, i) => {
    const [a, b] = cellOf(community.lat, community.lng);
    const key = a * 10000 + b;
    grid.set(key, [...(grid.get(key) ?? []), i]);
  });
  return (lat: number, lng: number, count: number): number[] => {
    const [a, b] = cellOf(lat, lng);
    const found: number[] = [];
    for (let ring = 0; found.length < count * 3 && ring < cells; ring++) {
      for (let x = a - ring; x <= a + ring; x++) {
        for (let y = b - ring; y <= b + ring; y++) {
          if (Math.max(Math.abs(x - a), Math.abs(y - b)) !== ring) continue;
          found.push(...(grid.get(x * 10000 + y) ?? []));
        }
      }
    }
    const d = (i: number) => (communities[i]!.lat - lat) ** 2 + (communities[i]!.lng - lng) ** 2;
    return found.sort((p, q) => d(p) - d(q)).slice(0, count);
  };
}

export function generateCity(size: CitySize, seed = 20261101): City {
  const random = new Random(seed);
  const communities = Array.from({ length: size.communities }, (_, i) => ({
    id: `c${i}`,
    lat: ORIGIN.lat + random.float(0, SIDE_DEG),
    lng: ORIGIN.lng + random.float(0, SIDE_DEG),
  }));
  const nearest = nearestIndex(communities);
  const units = Array.from({ length: size.units }, (_, i) => ({
    id: `u${i}`,
    lat: ORIGIN.lat + random.float(0, SIDE_DEG),
    lng: ORIGIN.lng + random.float(0, SIDE_DEG),
  }));
  const pairedByCommunity = new Map<string, Set<string>>(communities.map((community) => [community.id, new Set<string>()]));
  const unitServes = new Map<string, number[]>();
  for (const unit of units) {
    const near = nearest(unit.lat, unit.lng, 6);
    unitServes.set(unit.id, near);
    for (const c of near.slice(0, random.int(1, 2))) pairedByCommunity.get(communities[c]!.id)!.add(unit.id);
  }
  const credit = new Map<string, number | null>(units.map((unit) => [unit.id, random.chance(0.1) ? null : random.int(60, 140)]));
  const ratings = new Map<string, RatingSummary>();
  const resources: ResourceForMatching[] = [];
  for (let i = 0; i < size.resources; i++) {
    const category = random.pick(CATEGORIES);
    const capacityAmount = random.int(1, 6);
    const fromDepartment = random.chance(0.05);
    let servedCommunityIds: Set<string>;
    let providerId: string;
    let lat: number | null = null;
    let lng: number | null = null;
    if (fromDepartment) {
      providerId = `dept${random.int(1, 40)}`;
      const centre = communities[random.int(0, communities.length - 1)]!;
      servedCommunityIds = new Set(nearest(centre.lat, centre.lng, random.int(3, 8)).map((c) => communities[c]!.id));
    } else {
      const unit = units[random.int(0, units.length - 1)]!;
      providerId = unit.id;
      lat = unit.lat;
      lng = unit.lng;
      servedCommunityIds = new Set(
        unitServes
          .get(unit.id)!
          .slice(0, random.int(1, 5))
          .map((c) => communities[c]!.id),
      );
    }
    const kind = fromDepartment ? 'DEPARTMENT' : 'CO_BUILDING_UNIT';
    const key = providerKey(kind, providerId);
    if (!ratings.has(key) && random.chance(0.5)) {
      const count = random.int(1, 20);
      ratings.set(key, { count, sum: count * random.int(3, 5) });
    }
    resources.push({
      id: `r${i}`,
      category,
      subKind: 'GENERAL',
      providerKind: kind,
      providerId,
      lat,
      lng,
      servedCommunityIds,
      servedStreetIds: [],
      capacityAmount,
      capacityUnit: CATEGORY_UNIT[category],
      // Part of the capacity is already taken this period, so supply is scarce where demand clusters.
      remaining: random.chance(0.6) ? 0 : random.int(1, capacityAmount),
    });
  }
  // Demand is uneven: a fifth of the communities raise most of it.
  const busy = communities.filter(() => random.chance(0.2));
  const demands: BenchDemand[] = Array.from({ length: size.demands }, (_, i) => {
    const community = random.chance(0.6) ? random.pick(busy) : random.pick(communities);
    const category = random.pick(CATEGORIES);
    return {
      id: `d${i}`,
      category,
      subKind: 'GENERAL',
      communityId: community.id,
      streetId: null,
      lat: community.lat,
      lng: community.lng,
      amount: 1,
      unit: CATEGORY_UNIT[category],
    };
  });
  const partnersOf = new Map<string, Set<string>>();
  for (const [communityId, unitIds] of pairedByCommunity)
    for (const unitId of unitIds) partnersOf.set(unitId, (partnersOf.get(unitId) ?? new Set()).add(communityId));
  const profiles = new Map<string, UnitProfile>(
    [...credit].map(([unitId, score]) => [unitId, { pairedCommunityIds: partnersOf.get(unitId) ?? new Set(), credit: score, creditBasis: null }]),
  );
  return {
    communities,
    resources,
    demands,
    pairedByCommunity,
    credit,
    ratings,
    signals: { fits: CITY_FITS, units: profiles, ratings, ordersOf: () => undefined },
  };
}
