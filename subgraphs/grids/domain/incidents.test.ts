import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ANONYMOUS, type Caller, type Role } from '../../../lib/auth/caller.js';
import { INCIDENT_LOOP } from './policy.js';
import type { PeerClient } from '../../../lib/subgraph/peer-client.js';
import { testPeers } from '../../../test/support/auth.js';
import { createTestDatabase, type TestDatabase } from '../../../test/support/databases.js';
import { execute } from '../../../test/support/operations.js';
import { startSeededSubgraph, type SeededSubgraph } from '../../../test/support/seeded-subgraph.js';
import { planStreet, REFERENCE_DATE } from '../../../seed/plan.js';
import { generateGridsDataset } from '../../../seed/grids.js';
import { createGridsStore } from '../store.js';
import { createContext, createServer } from '../server.js';
import { runEscalationPass } from './incidents.js';
import { INCIDENT_STATUSES, isOverdue, type IncidentAction } from './incident-lifecycle.js';
import type { GridsContext } from '../context.js';

const HOUR = 3_600_000;
const plan = planStreet(1);
let database: TestDatabase;
let coBuilding: SeededSubgraph;
let peers: PeerClient;
let apollo: ReturnType<typeof createServer>;
let now = new Date('2026-11-02T01:00:00Z');
const at = (hours: number, from = new Date('2026-11-02T01:00:00Z')) => new Date(from.getTime() + hours * HOUR);

/** Signed-in callers as the subgraph sees them; every step is taken by the side it belongs to. */
const person = (role: Role, subject: string, ids: Partial<Pick<Caller, 'communityId' | 'gridId' | 'unitId' | 'departmentId'>> = {}): Caller => ({
  ...ANONYMOUS,
  role,
  subject,
  ...ids,
});
const admin = person('STREET_ADMIN', 'admin:reader');
const communityOf = (gridId: string) => plan.grids.find((grid) => grid.id === gridId)!.communityId;
const gridWorker = (gridId: string) => person('GRID_WORKER', `grid-worker:${gridId}`, { gridId, communityId: communityOf(gridId) });
const communityWorker = (gridId: string) => person('COMMUNITY_WORKER', `community-worker:${communityOf(gridId)}`, { communityId: communityOf(gridId) });
const departmentStaff = (departmentId: string) => person('DEPARTMENT_STAFF', `staff:${departmentId}`, { departmentId });

const run = <Data = Record<string, any>>(query: string, variables?: Record<string, unknown>, as: Caller = admin) =>
  execute<Data, GridsContext>(apollo, createContext({ db: database.db, clock: () => now, peers }, as), query, variables);

const INCIDENT_FIELDS = `id status escalationLevel dueAt overdue pausedHours deadlineKept returnReason rating allowedActions
  grid { id } microGrid { id } community { id } leadDepartment { id } assistingDepartments { id } responsibleUnit { id }
  duplicateOf { id } duplicates { id } timeline { kind fromStatus toStatus actor note occurredAt }`;
const REPORT = `mutation($input: ReportIncidentInput!) { reportIncident(input: $input) { ${INCIDENT_FIELDS} } }`;
const TRANSITION = `mutation($input: TransitionIncidentInput!) { transitionIncident(input: $input) { ${INCIDENT_FIELDS} } }`;
const RATE = `mutation($input: RateIncidentInput!) { rateIncident(input: $input) { ${INCIDENT_FIELDS} } }`;
const GET = `query($id: ID!) { incident(id: $id) { ${INCIDENT_FIELDS} } }`;

/** Each test reports at its own spot, so duplicate detection never links incidents of different tests. */
let spot = 0;
function place(): { lat: number; lng: number } {
  spot++;
  return { lat: 30 + spot * 0.01, lng: 120 };
}

