import { capacityPeriodKey, nextDemandStatus, pathToStatus } from '../subgraphs/resource-pools/order-lifecycle.js';
import { fittingCategories } from '../subgraphs/resource-pools/matching.js';
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
import { Random } from './random.js';

/** `resource-0001`: at least four digits, as the API examples show, wider only at large scales. */
function paddedId(prefix: string, index: number, count: number): string {
  return `${prefix}-${String(index + 1).padStart(Math.max(4, String(count).length), '0')}`;
}

/** Which categories a kind of unit offers, and from which source (企业 → 社会责任, 社会组织 → 公益基金). */
const UNIT_OFFERS: Record<UnitKind, { categories: readonly ResourceCategory[]; source: ResourceSource }> = {
  SCHOOL: { categories: ['TRAINING_EDUCATION', 'VENUE'], source: 'GOVERNMENT_SERVICE' },
  HOSPITAL: { categories: ['CARE_SERVICE', 'PROFESSIONAL_SERVICE'], source: 'GOVERNMENT_SERVICE' },
  STATE_ENTERPRISE: { categories: ['FUNDS', 'MATERIALS', 'VOLUNTEER_SERVICE'], source: 'ENTERPRISE_CSR' },
  PRIVATE_ENTERPRISE: { categories: ['FUNDS', 'MATERIALS', 'VOLUNTEER_SERVICE'], source: 'ENTERPRISE_CSR' },
  SOCIAL_ORGANISATION: { categories: ['VOLUNTEER_SERVICE', 'CARE_SERVICE'], source: 'CHARITY_FUND' },
  AGENCY: { categories: ['PROFESSIONAL_SERVICE', 'VENUE'], source: 'GOVERNMENT_SERVICE' },
  PROPERTY_COMPANY: { categories: ['FACILITY_EQUIPMENT', 'VENUE'], source: 'ENTERPRISE_CSR' },
};

/** Name suffixes appended to a unit's name ("海门区东湖小学" + "多功能活动室"). */
const UNIT_RESOURCE_NAMES: Record<ResourceCategory, readonly string[]> = {
  VENUE: ['多功能活动室', '党员活动室', '会议室', '室内运动场', '报告厅'],
  FUNDS: ['助学金', '爱心基金', '微心愿专项资金', '困难家庭帮扶资金'],
  VOLUNTEER_SERVICE: ['青年志愿服务队', '党员志愿服务队', '周末志愿服务', '环境整治志愿服务'],
  PROFESSIONAL_SERVICE: ['法律咨询服务', '政策咨询服务', '义诊服务', '心理咨询服务', '金融知识咨询'],
  FACILITY_EQUIPMENT: ['健身器材维护', '应急照明设备', '共享停车位', '电动车充电设施', '公共设施维修'],
  MATERIALS: ['爱心物资', '防汛物资', '节日慰问品', '防疫物资', '图书捐赠'],
  TRAINING_EDUCATION: ['暑期课堂', '四点半课堂', '家长学校', '技能培训班', '科普讲堂'],
  CARE_SERVICE: ['助老服务', '上门护理服务', '健康体检', '关爱留守儿童', '助残服务'],
};

