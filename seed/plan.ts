import { placeName } from './names.js';
import { Random } from './random.js';
import type { UnitKind } from '../subgraphs/co-building/__generated__/resolvers-types.js';
import type { CommunityKind, DedicatedGridKind } from '../subgraphs/grids/__generated__/resolvers-types.js';
import type { DepartmentCode } from '../subgraphs/organisations/__generated__/resolvers-types.js';
import type { GeoPoint } from '../lib/subgraph/geo.js';

/** The subgraphs' types the plan uses (enums by codegen from their SDL): the seed depends on the subgraphs, never the reverse. */
export type { CommunityKind, DedicatedGridKind, DepartmentCode, GeoPoint, UnitKind };

/**
 * The skeleton of the reference street (海门街道, ../shared/DOMAIN.md) that every subgraph's seed
 * generator builds on: which communities, grids, micro-grids, co-building units, pairings,
 * departments and in-service party members exist, with their ids. Ids are shared through this plan
 * because cross-subgraph links are federation references by id.
 *
 * Everything scales linearly with `scale` (the benchmarks use ×10 and more); at scale 1 the figures
 * are exactly those of the reference street.
 */
export const SEED = 20_241_122;

export const REFERENCE_FIGURES = {
  offices: 3,
  communities: 40,
  villages: 27,
  comprehensiveGrids: 276,
  dedicatedGrids: 33,
  microGrids: 2190,
  coBuildingUnits: 124,
  functionalBranches: 35,
  newEconomyOrganisations: 1,
  residents: 420_000,
  areaKm2: 195.5,
  /** Party members in the five-level chain and branches; the street reports 7,000+. */
  minimumPartyMembers: 7000,
  /** Of them grid leaders (红网格带头人); the street reports 800+. */
  minimumGridLeaders: 800,
  /** In-service party members of each co-building unit who report to where they live (在职党员报到). */
  inServiceMembersPerUnit: 3,
} as const;

/** The day the seeded data is "as of", so that dates are the same on every run. */
export const REFERENCE_DATE = '2026-11-01';

export interface PlannedCommunity {
  id: string;
  name: string;
  kind: CommunityKind;
  officeId: string;
  location: GeoPoint;
  households: number;
  population: number;
}
export interface PlannedGrid {
  id: string;
  name: string;
  communityId: string;
  kind: 'COMPREHENSIVE' | 'DEDICATED';
  dedicatedTo: DedicatedGridKind | null;
  households: number;
}
export interface PlannedMicroGrid {
  id: string;
  name: string;
  gridId: string;
  communityId: string;
  households: number;
}
export interface PlannedUnit {
  id: string;
  name: string;
  kind: UnitKind;
  location: GeoPoint;
}
export interface PlannedPairing {
  id: string;
  unitId: string;
  communityId: string;
  startsOn: string;
  endsOn: string;
}
export interface PlannedDepartment {
  id: string;
  code: DepartmentCode;
  name: string;
}
/** A party member of a co-building unit's branch who reports to the community where they live. */
export interface PlannedInServiceMember {
  id: string;
  unitId: string;
  communityId: string;
}

export interface StreetPlan {
  scale: number;
  seed: number;
  /** Prefixed to every id this street's seed creates ('' for the reference street, `s02-` …), departments excepted. */
  idPrefix: string;
  street: { id: string; name: string; areaKm2: number; residents: number; center: GeoPoint };
  offices: { id: string; name: string }[];
  communities: PlannedCommunity[];
  grids: PlannedGrid[];
  microGrids: PlannedMicroGrid[];
  units: PlannedUnit[];
  pairings: PlannedPairing[];
  departments: PlannedDepartment[];
  inServiceMembers: PlannedInServiceMember[];
}

/** `prefix-0042`, padded to the width of the largest index so that ids sort in creation order. */
export function sequentialIdOf(prefix: string, index: number, count: number): string {
  return `${prefix}-${String(index + 1).padStart(Math.max(2, String(count).length), '0')}`;
}

