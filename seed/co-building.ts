import type { StructuredCommitment } from '../subgraphs/co-building/domain/commitments.js';
import { creditDelta, creditValidUntil } from '../subgraphs/co-building/domain/credit.js';
import { shanghaiDate } from '../subgraphs/co-building/domain/pairing-status.js';
import type {
  CoBuildingDataset,
  CommitmentRow,
  NewCreditEvent,
  OrderFulfilmentRow,
  PairingRow,
  ServiceReportRow,
  UnitKind,
  UnitRow,
} from '../subgraphs/co-building/store.js';
import type { ResourcePoolsDataset } from '../subgraphs/resource-pools/store.js';
import { generateGridsDataset } from './grids.js';
import { generateResourcePoolsDataset } from './resource-pools.js';
import { mobilePhone, personName, placeName } from './names.js';
import { REFERENCE_DATE, sequentialIdOf, type StreetPlan } from './plan.js';
import { Random } from './random.js';
import type { DistrictReach } from './district.js';

/** What units of each kind typically promise in their agreements (契约化共建承诺). */
const COMMITMENTS: Record<UnitKind, readonly string[]> = {
  AGENCY: ['每名党员每年认领2个微心愿', '每季度开展1次志愿服务', '每年联合开展2次政策宣讲', '每月安排1次干部下沉网格'],
  STATE_ENTERPRISE: ['每季度开展1次志愿服务', '每年捐赠助学金2万元', '每年开展2次安全用电用水进社区', '每名党员每年认领2个微心愿'],
  PRIVATE_ENTERPRISE: ['每年捐赠助学金2万元', '每年提供10个就业岗位', '每季度开展1次志愿服务', '每年资助1个社区微项目'],
  SCHOOL: ['每学期开展1次家庭教育讲座', '寒暑假开放校园运动场地', '每年组织2次关爱留守儿童活动', '每季度开展1次志愿服务'],
  HOSPITAL: ['每月开展1次义诊', '每年为65岁以上老人体检1次', '每季度开展1次健康知识讲座', '每名党员每年认领2个微心愿'],
  SOCIAL_ORGANISATION: ['每月开展1次助老服务', '每年承接2个社区公益项目', '每季度组织1次志愿者培训', '每年组织2次关爱留守儿童活动'],
  PROPERTY_COMPANY: ['每月开展1次环境整治', '小区议事会每季度召开1次', '24小时内响应居民报修', '每季度开展1次消防安全检查'],
};

