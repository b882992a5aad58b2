import { capacityPeriodKey, nextDemandStatus, pathToStatus } from '../subgraphs/resource-pools/domain/order-lifecycle.js';
import { distanceKm } from '../subgraphs/resource-pools/domain/matching.js';
import type {
  CapacityPeriod,
  CapacityUsageRow,
  DemandEventRow,
  DemandRow,
  DemandSource,
  DemandStatus,
  OpeningHoursEntry,
  ResourceCategory,
  ResourceCommunityRow,
  ResourcePoolsDataset,
  ResourceRow,
  ResourceSource,
} from '../subgraphs/resource-pools/store.js';
import { REFERENCE_DATE, type DepartmentCode, type PlannedGrid, type StreetPlan, type UnitKind } from './plan.js';
import { seededActor, seededSystemActor } from './actors.js';
import { Random } from './random.js';
import type { DistrictReach } from './district.js';

/** `resource-0001`: at least four digits, as the API examples show, wider only at large scales. */
function paddedId(prefix: string, index: number, count: number): string {
  return `${prefix}-${String(index + 1).padStart(Math.max(4, String(count).length), '0')}`;
}

/** One kind of resource on offer: its category, the kind within it (help_kinds) and a name. */
type Offer = readonly [name: string, category: ResourceCategory, subKind: string];

/**
 * What each kind of unit offers its partners, and from which source (企业 → 社会责任, 社会组织 →
 * 公益基金); a unit offers one to three of its list. Names are appended to the unit's name
 * ("海门区东湖小学" + "四点半课堂").
 */
const UNIT_OFFERS: Record<UnitKind, { source: ResourceSource; offers: readonly Offer[] }> = {
  SCHOOL: {
    source: 'GOVERNMENT_SERVICE',
    offers: [
      ['暑期课堂', 'TRAINING_EDUCATION', 'AFTER_SCHOOL'],
      ['四点半课堂', 'TRAINING_EDUCATION', 'AFTER_SCHOOL'],
      ['家长学校', 'TRAINING_EDUCATION', 'PARENTING'],
      ['科普讲堂', 'TRAINING_EDUCATION', 'POPULAR_SCIENCE'],
      ['室内运动场', 'VENUE', 'SPORTS_GROUND'],
      ['报告厅', 'VENUE', 'MEETING_ROOM'],
      ['多功能活动室', 'VENUE', 'ACTIVITY_ROOM'],
      ['教师暑期托管志愿服务', 'VOLUNTEER_SERVICE', 'CHILD_MINDING'],
    ],
  },
  HOSPITAL: {
    source: 'GOVERNMENT_SERVICE',
    offers: [
      ['上门护理服务', 'CARE_SERVICE', 'NURSING'],
      ['健康体检', 'CARE_SERVICE', 'HEALTH_CHECK'],
      ['家庭医生签约服务', 'CARE_SERVICE', 'FAMILY_DOCTOR'],
      ['义诊服务', 'PROFESSIONAL_SERVICE', 'MEDICAL'],
      ['心理咨询服务', 'PROFESSIONAL_SERVICE', 'PSYCHOLOGY'],
      ['急救知识讲座', 'TRAINING_EDUCATION', 'FIRST_AID'],
    ],
  },
  STATE_ENTERPRISE: {
    source: 'ENTERPRISE_CSR',
    offers: [
      ['助学金', 'FUNDS', 'STUDENT_AID'],
      ['爱心基金', 'FUNDS', 'GENERAL'],
      ['困难家庭帮扶资金', 'FUNDS', 'HARDSHIP_RELIEF'],
      ['节日慰问品', 'MATERIALS', 'COMFORT_GOODS'],
      ['防汛物资', 'MATERIALS', 'FLOOD_CONTROL'],
      ['青年志愿服务队', 'VOLUNTEER_SERVICE', 'GENERAL'],
      ['党员志愿服务队', 'VOLUNTEER_SERVICE', 'GENERAL'],
      ['金融知识咨询', 'PROFESSIONAL_SERVICE', 'FINANCE'],
      ['应急照明设备', 'FACILITY_EQUIPMENT', 'LIGHTING'],
      ['电动车充电设施', 'FACILITY_EQUIPMENT', 'EV_CHARGING'],
    ],
  },
  PRIVATE_ENTERPRISE: {
    source: 'ENTERPRISE_CSR',
    offers: [
      ['爱心基金', 'FUNDS', 'GENERAL'],
      ['微心愿专项资金', 'FUNDS', 'MICRO_WISH'],
      ['助学金', 'FUNDS', 'STUDENT_AID'],
      ['爱心物资', 'MATERIALS', 'GENERAL'],
      ['图书捐赠', 'MATERIALS', 'BOOKS'],
      ['助学文具包', 'MATERIALS', 'SCHOOL_SUPPLIES'],
      ['防疫物资', 'MATERIALS', 'EPIDEMIC'],
      ['周末志愿服务', 'VOLUNTEER_SERVICE', 'GENERAL'],
      ['环境整治志愿服务', 'VOLUNTEER_SERVICE', 'ENVIRONMENT'],
      ['技能培训班', 'TRAINING_EDUCATION', 'VOCATIONAL'],
    ],
  },
  SOCIAL_ORGANISATION: {
    source: 'CHARITY_FUND',
    offers: [
      ['独居老人探访', 'VOLUNTEER_SERVICE', 'VISITING'],
      ['青年志愿服务队', 'VOLUNTEER_SERVICE', 'GENERAL'],
      ['助老服务', 'CARE_SERVICE', 'ELDERLY_HOME_CARE'],
      ['关爱留守儿童', 'CARE_SERVICE', 'CHILD_CARE'],
      ['助残服务', 'CARE_SERVICE', 'DISABILITY'],
      ['心理咨询服务', 'PROFESSIONAL_SERVICE', 'PSYCHOLOGY'],
      ['微心愿专项资金', 'FUNDS', 'MICRO_WISH'],
      ['老年人智能手机课堂', 'TRAINING_EDUCATION', 'DIGITAL_SKILLS'],
    ],
  },
  AGENCY: {
    source: 'GOVERNMENT_SERVICE',
    offers: [
      ['法律咨询服务', 'PROFESSIONAL_SERVICE', 'LEGAL'],
      ['人民调解服务', 'PROFESSIONAL_SERVICE', 'LEGAL'],
      ['政策咨询服务', 'PROFESSIONAL_SERVICE', 'POLICY'],
      ['会议室', 'VENUE', 'MEETING_ROOM'],
      ['党员活动室', 'VENUE', 'ACTIVITY_ROOM'],
      ['普法讲座', 'TRAINING_EDUCATION', 'LAW_AND_POLICY'],
      ['文明交通劝导志愿服务', 'VOLUNTEER_SERVICE', 'CIVIC_GUIDANCE'],
    ],
  },
  PROPERTY_COMPANY: {
    source: 'ENTERPRISE_CSR',
    offers: [
      ['健身器材维护', 'FACILITY_EQUIPMENT', 'FITNESS'],
      ['公共设施维修', 'FACILITY_EQUIPMENT', 'REPAIR'],
      ['楼道照明维修', 'FACILITY_EQUIPMENT', 'LIGHTING'],
      ['共享停车位', 'FACILITY_EQUIPMENT', 'PARKING'],
      ['电动车充电设施', 'FACILITY_EQUIPMENT', 'EV_CHARGING'],
      ['多功能活动室', 'VENUE', 'ACTIVITY_ROOM'],
      ['环境整治志愿服务', 'VOLUNTEER_SERVICE', 'ENVIRONMENT'],
      ['房屋维修技术指导', 'PROFESSIONAL_SERVICE', 'BUILDING'],
    ],
  },
};

