import type { EscalationLevel, IncidentAction, IncidentStatus } from '../subgraphs/grids/domain/incident-lifecycle.js';
import type { GridsDataset, IncidentCategory, IncidentChannel, IncidentEventRow, IncidentRow } from '../subgraphs/grids/store.js';
import { seededActor, seededSystemActor } from './actors.js';
import { mobilePhone, personName } from './names.js';
import { REFERENCE_DATE, type StreetPlan } from './plan.js';
import { Random } from './random.js';

/** The grids subgraph's rows are the plan's skeleton itself, plus sample incidents. */
export function generateGridsDataset(plan: StreetPlan): GridsDataset {
  const { incidents, incidentEvents } = generateIncidents(plan);
  return {
    streets: [{ id: plan.street.id, name: plan.street.name, area_km2: plan.street.areaKm2, residents: plan.street.residents }],
    offices: plan.offices.map((office) => ({ id: office.id, street_id: plan.street.id, name: office.name })),
    communities: plan.communities.map((c) => ({
      id: c.id,
      office_id: c.officeId,
      name: c.name,
      kind: c.kind,
      households: c.households,
      population: c.population,
      lat: c.location.lat,
      lng: c.location.lng,
    })),
    grids: plan.grids.map((g) => ({
      id: g.id,
      community_id: g.communityId,
      name: g.name,
      kind: g.kind,
      dedicated_to: g.dedicatedTo,
      households: g.households,
    })),
    microGrids: plan.microGrids.map((m) => ({ id: m.id, grid_id: m.gridId, name: m.name, households: m.households })),
    incidents,
    incidentEvents,
  };
}

/**
 * The routing rules that migration 002 installs (lead department, assisting departments, deadline
 * hours), repeated here because seeded incidents must carry what routing gave them at the time.
 */
const ROUTING: Record<IncidentCategory, { lead: string; assisting: string[]; hours: number }> = {
  FIRE_LANE_BLOCKED: { lead: 'department-12', assisting: ['department-01', 'department-07'], hours: 24 },
  BROKEN_LIFT: { lead: 'department-02', assisting: ['department-06'], hours: 48 },
  PARKING_DISPUTE: { lead: 'department-07', assisting: ['department-01'], hours: 72 },
  ILLEGAL_CONSTRUCTION: { lead: 'department-01', assisting: ['department-05', 'department-06'], hours: 120 },
  SANITATION: { lead: 'department-01', assisting: ['department-11'], hours: 48 },
  NOISE: { lead: 'department-11', assisting: ['department-07'], hours: 72 },
  ROAD_DAMAGE: { lead: 'department-06', assisting: ['department-01'], hours: 96 },
  UNLICENSED_BUSINESS: { lead: 'department-02', assisting: ['department-03', 'department-01'], hours: 120 },
  SAFETY_HAZARD: { lead: 'department-10', assisting: ['department-12'], hours: 24 },
  NEIGHBOUR_DISPUTE: { lead: 'department-07', assisting: ['department-08'], hours: 168 },
  OTHER: { lead: 'department-01', assisting: [], hours: 168 },
};
const CATEGORIES = Object.keys(ROUTING) as IncidentCategory[];
/** Categories a compound's property company answers for (物业责任). */
const PROPERTY_CATEGORIES: readonly IncidentCategory[] = ['BROKEN_LIFT', 'FIRE_LANE_BLOCKED', 'SANITATION', 'PARKING_DISPUTE'];
const DESCRIPTIONS: Record<IncidentCategory, readonly string[]> = {
  FIRE_LANE_BLOCKED: ['小区消防通道被私家车堵塞', '楼道堆放杂物堵塞安全出口'],
  BROKEN_LIFT: ['电梯困人后停运', '电梯运行异响，居民担心安全'],
  PARKING_DISPUTE: ['车位被长期占用引发纠纷', '外来车辆乱停影响通行'],
  ILLEGAL_CONSTRUCTION: ['楼顶违章搭建阳光房', '底层住户私自扩建院墙'],
  SANITATION: ['垃圾分类点满溢无人清运', '绿化带内建筑垃圾堆积'],
  NOISE: ['夜间装修噪音扰民', '广场舞音响音量过大'],
  ROAD_DAMAGE: ['小区主干道路面塌陷', '人行道地砖松动破损'],
  UNLICENSED_BUSINESS: ['路口流动摊贩无证经营', '居民楼内开设无证小作坊'],
  SAFETY_HAZARD: ['电动车楼道内充电', '燃气管道老化有异味'],
  NEIGHBOUR_DISPUTE: ['楼上漏水引发邻里纠纷', '宠物扰民引发邻里矛盾'],
  OTHER: ['路灯不亮', '公共座椅损坏'],
};
const RETURN_REASONS = ['不属于本部门职责范围', '事发地点不在辖区内', '需物业先行处置'];
const CHANNELS: readonly IncidentChannel[] = ['GRID_APP', 'GRID_APP', 'HOTLINE_12345', 'MINI_PROGRAM'];