/** Reported by the grid's worker (of the micro-grid's grid when one is named). */
async function report(input: Record<string, unknown>) {
  const microGrid = plan.microGrids.find((micro) => micro.id === input.microGridId);
  const gridId = microGrid?.gridId ?? (input.gridId as string | undefined) ?? 'grid-010';
  const { data, errors } = await run(
    REPORT,
    {
      input: {
        gridId: 'grid-010',
        category: 'BROKEN_LIFT',
        description: '电梯困人',
        location: place(),
        reporter: { name: '张三明', phone: '13812341234' },
        channel: 'GRID_APP',
        ...input,
      },
    },
    gridWorker(gridId),
  );
  expect(errors).toBeUndefined();
  return data!.reportIncident;
}

/**
 * Who takes `action` on the incident: its grid's worker for the raising side's steps, the staff of
 * its lead department for the handling side's (domain/policy.ts).
 */
async function actorFor(id: string, action: IncidentAction): Promise<Caller> {
  const { data } = await run(`query($id: ID!) { incident(id: $id) { grid { id } leadDepartment { id } } }`, { id });
  const { grid, leadDepartment } = data!.incident;
  return INCIDENT_LOOP.steps[action] === 'handling' ? departmentStaff(leadDepartment.id) : gridWorker(grid.id);
}

async function act(id: string, action: IncidentAction, extra: Record<string, unknown> = {}, as?: Caller) {
  const result = await run(TRANSITION, { input: { id, action, actor: 'ignored', ...extra } }, as ?? (await actorFor(id, action)));
  return { incident: result.data?.transitionIncident, errors: result.errors };
}

async function must(id: string, action: IncidentAction, extra: Record<string, unknown> = {}, as?: Caller) {
  const { incident, errors } = await act(id, action, extra, as);
  expect(errors).toBeUndefined();
  return incident;
}

async function walk(id: string, actions: readonly IncidentAction[]) {
  for (const action of actions) await must(id, action);
}

/** A unit with an ACTIVE pairing (as co-building decides today) with a community that has micro-grids. */
async function pairedUnitAndMicroGrid(): Promise<{ unitId: string; microGridId: string }> {
  const pairings = await coBuilding.database.db.query<{ unit_id: string; community_id: string }>(
    `SELECT unit_id, community_id FROM pairings WHERE terminated_on IS NULL AND starts_on <= current_date - 2 AND ends_on >= current_date + 2 ORDER BY id`,
  );
  for (const pairing of pairings) {
    const grid = plan.grids.find(
      (candidate) => candidate.communityId === pairing.community_id && plan.microGrids.some((micro) => micro.gridId === candidate.id),
    );
    if (grid) return { unitId: pairing.unit_id, microGridId: plan.microGrids.find((micro) => micro.gridId === grid.id)!.id };
  }
  throw new Error('no active pairing in the seeded street');
}

async function outboxOf(id: string) {
  return database.db.query<{ topic: string; payload: any }>(`SELECT topic, payload FROM outbox WHERE payload->'source'->>'id' = $1 ORDER BY id`, [id]);
}

beforeAll(async () => {
  database = await createTestDatabase('grids');
  // The street without its sample incidents: every incident here is the test's own.
  await createGridsStore(database.db).insertDataset({ ...generateGridsDataset(plan), incidents: [], incidentEvents: [] });
  // Responsible units are checked with their owner: a real co-building subgraph on its own database.
  coBuilding = await startSeededSubgraph('co-building');
  peers = testPeers('grids', { 'co-building': coBuilding.subgraph.url });
  apollo = createServer({ db: database.db });
  await apollo.start();
});
afterAll(async () => {
  await apollo?.stop();
  await coBuilding?.stop();
  await database?.drop();
});