/** What each district department offers the street (吹哨报到 resources). */
const DEPARTMENT_OFFERS: Record<DepartmentCode, readonly Offer[]> = {
  URBAN_MANAGEMENT: [
    ['城管执法咨询', 'PROFESSIONAL_SERVICE', 'POLICY'],
    ['环卫作业车辆支援', 'FACILITY_EQUIPMENT', 'SANITATION'],
    ['市容整治志愿服务', 'VOLUNTEER_SERVICE', 'ENVIRONMENT'],
    ['垃圾分类宣讲', 'TRAINING_EDUCATION', 'POPULAR_SCIENCE'],
    ['市政路灯维修', 'FACILITY_EQUIPMENT', 'LIGHTING'],
  ],
  MARKET_SUPERVISION: [
    ['食品安全快检服务', 'PROFESSIONAL_SERVICE', 'FOOD_SAFETY'],
    ['消费维权讲座', 'TRAINING_EDUCATION', 'LAW_AND_POLICY'],
    ['计量器具免费检定', 'FACILITY_EQUIPMENT', 'MONITORING'],
  ],
  COMMERCE: [
    ['便民商业网点共享场地', 'VENUE', 'GENERAL'],
    ['社区商业促消费补贴', 'FUNDS', 'COMMERCE_SUBSIDY'],
    ['电商技能培训', 'TRAINING_EDUCATION', 'VOCATIONAL'],
  ],
  TAXATION: [
    ['办税政策辅导', 'PROFESSIONAL_SERVICE', 'POLICY'],
    ['税收宣传进社区', 'TRAINING_EDUCATION', 'LAW_AND_POLICY'],
    ['纳税服务厅共享会议室', 'VENUE', 'MEETING_ROOM'],
  ],
  NATURAL_RESOURCES: [
    ['不动产登记咨询', 'PROFESSIONAL_SERVICE', 'POLICY'],
    ['地质灾害防治宣讲', 'TRAINING_EDUCATION', 'POPULAR_SCIENCE'],
    ['规划公示展板', 'MATERIALS', 'DISPLAY'],
  ],
  HOUSING: [
    ['老旧小区改造补助', 'FUNDS', 'RENOVATION'],
    ['房屋安全鉴定', 'PROFESSIONAL_SERVICE', 'BUILDING'],
    ['物业管理培训', 'TRAINING_EDUCATION', 'VOCATIONAL'],
    ['既有住宅加装电梯补贴', 'FUNDS', 'RENOVATION'],
  ],
  POLICE: [
    ['反诈宣传进社区', 'TRAINING_EDUCATION', 'ANTI_FRAUD'],
    ['社区警务室共享', 'VENUE', 'MEETING_ROOM'],
    ['治安巡逻志愿服务', 'VOLUNTEER_SERVICE', 'PATROL'],
  ],
  CIVIL_AFFAIRS: [
    ['困难群众临时救助金', 'FUNDS', 'HARDSHIP_RELIEF'],
    ['居家养老上门服务', 'CARE_SERVICE', 'ELDERLY_HOME_CARE'],
    ['社区养老服务中心', 'VENUE', 'ELDERLY_CENTRE'],
    ['冬季慰问物资', 'MATERIALS', 'COMFORT_GOODS'],
    ['残疾人康复服务', 'CARE_SERVICE', 'DISABILITY'],
  ],
  HEALTH: [
    ['家庭医生签约服务', 'CARE_SERVICE', 'FAMILY_DOCTOR'],
    ['老年人免费健康体检', 'CARE_SERVICE', 'HEALTH_CHECK'],
    ['义诊服务', 'PROFESSIONAL_SERVICE', 'MEDICAL'],
    ['急救技能培训', 'TRAINING_EDUCATION', 'FIRST_AID'],
    ['心理健康服务', 'PROFESSIONAL_SERVICE', 'PSYCHOLOGY'],
  ],
  EMERGENCY_MANAGEMENT: [
    ['防汛应急物资', 'MATERIALS', 'FLOOD_CONTROL'],
    ['应急演练指导', 'PROFESSIONAL_SERVICE', 'EMERGENCY_GUIDANCE'],
    ['应急避难场所', 'VENUE', 'EMERGENCY_SHELTER'],
  ],
  ECOLOGY_ENVIRONMENT: [
    ['环境监测设备借用', 'FACILITY_EQUIPMENT', 'MONITORING'],
    ['生态环保宣讲', 'TRAINING_EDUCATION', 'POPULAR_SCIENCE'],
    ['河道保洁志愿服务', 'VOLUNTEER_SERVICE', 'ENVIRONMENT'],
  ],
  FIRE_RESCUE: [
    ['消防器材配送', 'FACILITY_EQUIPMENT', 'FIRE_EQUIPMENT'],
    ['消防安全培训', 'TRAINING_EDUCATION', 'SAFETY'],
    ['消防站开放日', 'TRAINING_EDUCATION', 'SAFETY'],
  ],
};

