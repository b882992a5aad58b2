import { describe, expect, it } from '@jest/globals';
import { loadExampleOperations } from '../gateway/src/explorer.js';
import { postGraphQL } from './support/hub.js';
import { useTestHub } from './support/use-test-hub.js';

const hub = useTestHub();

describe('the incident loop through the gateway', () => {
  it('shows one community’s dashboard across grids, organisations and co-building', async () => {
    // A community whose partner property company answers for seeded incidents, so its credit has history.
    const scan = await postGraphQL(
      hub.gatewayUrl,
      `{ communities(first: 100) { nodes { id pairings { unit { kind creditScore { history { reason } } } } } } }`,
    );
    expect(scan.errors).toBeUndefined();
    const community = scan.data!.communities.nodes.find((node: any) =>
      node.pairings.some((pairing: any) => pairing.unit.kind === 'PROPERTY_COMPANY' && pairing.unit.creditScore.history.length > 0),
    );
    expect(community).toBeDefined();

    const examples = await loadExampleOperations();
    const document = examples.find((example) => example.name === '05-incidents')!.document;
    const { data, errors } = await postGraphQL(hub.gatewayUrl, document, { communityId: community.id });
    expect(errors).toBeUndefined();
    const dashboard = data!.community;
    // grids
    const incidents = dashboard.grids.flatMap((grid: any) => grid.incidents.nodes);
    const total = dashboard.grids.reduce((sum: number, grid: any) => sum + grid.incidents.totalCount, 0);
    expect(total).toBeGreaterThan(0);
    expect(dashboard.incidentStats.open).toBeLessThanOrEqual(total);
    expect(dashboard.incidentStats.overdue).toBeLessThanOrEqual(dashboard.incidentStats.open);
    const listedOpen = incidents.filter((i: any) => !['RESOLVED', 'VERIFIED', 'CLOSED'].includes(i.status)).length;
    if (incidents.length === total) expect(dashboard.incidentStats.open).toBe(listedOpen);
    // organisations: the party organisation and the departments' names
    expect(dashboard.partyOrganisation.name).toMatch(/党/);
    for (const incident of incidents) expect(incident.leadDepartment.name).toMatch(/海门/);
    // co-building: the partners' duty credit with the incidents behind it
    const property = dashboard.pairings.find((pairing: any) => pairing.unit.kind === 'PROPERTY_COMPANY' && pairing.unit.creditScore.history.length > 0);
    const history = property.unit.creditScore.history;
    expect(property.unit.creditScore.value).toBe(
      100 + history.reduce((sum: number, event: any) => sum + (Date.parse(event.validUntil) > Date.now() ? event.delta : 0), 0),
    );
    expect(history[0].source).toMatchObject({ subgraph: 'grids', type: 'Incident' });
    // The incident behind a credit event resolves through grids.
    const source = await postGraphQL(hub.gatewayUrl, `query($id: ID!) { incident(id: $id) { id responsibleUnit { id name } status } }`, {
      id: history[0].source.id,
    });
    expect(source.data!.incident.responsibleUnit.id).toBe(property.unit.id);
    for (const pairing of dashboard.pairings) {
      expect(pairing.agreement.commitmentProgress).toHaveLength(pairing.agreement.commitments.length);
    }
    // Street-wide: some departments carry escalated incidents.
    expect(data!.departments).toHaveLength(12);
    expect(data!.departments.reduce((sum: number, department: any) => sum + department.escalated.totalCount, 0)).toBeGreaterThan(0);
  });

  it('reports and moves an incident through the gateway, with coded errors for illegal steps', async () => {
    const reported = await postGraphQL(
      hub.gatewayUrl,
      `mutation { reportIncident(input: { gridId: "grid-001", category: FIRE_LANE_BLOCKED, description: "消防通道被堵",
        location: { lat: 10, lng: 10 }, reporter: { name: "孙八", phone: "13700001234" }, channel: HOTLINE_12345 }) {
        id status reporter { name phone } leadDepartment { name } community { name partyOrganisation { name } } } }`,
    );
    expect(reported.errors).toBeUndefined();
    const incident = reported.data!.reportIncident;
    expect(incident).toMatchObject({ status: 'REPORTED', reporter: { name: '孙*', phone: '137****1234' }, leadDepartment: { name: '海门区消防救援大队' } });
    const illegal = await postGraphQL(hub.gatewayUrl, `mutation($id: ID!) { transitionIncident(input: { id: $id, action: CLOSE, actor: "u" }) { status } }`, {
      id: incident.id,
    });
    expect(illegal.errors?.[0]?.extensions).toMatchObject({ code: 'ILLEGAL_TRANSITION' });
    const dispatched = await postGraphQL(
      hub.gatewayUrl,
      `mutation($id: ID!) { transitionIncident(input: { id: $id, action: DISPATCH, actor: "u" }) { status } }`,
      { id: incident.id },
    );
    expect(dispatched.data!.transitionIncident.status).toBe('DISPATCHED');
  });

  it('does not expose the internal recordCreditEvent mutation through the gateway', async () => {
    const { errors } = await postGraphQL(
      hub.gatewayUrl,
      `mutation { recordCreditEvent(input: { unitId: "unit-001", reason: DEADLINE_KEPT, source: { subgraph: "x", type: "y", id: "z" }, occurredAt: "2026-11-01T00:00:00Z" }) { created } }`,
    );
    expect(errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});