export const DEPARTMENTS: readonly { code: DepartmentCode; name: string }[] = [
  { code: 'URBAN_MANAGEMENT', name: '海门区城市管理局' },
  { code: 'MARKET_SUPERVISION', name: '海门区市场监督管理局' },
  { code: 'COMMERCE', name: '海门区商务局' },
  { code: 'TAXATION', name: '国家税务总局南通市海门区税务局' },
  { code: 'NATURAL_RESOURCES', name: '南通市海门区自然资源和规划局' },
  { code: 'HOUSING', name: '海门区住房和城乡建设局' },
  { code: 'POLICE', name: '海门公安分局海门派出所' },
  { code: 'CIVIL_AFFAIRS', name: '海门区民政局' },
  { code: 'HEALTH', name: '海门区卫生健康委员会' },
  { code: 'EMERGENCY_MANAGEMENT', name: '海门区应急管理局' },
  { code: 'ECOLOGY_ENVIRONMENT', name: '南通市海门生态环境局' },
  { code: 'FIRE_RESCUE', name: '海门区消防救援大队' },
];

const OFFICE_NAMES = ['城东办事处', '城西办事处', '滨江办事处'];
const CENTER: GeoPoint = { lat: 31.8946, lng: 121.1817 };

/** What makes a generated street other than the reference one: its place in the district, name and size. */
export interface StreetVariant {
  /** 2 for the second street seeded, … */
  ordinal: number;
  name: string;
  /** Relative to the reference street: counts and area are multiplied by it. */
  size: number;
  center: GeoPoint;
}

// 195.5 km² is about 14 km × 14 km: ±0.063° of latitude and ±0.074° of longitude around the centre.
const HALF_SPAN = { lat: 0.063, lng: 0.074 };

const UNIT_TEMPLATES: Record<UnitKind, readonly string[]> = {
  AGENCY: ['海门区{p}司法所', '海门区{p}税务分局', '海门区{p}供销合作社', '海门区{p}人力资源服务中心'],
  STATE_ENTERPRISE: ['国网海门{p}供电所', '中国移动海门{p}营业部', '海门农商银行{p}支行', '海门{p}水务有限公司'],
  PRIVATE_ENTERPRISE: ['江苏{p}纺织有限公司', '南通{p}建设工程有限公司', '海门{p}家纺科技有限公司', '{p}电子科技有限公司'],
  SCHOOL: ['海门区{p}小学', '海门区{p}初级中学', '{p}幼儿园'],
  HOSPITAL: ['海门区{p}社区卫生服务中心', '海门{p}医院'],
  SOCIAL_ORGANISATION: ['海门{p}社会工作服务中心', '{p}志愿者协会', '海门{p}公益发展中心'],
  PROPERTY_COMPANY: ['海门{p}物业管理有限公司', '{p}物业服务有限公司'],
};
// Shares of unit kinds among the 124 co-building units (agencies and enterprises dominate).
const UNIT_KIND_MIX: readonly [UnitKind, number][] = [
  ['AGENCY', 0.2],
  ['STATE_ENTERPRISE', 0.15],
  ['PRIVATE_ENTERPRISE', 0.25],
  ['SCHOOL', 0.1],
  ['HOSPITAL', 0.05],
  ['SOCIAL_ORGANISATION', 0.1],
  ['PROPERTY_COMPANY', 0.15],
];

function randomPoint(random: Random, center: GeoPoint): GeoPoint {
  return {
    lat: Number((center.lat + random.float(-HALF_SPAN.lat, HALF_SPAN.lat)).toFixed(6)),
    lng: Number((center.lng + random.float(-HALF_SPAN.lng, HALF_SPAN.lng)).toFixed(6)),
  };
}

/** Splits `total` into `parts` integers that differ by at most one. */
function spread(total: number, parts: number): number[] {
  return Array.from({ length: parts }, (_, i) => Math.floor(total / parts) + (i < total % parts ? 1 : 0));
}

/** Splits `total` into `parts` integers each within [min, max]; the caller guarantees feasibility. */
function splitWithin(random: Random, total: number, parts: number, min: number, max: number): number[] {
  const values = Array.from({ length: parts }, () => min);
  let left = total - min * parts;
  while (left > 0) {
    const i = random.int(0, parts - 1);
    if (values[i]! < max) {
      values[i]!++;
      left--;
    }
  }
  return values;
}

/**
 * The reference street's id: the first street of every hub, and the street of every unit and resource
 * a database held before streets were a scope (co-building and resource-pools migrations name it).
 */