const CATEGORY_LABEL: Record<ResourceCategory, string> = {
  VENUE: '场地',
  FUNDS: '资金',
  VOLUNTEER_SERVICE: '志愿服务',
  PROFESSIONAL_SERVICE: '专业服务',
  FACILITY_EQUIPMENT: '设施设备',
  MATERIALS: '物资',
  TRAINING_EDUCATION: '教育培训',
  CARE_SERVICE: '关爱服务',
};

/** The unit resources of each category count capacity in (help_kinds gives demands the same). */
export const CATEGORY_UNIT: Readonly<Record<ResourceCategory, string>> = {
  VENUE: '场',
  FUNDS: '元',
  VOLUNTEER_SERVICE: '小时',
  PROFESSIONAL_SERVICE: '人次',
  FACILITY_EQUIPMENT: '件',
  MATERIALS: '件',
  TRAINING_EDUCATION: '场',
  CARE_SERVICE: '人次',
};

function capacityOf(random: Random, category: ResourceCategory): { amount: number; unit: string; period: CapacityPeriod } {
  const unit = CATEGORY_UNIT[category];
  switch (category) {
    case 'VENUE':
      return random.chance(0.5) ? { amount: random.int(1, 3), unit, period: 'DAY' } : { amount: random.int(2, 10), unit, period: 'WEEK' };
    case 'FUNDS':
      return { amount: random.int(10, 200) * 1000, unit, period: 'YEAR' };
    case 'VOLUNTEER_SERVICE':
      return { amount: random.int(20, 200), unit, period: 'MONTH' };
    case 'PROFESSIONAL_SERVICE':
      return { amount: random.int(4, 40), unit, period: 'MONTH' };
    case 'FACILITY_EQUIPMENT':
      return { amount: random.int(5, 50), unit, period: 'ONCE' };
    case 'MATERIALS':
      return { amount: random.int(50, 500), unit, period: 'ONCE' };
    case 'TRAINING_EDUCATION':
      return { amount: random.int(1, 8), unit, period: 'MONTH' };
    case 'CARE_SERVICE':
      return { amount: random.int(20, 300), unit, period: 'MONTH' };
  }
}

const hours = (days: readonly number[], opensAt: string, closesAt: string): OpeningHoursEntry[] => days.map((dayOfWeek) => ({ dayOfWeek, opensAt, closesAt }));

/** Places and services keep hours; money and goods are handed out on arrangement, so they have none. */
function availabilityOf(random: Random, category: ResourceCategory): OpeningHoursEntry[] {
  if (category === 'FUNDS' || category === 'MATERIALS') return [];
  if (category === 'VOLUNTEER_SERVICE') return hours([6, 7], '09:00', random.pick(['12:00', '16:00']));
  const weekdays = hours([1, 2, 3, 4, 5], random.pick(['08:00', '08:30', '09:00']), random.pick(['17:00', '17:30', '20:00']));
  return random.chance(0.4) ? [...weekdays, ...hours([6], '09:00', '12:00')] : weekdays;
}

/** How far a co-building unit's resources reach beyond its partners (a 15-minute walk or short ride). */
const SERVICE_RADIUS_KM = 3;

const ROADS = ['人民路', '长江路', '解放路', '北京路', '上海路', '秀山路', '湘江路', '东洲路', '狮山路', '南海路'];

