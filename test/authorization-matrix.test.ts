import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { buildSchema } from 'graphql';
import { ROLES, type Role } from '../lib/auth/caller.js';
import { projectPath } from '../lib/project-root.js';
import type { SubgraphName } from '../lib/subgraph.js';
import { tokenFor, type TokenScope } from './support/auth.js';
import { postGraphQL, startTestHub, type TestHub } from './support/hub.js';

/**
 * Every mutation of the API schema × every role (+ anonymous) × own / other scope, through the
 * gateway over HTTP. Only the cells in ALLOWED succeed; every other cell is refused with FORBIDDEN
 * (UNAUTHENTICATED when anonymous) and leaves the owning subgraph's data exactly as it was.
 * The mutation list comes from schema/api.graphql: a new mutation without a case and an ALLOWED
 * entry fails this test.
 */

/** Who may run each mutation on a target in their own scope. Outside it, only STREET_ADMIN (street-wide). */
const ALLOWED: Record<string, readonly Role[]> = {
  reportIncident: ['STREET_ADMIN', 'COMMUNITY_WORKER', 'GRID_WORKER'],
  transitionIncident: ['STREET_ADMIN', 'COMMUNITY_WORKER', 'GRID_WORKER', 'DEPARTMENT_STAFF'],
  rateIncident: ['STREET_ADMIN', 'COMMUNITY_WORKER', 'GRID_WORKER'],
  setIncidentRoutingRule: ['STREET_ADMIN'],
  submitServiceReport: ['STREET_ADMIN', 'UNIT_MEMBER'],
  verifyServiceReport: ['STREET_ADMIN', 'COMMUNITY_WORKER'],
  submitDemand: ['STREET_ADMIN', 'COMMUNITY_WORKER', 'GRID_WORKER'],
  dispatchDemand: ['STREET_ADMIN', 'COMMUNITY_WORKER', 'GRID_WORKER'],
  // The target resource is a co-building unit's: its members act for the provider.
  acceptOrder: ['STREET_ADMIN', 'UNIT_MEMBER'],
  declineOrder: ['STREET_ADMIN', 'UNIT_MEMBER'],
  fulfilOrder: ['STREET_ADMIN', 'UNIT_MEMBER'],
  rateOrder: ['STREET_ADMIN', 'COMMUNITY_WORKER', 'GRID_WORKER'],
  cancelDemand: ['STREET_ADMIN', 'COMMUNITY_WORKER', 'GRID_WORKER'],
  expireDemand: ['STREET_ADMIN'],
  proposeAllocations: ['STREET_ADMIN', 'COMMUNITY_WORKER'],
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
let admin: string;
let fixture: {
  communityId: string;
  gridId: string;
  pairing: { unitId: string; communityId: string };
  resource: { id: string; unitId: string; communityId: string; gridId: string; category: string };
  incidentCategory: string;
};

async function asAdmin(document: string, variables: Record<string, unknown> = {}): Promise<any> {
  const { data, errors } = await postGraphQL(hub.gatewayUrl, document, variables, { token: admin });
  if (errors) throw new Error(`setup failed: ${JSON.stringify(errors)}`);
  return data;
}

async function reportIncident(): Promise<{ id: string; leadDepartmentId: string }> {
  const data = await asAdmin(
    `mutation($gridId: ID!, $category: IncidentCategory!) { reportIncident(input: { gridId: $gridId, category: $category, description: "matrix",
      location: { lat: 10, lng: 10 }, reporter: { name: "测试人", phone: "13900000000" }, channel: HOTLINE_12345 }) { id leadDepartment { id } } }`,
    { gridId: fixture.gridId, category: fixture.incidentCategory },
  );
  return { id: data.reportIncident.id, leadDepartmentId: data.reportIncident.leadDepartment.id };
}

async function moveIncident(id: string, actions: readonly string[]): Promise<void> {
  for (const action of actions) {
    await asAdmin(`mutation($id: ID!, $action: IncidentAction!) { transitionIncident(input: { id: $id, action: $action }) { id } }`, { id, action });
  }
}

async function demand(steps: readonly ('DISPATCH' | 'ACCEPT' | 'FULFIL')[]): Promise<string> {
  const { resource } = fixture;
  const data = await asAdmin(
    `mutation($communityId: ID!, $gridId: ID!, $category: ResourceCategory!) { submitDemand(input: { title: "matrix", description: "matrix",
      category: $category, communityId: $communityId, gridId: $gridId, source: PROBLEM_LIST }) { id } }`,
    { communityId: resource.communityId, gridId: resource.gridId, category: resource.category },
  );
  const id: string = data.submitDemand.id;
  for (const step of steps) {
    if (step === 'DISPATCH') await asAdmin(`mutation($id: ID!, $r: ID!) { dispatchDemand(input: { id: $id, resourceId: $r }) { id } }`, { id, r: resource.id });
    if (step === 'ACCEPT') await asAdmin(`mutation($id: ID!) { acceptOrder(input: { id: $id }) { id } }`, { id });
    if (step === 'FULFIL') await asAdmin(`mutation($id: ID!) { fulfilOrder(input: { id: $id }) { id } }`, { id });
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
  transitionIncident: {
    subgraph: 'grids',
    document: `mutation($id: ID!) { transitionIncident(input: { id: $id, action: DISPATCH }) { id } }`,
    target: async () => {
      const incident = await reportIncident();
      return { variables: { id: incident.id }, scope: incidentScope(incident.leadDepartmentId) };
    },
  },
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
};

const apiMutations = Object.keys(buildSchema(readFileSync(projectPath('schema', 'api.graphql'), 'utf8')).getMutationType()!.getFields());

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
  hub = await startTestHub();
  admin = await tokenFor('STREET_ADMIN', { sub: 'matrix-admin' });
  const [grid] = await hub.subgraphs.grids.db.query<{ id: string; community_id: string }>(`SELECT id, community_id FROM grids ORDER BY id LIMIT 1`);
  const [rule] = await hub.subgraphs.grids.db.query<{ category: string }>(`SELECT category FROM incident_routing_rules ORDER BY category LIMIT 1`);
  const [pairing] = await hub.subgraphs['co-building'].db.query<{ unit_id: string; community_id: string }>(
    `SELECT unit_id, community_id FROM pairings WHERE terminated_on IS NULL ORDER BY id LIMIT 1`,
  );
  // A unit's resource with room for every accepted order of the matrix, and a grid of a community it serves.
  const resources = await hub.subgraphs['resource-pools'].db.query<{ id: string; provider_id: string; category: string; community_id: string }>(
    `SELECT r.id, r.provider_id, r.category, rc.community_id FROM resources r JOIN resource_communities rc ON rc.resource_id = r.id
     WHERE r.provider_kind = 'CO_BUILDING_UNIT' AND r.category <> 'FUNDS' ORDER BY r.capacity_amount DESC, r.id`,
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
}, 180_000);
afterAll(async () => {
  await hub?.stop();
});

describe('authorization matrix: every mutation × every role × own/other scope', () => {
  it('has a case and an expectation for every mutation of the API schema', () => {
    expect(apiMutations.length).toBeGreaterThan(10);
    for (const mutation of apiMutations) {
      expect({ mutation, hasCase: mutation in CASES, hasExpectation: mutation in ALLOWED }).toEqual({ mutation, hasCase: true, hasExpectation: true });
    }
  });

  it.each(apiMutations)('%s: only the allowed cells succeed; refused ones change nothing', async (mutation) => {
    const testCase = CASES[mutation]!;
    const cells: { who: Role | 'ANONYMOUS'; scope: 'own' | 'other' }[] = [
      { who: 'ANONYMOUS', scope: 'own' },
      ...ROLES.flatMap((role) => (['own', 'other'] as const).map((scope) => ({ who: role, scope }))),
    ];
    const outcomes: string[] = [];
    const expected: string[] = [];
    let target = await testCase.target();
    for (const cell of cells) {
      const allowed = cell.who !== 'ANONYMOUS' && (ALLOWED[mutation] ?? []).includes(cell.who) && (cell.scope === 'own' || cell.who === 'STREET_ADMIN');
      const scope = cell.scope === 'own' ? target.scope : OTHER;
      const token =
        cell.who === 'ANONYMOUS'
          ? null
          : await tokenFor(cell.who, {
              sub: `matrix-${cell.who}-${cell.scope}`,
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
