import { beforeAll, describe, expect, it } from '@jest/globals';
import { loadExampleOperations, type ExampleOperation } from '../gateway/src/explorer.js';
import { REFERENCE_FIGURES } from '../seed/plan.js';
import { postGraphQL, type GraphQLResponse } from './support/hub.js';
import { useTestHub } from './support/use-test-hub.js';

const hub = useTestHub();
let examples: ExampleOperation[];
/** What the dashboard example answers, as far as these tests read it. */
interface DashboardAnswer {
  communities: {
    totalCount: number;
    nodes: {
      kind: string;
      microGridCount: number;
      grids: { kind: string; partyBranch: { id: string } | null; microGrids: { partyGroup: { id: string } | null }[] }[];
      partyOrganisation: { memberCount: number; secretary: { name: string; phone: string } | null } | null;
      pairings: { unit: { id: string; resources: unknown[] } }[];
      openDemands: unknown[];
    }[];
  };
}

const dashboard = () => examples.find((example) => example.name === '01-community-dashboard')!.document;

beforeAll(async () => {
  examples = await loadExampleOperations();
});

describe('the hub end to end (four subgraphs + gateway over HTTP)', () => {
  it('answers the community dashboard with the reference street figures across all four subgraphs', async () => {
    const { data, errors } = await postGraphQL<DashboardAnswer>(hub.gatewayUrl, dashboard());
    expect(errors).toBeUndefined();
    const communities = data!.communities.nodes;
    expect(data!.communities.totalCount).toBe(67);
    expect(communities).toHaveLength(67);
    expect(communities.filter((c) => c.kind === 'COMMUNITY')).toHaveLength(REFERENCE_FIGURES.communities);
    expect(communities.filter((c) => c.kind === 'VILLAGE')).toHaveLength(REFERENCE_FIGURES.villages);
    const grids = communities.flatMap((c) => c.grids);
    expect(grids.filter((g) => g.kind === 'COMPREHENSIVE')).toHaveLength(276);
    expect(grids.filter((g) => g.kind === 'DEDICATED')).toHaveLength(33);
    const microGrids = grids.flatMap((g) => g.microGrids);
    expect(microGrids).toHaveLength(2190);
    expect(communities.reduce((sum, c) => sum + c.microGridCount, 0)).toBe(2190);

    // organisations: one grid, one branch; every micro-grid a party group; every community its organisation.
    expect(communities.every((c) => (c.partyOrganisation?.memberCount ?? 0) > 0)).toBe(true);
    expect(grids.every((g) => g.partyBranch?.id)).toBe(true);
    expect(microGrids.every((m) => m.partyGroup?.id)).toBe(true);
    // Personal data reaches clients masked.
    for (const { partyOrganisation } of communities) {
      if (partyOrganisation?.secretary) {
        expect(partyOrganisation.secretary.phone).toMatch(/^\*{7}\d{4}$/);
        expect(partyOrganisation.secretary.name).toContain('*');
      }
    }

    // co-building: every community paired; all 124 units appear through the pairings.
    expect(communities.every((c) => c.pairings.length >= 1)).toBe(true);
    const units = new Set(communities.flatMap((c) => c.pairings.map((pairing) => pairing.unit.id)));
    expect(units.size).toBe(REFERENCE_FIGURES.coBuildingUnits);
    // resource-pools: units' resources and communities' open demands resolve through federation.
    expect(communities.flatMap((c) => c.pairings.flatMap((pairing) => pairing.unit.resources)).length).toBeGreaterThan(0);
    expect(communities.flatMap((c) => c.openDemands).length).toBeGreaterThan(0);
  });

  it('sends a constant number of SQL statements whether the dashboard shows 1 or 67 communities (no N+1)', async () => {
    const statementsFor = async (first: number) => {
      const before = await hub.sqlStatements();
      const { errors } = await postGraphQL(hub.gatewayUrl, dashboard(), { first });
      expect(errors).toBeUndefined();
      return (await hub.sqlStatements()) - before;
    };
    await statementsFor(1); // warm the query plan cache
    const one = await statementsFor(1);
    const all = await statementsFor(67);
    expect(all).toBe(one);
    expect(all).toBeLessThanOrEqual(30);
  });

  it('runs every example operation of the explorer without errors', async () => {
    expect(examples.length).toBeGreaterThanOrEqual(4);
    for (const example of examples) {
      const { status, errors } = await postGraphQL(hub.gatewayUrl, example.document);
      expect({ example: example.name, status, errors }).toEqual({ example: example.name, status: 200, errors: undefined });
    }
  });

  it('resolves the resource provider union to units and departments owned by other subgraphs', async () => {
    const nodes: any[] = [];
    let after: string | null = null;
    do {
      const { data, errors }: GraphQLResponse<any> = await postGraphQL(
        hub.gatewayUrl,
        `query($after: String) { resources(first: 100, after: $after) { totalCount pageInfo { endCursor hasNextPage }
          nodes { source provider { __typename ... on CoBuildingUnit { name } ... on Department { name code } } } } }`,
        { after },
      );
      expect(errors).toBeUndefined();
      nodes.push(...data.resources.nodes);
      after = data.resources.pageInfo.hasNextPage ? data.resources.pageInfo.endCursor : null;
    } while (after !== null);
    const typenames = new Set(nodes.map((node) => node.provider.__typename));
    expect(typenames).toEqual(new Set(['CoBuildingUnit', 'Department']));
    expect(nodes.every((node) => typeof node.provider.name === 'string' && node.provider.name.length > 0)).toBe(true);
    expect(nodes.filter((node) => node.provider.__typename === 'Department').every((node) => node.provider.code)).toBe(true);
  });

  it('returns coded errors for bad input and changes nothing', async () => {
    const paging = await postGraphQL(hub.gatewayUrl, `{ communities(first: 1000) { totalCount } }`);
    expect(paging.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    const unknownField = await postGraphQL(hub.gatewayUrl, `{ communities { nodes { secretField } } }`);
    expect(unknownField.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const wrongType = await postGraphQL(hub.gatewayUrl, `query($n: Int) { communities(first: $n) { totalCount } }`, { n: 'ten' });
    expect(wrongType.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('serves its own explorer without any CDN, plus health, readiness and metrics', async () => {
    const base = new URL('/', hub.gatewayUrl);
    const page = await (await fetch(base)).text();
    expect(page).toContain('CommunityDashboard');
    // Scripts and styles only from the hub's own bundle (relative explorer/ URLs), never another host.
    expect(page).toMatch(/<script[^>]+src="explorer\/explorer\.js"/);
    expect(page).not.toMatch(/<script[^>]+src="(?!explorer\/)|<link[^>]+href="(?!explorer\/)|https?:\/\/(?!localhost)/);
    const bundle = await fetch(new URL('/explorer/explorer.js', base));
    expect(bundle.status).toBe(200);
    expect(bundle.headers.get('content-type')).toMatch(/javascript/);
    // Read the body: an unread response keeps its connection busy, and the gateway's close waits for it.
    await bundle.arrayBuffer();
    expect((await fetch(new URL('/explorer/manifest.json', base))).status).toBe(404);
    expect((await fetch(new URL('/health', base))).status).toBe(200);
    const ready = await fetch(new URL('/ready', base));
    expect(ready.status).toBe(200);
    expect(((await ready.json()) as { subgraphs: unknown[] }).subgraphs).toHaveLength(4);
    for (const subgraph of Object.values(hub.subgraphs)) {
      const metrics = await (await fetch(new URL('/metrics', subgraph.url))).text();
      expect(metrics).toMatch(/^hub_sql_statements_total\{service="[a-z-]+"\} \d+/m);
      expect((await fetch(new URL('/health', subgraph.url))).status).toBe(200);
    }
  });
});