/**
 * What residents ask for, by category: the title, the kind (help_kinds) and the amounts a demand of
 * it asks for, in the unit resources of the category count capacity in (capacityOf above).
 */
export const DEMAND_TITLES: Record<ResourceCategory, readonly { title: string; subKind: string; amounts: readonly number[] }[]> = {
  VENUE: [
    { title: '借用场地开展老年人文艺排练', subKind: 'ACTIVITY_ROOM', amounts: [1, 2] },
    { title: '为儿童暑期活动提供活动室', subKind: 'ACTIVITY_ROOM', amounts: [1, 2] },
    { title: '党员活动日场地借用', subKind: 'ACTIVITY_ROOM', amounts: [1] },
    { title: '居民议事会场地借用', subKind: 'MEETING_ROOM', amounts: [1] },
  ],
  FUNDS: [
    { title: '资助困难学生购买学习用品', subKind: 'STUDENT_AID', amounts: [1000, 2000, 3000] },
    { title: '老旧楼道照明改造资金', subKind: 'RENOVATION', amounts: [10_000, 20_000] },
    { title: '困难家庭大病救助', subKind: 'HARDSHIP_RELIEF', amounts: [5000, 10_000, 20_000] },
    { title: '小区围墙修缮资金', subKind: 'RENOVATION', amounts: [20_000, 30_000] },
  ],
  VOLUNTEER_SERVICE: [
    { title: '暑期托管志愿者', subKind: 'CHILD_MINDING', amounts: [16, 32] },
    { title: '独居老人定期探访', subKind: 'VISITING', amounts: [4, 8] },
    { title: '垃圾分类督导志愿者', subKind: 'ENVIRONMENT', amounts: [8, 16] },
    { title: '文明交通劝导志愿者', subKind: 'CIVIC_GUIDANCE', amounts: [4, 8] },
  ],
  PROFESSIONAL_SERVICE: [
    { title: '邻里纠纷法律咨询', subKind: 'LEGAL', amounts: [1] },
    { title: '独居老人心理疏导', subKind: 'PSYCHOLOGY', amounts: [1, 2] },
    { title: '房屋漏水维修技术指导', subKind: 'BUILDING', amounts: [1] },
    { title: '物业纠纷调解', subKind: 'LEGAL', amounts: [1, 2] },
  ],
  FACILITY_EQUIPMENT: [
    { title: '修缮小区健身器材', subKind: 'FITNESS', amounts: [1, 2] },
    { title: '增设电动车充电桩', subKind: 'EV_CHARGING', amounts: [1, 2] },
    { title: '更换楼道应急灯', subKind: 'LIGHTING', amounts: [2, 4] },
    { title: '维修小区路灯', subKind: 'LIGHTING', amounts: [1, 2] },
  ],
  MATERIALS: [
    { title: '困难家庭冬季慰问物资', subKind: 'COMFORT_GOODS', amounts: [10, 20] },
    { title: '防汛沙袋补充', subKind: 'FLOOD_CONTROL', amounts: [50, 100] },
    { title: '社区图书角图书捐赠', subKind: 'BOOKS', amounts: [30, 50] },
    { title: '留守儿童学习用品', subKind: 'SCHOOL_SUPPLIES', amounts: [10, 20] },
  ],
  TRAINING_EDUCATION: [
    { title: '老年人智能手机培训', subKind: 'DIGITAL_SKILLS', amounts: [1, 2] },
    { title: '青少年四点半课堂辅导', subKind: 'AFTER_SCHOOL', amounts: [1, 2] },
    { title: '家政技能培训', subKind: 'VOCATIONAL', amounts: [1] },
    { title: '急救知识培训', subKind: 'FIRST_AID', amounts: [1] },
    { title: '老年人防诈骗讲座', subKind: 'ANTI_FRAUD', amounts: [1] },
  ],
  CARE_SERVICE: [
    { title: '为独居老人上门理发', subKind: 'ELDERLY_HOME_CARE', amounts: [1, 2] },
    { title: '失能老人上门护理', subKind: 'NURSING', amounts: [4, 8] },
    { title: '高血压患者健康随访', subKind: 'FAMILY_DOCTOR', amounts: [1, 2] },
    { title: '残疾人康复陪护', subKind: 'DISABILITY', amounts: [2, 4] },
  ],
};
const DEMAND_NOTES = ['请尽快对接资源。', '希望在本月内解决。', '已由网格员初步核实。', '涉及本网格多户居民。', '居民多次反映。'];
const DEMAND_SOURCES: readonly DemandSource[] = ['RESIDENT_ORDER', 'MICRO_WISH', 'PROBLEM_LIST', 'KEY_PROJECT'];
const CLOSED_OR_MOVING: readonly DemandStatus[] = ['DISPATCHED', 'ACCEPTED', 'FULFILLED', 'RATED', 'CANCELLED', 'DECLINED', 'EXPIRED'];
const ALL_CATEGORIES = Object.keys(CATEGORY_LABEL) as ResourceCategory[];

/**
 * The resource pool of the reference street: 1–3 resources per co-building unit from what its kind
 * offers, serving its paired communities (结对) and those within SERVICE_RADIUS_KM of it; every item
 * of each district department's list, serving the whole street (departments report to every
 * community, 吹哨报到); and 3–8 demands per community (about 70% still OPEN) raised in the 60 days
 * before REFERENCE_DATE.
 */