/** The structure of each commitment text above (kind, target, unit of measure, period). */
const STRUCTURE: Record<string, StructuredCommitment> = {
  每名党员每年认领2个微心愿: { kind: 'MICRO_WISHES_ADOPTED', target: 2, unitOfMeasure: 'MICRO_WISHES', period: 'YEAR', perMember: true },
  每季度开展1次志愿服务: { kind: 'SERVICE_ACTIVITIES', target: 1, unitOfMeasure: 'ACTIVITIES', period: 'QUARTER', perMember: false },
  每年联合开展2次政策宣讲: { kind: 'SERVICE_ACTIVITIES', target: 2, unitOfMeasure: 'ACTIVITIES', period: 'YEAR', perMember: false },
  每月安排1次干部下沉网格: { kind: 'SERVICE_ACTIVITIES', target: 1, unitOfMeasure: 'ACTIVITIES', period: 'MONTH', perMember: false },
  每年捐赠助学金2万元: { kind: 'DONATION', target: 20_000, unitOfMeasure: 'YUAN', period: 'YEAR', perMember: false },
  每年开展2次安全用电用水进社区: { kind: 'SERVICE_ACTIVITIES', target: 2, unitOfMeasure: 'ACTIVITIES', period: 'YEAR', perMember: false },
  每年提供10个就业岗位: { kind: 'OTHER', target: 10, unitOfMeasure: 'ITEMS', period: 'YEAR', perMember: false },
  每年资助1个社区微项目: { kind: 'OTHER', target: 1, unitOfMeasure: 'ITEMS', period: 'YEAR', perMember: false },
  每学期开展1次家庭教育讲座: { kind: 'SERVICE_ACTIVITIES', target: 1, unitOfMeasure: 'ACTIVITIES', period: 'HALF_YEAR', perMember: false },
  寒暑假开放校园运动场地: { kind: 'OTHER', target: 2, unitOfMeasure: 'ITEMS', period: 'YEAR', perMember: false },
  每年组织2次关爱留守儿童活动: { kind: 'SERVICE_ACTIVITIES', target: 2, unitOfMeasure: 'ACTIVITIES', period: 'YEAR', perMember: false },
  每月开展1次义诊: { kind: 'SERVICE_ACTIVITIES', target: 1, unitOfMeasure: 'ACTIVITIES', period: 'MONTH', perMember: false },
  每年为65岁以上老人体检1次: { kind: 'OTHER', target: 1, unitOfMeasure: 'ITEMS', period: 'YEAR', perMember: false },
  每季度开展1次健康知识讲座: { kind: 'SERVICE_ACTIVITIES', target: 1, unitOfMeasure: 'ACTIVITIES', period: 'QUARTER', perMember: false },
  每月开展1次助老服务: { kind: 'SERVICE_ACTIVITIES', target: 1, unitOfMeasure: 'ACTIVITIES', period: 'MONTH', perMember: false },
  每年承接2个社区公益项目: { kind: 'OTHER', target: 2, unitOfMeasure: 'ITEMS', period: 'YEAR', perMember: false },
  每季度组织1次志愿者培训: { kind: 'SERVICE_ACTIVITIES', target: 1, unitOfMeasure: 'ACTIVITIES', period: 'QUARTER', perMember: false },
  每月开展1次环境整治: { kind: 'SERVICE_ACTIVITIES', target: 1, unitOfMeasure: 'ACTIVITIES', period: 'MONTH', perMember: false },
  小区议事会每季度召开1次: { kind: 'SERVICE_ACTIVITIES', target: 1, unitOfMeasure: 'ACTIVITIES', period: 'QUARTER', perMember: false },
  '24小时内响应居民报修': { kind: 'OTHER', target: 1, unitOfMeasure: 'ITEMS', period: 'AGREEMENT', perMember: false },
  每季度开展1次消防安全检查: { kind: 'SERVICE_ACTIVITIES', target: 1, unitOfMeasure: 'ACTIVITIES', period: 'QUARTER', perMember: false },
};

export function structureOfCommitment(text: string): StructuredCommitment {
  return STRUCTURE[text] ?? { kind: 'OTHER', target: 1, unitOfMeasure: 'ITEMS', period: 'AGREEMENT', perMember: false };
}

const ACTIVITIES = ['环境整治', '助老服务', '政策宣讲', '义诊', '文明交通劝导', '关爱留守儿童', '反诈宣传', '垃圾分类指导', '防汛值守'];
const ROAD_SUFFIXES = ['路', '街', '大道'];
const DAY_MS = 86_400_000;
function addDays(isoDate: string, days: number): string {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}
function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}
function randomDay(random: Random, from: string, to: string): string {
  return addDays(from, random.int(0, daysBetween(from, to)));
}
const latest = (a: string, b: string) => (a > b ? a : b);
const earliest = (a: string, b: string) => (a < b ? a : b);
function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(keyOf(item), [...(groups.get(keyOf(item)) ?? []), item]);
  return groups;
}

const REPORTS_FROM = '2026-01-01';
/** Reports are logged up to the day before the reference date, so all of them are in the past. */
const REPORTS_UNTIL = addDays(REFERENCE_DATE, -1);
const TERMINATED_SHARE = 0.03;
const VERIFIED_SHARE = 0.85;

type Draft = Omit<ServiceReportRow, 'id' | 'street_id'>;

/** The district-level units (seed/district.ts) serve the streets the district gives them. */
export function widenCoBuildingAcrossStreets(dataset: CoBuildingDataset, reach: DistrictReach): void {
  for (const unit of dataset.units) {
    const districtLevel = reach.units.get(unit.id);
    if (districtLevel) unit.served_street_ids = [...districtLevel.streetIds];
  }
}

/**
 * Units and pairings come from the plan (their ids are shared with the other subgraphs); contacts,
 * addresses, commitments, early terminations and service reports are drawn from this subgraph's
 * own random stream, so they are the same on every run.
 */