/** Share of seeded incidents per final status; every status occurs. */
const STATUS_MIX: readonly [IncidentStatus, number][] = [
  ['CLOSED', 0.42],
  ['VERIFIED', 0.05],
  ['RESOLVED', 0.05],
  ['IN_PROGRESS', 0.09],
  ['WAITING_ON_RESIDENT', 0.04],
  ['ACCEPTED', 0.06],
  ['DISPATCHED', 0.07],
  ['REPORTED', 0.06],
  ['RETURNED', 0.05],
  ['ESCALATED', 0.11],
];
const INCIDENTS_PER_COMMUNITY = 6;
const HOUR_MS = 3_600_000;
/** Midnight of the reference day in China Standard Time. */
const REFERENCE_TIME = Date.parse(`${REFERENCE_DATE}T00:00:00+08:00`);
const DUPLICATE_SHARE = 0.05;

function pickWeighted<T>(random: Random, mix: readonly [T, number][]): T {
  let r = random.next() * mix.reduce((sum, [, weight]) => sum + weight, 0);
  for (const [value, weight] of mix) {
    r -= weight;
    if (r < 0) return value;
  }
  return mix.at(-1)![0];
}

interface Draft {
  row: Omit<IncidentRow, 'id' | 'street_id'>;
  events: Omit<IncidentEventRow, 'incident_id'>[];
}

/**
 * Sample incidents for every community, in every status, with full timelines. Times are relative to
 * the reference date; open incidents reported weeks before it are far past their deadlines, so they
 * are overdue both on the reference date and on any later real day the hub runs.
 */
function generateIncidents(plan: StreetPlan): { incidents: IncidentRow[]; incidentEvents: IncidentEventRow[] } {
  const random = Random.forStream(plan.seed, 'grids-incidents');
  const gridsOfCommunity = new Map<string, typeof plan.grids>();
  for (const grid of plan.grids) gridsOfCommunity.set(grid.communityId, [...(gridsOfCommunity.get(grid.communityId) ?? []), grid]);
  const microGridsOfGrid = new Map<string, typeof plan.microGrids>();
  for (const micro of plan.microGrids) microGridsOfGrid.set(micro.gridId, [...(microGridsOfGrid.get(micro.gridId) ?? []), micro]);
  const unitKind = new Map(plan.units.map((unit) => [unit.id, unit.kind]));
  const propertyCompanyOf = new Map<string, string>();
  for (const pairing of plan.pairings) {
    if (unitKind.get(pairing.unitId) === 'PROPERTY_COMPANY' && !propertyCompanyOf.has(pairing.communityId)) {
      propertyCompanyOf.set(pairing.communityId, pairing.unitId);
    }
  }

  const drafts: Draft[] = [];
  for (const community of plan.communities) {
    const grids = gridsOfCommunity.get(community.id) ?? [];
    if (grids.length === 0) continue;
    for (let n = 0; n < INCIDENTS_PER_COMMUNITY; n++) {
      const grid = random.pick(grids);
      const micros = microGridsOfGrid.get(grid.id) ?? [];
      const category = random.pick(CATEGORIES);
      const status = pickWeighted(random, STATUS_MIX);
      const propertyCompany = propertyCompanyOf.get(community.id);
      const responsible = propertyCompany && PROPERTY_CATEGORIES.includes(category) && random.chance(0.7) ? propertyCompany : null;
      drafts.push(
        draftIncident(random, status, {
          community_id: community.id,
          grid_id: grid.id,
          micro_grid_id: micros.length > 0 && random.chance(0.6) ? random.pick(micros).id : null,
          category,
          lat: Number((community.location.lat + random.float(-0.004, 0.004)).toFixed(6)),
          lng: Number((community.location.lng + random.float(-0.004, 0.004)).toFixed(6)),
          responsible_unit_id: responsible,
        }),
      );
    }
  }
  drafts.sort((a, b) => a.row.reported_at.getTime() - b.row.reported_at.getTime());
  // Ids like the database's own (incident-000042), so new reports continue the numbering.
  const incidents: IncidentRow[] = drafts.map((draft, i) => ({
    id: `${plan.idPrefix}incident-${String(i + 1).padStart(6, '0')}`,
    street_id: plan.street.id,
    ...draft.row,
  }));

  // A few reports repeat an open incident nearby within days: flagged, as the live check would.
  for (let i = 1; i < incidents.length; i++) {
    if (!random.chance(DUPLICATE_SHARE)) continue;
    const original = incidents[random.int(Math.max(0, i - 40), i - 1)]!;
    const incident = incidents[i]!;
    const gap = incident.reported_at.getTime() - original.reported_at.getTime();
    if (original.duplicate_of !== null || gap > 6 * 24 * HOUR_MS || gap <= 0) continue;
    if (['RESOLVED', 'VERIFIED', 'CLOSED'].includes(original.status)) continue;
    Object.assign(incident, {
      duplicate_of: original.id,
      category: original.category,
      description: original.description,
      community_id: original.community_id,
      grid_id: original.grid_id,
      micro_grid_id: original.micro_grid_id,
      lat: Number((original.lat + 0.0001).toFixed(6)),
      lng: original.lng,
      responsible_unit_id: original.responsible_unit_id,
      lead_department_id: original.lead_department_id,
      assisting_department_ids: original.assisting_department_ids,
      deadline_hours: original.deadline_hours,
    });
  }
  const incidentEvents = drafts.flatMap((draft, i) => draft.events.map((event) => ({ incident_id: incidents[i]!.id, ...event })));
  return { incidents, incidentEvents };
}