export function generateResourcePoolsDataset(plan: StreetPlan): ResourcePoolsDataset {
  const random = Random.forStream(plan.seed, 'resource-pools');

  type Draft = Omit<ResourceRow, 'id' | 'street_id' | 'served_street_ids'> & { communityIds: string[] };
  const drafts: Draft[] = [];
  const pairedCommunities = new Map<string, string[]>();
  for (const pairing of plan.pairings) {
    pairedCommunities.set(pairing.unitId, [...(pairedCommunities.get(pairing.unitId) ?? []), pairing.communityId]);
  }
  // Besides its partners, a unit serves the communities around it: its neighbourhood (at least the nearest one).
  const neighbourhood = (point: { lat: number; lng: number }) => {
    const byDistance = [...plan.communities].sort((a, b) => distanceKm(point, a.location) - distanceKm(point, b.location));
    return byDistance.filter((community, i) => i === 0 || distanceKm(point, community.location) <= SERVICE_RADIUS_KM).map((community) => community.id);
  };

  for (const unit of plan.units) {
    const { source, offers } = UNIT_OFFERS[unit.kind];
    const paired = pairedCommunities.get(unit.id) ?? [];
    // A unit serves the communities it is paired with (结对共建) and those within reach of it.
    const served = [...paired, ...neighbourhood(unit.location)];
    for (const [name, category, subKind] of random.shuffle(offers).slice(0, random.int(1, 3))) {
      const isFunds = category === 'FUNDS';
      drafts.push({
        name: unit.name + name,
        description: `${unit.name}向结对社区提供的${CATEGORY_LABEL[category]}资源，经社区党组织预约后使用。`,
        category,
        sub_kind: subKind,
        source,
        provider_kind: 'CO_BUILDING_UNIT',
        provider_id: unit.id,
        ...capacityColumns(capacityOf(random, category)),
        lat: isFunds ? null : unit.location.lat,
        lng: isFunds ? null : unit.location.lng,
        address: isFunds ? null : `海门街道${random.pick(ROADS)}${random.int(1, 999)}号`,
        availability: availabilityOf(random, category),
        communityIds: [...new Set(served)].sort(),
      });
    }
  }

  for (const department of plan.departments) {
    for (const [name, category, subKind] of DEPARTMENT_OFFERS[department.code]) {
      drafts.push({
        name,
        description: `${department.name}报到社区、下沉提供的${CATEGORY_LABEL[category]}资源（街道吹哨、部门报到）。`,
        category,
        sub_kind: subKind,
        source: 'GOVERNMENT_SERVICE',
        provider_kind: 'DEPARTMENT',
        provider_id: department.id,
        ...capacityColumns(capacityOf(random, category)),
        // Departments have no place in the plan: their resources come to the community.
        lat: null,
        lng: null,
        address: null,
        availability: availabilityOf(random, category),
        // A district department reports to the whole street (吹哨报到): every community may call on it.
        communityIds: plan.communities.map((community) => community.id),
      });
    }
  }

  const resources: ResourceRow[] = [];
  const resourceCommunities: ResourceCommunityRow[] = [];
  drafts.forEach(({ communityIds: served, ...draft }, i) => {
    const id = plan.idPrefix + paddedId('resource', i, drafts.length);
    resources.push({ id, street_id: plan.street.id, served_street_ids: [plan.street.id], ...draft });
    for (const communityId of served) resourceCommunities.push({ resource_id: id, community_id: communityId });
  });

  const gridsByCommunity = new Map<string, PlannedGrid[]>();
  for (const grid of plan.grids) gridsByCommunity.set(grid.communityId, [...(gridsByCommunity.get(grid.communityId) ?? []), grid]);
  const referenceTime = Date.parse(`${REFERENCE_DATE}T00:00:00Z`);
  const demandDrafts: DemandDraft[] = [];
  for (const community of plan.communities) {
    const grids = gridsByCommunity.get(community.id) ?? [];
    for (let d = random.int(3, 8); d > 0; d--) {
      const category = random.pick(ALL_CATEGORIES);
      const { title, subKind, amounts } = random.pick(DEMAND_TITLES[category]);
      const grid = grids.length > 0 && random.chance(0.8) ? random.pick(grids) : null;
      demandDrafts.push({
        title,
        description: `${grid?.name ?? community.name}居民提出：${title}。${random.pick(DEMAND_NOTES)}`,
        category,
        sub_kind: subKind,
        amount: random.pick(amounts),
        unit: CATEGORY_UNIT[category],
        community_id: community.id,
        grid_id: grid?.id ?? null,
        source: random.pick(DEMAND_SOURCES),
        status: random.chance(0.7) ? 'OPEN' : random.pick(CLOSED_OR_MOVING),
        // Whole seconds, so the ISO string survives the round trip through timestamptz unchanged.
        created_at: new Date(referenceTime - random.int(1, 60 * 86_400) * 1000).toISOString(),
      });
    }
  }
  // Ids in the order demands were raised: the past year's closed orders first, then the current ones.
  const past = pastOrders(plan, resources, resourceCommunities, gridsByCommunity);
  const total = past.orders.length + demandDrafts.length;
  const pastDemands = past.orders.map(({ demand }, i) => ({ id: plan.idPrefix + paddedId('demand', i, total), ...demand }));
  const pastEvents = past.orders.flatMap(({ events }, i) => events.map((event) => ({ demand_id: pastDemands[i]!.id, ...event })));
  const demands = demandDrafts.map((draft, i) => ({ id: plan.idPrefix + paddedId('demand', past.orders.length + i, total), ...draft }));
  const current = orderHistory(plan, demands, resources, resourceCommunities, past.used);
  return {
    resources,
    resourceCommunities,
    ...current,
    demands: [...pastDemands, ...current.demands],
    demandEvents: [...pastEvents, ...current.demandEvents],
  };
}

