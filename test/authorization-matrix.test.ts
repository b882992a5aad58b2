import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { buildSchema, GraphQLEnumType } from 'graphql';
import { ROLES, type Role } from '../lib/auth/caller.js';
import { projectPath } from '../lib/kernel/project-root.js';
import type { SubgraphName } from '../lib/subgraph/names.js';
import { tokenFor, type TokenScope } from './support/auth.js';
import { postGraphQL, startTestHub, type TestHub } from './support/hub.js';
import { REFERENCE_STREET_ID } from '../seed/plan.js';
import { planDistrict } from '../seed/district.js';

/**
 * Every step the API offers — each mutation of the API schema, and for transitionIncident each
 * value of IncidentAction — × every role (+ anonymous) × own / other scope, through the gateway
 * over HTTP; then separation of duties: the same person who handled an item tries to check, close or
 * rate it (or who raised it, to handle it), and a different, properly scoped person does. Only the
 * cells expected to succeed do; every other cell is refused with FORBIDDEN (UNAUTHENTICATED when
 * anonymous) and leaves the owning subgraph's data exactly as it was. The steps come from
 * schema/api.graphql: a new mutation or incident action without a case and an ALLOWED entry fails.
 * The expectations are written out here, apart from lib/auth/policy.ts.
 */

/** The grid or community that raised an item speaks for residents; the street admin acts anywhere in its street. */
const RAISING: readonly Role[] = ['STREET_ADMIN', 'COMMUNITY_WORKER', 'GRID_WORKER'];
/** The departments an incident is dispatched to handle it. */
const INCIDENT_HANDLING: readonly Role[] = ['STREET_ADMIN', 'DEPARTMENT_STAFF'];
/** The target resource of the order cases is a co-building unit's: its members act for the provider. */
const ORDER_HANDLING: readonly Role[] = ['STREET_ADMIN', 'UNIT_MEMBER'];

/**
 * Who may take each step on a target in their own scope. The hub serves two streets and every target
 * lies in the first: the "own" street admin is the first street's, the "other" one the second's,
 * refused like every other role outside its scope — except for a routing rule, which a street admin
 * always writes for its own street (STREET_OWN_STEPS).
 */
const STREET_OWN_STEPS = new Set(['setIncidentRoutingRule']);
const [FIRST_STREET, SECOND_STREET] = planDistrict(2).map((plan) => plan.street.id) as [string, string];

const ALLOWED: Record<string, readonly Role[]> = {
  reportIncident: RAISING,
  'transitionIncident:DISPATCH': RAISING,
  'transitionIncident:ACCEPT': INCIDENT_HANDLING,
  'transitionIncident:RETURN': INCIDENT_HANDLING,
  'transitionIncident:START': INCIDENT_HANDLING,
  'transitionIncident:WAIT_FOR_RESIDENT': INCIDENT_HANDLING,
  'transitionIncident:RESUME': INCIDENT_HANDLING,
  'transitionIncident:RESOLVE': INCIDENT_HANDLING,
  'transitionIncident:REJECT_RESOLUTION': RAISING,
  'transitionIncident:VERIFY': RAISING,
  'transitionIncident:CLOSE': RAISING,
  // Escalation gives a fresh deadline: the grid whistles, the handler does not.
  'transitionIncident:ESCALATE': RAISING,
  rateIncident: RAISING,
  setIncidentRoutingRule: ['STREET_ADMIN'],
  submitServiceReport: ['STREET_ADMIN', 'UNIT_MEMBER'],
  verifyServiceReport: ['STREET_ADMIN', 'COMMUNITY_WORKER'],
  submitDemand: RAISING,
  dispatchDemand: RAISING,
  acceptOrder: ORDER_HANDLING,
  declineOrder: ORDER_HANDLING,
  fulfilOrder: ORDER_HANDLING,
  rateOrder: RAISING,
  cancelDemand: RAISING,
  expireDemand: ['STREET_ADMIN'],
  proposeAllocations: ['STREET_ADMIN', 'COMMUNITY_WORKER'],
  // Where a resource or unit serves is the street's to decide (docs/streets.md).
  setResourceServedStreets: ['STREET_ADMIN'],
  setUnitServedStreets: ['STREET_ADMIN'],
};