describe('the incident loop (网格吹哨、部门报到)', () => {
  it('walks an incident through every status: return, escalation, pause, rejected resolution, verification, rating, close', async () => {
    now = at(0);
    const { unitId, microGridId } = await pairedUnitAndMicroGrid();
    const reported = await report({ microGridId, gridId: null, responsibleUnitId: unitId });
    expect(reported).toMatchObject({
      status: 'REPORTED',
      escalationLevel: 'GRID',
      leadDepartment: { id: 'department-02' },
      assistingDepartments: [{ id: 'department-06' }],
      responsibleUnit: { id: unitId },
      microGrid: { id: microGridId },
      dueAt: at(48).toISOString(),
      overdue: false,
      duplicateOf: null,
    });
    const id = reported.id;

    now = at(1);
    expect((await must(id, 'DISPATCH')).status).toBe('DISPATCHED');
    now = at(2);
    const noReason = await act(id, 'RETURN');
    expect(noReason.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.reason' });
    const returned = await must(id, 'RETURN', { reason: '不属于本部门职责' });
    expect(returned).toMatchObject({ status: 'RETURNED', returnReason: '不属于本部门职责', allowedActions: ['DISPATCH', 'ESCALATE'] });

    now = at(3);
    const escalated = await must(id, 'ESCALATE');
    expect(escalated).toMatchObject({ status: 'ESCALATED', escalationLevel: 'COMMUNITY', dueAt: at(51).toISOString() });
    now = at(4);
    // The community, now in charge, sends it on.
    const redispatched = await must(id, 'DISPATCH', { leadDepartmentId: 'department-06' }, communityWorker(reported.grid.id));
    expect(redispatched).toMatchObject({ status: 'DISPATCHED', leadDepartment: { id: 'department-06' }, assistingDepartments: [] });
    now = at(5);
    await must(id, 'ACCEPT');
    now = at(6);
    await must(id, 'START');

    now = at(10);
    expect((await must(id, 'WAIT_FOR_RESIDENT')).status).toBe('WAITING_ON_RESIDENT');
    // 60 hours of waiting: past the original deadline, yet not overdue, and the deadline has moved along.
    now = at(70);
    const waiting = (await run(GET, { id })).data!.incident;
    expect(waiting).toMatchObject({ overdue: false, pausedHours: 60, dueAt: at(111).toISOString() });
    const resumed = await must(id, 'RESUME');
    expect(resumed).toMatchObject({ status: 'IN_PROGRESS', overdue: false, pausedHours: 60, dueAt: at(111).toISOString() });

    now = at(80);
    expect(await must(id, 'RESOLVE')).toMatchObject({ status: 'RESOLVED', deadlineKept: true });
    expect(await must(id, 'REJECT_RESOLUTION')).toMatchObject({ status: 'IN_PROGRESS', deadlineKept: null });
    now = at(90);
    await must(id, 'RESOLVE');
    expect(await outboxOf(id)).toEqual([]);
    now = at(91);
    expect((await must(id, 'VERIFY')).status).toBe('VERIFIED');

    now = at(92);
    const rater = gridWorker(reported.grid.id);
    const rated = await run(RATE, { input: { id, rating: 5, comment: '很及时', actor: 'ignored' } }, rater);
    expect(rated.data!.rateIncident).toMatchObject({ status: 'VERIFIED', rating: 5 });
    const again = await run(RATE, { input: { id, rating: 1, actor: 'ignored' } }, rater);
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'ILLEGAL_TRANSITION' });

    now = at(93);
    const closed = await must(id, 'CLOSE');
    expect(closed).toMatchObject({ status: 'CLOSED', allowedActions: [], rating: 5, overdue: false });
    expect(closed.timeline.map((event: any) => `${event.kind}:${event.toStatus}`)).toEqual([
      'REPORT:REPORTED',
      'DISPATCH:DISPATCHED',
      'RETURN:RETURNED',
      'ESCALATE:ESCALATED',
      'DISPATCH:DISPATCHED',
      'ACCEPT:ACCEPTED',
      'START:IN_PROGRESS',
      'WAIT_FOR_RESIDENT:WAITING_ON_RESIDENT',
      'RESUME:IN_PROGRESS',
      'RESOLVE:RESOLVED',
      'REJECT_RESOLUTION:IN_PROGRESS',
      'RESOLVE:RESOLVED',
      'VERIFY:VERIFIED',
      'RATE:VERIFIED',
      'CLOSE:CLOSED',
    ]);
    // Each step by its side: the grid raises and checks, the departments handle, the community re-dispatches.
    const worker = `grid-worker:${reported.grid.id}`;
    const handler = 'staff:department-06';
    expect(closed.timeline.map((event: any) => event.actor)).toEqual([
      worker, // REPORT
      worker, // DISPATCH
      'staff:department-02', // RETURN
      worker, // ESCALATE
      `community-worker:${reported.community.id}`, // DISPATCH
      handler, // ACCEPT
      handler, // START
      handler, // WAIT_FOR_RESIDENT
      handler, // RESUME
      handler, // RESOLVE
      worker, // REJECT_RESOLUTION
      handler, // RESOLVE
      worker, // VERIFY
      worker, // RATE
      worker, // CLOSE
    ]);
    expect(closed.timeline[2]).toMatchObject({ actor: 'staff:department-02', note: '不属于本部门职责', occurredAt: at(2).toISOString() });

    // Credit events for the responsible unit, written with the changes that caused them.
    const outbox = await outboxOf(id);
    expect(outbox.map((row) => row.payload)).toEqual([
      { unitId, reason: 'DEADLINE_KEPT', rating: null, source: { subgraph: 'grids', type: 'Incident', id }, occurredAt: at(91).toISOString() },
      { unitId, reason: 'RATING_RECEIVED', rating: 5, source: { subgraph: 'grids', type: 'Incident', id }, occurredAt: at(92).toISOString() },
    ]);
  });

  it('refuses illegal transitions with ILLEGAL_TRANSITION and changes nothing', async () => {
    now = at(0);
    const { id } = await report({});
    for (const action of ['ACCEPT', 'START', 'RESOLVE', 'VERIFY', 'CLOSE', 'RESUME', 'RETURN', 'WAIT_FOR_RESIDENT', 'REJECT_RESOLUTION'] as const) {
      const { errors } = await act(id, action, { reason: 'x' });
      expect(errors?.[0]?.extensions).toMatchObject({ code: 'ILLEGAL_TRANSITION', status: 'REPORTED', action });
    }
    const rate = await run(RATE, { input: { id, rating: 4 } }, gridWorker('grid-010'));
    expect(rate.errors?.[0]?.extensions).toMatchObject({ code: 'ILLEGAL_TRANSITION' });
    const after = (await run(GET, { id })).data!.incident;
    expect(after).toMatchObject({ status: 'REPORTED', rating: null });
    expect(after.timeline).toHaveLength(1);

    // Up to the district and no further.
    for (const level of ['COMMUNITY', 'STREET', 'DISTRICT']) expect((await must(id, 'ESCALATE')).escalationLevel).toBe(level);
    const beyond = await act(id, 'ESCALATE');
    expect(beyond.errors?.[0]?.extensions).toMatchObject({ code: 'ILLEGAL_TRANSITION' });
    expect((await run(GET, { id })).data!.incident.timeline).toHaveLength(4);
  });

  it('rejects bad report input naming the field', async () => {
    const base = {
      gridId: 'grid-010',
      category: 'NOISE',
      description: '噪音',
      location: { lat: 31, lng: 121 },
      reporter: { name: '李四' },
      channel: 'HOTLINE_12345',
    };
    for (const [patch, field] of [
      [{ gridId: 'grid-x' }, 'input.gridId'],
      [{ microGridId: 'micro-grid-0001' }, 'input.gridId'],
      [{ description: '  ' }, 'input.description'],
      [{ location: { lat: 91, lng: 121 } }, 'input.location.lat'],
      [{ photoUrls: ['ftp://x'] }, 'input.photoUrls.0'],
    ] as const) {
      const { errors } = await run(REPORT, { input: { ...base, ...patch } });
      expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    const { data } = await run(`{ incidents(filter: { category: NOISE }) { totalCount } }`);
    expect(data!.incidents.totalCount).toBe(0);
  });

  it('flags a report within 50 m of an open one of the same category in the last 7 days as a likely duplicate', async () => {
    now = at(0);
    const origin = place();
    const original = await report({ category: 'SANITATION', location: origin });
    const metres = (m: number) => ({ lat: origin.lat + m / 111_195, lng: origin.lng });
    now = at(24);
    const near = await report({ category: 'SANITATION', location: metres(30) });
    const far = await report({ category: 'SANITATION', location: metres(80) });
    const otherCategory = await report({ category: 'NOISE', location: metres(10) });
    expect(near.duplicateOf).toEqual({ id: original.id });
    expect(near.timeline[0].note).toBe(`likely duplicate of ${original.id}`);
    expect(far.duplicateOf).toBeNull();
    expect(otherCategory.duplicateOf).toBeNull();
    // Linked, not merged: both stand, the original lists its duplicate.
    expect(near.status).toBe('REPORTED');
    expect((await run(GET, { id: original.id })).data!.incident.duplicates).toEqual([{ id: near.id }]);
    // Eight days later the original is too old to match.
    now = at(8 * 24);
    expect((await report({ category: 'SANITATION', location: metres(5) })).duplicateOf).toBeNull();
  });

  it('does not flag duplicates of incidents already resolved', async () => {
    now = at(0);
    const location = place();
    const { id } = await report({ category: 'ROAD_DAMAGE', location });
    await walk(id, ['DISPATCH', 'ACCEPT', 'START', 'RESOLVE']);
    expect((await report({ category: 'ROAD_DAMAGE', location })).duplicateOf).toBeNull();
  });

  it('re-routes a category through setIncidentRoutingRule for incidents dispatched afterwards', async () => {
    now = at(0);
    const bad = await run(
      `mutation { setIncidentRoutingRule(input: { category: OTHER, leadDepartmentId: "department-03", assistingDepartmentIds: ["department-03"], deadlineHours: 10 }) { category } }`,
    );
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.assistingDepartmentIds' });
    const { id } = await report({ category: 'OTHER' });
    const { data, errors } =
      await run(`mutation { setIncidentRoutingRule(input: { category: OTHER, leadDepartmentId: "department-03", assistingDepartmentIds: ["department-08"], deadlineHours: 10 }) {
      category leadDepartment { id } assistingDepartments { id } deadlineHours } }`);
    expect(errors).toBeUndefined();
    expect(data!.setIncidentRoutingRule).toEqual({
      category: 'OTHER',
      leadDepartment: { id: 'department-03' },
      assistingDepartments: [{ id: 'department-08' }],
      deadlineHours: 10,
    });
    expect(await must(id, 'DISPATCH')).toMatchObject({ leadDepartment: { id: 'department-03' }, assistingDepartments: [{ id: 'department-08' }] });
    const rules = await run(`{ incidentRoutingRules { category } }`);
    expect(rules.data!.incidentRoutingRules).toHaveLength(11);
  });
});