/**
 * The district's reach over the streets' resources (seed/index.ts, once every street's dataset is
 * generated): the district departments' resources at the seat serve every street and every
 * community of the district; a district-level unit's resources serve its other street too, and the
 * communities it serves there. Orders and history stay as each street generated them.
 */
export function widenResourcePoolsAcrossStreets(dataset: ResourcePoolsDataset, reach: DistrictReach): void {
  const linked = new Set(dataset.resourceCommunities.map((link) => `${link.resource_id}|${link.community_id}`));
  const serve = (resource: ResourceRow, streetIds: readonly string[], communityIds: readonly string[]) => {
    resource.served_street_ids = [...streetIds];
    for (const communityId of communityIds) {
      const key = `${resource.id}|${communityId}`;
      if (linked.has(key)) continue;
      linked.add(key);
      dataset.resourceCommunities.push({ resource_id: resource.id, community_id: communityId });
    }
  };
  for (const resource of dataset.resources) {
    if (resource.provider_kind === 'DEPARTMENT') {
      if (resource.street_id === reach.seatStreetId) serve(resource, reach.streetIds, reach.communityIds);
      continue;
    }
    const unit = reach.units.get(resource.provider_id);
    if (unit) serve(resource, unit.streetIds, unit.communityIds);
  }
}

/** How a provider's work was rated over the past year: most well, some unevenly, a few poorly. */
const RECORDS: readonly (readonly number[])[] = [
  [4, 5, 5, 5, 5],
  [3, 4, 4, 5],
  [1, 2, 2, 3, 4],
];
/** What a past order asked for when no current demand title names the resource's kind. */
const PAST_AMOUNTS: Readonly<Record<ResourceCategory, readonly number[]>> = {
  VENUE: [1],
  FUNDS: [2000, 5000],
  VOLUNTEER_SERVICE: [4, 8],
  PROFESSIONAL_SERVICE: [1, 2],
  FACILITY_EQUIPMENT: [1],
  MATERIALS: [10, 20],
  TRAINING_EDUCATION: [1],
  CARE_SERVICE: [1, 2],
};
const DAY_MS = 86_400_000;

/**
 * A year of closed orders before the 60 days of current demands, so that ratings and the duty credit
 * they earn (co-building's seed turns them into credit events) tell providers apart: each provider
 * has a record (RECORDS) its ratings are drawn from; each of its renewing resources (ONCE supplies
 * would be used up) took 0–4 orders from the communities it serves, within its capacity, each walked
 * SUBMIT → DISPATCH → ACCEPT → FULFIL → RATE (one in seven left unrated). A stream of its own keeps
 * everything else as it was.
 */