type Placement = Pick<IncidentRow, 'community_id' | 'grid_id' | 'micro_grid_id' | 'category' | 'lat' | 'lng' | 'responsible_unit_id'>;

const PATHS: Record<IncidentStatus, readonly IncidentAction[]> = {
  REPORTED: [],
  DISPATCHED: ['DISPATCH'],
  ACCEPTED: ['DISPATCH', 'ACCEPT'],
  IN_PROGRESS: ['DISPATCH', 'ACCEPT', 'START'],
  WAITING_ON_RESIDENT: ['DISPATCH', 'ACCEPT', 'START', 'WAIT_FOR_RESIDENT'],
  RESOLVED: ['DISPATCH', 'ACCEPT', 'START', 'RESOLVE'],
  VERIFIED: ['DISPATCH', 'ACCEPT', 'START', 'RESOLVE', 'VERIFY'],
  CLOSED: ['DISPATCH', 'ACCEPT', 'START', 'RESOLVE', 'VERIFY', 'CLOSE'],
  RETURNED: ['DISPATCH', 'RETURN'],
  ESCALATED: ['DISPATCH'],
};
const STATUS_AFTER: Record<IncidentAction, IncidentStatus> = {
  DISPATCH: 'DISPATCHED',
  ACCEPT: 'ACCEPTED',
  RETURN: 'RETURNED',
  START: 'IN_PROGRESS',
  WAIT_FOR_RESIDENT: 'WAITING_ON_RESIDENT',
  RESUME: 'IN_PROGRESS',
  RESOLVE: 'RESOLVED',
  REJECT_RESOLUTION: 'IN_PROGRESS',
  VERIFY: 'VERIFIED',
  CLOSE: 'CLOSED',
  ESCALATE: 'ESCALATED',
};