describe('the escalation job', () => {
  it('escalates overdue incidents once, never paused ones, and nothing new on a second pass', async () => {
    const t0 = new Date('2027-01-10T00:00:00Z');
    now = t0;
    const hazard = await report({ category: 'SAFETY_HAZARD' }); // 24 h
    const paused = await report({ category: 'SAFETY_HAZARD' });
    await walk(paused.id, ['DISPATCH', 'ACCEPT', 'START', 'WAIT_FOR_RESIDENT']);

    expect(await runEscalationPass(database.db, at(23, t0))).not.toContain(hazard.id);
    const first = await runEscalationPass(database.db, at(25, t0));
    expect(first).toContain(hazard.id);
    expect(first).not.toContain(paused.id);
    expect(await runEscalationPass(database.db, at(25, t0))).toEqual([]);

    now = at(25, t0);
    const escalated = (await run(GET, { id: hazard.id })).data!.incident;
    expect(escalated).toMatchObject({ status: 'ESCALATED', escalationLevel: 'COMMUNITY', overdue: false, dueAt: at(49, t0).toISOString() });
    expect(escalated.timeline.at(-1)).toMatchObject({ kind: 'ESCALATE', actor: 'system:escalation', fromStatus: 'REPORTED' });

    // Overdue again at the next level: up once more.
    expect(await runEscalationPass(database.db, at(50, t0))).toContain(hazard.id);
    now = at(50, t0);
    expect((await run(GET, { id: hazard.id })).data!.incident.escalationLevel).toBe('STREET');
  });

  it('is safe with two instances running at once: every overdue incident is escalated exactly once', async () => {
    const t0 = new Date('2027-03-01T00:00:00Z');
    now = t0;
    const ids: string[] = [];
    for (let i = 0; i < 24; i++) ids.push((await report({ category: 'FIRE_LANE_BLOCKED' })).id);
    const passAt = at(30, t0);
    const [a, b] = await Promise.all([runEscalationPass(database.db, passAt, { batchSize: 5 }), runEscalationPass(database.db, passAt, { batchSize: 5 })]);
    const all = [...a, ...b].filter((id) => ids.includes(id));
    expect(all.sort()).toEqual([...ids].sort());
    const [counted] = await database.db.query<{ count: number }>(
      `SELECT count(*) AS count FROM incident_events WHERE kind = 'ESCALATE' AND incident_id = ANY($1)`,
      [ids],
    );
    expect(counted?.count).toBe(24);
  });
});