interface Target {
  variables: Record<string, unknown>;
  /** The scope ids an "own" token carries for this target. */
  scope: Required<Pick<TokenScope, 'communityId' | 'gridId' | 'unitId' | 'departmentId'>>;
}

interface MutationCase {
  subgraph: SubgraphName;
  document: string;
  /** A fresh target (made as STREET_ADMIN through the gateway) in a state the mutation accepts. */
  target(): Promise<Target>;
}

const OTHER: Target['scope'] = { communityId: 'community-other', gridId: 'grid-other', unitId: 'unit-other', departmentId: 'department-other' };

let hub: TestHub;
/** Set-up is done by two street admins, one per side, so no cell's actor has taken a step before. */
let raiser: string;
let handler: string;
let fixture: {
  communityId: string;
  gridId: string;
  pairing: { unitId: string; communityId: string };
  resource: { id: string; unitId: string; communityId: string; gridId: string; category: string };
  incidentCategory: string;
};

async function as(token: string, document: string, variables: Record<string, unknown> = {}): Promise<any> {
  const { data, errors } = await postGraphQL(hub.gatewayUrl, document, variables, { token });
  if (errors) throw new Error(`setup failed: ${JSON.stringify(errors)}`);
  return data;
}
const asAdmin = (document: string, variables: Record<string, unknown> = {}) => as(raiser, document, variables);

async function reportIncident(): Promise<{ id: string; leadDepartmentId: string }> {
  const data = await asAdmin(
    `mutation($gridId: ID!, $category: IncidentCategory!) { reportIncident(input: { gridId: $gridId, category: $category, description: "matrix",
      location: { lat: 10, lng: 10 }, reporter: { name: "测试人", phone: "13900000000" }, channel: HOTLINE_12345 }) { id leadDepartment { id } } }`,
    { gridId: fixture.gridId, category: fixture.incidentCategory },
  );
  return { id: data.reportIncident.id, leadDepartmentId: data.reportIncident.leadDepartment.id };
}

/** The incident actions of the handling side; the rest are the raising side's. */
const HANDLER_ACTIONS = new Set(['ACCEPT', 'RETURN', 'START', 'WAIT_FOR_RESIDENT', 'RESUME', 'RESOLVE']);
const TRANSITION = `mutation($id: ID!, $action: IncidentAction!) { transitionIncident(input: { id: $id, action: $action, reason: "matrix" }) { id } }`;

async function moveIncident(id: string, actions: readonly string[]): Promise<void> {
  for (const action of actions) await as(HANDLER_ACTIONS.has(action) ? handler : raiser, TRANSITION, { id, action });
}

/** Where each incident action is legal, reached from REPORTED (written out here, apart from incident-lifecycle.ts). */
const INCIDENT_PATH_TO: Record<string, readonly string[]> = {
  DISPATCH: [],
  ESCALATE: [],
  ACCEPT: ['DISPATCH'],
  RETURN: ['DISPATCH'],
  START: ['DISPATCH', 'ACCEPT'],
  WAIT_FOR_RESIDENT: ['DISPATCH', 'ACCEPT', 'START'],
  RESOLVE: ['DISPATCH', 'ACCEPT', 'START'],
  RESUME: ['DISPATCH', 'ACCEPT', 'START', 'WAIT_FOR_RESIDENT'],
  VERIFY: ['DISPATCH', 'ACCEPT', 'START', 'RESOLVE'],
  REJECT_RESOLUTION: ['DISPATCH', 'ACCEPT', 'START', 'RESOLVE'],
  CLOSE: ['DISPATCH', 'ACCEPT', 'START', 'RESOLVE', 'VERIFY'],
};

async function demand(steps: readonly ('DISPATCH' | 'ACCEPT' | 'DECLINE' | 'FULFIL')[]): Promise<string> {
  const { resource } = fixture;
  const data = await asAdmin(
    `mutation($communityId: ID!, $gridId: ID!, $category: ResourceCategory!) { submitDemand(input: { title: "matrix", description: "matrix",
      category: $category, communityId: $communityId, gridId: $gridId, source: PROBLEM_LIST }) { id } }`,
    { communityId: resource.communityId, gridId: resource.gridId, category: resource.category },
  );
  const id: string = data.submitDemand.id;
  for (const step of steps) {
    if (step === 'DISPATCH')
      await as(raiser, `mutation($id: ID!, $r: ID!) { dispatchDemand(input: { id: $id, resourceId: $r }) { id } }`, { id, r: resource.id });
    if (step === 'ACCEPT') await as(handler, `mutation($id: ID!) { acceptOrder(input: { id: $id }) { id } }`, { id });
    if (step === 'DECLINE') await as(handler, `mutation($id: ID!) { declineOrder(input: { id: $id }) { id } }`, { id });
    if (step === 'FULFIL') await as(handler, `mutation($id: ID!) { fulfilOrder(input: { id: $id }) { id } }`, { id });
  }
  return id;
}