export function generateCoBuildingDataset(plan: StreetPlan): CoBuildingDataset {
  const random = Random.forStream(plan.seed, 'co-building');

  const units: UnitRow[] = plan.units.map((unit) => ({
    id: unit.id,
    street_id: plan.street.id,
    served_street_ids: [plan.street.id],
    name: unit.name,
    kind: unit.kind,
    lat: unit.location.lat,
    lng: unit.location.lng,
    address: `海门街道${placeName(random, new Set())}${random.pick(ROAD_SUFFIXES)}${random.int(1, 999)}号`,
    contact_name: personName(random),
    contact_phone: mobilePhone(random),
  }));
  const kindOf = new Map(plan.units.map((unit) => [unit.id, unit.kind]));

  const pairings: Omit<PairingRow, 'street_id'>[] = plan.pairings.map((pairing) => {
    // Only a pairing already in force before the reference date can have been ended early.
    const lastPossible = earliest(pairing.endsOn, REPORTS_UNTIL);
    const terminated = pairing.startsOn <= lastPossible && random.chance(TERMINATED_SHARE);
    const kind = kindOf.get(pairing.unitId)!;
    return {
      id: pairing.id,
      unit_id: pairing.unitId,
      community_id: pairing.communityId,
      starts_on: pairing.startsOn,
      ends_on: pairing.endsOn,
      commitments: random.shuffle(COMMITMENTS[kind]).slice(0, random.int(1, 3)),
      terminated_on: terminated ? randomDay(random, pairing.startsOn, lastPossible) : null,
    };
  });

  const pairingsOfUnit = groupBy(pairings, (pairing) => pairing.unit_id);
  const membersOfUnit = groupBy(plan.inServiceMembers, (member) => member.unitId);
  const drafts: Draft[] = [];
  const report = (unitId: string, fields: Pick<Draft, 'reporter' | 'member_id' | 'community_id'>, from: string, to: string): Draft => ({
    unit_id: unitId,
    ...fields,
    activity: random.pick(ACTIVITIES),
    hours: random.int(2, 16) / 2,
    served_on: randomDay(random, from, to),
    verified: random.chance(VERIFIED_SHARE),
  });

  for (const unit of units) {
    const members = membersOfUnit.get(unit.id) ?? [];
    // A unit reports only to communities it is paired with, on days the pairing was in force.
    const windows = (pairingsOfUnit.get(unit.id) ?? [])
      .map((pairing) => ({
        communityId: pairing.community_id,
        from: latest(REPORTS_FROM, pairing.starts_on),
        to: earliest(REPORTS_UNTIL, earliest(pairing.ends_on, pairing.terminated_on ?? pairing.ends_on)),
      }))
      .filter((window) => window.from <= window.to);
    const total = random.int(6, 12);
    let unitReports: number;
    if (windows.length === 0) unitReports = 0;
    else if (members.length === 0) unitReports = total;
    else unitReports = random.int(1, Math.max(1, total - members.length));
    const memberReports = total - unitReports;

    const unitDrafts: Draft[] = [];
    for (let i = 0; i < unitReports; i++) {
      const window = random.pick(windows);
      unitDrafts.push(report(unit.id, { reporter: 'UNIT', member_id: null, community_id: window.communityId }, window.from, window.to));
    }
    // Every in-service member reports at least once, to the community where they live.
    for (let i = 0; i < memberReports; i++) {
      const member = i < members.length ? members[i]! : random.pick(members);
      unitDrafts.push(report(unit.id, { reporter: 'IN_SERVICE_MEMBER', member_id: member.id, community_id: member.communityId }, REPORTS_FROM, REPORTS_UNTIL));
    }
    drafts.push(...unitDrafts.sort((a, b) => a.served_on.localeCompare(b.served_on)));
  }

  const serviceReports = drafts.map((draft, i) => ({ id: plan.idPrefix + sequentialIdOf('service-report', i, drafts.length), ...draft }));
  const commitments: CommitmentRow[] = pairings.flatMap((pairing) =>
    pairing.commitments.map((text, position) => {
      const structure = structureOfCommitment(text);
      return {
        id: `${pairing.id}-c${position + 1}`,
        pairing_id: pairing.id,
        position,
        text,
        kind: structure.kind,
        target: structure.target,
        unit_of_measure: structure.unitOfMeasure,
        period: structure.period,
        per_member: structure.perMember,
      };
    }),
  );
  // One generation of resource-pools' orders for both kinds of event they reported.
  const orders = generateResourcePoolsDataset(plan);
  return {
    units,
    pairings,
    serviceReports,
    commitments,
    creditEvents: [...creditEventsOfSeededIncidents(plan), ...creditEventsOfSeededOrders(orders)],
    orderFulfilments: fulfilmentsOfSeededOrders(orders),
  };
}