describe('incident views', () => {
  it('shows a community its incident figures: open, overdue, closed in 30 days, median hours to close, satisfaction', async () => {
    // grid-200's community gets only these four incidents.
    const t0 = new Date('2027-05-01T00:00:00Z');
    now = t0;
    const mk = () => report({ gridId: 'grid-200', category: 'NEIGHBOUR_DISPUTE' }); // 168 h
    const [fast, slow, overdue, waiting] = [await mk(), await mk(), await mk(), await mk()];
    const close = async (id: string, hours: number, rating: number) => {
      now = at(hours - 1, t0);
      await walk(id, ['DISPATCH', 'ACCEPT', 'START', 'RESOLVE', 'VERIFY']);
      await run(RATE, { input: { id, rating } }, gridWorker('grid-200'));
      now = at(hours, t0);
      await must(id, 'CLOSE');
    };
    await close(fast.id, 10, 5);
    await close(slow.id, 30, 2);
    now = at(1, t0);
    await walk(waiting.id, ['DISPATCH', 'ACCEPT', 'START', 'WAIT_FOR_RESIDENT']);
    now = at(200, t0);
    const { data, errors } =
      await run(`{ grid(id: "grid-200") { community { id incidentStats { open overdue closedLast30Days medianHoursToClose satisfaction } }
      open: incidents(status: WAITING_ON_RESIDENT) { totalCount nodes { id } } all: incidents(first: 2) { totalCount nodes { id } pageInfo { hasNextPage } } } }`);
    expect(errors).toBeUndefined();
    expect(data!.grid.community.incidentStats).toEqual({ open: 2, overdue: 1, closedLast30Days: 2, medianHoursToClose: 20, satisfaction: 0.5 });
    expect(data!.grid.open).toEqual({ totalCount: 1, nodes: [{ id: waiting.id }] });
    expect(data!.grid.all).toMatchObject({ totalCount: 4, nodes: [{ id: fast.id }, { id: slow.id }], pageInfo: { hasNextPage: true } });
    const overdueOnly = await run(`query($c: ID) { incidents(first: 100, filter: { communityId: $c, overdue: true }) { nodes { id } } }`, {
      c: data!.grid.community.id,
    });
    expect(overdueOnly.data!.incidents.nodes).toEqual([{ id: overdue.id }]);
    // 40 days later the closed ones drop out of the 30-day figure.
    now = at(40 * 24, t0);
    const later = await run(`{ grid(id: "grid-200") { community { incidentStats { closedLast30Days } } } }`);
    expect(later.data!.grid.community.incidentStats.closedLast30Days).toBe(0);
  });

  it('gives an empty community zeros and nulls', async () => {
    const { data } = await run(`{ community(id: "community-66") { incidentStats { open overdue closedLast30Days medianHoursToClose satisfaction } } }`);
    expect(data!.community.incidentStats).toEqual({ open: 0, overdue: 0, closedLast30Days: 0, medianHoursToClose: null, satisfaction: null });
  });

  it('resolves Incident and Department entity references (_entities), Department with the incidents it leads', async () => {
    now = at(0);
    const { id } = await report({ gridId: 'grid-011', category: 'SAFETY_HAZARD' });
    const { data, errors } = await run(
      `query($representations: [_Any!]!) { _entities(representations: $representations) {
        ... on Incident { id category grid { id } reporter { name phone } }
        ... on Department { id incidents(status: REPORTED, first: 100) { nodes { id leadDepartment { id } } } } } }`,
      {
        representations: [
          { __typename: 'Incident', id },
          { __typename: 'Incident', id: 'missing' },
          { __typename: 'Department', id: 'department-10' },
        ],
      },
    );
    expect(errors).toBeUndefined();
    expect(data!._entities[0]).toEqual({ id, category: 'SAFETY_HAZARD', grid: { id: 'grid-011' }, reporter: { name: '张*明', phone: '138****1234' } });
    expect(data!._entities[1]).toBeNull();
    const led = data!._entities[2].incidents.nodes;
    expect(led.map((node: any) => node.id)).toContain(id);
    for (const node of led) expect(node.leadDepartment).toEqual({ id: 'department-10' });
  });
});