const incidentScope = (leadDepartmentId: string): Target['scope'] => ({
  communityId: fixture.communityId,
  gridId: fixture.gridId,
  unitId: OTHER.unitId,
  departmentId: leadDepartmentId,
});
const demandScope = (): Target['scope'] => ({
  communityId: fixture.resource.communityId,
  gridId: fixture.resource.gridId,
  unitId: fixture.resource.unitId,
  departmentId: OTHER.departmentId,
});

const CASES: Record<string, MutationCase> = {
  reportIncident: {
    subgraph: 'grids',
    document: `mutation($gridId: ID!, $category: IncidentCategory!) { reportIncident(input: { gridId: $gridId, category: $category, description: "matrix",
      location: { lat: 10, lng: 10 }, reporter: { name: "测试人", phone: "13900000000" }, channel: HOTLINE_12345 }) { id } }`,
    target: async () => ({ variables: { gridId: fixture.gridId, category: fixture.incidentCategory }, scope: incidentScope(OTHER.departmentId) }),
  },
  ...Object.fromEntries(
    Object.entries(INCIDENT_PATH_TO).map(([action, path]) => [
      `transitionIncident:${action}`,
      {
        subgraph: 'grids',
        document: TRANSITION,
        target: async () => {
          const incident = await reportIncident();
          await moveIncident(incident.id, path);
          return { variables: { id: incident.id, action }, scope: incidentScope(incident.leadDepartmentId) };
        },
      } satisfies MutationCase,
    ]),
  ),
  rateIncident: {
    subgraph: 'grids',
    document: `mutation($id: ID!) { rateIncident(input: { id: $id, rating: 4 }) { id } }`,
    target: async () => {
      const incident = await reportIncident();
      await moveIncident(incident.id, ['DISPATCH', 'ACCEPT', 'START', 'RESOLVE']);
      return { variables: { id: incident.id }, scope: incidentScope(incident.leadDepartmentId) };
    },
  },
  setIncidentRoutingRule: {
    subgraph: 'grids',
    document: `mutation($category: IncidentCategory!, $lead: ID!) { setIncidentRoutingRule(input: { category: $category, leadDepartmentId: $lead, deadlineHours: 48 }) { category } }`,
    target: async () => {
      const incident = await reportIncident();
      return { variables: { category: fixture.incidentCategory, lead: incident.leadDepartmentId }, scope: incidentScope(incident.leadDepartmentId) };
    },
  },
  submitServiceReport: {
    subgraph: 'co-building',
    document: `mutation($unitId: ID!, $communityId: ID!) { submitServiceReport(input: { unitId: $unitId, reporter: UNIT, communityId: $communityId,
      activity: "matrix", hours: 1, servedOn: "2026-01-05" }) { id } }`,
    target: async () => ({
      variables: { unitId: fixture.pairing.unitId, communityId: fixture.pairing.communityId },
      scope: { communityId: fixture.pairing.communityId, gridId: OTHER.gridId, unitId: fixture.pairing.unitId, departmentId: OTHER.departmentId },
    }),
  },
  verifyServiceReport: {
    subgraph: 'co-building',
    document: `mutation($id: ID!) { verifyServiceReport(input: { id: $id }) { id } }`,
    target: async () => {
      const data = await asAdmin(
        `mutation($unitId: ID!, $communityId: ID!) { submitServiceReport(input: { unitId: $unitId, reporter: UNIT, communityId: $communityId,
          activity: "matrix", hours: 1, servedOn: "2026-01-05" }) { id } }`,
        { unitId: fixture.pairing.unitId, communityId: fixture.pairing.communityId },
      );
      return {
        variables: { id: data.submitServiceReport.id },
        scope: { communityId: fixture.pairing.communityId, gridId: OTHER.gridId, unitId: fixture.pairing.unitId, departmentId: OTHER.departmentId },
      };
    },
  },
  submitDemand: {
    subgraph: 'resource-pools',
    document: `mutation($communityId: ID!, $gridId: ID!, $category: ResourceCategory!) { submitDemand(input: { title: "matrix", description: "matrix",
      category: $category, communityId: $communityId, gridId: $gridId, source: PROBLEM_LIST }) { id } }`,
    target: async () => ({
      variables: { communityId: fixture.resource.communityId, gridId: fixture.resource.gridId, category: fixture.resource.category },
      scope: demandScope(),
    }),
  },
  dispatchDemand: {
    subgraph: 'resource-pools',
    document: `mutation($id: ID!, $r: ID!) { dispatchDemand(input: { id: $id, resourceId: $r }) { id } }`,
    target: async () => ({ variables: { id: await demand([]), r: fixture.resource.id }, scope: demandScope() }),
  },
  acceptOrder: {
    subgraph: 'resource-pools',
    document: `mutation($id: ID!) { acceptOrder(input: { id: $id }) { id } }`,
    target: async () => ({ variables: { id: await demand(['DISPATCH']) }, scope: demandScope() }),
  },
  declineOrder: {
    subgraph: 'resource-pools',
    document: `mutation($id: ID!) { declineOrder(input: { id: $id }) { id } }`,
    target: async () => ({ variables: { id: await demand(['DISPATCH']) }, scope: demandScope() }),
  },
  fulfilOrder: {
    subgraph: 'resource-pools',
    document: `mutation($id: ID!) { fulfilOrder(input: { id: $id }) { id } }`,
    target: async () => ({ variables: { id: await demand(['DISPATCH', 'ACCEPT']) }, scope: demandScope() }),
  },
  rateOrder: {
    subgraph: 'resource-pools',
    document: `mutation($id: ID!) { rateOrder(input: { id: $id, rating: 5 }) { id } }`,
    target: async () => ({ variables: { id: await demand(['DISPATCH', 'ACCEPT', 'FULFIL']) }, scope: demandScope() }),
  },
  cancelDemand: {
    subgraph: 'resource-pools',
    document: `mutation($id: ID!) { cancelDemand(input: { id: $id }) { id } }`,
    target: async () => ({ variables: { id: await demand([]) }, scope: demandScope() }),
  },
  expireDemand: {
    subgraph: 'resource-pools',
    document: `mutation($id: ID!) { expireDemand(input: { id: $id }) { id } }`,
    target: async () => ({ variables: { id: await demand([]) }, scope: demandScope() }),
  },
  proposeAllocations: {
    subgraph: 'resource-pools',
    // dryRun false: an allowed cell really dispatches, so a refused one is shown to change nothing.
    document: `mutation($communityIds: [ID!]) { proposeAllocations(scope: { communityIds: $communityIds }, dryRun: false) { dryRun } }`,
    target: async () => {
      await demand([]);
      return { variables: { communityIds: [fixture.resource.communityId] }, scope: demandScope() };
    },
  },
  setResourceServedStreets: {
    subgraph: 'resource-pools',
    document: `mutation($id: ID!) { setResourceServedStreets(input: { resourceId: $id, streetIds: ["${REFERENCE_STREET_ID}"] }) { id } }`,
    target: async () => ({ variables: { id: fixture.resource.id }, scope: demandScope() }),
  },
  setUnitServedStreets: {
    subgraph: 'co-building',
    document: `mutation($id: ID!) { setUnitServedStreets(input: { unitId: $id, streetIds: ["${REFERENCE_STREET_ID}"] }) { id } }`,
    target: async () => ({ variables: { id: fixture.resource.unitId }, scope: demandScope() }),
  },
};