function pastOrders(
  plan: StreetPlan,
  resources: readonly ResourceRow[],
  links: readonly ResourceCommunityRow[],
  gridsByCommunity: ReadonlyMap<string, readonly PlannedGrid[]>,
): { orders: { demand: Omit<DemandRow, 'id'>; events: Omit<DemandEventRow, 'demand_id'>[] }[]; used: Map<string, CapacityUsageRow> } {
  const random = Random.forStream(plan.seed, 'resource-pools-past-orders');
  const windowStart = Date.parse(`${REFERENCE_DATE}T00:00:00Z`) - 60 * DAY_MS;
  const locationOf = new Map(plan.communities.map((community) => [community.id, community.location]));
  const servedBy = new Map<string, string[]>();
  for (const link of links) servedBy.set(link.resource_id, [...(servedBy.get(link.resource_id) ?? []), link.community_id]);
  const recordOf = new Map<string, readonly number[]>();
  const used = new Map<string, CapacityUsageRow>();
  const orders: { demand: Omit<DemandRow, 'id'>; events: Omit<DemandEventRow, 'demand_id'>[] }[] = [];
  for (const resource of resources) {
    if (resource.capacity_period === 'ONCE') continue;
    let record = recordOf.get(resource.provider_id);
    if (!record) {
      record = random.chance(0.6) ? RECORDS[0]! : random.chance(0.75) ? RECORDS[1]! : RECORDS[2]!;
      recordOf.set(resource.provider_id, record);
    }
    const titled = DEMAND_TITLES[resource.category].filter((entry) => entry.subKind === resource.sub_kind);
    for (let n = random.int(0, 4); n > 0; n--) {
      const communityId = random.pick(servedBy.get(resource.id)!);
      const entry = titled.length > 0 ? random.pick(titled) : null;
      const title = entry?.title ?? `${resource.category === 'FUNDS' || resource.category === 'MATERIALS' ? '申请' : '预约'}${resource.name}`;
      const amount = Math.min(resource.capacity_amount, random.pick(entry?.amounts ?? PAST_AMOUNTS[resource.category]));
      // Raised 2–12 months before the reference date; each step a few days after the one before.
      let at = windowStart - random.int(1, 300) * DAY_MS + random.int(0, 86_399) * 1000;
      const createdAt = at;
      const steps = (['DISPATCH', 'ACCEPT', 'FULFIL', 'RATE'] as const).map((kind) => ({ kind, at: (at += random.int(1, 5) * DAY_MS) }));
      const acceptAt = new Date(steps[1]!.at);
      const key = `${resource.id}|${capacityPeriodKey(resource.capacity_period, acceptAt)}`;
      const usage = used.get(key) ?? { resource_id: resource.id, period_start: capacityPeriodKey(resource.capacity_period, acceptAt), used: 0 };
      if (usage.used + amount > resource.capacity_amount) continue;
      usage.used += amount;
      used.set(key, usage);
      const rated = !random.chance(1 / 7);
      const rating = rated ? random.pick(record) : null;
      const home = locationOf.get(communityId)!;
      const grids = gridsByCommunity.get(communityId) ?? [];
      const grid = grids.length > 0 && random.chance(0.8) ? random.pick(grids) : null;
      // The same sides as the current demands below: the raising side submits, dispatches and records
      // the residents' rating; the provider accepts and fulfils (separation of duties).
      const communityWorker = seededActor('COMMUNITY_WORKER', `community:${communityId}`, { communityId });
      const submitter = grid ? seededActor('GRID_WORKER', `grid-worker:${grid.id}`, { gridId: grid.id, communityId }) : communityWorker;
      const provider =
        resource.provider_kind === 'CO_BUILDING_UNIT'
          ? seededActor('UNIT_MEMBER', `provider:${resource.provider_id}`, { unitId: resource.provider_id })
          : seededActor('DEPARTMENT_STAFF', `provider:${resource.provider_id}`, { departmentId: resource.provider_id });
      const events: Omit<DemandEventRow, 'demand_id'>[] = [
        { kind: 'SUBMIT', from_status: null, to_status: 'OPEN', ...submitter, note: null, resource_id: null, occurred_at: new Date(createdAt).toISOString() },
      ];
      let status: DemandStatus = 'OPEN';
      for (const step of rated ? steps : steps.slice(0, 3)) {
        const next: DemandStatus = nextDemandStatus(status, step.kind)!;
        const actor = step.kind === 'DISPATCH' ? communityWorker : step.kind === 'RATE' ? submitter : provider;
        events.push({
          kind: step.kind,
          from_status: status,
          to_status: next,
          ...actor,
          note: step.kind === 'RATE' ? `${rating}星` : null,
          resource_id: resource.id,
          occurred_at: new Date(step.at).toISOString(),
        });
        status = next;
      }
      orders.push({
        demand: {
          title,
          description: `${grid?.name ?? plan.communities.find((community) => community.id === communityId)!.name}居民提出：${title}。`,
          category: resource.category,
          sub_kind: resource.sub_kind,
          amount,
          unit: resource.capacity_unit,
          community_id: communityId,
          grid_id: grid?.id ?? null,
          source: random.pick(DEMAND_SOURCES),
          status,
          created_at: new Date(createdAt).toISOString(),
          lat: home.lat,
          lng: home.lng,
          resource_id: resource.id,
          usage_period: usage.period_start,
          rating,
          rating_comment: rated ? random.pick(RATING_COMMENTS) : null,
        },
        events,
      });
    }
  }
  // Oldest first, as they were raised.
  orders.sort((a, b) => a.demand.created_at.localeCompare(b.demand.created_at));
  return { orders, used };
}

type DemandDraft = Pick<
  DemandRow,
  'title' | 'description' | 'category' | 'sub_kind' | 'amount' | 'unit' | 'community_id' | 'grid_id' | 'source' | 'status' | 'created_at'
>;

const RATING_COMMENTS = ['服务很及时，非常满意。', '解决了大问题，感谢共建单位。', '态度很好，希望常来。', '基本满意，响应稍慢。', '还可以，希望改进。'];

/**
 * The order loop's history for the generated demands, from a stream of its own so that the
 * resources and demands above stay exactly as before: each demand gets its community's location, and
 * each one past OPEN a timeline that walks the transition table to its status (dispatched to a
 * resource serving its community, of a fitting category where one exists), with the capacity that
 * dispatched and accepted orders hold counted in capacity_usage within each resource's capacity.
 */