/** What each district department offers the street (吹哨报到 resources). */
const DEPARTMENT_OFFERS: Record<DepartmentCode, readonly [string, ResourceCategory][]> = {
  URBAN_MANAGEMENT: [['城管执法咨询', 'PROFESSIONAL_SERVICE'], ['环卫作业车辆支援', 'FACILITY_EQUIPMENT'], ['市容整治志愿服务', 'VOLUNTEER_SERVICE'], ['垃圾分类宣讲', 'TRAINING_EDUCATION']],
  MARKET_SUPERVISION: [['食品安全快检服务', 'PROFESSIONAL_SERVICE'], ['消费维权讲座', 'TRAINING_EDUCATION'], ['计量器具免费检定', 'FACILITY_EQUIPMENT']],
  COMMERCE: [['便民商业网点共享场地', 'VENUE'], ['社区商业促消费补贴', 'FUNDS'], ['电商技能培训', 'TRAINING_EDUCATION']],
  TAXATION: [['办税政策辅导', 'PROFESSIONAL_SERVICE'], ['税收宣传进社区', 'TRAINING_EDUCATION'], ['纳税服务厅共享会议室', 'VENUE']],
  NATURAL_RESOURCES: [['不动产登记咨询', 'PROFESSIONAL_SERVICE'], ['地质灾害防治宣讲', 'TRAINING_EDUCATION'], ['规划公示展板', 'MATERIALS']],
  HOUSING: [['老旧小区改造补助', 'FUNDS'], ['房屋安全鉴定', 'PROFESSIONAL_SERVICE'], ['物业管理培训', 'TRAINING_EDUCATION'], ['既有住宅加装电梯补贴', 'FUNDS']],
  POLICE: [['反诈宣传进社区', 'TRAINING_EDUCATION'], ['社区警务室共享', 'VENUE'], ['治安巡逻志愿服务', 'VOLUNTEER_SERVICE']],
  CIVIL_AFFAIRS: [['困难群众临时救助金', 'FUNDS'], ['居家养老上门服务', 'CARE_SERVICE'], ['社区养老服务中心', 'VENUE'], ['冬季慰问物资', 'MATERIALS']],
  HEALTH: [['家庭医生签约服务', 'CARE_SERVICE'], ['老年人免费健康体检', 'CARE_SERVICE'], ['义诊服务', 'PROFESSIONAL_SERVICE'], ['急救技能培训', 'TRAINING_EDUCATION']],
  EMERGENCY_MANAGEMENT: [['防汛应急物资', 'MATERIALS'], ['应急演练指导', 'PROFESSIONAL_SERVICE'], ['应急避难场所', 'VENUE']],
  ECOLOGY_ENVIRONMENT: [['环境监测设备借用', 'FACILITY_EQUIPMENT'], ['生态环保宣讲', 'TRAINING_EDUCATION'], ['河道保洁志愿服务', 'VOLUNTEER_SERVICE']],
  FIRE_RESCUE: [['消防器材配送', 'FACILITY_EQUIPMENT'], ['消防安全培训', 'TRAINING_EDUCATION'], ['消防站开放日', 'VENUE']],
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

function capacityOf(random: Random, category: ResourceCategory): { amount: number; unit: string; period: CapacityPeriod } {
  switch (category) {
    case 'VENUE':
      return random.chance(0.5) ? { amount: random.int(1, 3), unit: '场', period: 'DAY' } : { amount: random.int(2, 10), unit: '场', period: 'WEEK' };
    case 'FUNDS':
      return { amount: random.int(10, 200) * 1000, unit: '元', period: 'YEAR' };
    case 'VOLUNTEER_SERVICE':
      return { amount: random.int(20, 200), unit: '小时', period: 'MONTH' };
    case 'PROFESSIONAL_SERVICE':
      return { amount: random.int(4, 40), unit: '人次', period: 'MONTH' };
    case 'FACILITY_EQUIPMENT':
      return { amount: random.int(5, 50), unit: '件', period: 'ONCE' };
    case 'MATERIALS':
      return { amount: random.int(50, 500), unit: '件', period: 'ONCE' };
    case 'TRAINING_EDUCATION':
      return { amount: random.int(1, 8), unit: '场', period: 'MONTH' };
    case 'CARE_SERVICE':
      return { amount: random.int(20, 300), unit: '人次', period: 'MONTH' };
  }
}

/**
 * How much a seeded demand of each category asks for, in the unit that category's resources count
 * capacity in (capacityOf above; the same units as help_kinds in migration 006).
 */
function needOf(random: Random, category: ResourceCategory): { amount: number; unit: string } {
  switch (category) {
    case 'VENUE':
      return { amount: 1, unit: '场' };
    case 'FUNDS':
      return { amount: random.pick([2000, 5000, 10_000, 20_000, 30_000]), unit: '元' };
    case 'VOLUNTEER_SERVICE':
      return { amount: random.pick([4, 8, 16]), unit: '小时' };
    case 'PROFESSIONAL_SERVICE':
      return { amount: random.pick([1, 1, 2]), unit: '人次' };
    case 'FACILITY_EQUIPMENT':
      return { amount: random.pick([1, 2, 4]), unit: '件' };
    case 'MATERIALS':
      return { amount: random.pick([10, 20, 50]), unit: '件' };
    case 'TRAINING_EDUCATION':
      return { amount: 1, unit: '场' };
    case 'CARE_SERVICE':
      return { amount: random.pick([1, 2, 4]), unit: '人次' };
  }
}

const hours = (days: readonly number[], opensAt: string, closesAt: string): OpeningHoursEntry[] =>
  days.map((dayOfWeek) => ({ dayOfWeek, opensAt, closesAt }));

/** Places and services keep hours; money and goods are handed out on arrangement, so they have none. */
function availabilityOf(random: Random, category: ResourceCategory): OpeningHoursEntry[] {
  if (category === 'FUNDS' || category === 'MATERIALS') return [];
  if (category === 'VOLUNTEER_SERVICE') return hours([6, 7], '09:00', random.pick(['12:00', '16:00']));
  const weekdays = hours([1, 2, 3, 4, 5], random.pick(['08:00', '08:30', '09:00']), random.pick(['17:00', '17:30', '20:00']));
  return random.chance(0.4) ? [...weekdays, ...hours([6], '09:00', '12:00')] : weekdays;
}

const ROADS = ['人民路', '长江路', '解放路', '北京路', '上海路', '秀山路', '湘江路', '东洲路', '狮山路', '南海路'];

/** Distinct, sorted, at most five: a resource serves one to five communities. */
function communitySet(ids: readonly string[]): string[] {
  return [...new Set(ids)].slice(0, 5).sort();
}

const DEMAND_TITLES: Record<ResourceCategory, readonly string[]> = {
  VENUE: ['借用场地开展老年人文艺排练', '为儿童暑期活动提供活动室', '党员活动日场地借用', '居民议事会场地借用'],
  FUNDS: ['资助困难学生购买学习用品', '老旧楼道照明改造资金', '困难家庭大病救助', '小区围墙修缮资金'],
  VOLUNTEER_SERVICE: ['暑期托管志愿者', '独居老人定期探访', '垃圾分类督导志愿者', '文明交通劝导志愿者'],
  PROFESSIONAL_SERVICE: ['邻里纠纷法律咨询', '老年人防诈骗讲座', '房屋漏水维修技术指导', '物业纠纷调解'],
  FACILITY_EQUIPMENT: ['修缮小区健身器材', '增设电动车充电桩', '更换楼道应急灯', '维修小区路灯'],
  MATERIALS: ['困难家庭冬季慰问物资', '防汛沙袋补充', '社区图书角图书捐赠', '留守儿童学习用品'],
  TRAINING_EDUCATION: ['老年人智能手机培训', '青少年四点半课堂辅导', '家政技能培训', '急救知识培训'],
  CARE_SERVICE: ['为独居老人上门理发', '失能老人上门护理', '高血压患者健康随访', '残疾人康复陪护'],
};
const DEMAND_NOTES = ['请尽快对接资源。', '希望在本月内解决。', '已由网格员初步核实。', '涉及本网格多户居民。', '居民多次反映。'];
const DEMAND_SOURCES: readonly DemandSource[] = ['RESIDENT_ORDER', 'MICRO_WISH', 'PROBLEM_LIST', 'KEY_PROJECT'];
const CLOSED_OR_MOVING: readonly DemandStatus[] = ['DISPATCHED', 'ACCEPTED', 'FULFILLED', 'RATED', 'CANCELLED', 'DECLINED', 'EXPIRED'];
const ALL_CATEGORIES = Object.keys(CATEGORY_LABEL) as ResourceCategory[];

/**
 * The resource pool of the reference street: 1–3 resources per co-building unit fitting its kind,
 * 2–4 per department, and 3–8 demands per community (about 70% still OPEN) raised in the 60 days
 * before REFERENCE_DATE.
 */
export function generateResourcePoolsDataset(plan: StreetPlan): ResourcePoolsDataset {
  const random = Random.forStream(plan.seed, 'resource-pools');
  const communityIds = plan.communities.map((community) => community.id);

  type Draft = Omit<ResourceRow, 'id'> & { communityIds: string[] };
  const drafts: Draft[] = [];
  const pairedCommunities = new Map<string, string[]>();
  for (const pairing of plan.pairings) {
    pairedCommunities.set(pairing.unitId, [...(pairedCommunities.get(pairing.unitId) ?? []), pairing.communityId]);
  }

  for (const unit of plan.units) {
    const offer = UNIT_OFFERS[unit.kind];
    const paired = pairedCommunities.get(unit.id) ?? [];
    for (let r = random.int(1, 3); r > 0; r--) {
      const category = random.pick(offer.categories);
      const isFunds = category === 'FUNDS';
      drafts.push({
        name: unit.name + random.pick(UNIT_RESOURCE_NAMES[category]),
        description: `${unit.name}向结对社区提供的${CATEGORY_LABEL[category]}资源，经社区党组织预约后使用。`,
        category,
        source: offer.source,
        provider_kind: 'CO_BUILDING_UNIT',
        provider_id: unit.id,
        ...capacityColumns(capacityOf(random, category)),
        lat: isFunds ? null : unit.location.lat,
        lng: isFunds ? null : unit.location.lng,
        address: isFunds ? null : `海门街道${random.pick(ROADS)}${random.int(1, 999)}号`,
        availability: availabilityOf(random, category),
        // A unit serves the communities it is paired with (结对共建), sometimes one more nearby.
        communityIds: communitySet(random.chance(0.3) || paired.length === 0 ? [...paired, random.pick(communityIds)] : paired),
      });
    }
  }

  for (const department of plan.departments) {
    const offers = random.shuffle(DEPARTMENT_OFFERS[department.code]).slice(0, random.int(2, 4));
    for (const [name, category] of offers) {
      drafts.push({
        name,
        description: `${department.name}报到社区、下沉提供的${CATEGORY_LABEL[category]}资源（街道吹哨、部门报到）。`,
        category,
        source: 'GOVERNMENT_SERVICE',
        provider_kind: 'DEPARTMENT',
        provider_id: department.id,
        ...capacityColumns(capacityOf(random, category)),
        // Departments have no place in the plan: their resources come to the community.
        lat: null,
        lng: null,
        address: null,
        availability: availabilityOf(random, category),
        communityIds: communitySet(random.shuffle(communityIds).slice(0, random.int(1, 5))),
      });
    }
  }

  const resources: ResourceRow[] = [];
  const resourceCommunities: ResourceCommunityRow[] = [];
  drafts.forEach(({ communityIds: served, ...draft }, i) => {
    const id = paddedId('resource', i, drafts.length);
    resources.push({ id, ...draft });
    for (const communityId of served) resourceCommunities.push({ resource_id: id, community_id: communityId });
  });

  const gridsByCommunity = new Map<string, PlannedGrid[]>();
  for (const grid of plan.grids) gridsByCommunity.set(grid.communityId, [...(gridsByCommunity.get(grid.communityId) ?? []), grid]);
  const referenceTime = Date.parse(`${REFERENCE_DATE}T00:00:00Z`);
  type DemandDraft = Pick<DemandRow, 'title' | 'description' | 'category' | 'community_id' | 'grid_id' | 'source' | 'status' | 'created_at'>;
  const demandDrafts: DemandDraft[] = [];
  for (const community of plan.communities) {
    const grids = gridsByCommunity.get(community.id) ?? [];
    for (let d = random.int(3, 8); d > 0; d--) {
      const category = random.pick(ALL_CATEGORIES);
      const title = random.pick(DEMAND_TITLES[category]);
      const grid = grids.length > 0 && random.chance(0.8) ? random.pick(grids) : null;
      demandDrafts.push({
        title,
        description: `${grid?.name ?? community.name}居民提出：${title}。${random.pick(DEMAND_NOTES)}`,
        category,
        community_id: community.id,
        grid_id: grid?.id ?? null,
        source: random.pick(DEMAND_SOURCES),
        status: random.chance(0.7) ? 'OPEN' : random.pick(CLOSED_OR_MOVING),
        // Whole seconds, so the ISO string survives the round trip through timestamptz unchanged.
        created_at: new Date(referenceTime - random.int(1, 60 * 86_400) * 1000).toISOString(),
      });
    }
  }
  const demands = demandDrafts.map((draft, i) => ({ id: paddedId('demand', i, demandDrafts.length), ...draft }));
  return { resources, resourceCommunities, ...orderHistory(plan, demands, resources, resourceCommunities) };
}

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
  drafts: readonly (Pick<DemandRow, 'id' | 'title' | 'description' | 'category' | 'community_id' | 'grid_id' | 'source' | 'status' | 'created_at'>)[],
  resources: readonly ResourceRow[],
  links: readonly ResourceCommunityRow[],
): Pick<ResourcePoolsDataset, 'demands' | 'demandEvents' | 'capacityUsage' | 'communityOffices'> {
  const random = Random.forStream(plan.seed, 'resource-pools-orders');
  const referenceTime = Date.parse(`${REFERENCE_DATE}T00:00:00Z`);
  const locationOf = new Map(plan.communities.map((community) => [community.id, community.location]));
  const resourceById = new Map(resources.map((resource) => [resource.id, resource]));
  const servingByCommunity = new Map<string, ResourceRow[]>();
  for (const link of links) {
    servingByCommunity.set(link.community_id, [...(servingByCommunity.get(link.community_id) ?? []), resourceById.get(link.resource_id)!]);
  }
  const used = new Map<string, CapacityUsageRow>();
  const hasCapacity = (resource: ResourceRow, at: Date, amount: number) =>
    (used.get(`${resource.id}|${capacityPeriodKey(resource.capacity_period, at)}`)?.used ?? 0) + amount <= resource.capacity_amount;
  // Amounts from a stream of their own, so the draws below stay as they were.
  const needs = Random.forStream(plan.seed, 'resource-pools-amounts');

  const demands: DemandRow[] = [];
  const demandEvents: DemandEventRow[] = [];
  for (const draft of drafts) {
    const home = locationOf.get(draft.community_id);
    // Within about 300 m of the community's centre: where residents of the community are.
    const lat = home ? Math.round((home.lat + random.float(-0.003, 0.003)) * 1e6) / 1e6 : null;
    const lng = home ? Math.round((home.lng + random.float(-0.003, 0.003)) * 1e6) / 1e6 : null;
    const need = needOf(needs, draft.category);
    const demand: DemandRow = { ...draft, status: 'OPEN', lat, lng, ...need, resource_id: null, usage_period: null, rating: null, rating_comment: null };
    let at = Date.parse(draft.created_at);
    const events: DemandEventRow[] = [
      { demand_id: draft.id, kind: 'SUBMIT', from_status: null, to_status: 'OPEN', actor: draft.grid_id ? `grid-worker:${draft.grid_id}` : 'resident', note: null, resource_id: null, occurred_at: new Date(at).toISOString() },
    ];
    const path = pathToStatus(draft.status) ?? [];
    // Each step happens between the previous one and the reference date.
    const times = path.map(() => (at = at + Math.max(1000, Math.floor((referenceTime - at) * random.float(0.05, 0.3)))));
    // The order holds capacity from its dispatch while it waits (DISPATCHED) and uses it from its acceptance on.
    const holdStep = path.includes('ACCEPT') ? path.indexOf('ACCEPT') : draft.status === 'DISPATCHED' ? path.lastIndexOf('DISPATCH') : -1;
    const holdAt = holdStep >= 0 ? new Date(times[holdStep]!) : null;
    const serving = servingByCommunity.get(draft.community_id) ?? [];
    const fitting = new Set(fittingCategories(draft.category));
    // Orders go to a resource of the demand's category where one serves the community, else of a related one, in the demand's unit.
    const choices = [
      ...serving.filter((resource) => resource.category === draft.category),
      ...serving.filter((resource) => resource.category !== draft.category && fitting.has(resource.category)),
    ].filter((resource) => resource.capacity_unit === need.unit && (holdAt === null || hasCapacity(resource, holdAt, need.amount)));
    const resource = choices.length > 0 ? choices[Math.min(choices.length - 1, random.int(0, 1))]! : null;
    if (path.includes('DISPATCH') && resource === null) {
      demands.push(demand);
      demandEvents.push(...events);
      continue;
    }
    path.forEach((action, i) => {
      const next = nextDemandStatus(demand.status, action)!;
      const occurredAt = new Date(times[i]!);
      let actor = `community:${draft.community_id}`;
      let note: string | null = null;
      if (action === 'DISPATCH') demand.resource_id = resource!.id;
      if (action === 'ACCEPT' || action === 'DECLINE' || action === 'FULFIL') actor = `provider:${resource!.provider_id}`;
      if (action === 'DECLINE') note = '本期服务已排满';
      if (action === 'EXPIRE') actor = 'system:expiry';
      if (i === holdStep) {
        const period = capacityPeriodKey(resource!.capacity_period, occurredAt);
        const key = `${resource!.id}|${period}`;
        const row = used.get(key) ?? { resource_id: resource!.id, period_start: period, used: 0 };
        row.used += need.amount;
        used.set(key, row);
        demand.usage_period = period;
      }
      if (action === 'RATE') {
        actor = 'resident';
        demand.rating = random.pick([3, 4, 4, 5, 5, 5]);
        demand.rating_comment = random.pick(RATING_COMMENTS);
        note = `${demand.rating}星`;
      }
      events.push({
        demand_id: draft.id,
        kind: action,
        from_status: demand.status,
        to_status: next,
        actor,
        note,
        resource_id: demand.resource_id,
        occurred_at: occurredAt.toISOString(),
      });
      demand.status = next;
    });
    demands.push(demand);
    demandEvents.push(...events);
  }
  const communityOffices = plan.communities.map((community) => ({ community_id: community.id, office_id: community.officeId }));
  return { demands, demandEvents, capacityUsage: [...used.values()], communityOffices };
}

function capacityColumns(capacity: { amount: number; unit: string; period: CapacityPeriod }) {
  return { capacity_amount: capacity.amount, capacity_unit: capacity.unit, capacity_period: capacity.period };
}