const apiSchema = buildSchema(readFileSync(projectPath('schema', 'api.graphql'), 'utf8'));
const incidentActions = (apiSchema.getType('IncidentAction') as GraphQLEnumType).getValues().map((value) => value.name);
/** Every step the API offers: each mutation, transitionIncident once per incident action. */
const apiSteps = Object.keys(apiSchema.getMutationType()!.getFields()).flatMap((mutation) =>
  mutation === 'transitionIncident' ? incidentActions.map((action) => `${mutation}:${action}`) : [mutation],
);

/** Row count and newest row version of every table the subgraph's mutations can touch (the audit log excepted). */
async function fingerprint(subgraph: SubgraphName): Promise<string> {
  const db = hub.subgraphs[subgraph].db;
  const tables = await db.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'
       AND table_name NOT IN ('audit_log', 'idempotency_keys') AND table_name NOT LIKE '%migrations%' ORDER BY table_name`,
  );
  const sql = tables
    .map(({ table_name }) => `SELECT '${table_name}' AS t, count(*)::text AS n, coalesce(max(xmin::text::bigint), 0)::text AS v FROM "${table_name}"`)
    .join(' UNION ALL ');
  const rows = await db.query<{ t: string; n: string; v: string }>(sql);
  return rows.map((row) => `${row.t}:${row.n}:${row.v}`).join('|');
}

beforeAll(async () => {
  hub = await startTestHub({ streets: 2 });
  raiser = await tokenFor('STREET_ADMIN', { sub: 'matrix-admin-raiser' });
  handler = await tokenFor('STREET_ADMIN', { sub: 'matrix-admin-handler' });
  const [grid] = await hub.subgraphs.grids.db.query<{ id: string; community_id: string }>(`SELECT id, community_id FROM grids ORDER BY id LIMIT 1`);
  const [rule] = await hub.subgraphs.grids.db.query<{ category: string }>(`SELECT category FROM incident_routing_rules ORDER BY category LIMIT 1`);
  const [pairing] = await hub.subgraphs['co-building'].db.query<{ unit_id: string; community_id: string }>(
    `SELECT unit_id, community_id FROM pairings WHERE terminated_on IS NULL ORDER BY id LIMIT 1`,
  );
  // A unit's resource with room for every accepted order of the matrix, and a grid of a community it serves.
  const resources = await hub.subgraphs['resource-pools'].db.query<{ id: string; provider_id: string; category: string; community_id: string }>(
    `SELECT r.id, r.provider_id, r.category, rc.community_id FROM resources r JOIN resource_communities rc ON rc.resource_id = r.id
     WHERE r.provider_kind = 'CO_BUILDING_UNIT' AND r.category <> 'FUNDS' AND r.street_id = $1 ORDER BY r.capacity_amount DESC, r.id`,
    [FIRST_STREET],
  );
  const grids = await hub.subgraphs.grids.db.query<{ id: string; community_id: string }>(`SELECT id, community_id FROM grids ORDER BY id`);
  const resource = resources.find((candidate) => grids.some((g) => g.community_id === candidate.community_id))!;
  fixture = {
    communityId: grid!.community_id,
    gridId: grid!.id,
    pairing: { unitId: pairing!.unit_id, communityId: pairing!.community_id },
    resource: {
      id: resource.id,
      unitId: resource.provider_id,
      communityId: resource.community_id,
      gridId: grids.find((g) => g.community_id === resource.community_id)!.id,
      category: resource.category,
    },
    incidentCategory: rule!.category,
  };
  // Enough capacity for every accept the matrix makes.
  await hub.subgraphs['resource-pools'].db.query(`UPDATE resources SET capacity_amount = 10000 WHERE id = $1`, [resource.id]);
});
afterAll(async () => {
  await hub?.stop();
});

describe('authorization matrix: every step × every role × own/other scope', () => {
  it('has a case and an expectation for every step of the API schema', () => {
    expect(apiSteps.length).toBeGreaterThan(20);
    for (const step of apiSteps) {
      expect({ step, hasCase: step in CASES, hasExpectation: step in ALLOWED }).toEqual({ step, hasCase: true, hasExpectation: true });
    }
  });

  it.each(apiSteps)('%s: only the allowed cells succeed; refused ones change nothing', async (mutation) => {
    const testCase = CASES[mutation]!;
    const cells: { who: Role | 'ANONYMOUS'; scope: 'own' | 'other' }[] = [
      { who: 'ANONYMOUS', scope: 'own' },
      ...ROLES.flatMap((role) => (['own', 'other'] as const).map((scope) => ({ who: role, scope }))),
    ];
    const outcomes: string[] = [];
    const expected: string[] = [];
    let target = await testCase.target();
    for (const cell of cells) {
      const allowed =
        cell.who !== 'ANONYMOUS' &&
        (ALLOWED[mutation] ?? []).includes(cell.who) &&
        (cell.scope === 'own' || (cell.who === 'STREET_ADMIN' && STREET_OWN_STEPS.has(mutation)));
      const scope = cell.scope === 'own' ? target.scope : OTHER;
      const token =
        cell.who === 'ANONYMOUS'
          ? null
          : await tokenFor(cell.who, {
              sub: `matrix-${cell.who}-${cell.scope}`,
              ...(cell.who === 'STREET_ADMIN' ? { streetId: cell.scope === 'own' ? FIRST_STREET : SECOND_STREET } : {}),
              ...(cell.who === 'COMMUNITY_WORKER' ? { communityId: scope.communityId } : {}),
              ...(cell.who === 'GRID_WORKER' ? { gridId: scope.gridId, communityId: scope.communityId } : {}),
              ...(cell.who === 'UNIT_MEMBER' ? { unitId: scope.unitId } : {}),
              ...(cell.who === 'DEPARTMENT_STAFF' ? { departmentId: scope.departmentId } : {}),
            });
      const before = allowed ? '' : await fingerprint(testCase.subgraph);
      const { errors } = await postGraphQL(hub.gatewayUrl, testCase.document, target.variables, { token });
      const code = errors ? String(errors[0]?.extensions?.code) : 'OK';
      outcomes.push(`${cell.who}/${cell.scope}: ${code}`);
      expected.push(`${cell.who}/${cell.scope}: ${allowed ? 'OK' : cell.who === 'ANONYMOUS' ? 'UNAUTHENTICATED' : 'FORBIDDEN'}`);
      if (!allowed) expect(await fingerprint(testCase.subgraph)).toBe(before);
      // An allowed cell used the target up; the next cell gets a fresh one.
      if (code === 'OK') target = await testCase.target();
    }
    expect(outcomes).toEqual(expected);
  });
});

/**
 * Separation of duties: on one item, the street admin who took the other side's steps (the one role
 * on both sides) is refused and changes nothing; then a different person, properly scoped, takes the
 * same step on the same item. Written out here, apart from lib/auth/policy.ts.
 */
type Person = 'raiser' | 'handler' | 'otherAdmin' | 'gridWorker' | 'communityWorker' | 'leadStaff' | 'unitMember';

interface DutyCase {
  subgraph: SubgraphName;
  document: string;
  /** A fresh item, its earlier steps taken by `raiser` and `handler` (each on its own side). */
  target(): Promise<{ variables: Record<string, unknown>; leadDepartmentId?: string }>;
  /** Who tries, in this order, and what each gets. */
  tries: readonly [Person, 'FORBIDDEN' | 'OK'][];
}

const incidentDuty = (action: string, path: readonly string[], tries: DutyCase['tries']): DutyCase => ({
  subgraph: 'grids',
  document: TRANSITION,
  target: async () => {
    const incident = await reportIncident();
    await moveIncident(incident.id, path);
    return { variables: { id: incident.id, action }, leadDepartmentId: incident.leadDepartmentId };
  },
  tries,
});

const DUTIES: Record<string, DutyCase> = {
  'the handler verifies its own resolution': incidentDuty(
    'VERIFY',
    ['DISPATCH', 'ACCEPT', 'START', 'RESOLVE'],
    [
      ['handler', 'FORBIDDEN'],
      ['gridWorker', 'OK'],
    ],
  ),
  'the handler rejects its own resolution': incidentDuty(
    'REJECT_RESOLUTION',
    ['DISPATCH', 'ACCEPT', 'START', 'RESOLVE'],
    [
      ['handler', 'FORBIDDEN'],
      ['otherAdmin', 'OK'],
    ],
  ),
  'the handler closes what it handled': incidentDuty(
    'CLOSE',
    ['DISPATCH', 'ACCEPT', 'START', 'RESOLVE', 'VERIFY'],
    [
      ['handler', 'FORBIDDEN'],
      ['communityWorker', 'OK'],
    ],
  ),
  'the handler escalates for a fresh deadline': incidentDuty(
    'ESCALATE',
    ['DISPATCH', 'ACCEPT'],
    [
      ['handler', 'FORBIDDEN'],
      ['gridWorker', 'OK'],
    ],
  ),
  'the handler dispatches a returned incident (back to itself)': incidentDuty(
    'DISPATCH',
    ['DISPATCH', 'RETURN'],
    [
      ['handler', 'FORBIDDEN'],
      ['raiser', 'OK'],
    ],
  ),
  'the raiser handles what it dispatched': incidentDuty(
    'ACCEPT',
    ['DISPATCH'],
    [
      ['raiser', 'FORBIDDEN'],
      ['leadStaff', 'OK'],
    ],
  ),
  'the handler rates the incident it handled': {
    subgraph: 'grids',
    document: `mutation($id: ID!) { rateIncident(input: { id: $id, rating: 1 }) { id } }`,
    target: async () => {
      const incident = await reportIncident();
      await moveIncident(incident.id, ['DISPATCH', 'ACCEPT', 'START', 'RESOLVE']);
      return { variables: { id: incident.id } };
    },
    tries: [
      ['handler', 'FORBIDDEN'],
      ['raiser', 'OK'],
    ],
  },
  'the provider rates the order it fulfilled': {
    subgraph: 'resource-pools',
    document: `mutation($id: ID!) { rateOrder(input: { id: $id, rating: 1 }) { id } }`,
    target: async () => ({ variables: { id: await demand(['DISPATCH', 'ACCEPT', 'FULFIL']) } }),
    tries: [
      ['handler', 'FORBIDDEN'],
      ['raiser', 'OK'],
    ],
  },
  'the dispatcher accepts the order it dispatched': {
    subgraph: 'resource-pools',
    document: `mutation($id: ID!) { acceptOrder(input: { id: $id }) { id } }`,
    target: async () => ({ variables: { id: await demand(['DISPATCH']) } }),
    tries: [
      ['raiser', 'FORBIDDEN'],
      ['unitMember', 'OK'],
    ],
  },
  'the provider re-dispatches the order it declined': {
    subgraph: 'resource-pools',
    document: `mutation($id: ID!, $r: ID!) { dispatchDemand(input: { id: $id, resourceId: $r }) { id } }`,
    target: async () => ({ variables: { id: await demand(['DISPATCH', 'DECLINE']), r: fixture.resource.id } }),
    tries: [
      ['handler', 'FORBIDDEN'],
      ['gridWorker', 'OK'],
    ],
  },
};

async function tokenOf(person: Person, duty: DutyCase, leadDepartmentId: string | undefined): Promise<string> {
  const orders = duty.subgraph === 'resource-pools';
  const place = orders
    ? { communityId: fixture.resource.communityId, gridId: fixture.resource.gridId }
    : { communityId: fixture.communityId, gridId: fixture.gridId };
  switch (person) {
    case 'raiser':
      return raiser;
    case 'handler':
      return handler;
    case 'otherAdmin':
      return tokenFor('STREET_ADMIN', { sub: 'matrix-duty-admin' });
    case 'gridWorker':
      return tokenFor('GRID_WORKER', { sub: 'matrix-duty-grid', ...place });
    case 'communityWorker':
      return tokenFor('COMMUNITY_WORKER', { sub: 'matrix-duty-community', communityId: place.communityId });
    case 'leadStaff':
      return tokenFor('DEPARTMENT_STAFF', { sub: 'matrix-duty-staff', departmentId: leadDepartmentId! });
    case 'unitMember':
      return tokenFor('UNIT_MEMBER', { sub: 'matrix-duty-unit', unitId: fixture.resource.unitId });
  }
}

describe('authorization matrix: separation of duties', () => {
  it.each(Object.keys(DUTIES))('%s: refused, changing nothing; a different, properly scoped person may', async (name) => {
    const duty = DUTIES[name]!;
    const { variables, leadDepartmentId } = await duty.target();
    const outcomes: string[] = [];
    for (const [person, expected] of duty.tries) {
      const before = expected === 'OK' ? '' : await fingerprint(duty.subgraph);
      const { errors } = await postGraphQL(hub.gatewayUrl, duty.document, variables, { token: await tokenOf(person, duty, leadDepartmentId) });
      outcomes.push(`${person}: ${errors ? String(errors[0]?.extensions?.code) : 'OK'}`);
      if (expected !== 'OK') expect(await fingerprint(duty.subgraph)).toBe(before);
    }
    expect(outcomes).toEqual(duty.tries.map(([person, expected]) => `${person}: ${expected}`));
  });
});