function draftIncident(random: Random, status: IncidentStatus, placement: Placement): Draft {
  const rule = ROUTING[placement.category];
  const finished = status === 'RESOLVED' || status === 'VERIFIED' || status === 'CLOSED';
  // Finished ones over the last half year; open ones 2–60 days before the reference date.
  const daysBefore = finished ? random.int(8, 180) : random.int(2, 60);
  const reportedAt = new Date(REFERENCE_TIME - daysBefore * 24 * HOUR_MS - random.int(0, 23) * HOUR_MS);
  const channel = random.pick(CHANNELS);
  // The raising side (the grid's worker) reports, dispatches, checks, closes and records the
  // resident's rating; the lead department's staff handle: nobody checks their own work.
  const gridWorker = seededActor('GRID_WORKER', `grid-worker:${placement.grid_id}`, { gridId: placement.grid_id, communityId: placement.community_id });
  const department = seededActor('DEPARTMENT_STAFF', `department-staff:${rule.lead}`, { departmentId: rule.lead });
  const events: Draft['events'] = [
    {
      kind: 'REPORT',
      from_status: null,
      to_status: 'REPORTED',
      ...(channel === 'GRID_APP' ? gridWorker : seededSystemActor(`channel:${channel}`)),
      note: null,
      occurred_at: reportedAt,
    },
  ];
  let at = reportedAt.getTime();
  let current: IncidentStatus = 'REPORTED';
  let dueAt = reportedAt.getTime() + rule.hours * HOUR_MS;
  let resolvedAt: Date | null = null;
  let closedAt: Date | null = null;
  let pausedSince: Date | null = null;
  let returnReason: string | null = null;
  let level: EscalationLevel = 'GRID';
  // How long the handler takes to resolve, as a share of the deadline: most keep it, some miss.
  const resolveShare = random.chance(0.8) ? random.float(0.2, 0.95) : random.float(1.05, 1.6);
  for (const action of PATHS[status]) {
    let actor = department;
    let note: string | null = null;
    switch (action) {
      case 'DISPATCH':
        at += random.int(1, 4) * HOUR_MS;
        actor = gridWorker;
        break;
      case 'RESOLVE':
        at = Math.max(at + HOUR_MS, reportedAt.getTime() + resolveShare * rule.hours * HOUR_MS);
        resolvedAt = new Date(at);
        break;
      case 'VERIFY':
        at += random.int(4, 30) * HOUR_MS;
        actor = gridWorker;
        break;
      case 'CLOSE':
        at += random.int(1, 48) * HOUR_MS;
        actor = gridWorker;
        closedAt = new Date(at);
        break;
      case 'RETURN':
        at += random.int(1, 12) * HOUR_MS;
        returnReason = random.pick(RETURN_REASONS);
        note = returnReason;
        break;
      case 'WAIT_FOR_RESIDENT':
        at += random.int(1, 6) * HOUR_MS;
        pausedSince = new Date(at);
        note = '等待居民配合入户';
        break;
      default:
        at += random.int(1, 6) * HOUR_MS;
    }
    const to = STATUS_AFTER[action];
    events.push({ kind: action, from_status: current, to_status: to, ...actor, note, occurred_at: new Date(at) });
    current = to;
  }
  if (status === 'ESCALATED') {
    // Escalated by the job each time a deadline passed: once, twice or up to the district.
    const times = random.pick([1, 1, 1, 2, 3]);
    for (let i = 0; i < times; i++) {
      at = dueAt;
      level = (['COMMUNITY', 'STREET', 'DISTRICT'] as const)[i]!;
      events.push({
        kind: 'ESCALATE',
        from_status: current,
        to_status: 'ESCALATED',
        ...seededSystemActor('system:escalation'),
        note: `now at ${level} level`,
        occurred_at: new Date(at),
      });
      current = 'ESCALATED';
      dueAt = at + rule.hours * HOUR_MS;
    }
  }
  const rated = finished && random.chance(status === 'CLOSED' ? 0.85 : 0.4);
  const rating = rated
    ? pickWeighted(random, [
        [5, 0.6],
        [4, 0.3],
        [3, 0.05],
        [2, 0.03],
        [1, 0.02],
      ] as [number, number][])
    : null;
  const ratedAt = rated ? new Date(at + random.int(1, 24) * HOUR_MS) : null;
  if (rated) events.push({ kind: 'RATE', from_status: current, to_status: current, ...gridWorker, note: `rating ${rating}`, occurred_at: ratedAt! });
  return {
    row: {
      ...placement,
      description: random.pick(DESCRIPTIONS[placement.category]),
      photo_urls: random.chance(0.6) ? [`https://img.example.gov.cn/incidents/${placement.grid_id}-${reportedAt.getTime()}.jpg`] : [],
      reporter_name: personName(random),
      reporter_phone: mobilePhone(random),
      channel,
      status,
      escalation_level: level,
      lead_department_id: rule.lead,
      assisting_department_ids: rule.assisting,
      duplicate_of: null,
      deadline_hours: rule.hours,
      reported_at: reportedAt,
      due_at: new Date(dueAt),
      paused_since: pausedSince,
      paused_seconds: 0,
      resolved_at: resolvedAt,
      closed_at: closedAt,
      deadline_kept: resolvedAt === null ? null : resolvedAt.getTime() <= dueAt,
      return_reason: returnReason,
      rating,
      rating_comment: rated && rating! >= 4 ? '处理及时，满意' : null,
      rated_at: ratedAt,
    },
    events,
  };
}