describe('seeded incidents', () => {
  it('cover every status, some overdue on the reference date and still overdue later, with timelines', () => {
    const { incidents = [], incidentEvents = [] } = generateGridsDataset(planStreet(1));
    expect(new Set(incidents.map((incident) => incident.status))).toEqual(new Set(INCIDENT_STATUSES));
    const overdueAt = (when: Date) => incidents.filter((i) => isOverdue({ status: i.status, dueAt: i.due_at, pausedSince: i.paused_since }, when)).length;
    const reference = new Date(`${REFERENCE_DATE}T00:00:00+08:00`);
    expect(overdueAt(reference)).toBeGreaterThan(20);
    expect(overdueAt(new Date(reference.getTime() + 365 * 24 * HOUR))).toBeGreaterThanOrEqual(overdueAt(reference));
    // Waiting on the resident, never overdue.
    expect(
      incidents.some((i) => i.status === 'WAITING_ON_RESIDENT' && !isOverdue({ status: i.status, dueAt: i.due_at, pausedSince: i.paused_since }, reference)),
    ).toBe(true);
    for (const incident of incidents.slice(0, 50)) {
      const events = incidentEvents.filter((event) => event.incident_id === incident.id);
      expect(events[0]!.kind).toBe('REPORT');
      expect(events.at(-1)!.to_status).toBe(incident.status);
    }
    expect(incidents.some((incident) => incident.duplicate_of !== null)).toBe(true);
    expect(incidents.some((incident) => incident.responsible_unit_id !== null)).toBe(true);
  });

  it('have timelines whose handlers never check, close or rate, and whose raisers never handle (separation of duties)', () => {
    const { incidents = [], incidentEvents = [] } = generateGridsDataset(planStreet(1));
    const sides = new Map<string, Set<string>>();
    for (const event of incidentEvents) {
      if (event.actor_key === null) continue; // the escalation job, intake channels
      const key = `${event.incident_id} ${event.actor_key}`;
      sides.set(key, (sides.get(key) ?? new Set()).add(INCIDENT_LOOP.steps[event.kind]));
    }
    expect([...sides.entries()].filter(([, taken]) => taken.size > 1)).toEqual([]);
    // Both sides really occur on one incident: checked by someone other than who handled it.
    const closed = incidents.find((incident) => incident.status === 'CLOSED')!;
    const actors = incidentEvents.filter((event) => event.incident_id === closed.id).map((event) => `${event.kind}:${event.actor}`);
    expect(actors).toEqual(expect.arrayContaining([`RESOLVE:department-staff:${closed.lead_department_id}`, `VERIFY:grid-worker:${closed.grid_id}`]));
  });
});