/**
 * The order fulfilments the resource-pools subgraph's seeded orders would have reported through its
 * outbox (every FULFILLED or RATED order a unit's resource took, at its FULFIL step), so that
 * commitment progress on a seeded hub counts the same orders resource-pools shows.
 */
function fulfilmentsOfSeededOrders({ resources, demands, demandEvents }: ResourcePoolsDataset): OrderFulfilmentRow[] {
  const unitOf = new Map(resources.filter((resource) => resource.provider_kind === 'CO_BUILDING_UNIT').map((resource) => [resource.id, resource.provider_id]));
  const fulfilledAt = new Map(demandEvents.filter((event) => event.kind === 'FULFIL').map((event) => [event.demand_id, event.occurred_at]));
  return demands.flatMap((demand) => {
    const unitId = demand.resource_id === null ? undefined : unitOf.get(demand.resource_id);
    const at = fulfilledAt.get(demand.id);
    if ((demand.status !== 'FULFILLED' && demand.status !== 'RATED') || unitId === undefined || at === undefined) return [];
    const fulfilled = new Date(at);
    return [
      {
        order_id: demand.id,
        unit_id: unitId,
        community_id: demand.community_id,
        demand_source: demand.source,
        fulfilled_at: fulfilled,
        fulfilled_on: shanghaiDate(fulfilled),
      },
    ];
  });
}

/**
 * The credit events the grids subgraph's seeded incidents would have delivered through its outbox
 * (deadline kept or missed on verification, the resident's rating), so both subgraphs agree.
 */
function creditEventsOfSeededIncidents(plan: StreetPlan): NewCreditEvent[] {
  const { incidents = [], incidentEvents = [] } = generateGridsDataset(plan);
  const verifiedAt = new Map(incidentEvents.filter((event) => event.kind === 'VERIFY').map((event) => [event.incident_id, event.occurred_at]));
  const events: NewCreditEvent[] = [];
  const add = (unitId: string, incidentId: string, reason: NewCreditEvent['reason'], at: Date, rating: number | null) =>
    events.push({
      unit_id: unitId,
      reason,
      delta: creditDelta(reason, rating)!,
      rating,
      source_subgraph: 'grids',
      source_type: 'Incident',
      source_id: incidentId,
      occurred_at: at,
      valid_until: creditValidUntil(at),
    });
  for (const incident of incidents) {
    if (incident.responsible_unit_id === null) continue;
    const verified = verifiedAt.get(incident.id);
    if (verified) add(incident.responsible_unit_id, incident.id, incident.deadline_kept ? 'DEADLINE_KEPT' : 'DEADLINE_MISSED', verified, null);
    if (incident.rating !== null && incident.rated_at !== null)
      add(incident.responsible_unit_id, incident.id, 'RATING_RECEIVED', incident.rated_at, incident.rating);
  }
  return events;
}

/**
 * The credit events the resource-pools subgraph's seeded rated orders would have delivered through
 * its outbox (a rating of an order a unit's resource fulfilled, at the time it was rated), so both
 * subgraphs agree and credit rests on the same record as the ratings matching shows.
 */
function creditEventsOfSeededOrders({ resources, demands, demandEvents }: ResourcePoolsDataset): NewCreditEvent[] {
  const unitOf = new Map(resources.filter((resource) => resource.provider_kind === 'CO_BUILDING_UNIT').map((resource) => [resource.id, resource.provider_id]));
  const ratedAt = new Map(demandEvents.filter((event) => event.kind === 'RATE').map((event) => [event.demand_id, event.occurred_at]));
  return demands.flatMap((demand) => {
    const unitId = demand.resource_id === null ? undefined : unitOf.get(demand.resource_id);
    const at = ratedAt.get(demand.id);
    if (demand.status !== 'RATED' || demand.rating === null || unitId === undefined || at === undefined) return [];
    const occurredAt = new Date(at);
    return [
      {
        unit_id: unitId,
        reason: 'RATING_RECEIVED' as const,
        delta: creditDelta('RATING_RECEIVED', demand.rating)!,
        rating: demand.rating,
        source_subgraph: 'resource-pools',
        source_type: 'Demand',
        source_id: demand.id,
        occurred_at: occurredAt,
        valid_until: creditValidUntil(occurredAt),
      },
    ];
  });
}