function orderHistory(
  plan: StreetPlan,
  drafts: readonly (DemandDraft & Pick<DemandRow, 'id'>)[],
  resources: readonly ResourceRow[],
  links: readonly ResourceCommunityRow[],
  /** Capacity the past year's orders used, counted on. */
  used: Map<string, CapacityUsageRow>,
): Pick<ResourcePoolsDataset, 'demands' | 'demandEvents' | 'capacityUsage' | 'communityOffices'> {
  const random = Random.forStream(plan.seed, 'resource-pools-orders');
  const referenceTime = Date.parse(`${REFERENCE_DATE}T00:00:00Z`);
  const locationOf = new Map(plan.communities.map((community) => [community.id, community.location]));
  const resourceById = new Map(resources.map((resource) => [resource.id, resource]));
  const servingByCommunity = new Map<string, ResourceRow[]>();
  for (const link of links) {
    servingByCommunity.set(link.community_id, [...(servingByCommunity.get(link.community_id) ?? []), resourceById.get(link.resource_id)!]);
  }
  const hasCapacity = (resource: ResourceRow, at: Date, amount: number) =>
    (used.get(`${resource.id}|${capacityPeriodKey(resource.capacity_period, at)}`)?.used ?? 0) + amount <= resource.capacity_amount;

  const demands: DemandRow[] = [];
  const demandEvents: DemandEventRow[] = [];
  for (const draft of drafts) {
    const home = locationOf.get(draft.community_id);
    // Within about 300 m of the community's centre: where residents of the community are.
    const lat = home ? Math.round((home.lat + random.float(-0.003, 0.003)) * 1e6) / 1e6 : null;
    const lng = home ? Math.round((home.lng + random.float(-0.003, 0.003)) * 1e6) / 1e6 : null;
    const demand: DemandRow = { ...draft, status: 'OPEN', lat, lng, resource_id: null, usage_period: null, rating: null, rating_comment: null };
    let at = Date.parse(draft.created_at);
    // The raising side (the community's worker, or the grid's for a demand raised in a grid) submits,
    // dispatches, cancels and records the residents' rating; the provider accepts, declines and fulfils.
    const communityWorker = seededActor('COMMUNITY_WORKER', `community:${draft.community_id}`, { communityId: draft.community_id });
    const submitter = draft.grid_id
      ? seededActor('GRID_WORKER', `grid-worker:${draft.grid_id}`, { gridId: draft.grid_id, communityId: draft.community_id })
      : communityWorker;
    const events: DemandEventRow[] = [
      {
        demand_id: draft.id,
        kind: 'SUBMIT',
        from_status: null,
        to_status: 'OPEN',
        ...submitter,
        note: null,
        resource_id: null,
        occurred_at: new Date(at).toISOString(),
      },
    ];
    const path = pathToStatus(draft.status) ?? [];
    // Each step happens between the previous one and the reference date.
    const times = path.map(() => (at = at + Math.max(1000, Math.floor((referenceTime - at) * random.float(0.05, 0.3)))));
    // The order holds capacity from its dispatch while it waits (DISPATCHED) and uses it from its acceptance on.
    const holdStep = path.includes('ACCEPT') ? path.indexOf('ACCEPT') : draft.status === 'DISPATCHED' ? path.lastIndexOf('DISPATCH') : -1;
    const holdAt = holdStep >= 0 ? new Date(times[holdStep]!) : null;
    const serving = servingByCommunity.get(draft.community_id) ?? [];
    // Orders go to a resource of the demand's own kind serving its community, with room for its amount.
    const choices = serving.filter(
      (resource) =>
        resource.category === draft.category &&
        resource.sub_kind === draft.sub_kind &&
        resource.capacity_unit === draft.unit &&
        (holdAt === null || hasCapacity(resource, holdAt, draft.amount)),
    );
    const resource = choices.length > 0 ? choices[Math.min(choices.length - 1, random.int(0, 1))]! : null;
    if (path.includes('DISPATCH') && resource === null) {
      demands.push(demand);
      demandEvents.push(...events);
      continue;
    }
    path.forEach((action, i) => {
      const next = nextDemandStatus(demand.status, action)!;
      const occurredAt = new Date(times[i]!);
      let actor = communityWorker;
      let note: string | null = null;
      if (action === 'DISPATCH') demand.resource_id = resource!.id;
      if (action === 'ACCEPT' || action === 'DECLINE' || action === 'FULFIL') {
        const provider = resource!.provider_id;
        actor =
          resource!.provider_kind === 'CO_BUILDING_UNIT'
            ? seededActor('UNIT_MEMBER', `provider:${provider}`, { unitId: provider })
            : seededActor('DEPARTMENT_STAFF', `provider:${provider}`, { departmentId: provider });
      }
      if (action === 'DECLINE') note = '本期服务已排满';
      if (action === 'EXPIRE') actor = seededSystemActor('system:expiry');
      if (i === holdStep) {
        const period = capacityPeriodKey(resource!.capacity_period, occurredAt);
        const key = `${resource!.id}|${period}`;
        const row = used.get(key) ?? { resource_id: resource!.id, period_start: period, used: 0 };
        row.used += draft.amount;
        used.set(key, row);
        demand.usage_period = period;
      }
      if (action === 'RATE') {
        demand.rating = random.pick([3, 4, 4, 5, 5, 5]);
        demand.rating_comment = random.pick(RATING_COMMENTS);
        note = `${demand.rating}星`;
      }
      events.push({
        demand_id: draft.id,
        kind: action,
        from_status: demand.status,
        to_status: next,
        ...actor,
        note,
        resource_id: demand.resource_id,
        occurred_at: occurredAt.toISOString(),
      });
      demand.status = next;
    });
    demands.push(demand);
    demandEvents.push(...events);
  }
  const communityOffices = plan.communities.map((community) => ({ community_id: community.id, office_id: community.officeId, street_id: plan.street.id }));
  return { demands, demandEvents, capacityUsage: [...used.values()], communityOffices };
}

function capacityColumns(capacity: { amount: number; unit: string; period: CapacityPeriod }) {
  return { capacity_amount: capacity.amount, capacity_unit: capacity.unit, capacity_period: capacity.period };
}