export const REFERENCE_STREET_ID = 'street-haimen';

/**
 * The plan of one street: the reference street, or with `variant` a generated street of the same
 * district (its own ids, name, place and size; SEED_SCALE multiplies it just the same).
 */
export function planStreet(scale = 1, seed = SEED, variant?: StreetVariant): StreetPlan {
  if (!Number.isInteger(scale) || scale < 1) throw new Error(`scale must be a positive integer, got ${scale}`);
  const random = Random.forStream(seed, variant ? `plan-street-${variant.ordinal}` : 'plan');
  const idPrefix = variant ? `s${String(variant.ordinal).padStart(2, '0')}-` : '';
  const sequentialId = (kind: string, index: number, total: number) => idPrefix + sequentialIdOf(kind, index, total);
  const center = variant?.center ?? CENTER;
  const size = variant?.size ?? 1;
  const f = REFERENCE_FIGURES;
  const sized = (figure: number) => Math.max(1, Math.round(figure * size)) * scale;
  const count = {
    offices: sized(f.offices),
    villages: sized(f.villages),
    urban: sized(f.communities),
    communities: sized(f.communities) + sized(f.villages),
    comprehensive: sized(f.comprehensiveGrids),
    dedicated: sized(f.dedicatedGrids),
    grids: sized(f.comprehensiveGrids) + sized(f.dedicatedGrids),
    microGrids: sized(f.microGrids),
    units: sized(f.coBuildingUnits),
  };

  const offices = Array.from({ length: count.offices }, (_, i) => ({
    id: sequentialId('office', i, count.offices),
    name:
      count.offices <= OFFICE_NAMES.length
        ? OFFICE_NAMES[i]!
        : `${OFFICE_NAMES[i % OFFICE_NAMES.length]!.replace('办事处', '')}第${Math.floor(i / 3) + 1}办事处`,
  }));

  // Communities first, then villages, each assigned round-robin to an office.
  const takenNames = new Set<string>();
  const communityKinds: CommunityKind[] = [...Array<CommunityKind>(count.urban).fill('COMMUNITY'), ...Array<CommunityKind>(count.villages).fill('VILLAGE')];
  const communities: PlannedCommunity[] = communityKinds.map((kind, i) => ({
    id: sequentialId('community', i, count.communities),
    name: placeName(random, takenNames) + (kind === 'COMMUNITY' ? '社区' : '村'),
    kind,
    officeId: offices[i % offices.length]!.id,
    location: randomPoint(random, center),
    households: 0,
    population: 0,
  }));

  // Comprehensive grids spread evenly over all communities and villages; micro-grids spread evenly
  // over comprehensive grids (7–8 each at scale 1), each grid's households the sum of its micro-grids.
  const gridsPerCommunity = spread(count.comprehensive, communities.length);
  const microGridsPerGrid = random.shuffle(spread(count.microGrids, count.comprehensive));
  const grids: PlannedGrid[] = [];
  const microGrids: PlannedMicroGrid[] = [];
  communities.forEach((community, c) => {
    for (let g = 0; g < gridsPerCommunity[c]!; g++) {
      const gridIndex = grids.length;
      const id = sequentialId('grid', gridIndex, count.grids);
      const parts = microGridsPerGrid[gridIndex]!;
      const households = random.int(Math.max(300, 50 * parts), Math.min(500, 100 * parts));
      for (const [m, size] of splitWithin(random, households, parts, 50, 100).entries()) {
        microGrids.push({
          id: sequentialId('micro-grid', microGrids.length, count.microGrids),
          name: `${community.name}第${g + 1}网格第${m + 1}微网格`,
          gridId: id,
          communityId: community.id,
          households: size,
        });
      }
      grids.push({ id, name: `${community.name}第${g + 1}网格`, communityId: community.id, kind: 'COMPREHENSIVE', dedicatedTo: null, households });
      community.households += households;
    }
  });
  const dedicatedKinds: DedicatedGridKind[] = ['SCHOOL', 'HOSPITAL', 'BUSINESS_DISTRICT', 'INDUSTRIAL_PARK'];
  const dedicatedLabel: Record<DedicatedGridKind, string> = { SCHOOL: '校园', HOSPITAL: '医院', BUSINESS_DISTRICT: '商圈', INDUSTRIAL_PARK: '园区' };
  const urban = communities.filter((community) => community.kind === 'COMMUNITY');
  for (let d = 0; d < count.dedicated; d++) {
    const community = urban[(d * 7) % urban.length]!;
    const dedicatedTo = dedicatedKinds[d % dedicatedKinds.length]!;
    grids.push({
      id: sequentialId('grid', grids.length, count.grids),
      name: `${community.name}${dedicatedLabel[dedicatedTo]}专属网格${Math.floor(d / urban.length) + 1}`,
      communityId: community.id,
      kind: 'DEDICATED',
      dedicatedTo,
      households: 0,
    });
  }

  // Residents spread over communities by households with a household size of 3.0–3.8, then
  // rounded so that they add up exactly to the street's registered residents.
  const residents = sized(f.residents);
  const weights = communities.map((community) => community.households * random.float(3.0, 3.8));
  const weightTotal = weights.reduce((a, b) => a + b, 0);
  let assigned = 0;
  communities.forEach((community, i) => {
    community.population = i === communities.length - 1 ? residents - assigned : Math.round((residents * weights[i]!) / weightTotal);
    assigned += community.population;
  });

  const kindPool = UNIT_KIND_MIX.flatMap(([kind, share]) => Array<UnitKind>(Math.round(share * count.units)).fill(kind));
  while (kindPool.length < count.units) kindPool.push('PRIVATE_ENTERPRISE');
  const unitKinds = random.shuffle(kindPool).slice(0, count.units);
  const unitPlaces = new Set<string>();
  const units: PlannedUnit[] = unitKinds.map((kind, i) => ({
    id: sequentialId('unit', i, count.units),
    name: random.pick(UNIT_TEMPLATES[kind]).replace('{p}', placeName(random, unitPlaces)),
    kind,
    location: randomPoint(random, center),
  }));

  // Every community has at least one partner: the first units pair one-to-one with a shuffled list
  // of communities; the rest pair with random ones, and about a quarter of units take a second.
  const shuffled = random.shuffle(communities);
  const pairs: { unitId: string; communityId: string }[] = units.map((unit, i) => ({
    unitId: unit.id,
    communityId: (i < shuffled.length ? shuffled[i] : random.pick(communities))!.id,
  }));
  for (const unit of units) {
    if (!random.chance(0.25)) continue;
    const taken = new Set(pairs.filter((pair) => pair.unitId === unit.id).map((pair) => pair.communityId));
    const other = random.pick(communities);
    if (!taken.has(other.id)) pairs.push({ unitId: unit.id, communityId: other.id });
  }
  const pairings: PlannedPairing[] = pairs.map((pair, i) => {
    const startYear = random.int(2023, 2026);
    return {
      id: sequentialId('pairing', i, pairs.length),
      ...pair,
      startsOn: `${startYear}-0${random.int(1, 9)}-01`,
      endsOn: `${startYear + random.int(2, 3)}-12-31`,
    };
  });

  // District departments serve every street: the same ids in every street's plan.
  const departments = DEPARTMENTS.map((department, i) => ({ id: sequentialIdOf('department', i, DEPARTMENTS.length), ...department }));

  const inServiceCount = units.length * f.inServiceMembersPerUnit;
  const inServiceMembers: PlannedInServiceMember[] = units.flatMap((unit, u) =>
    Array.from({ length: f.inServiceMembersPerUnit }, (_, k) => ({
      id: sequentialId('in-service-member', u * f.inServiceMembersPerUnit + k, inServiceCount),
      unitId: unit.id,
      communityId: random.pick(communities).id,
    })),
  );

  return {
    scale,
    seed,
    idPrefix,
    street: variant
      ? { id: `street-${idPrefix.slice(0, -1)}`, name: variant.name, areaKm2: Number((f.areaKm2 * size * scale).toFixed(1)), residents, center }
      : { id: REFERENCE_STREET_ID, name: '海门街道', areaKm2: f.areaKm2 * scale, residents, center },
    offices,
    communities,
    grids,
    microGrids,
    units,
    pairings,
    departments,
    inServiceMembers,
  };
}
