import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFile } from 'node:fs/promises';
import { Supergraph, operationFromDocument } from '@apollo/federation-internals';
import { QueryPlanner, type FetchNode, type PlanNode } from '@apollo/query-planner';
import { parse } from 'graphql';
import { findFreePort } from '../../hub/free-port.js';
import { splitSecurity } from '../../lib/auth/schema-directives.js';
import type { RunningService } from '../../lib/kernel/http-service.js';
import { projectPath } from '../../lib/kernel/project-root.js';
import { type StartedSubgraph } from '../../lib/subgraph/runtime.js';
import { SUBGRAPH_NAMES } from '../../lib/subgraph/names.js';
import { postGraphQL, startGatewayOver } from '../../test/support/hub.js';
import { useTestHub } from '../../test/support/use-test-hub.js';
import { joinLaterFetches } from './fetch-joining.js';

const example = (file: string) => readFile(projectPath('gateway', 'examples', file), 'utf8');

/** The plan's fetches as `service@path`, step by step: what runs at once shares a line. */
function steps(node: PlanNode, path = ''): string[] {
  switch (node.kind) {
    case 'Sequence':
      return node.nodes.flatMap((child) => steps(child, path));
    case 'Parallel': {
      // Branches run side by side: their n-th steps together.
      const branches = node.nodes.map((child) => steps(child, path));
      const length = Math.max(...branches.map((branch) => branch.length));
      return Array.from({ length }, (_, index) =>
        branches
          .map((branch) => branch[index])
          .filter((step): step is string => step !== undefined)
          .join(' | '),
      );
    }
    case 'Flatten':
      return steps(node.node, node.path.join('.'));
    case 'Fetch':
      return [`${node.serviceName}@${path}`];
    default:
      throw new Error(`unexpected ${node.kind}`);
  }
}

describe('joining an entity fetch to a later fetch to the same subgraph', () => {
  let planner: QueryPlanner;
  let supergraph: Supergraph;
  const planOf = async (file: string) => planner.buildQueryPlan(operationFromDocument(supergraph.apiSchema(), parse(await example(file)))).node as PlanNode;

  beforeAll(async () => {
    supergraph = Supergraph.build(splitSecurity(await readFile(projectPath('schema', 'supergraph.graphql'), 'utf8')).gatewaySdl);
    planner = new QueryPlanner(supergraph);
  });

  it("moves the dashboard's demands fetch beside the units' resources, both to resource-pools", async () => {
    const plan = await planOf('01-community-dashboard.graphql');
    expect(steps(plan)[2]).toBe('resource-pools@communities.nodes.@.pairings.@.unit');
    const joined = steps(joinLaterFetches(plan));
    expect(joined[1]).not.toContain('resource-pools');
    expect(joined[2]).toBe('resource-pools@communities.nodes.@.pairings.@.unit | resource-pools@communities.nodes.@');
    // The same fetches, none lost or doubled.
    const fetches = (list: string[]) => list.flatMap((step) => step.split(' | ')).sort();
    expect(fetches(joined)).toEqual(fetches(steps(plan)));
  });

  it("moves the unit view's community fetches to grids beside its served-communities fetch; leaves what has no later partner", async () => {
    const plan = await planOf('02-unit-view.graphql');
    const joined = steps(joinLaterFetches(plan));
    expect(joined[1]).not.toContain('grids');
    expect(joined[2]?.split(' | ').sort()).toEqual([
      'grids@coBuildingUnit.pairings.@.community',
      'grids@coBuildingUnit.resources.@.servedCommunities.@',
      'grids@coBuildingUnit.serviceReports.nodes.@.community',
    ]);
    // resource-pools for the communities already goes with the first step's resource-pools fetch.
    expect(joined[1]).toContain('resource-pools@coBuildingUnit.pairings.@.community');
    expect(joinLaterFetches(await planOf('03-resource-search.graphql'))).toEqual(await planOf('03-resource-search.graphql'));
  });

  it('leaves a fetch where it is when a step before the later fetch reads what it returns', () => {
    const fetch = (serviceName: string, operation: string, requires: FetchNode['requires']): FetchNode => ({
      kind: 'Fetch',
      serviceName,
      operation,
      operationKind: 'query' as FetchNode['operationKind'],
      operationName: undefined,
      variableUsages: [],
      requires,
    });
    const keys: FetchNode['requires'] = [
      {
        kind: 'InlineFragment',
        typeCondition: 'Community',
        selections: [
          { kind: 'Field', name: '__typename' },
          { kind: 'Field', name: 'id' },
        ],
      },
    ];
    const demands = fetch(
      'resource-pools',
      'query($representations:[_Any!]!){_entities(representations:$representations){...on Community{demands{id}}}}',
      keys,
    );
    const readsDemands = fetch('co-building', 'query($representations:[_Any!]!){_entities(representations:$representations){...on Community{pairings{id}}}}', [
      {
        kind: 'InlineFragment',
        typeCondition: 'Community',
        selections: [
          { kind: 'Field', name: 'id' },
          { kind: 'Field', name: 'demands', selections: [{ kind: 'Field', name: 'id' }] },
        ],
      },
    ]);
    const later = fetch(
      'resource-pools',
      'query($representations:[_Any!]!){_entities(representations:$representations){...on CoBuildingUnit{resources{id}}}}',
      keys,
    );
    const plan: PlanNode = {
      kind: 'Parallel',
      nodes: [
        { kind: 'Flatten', path: ['communities', '@'], node: demands },
        {
          kind: 'Sequence',
          nodes: [
            { kind: 'Flatten', path: ['communities', '@'], node: readsDemands },
            { kind: 'Flatten', path: ['communities', '@', 'pairings', '@', 'unit'], node: later },
          ],
        },
      ],
    };
    expect(joinLaterFetches(plan)).toEqual(plan);
    // Without the reading step's requirement it moves.
    const free: PlanNode = JSON.parse(JSON.stringify(plan));
    (free as { nodes: { nodes: { node: FetchNode }[] }[] }).nodes[1]!.nodes[0]!.node.requires = keys;
    expect(steps(joinLaterFetches(free))).toEqual(['co-building@communities.@', 'resource-pools@communities.@.pairings.@.unit | resource-pools@communities.@']);
  });
});

describe('joined fetches through the gateway, on the seeded street', () => {
  const hub = useTestHub();
  let unjoined: RunningService;

  beforeAll(async () => {
    // A second gateway over the same subgraphs that sends every entity fetch alone (and so joins none).
    unjoined = await startGatewayOver(hub.subgraphs, { fetcher: { batchEntityFetches: false } });
  });
  afterAll(async () => {
    await unjoined?.close();
  });

  it("still answers a joined fetch's data when the chain's first step fails: co-building down, the dashboard keeps its demands", async () => {
    // A gateway whose co-building is a port nothing listens on (found free, then left closed).
    const deadPort = await findFreePort();
    const withoutCoBuilding = await startGatewayOver({ ...hub.subgraphs, 'co-building': { url: `http://127.0.0.1:${deadPort}/graphql` } });
    try {
      const query = await example('01-community-dashboard.graphql');
      const answer = await postGraphQL(withoutCoBuilding.url, query, { first: 5 });
      const complete = await postGraphQL(hub.gatewayUrl, query, { first: 5 });
      const nodes = answer.data?.communities.nodes as { openDemands: unknown; pairings: unknown }[];
      expect(nodes).toHaveLength(5);
      expect(nodes.map((node) => node.openDemands)).toEqual(complete.data?.communities.nodes.map((node: { openDemands: unknown }) => node.openDemands));
      expect(nodes.every((node) => node.pairings === null)).toBe(true);
      expect(answer.errors?.length).toBeGreaterThan(0);
      expect(answer.errors?.every((error) => error.extensions?.serviceName === 'co-building')).toBe(true);
    } finally {
      await withoutCoBuilding.close();
    }
  });

  /** GraphQL requests the subgraphs have answered so far (their own request metric). */
  const subgraphRequests = async (): Promise<number> => {
    const counts = await Promise.all(SUBGRAPH_NAMES.map((name) => graphqlRequestsOf(hub.subgraphs[name])));
    return counts.reduce((sum, count) => sum + count, 0);
  };

  it.each([
    ['01-community-dashboard.graphql', { first: 5 }],
    ['02-unit-view.graphql', { unitId: 'unit-007' }],
  ])('%s costs four subgraph requests and answers as the gateway that joins nothing', async (file, variables) => {
    const query = await example(file);
    const before = await subgraphRequests();
    const joined = await postGraphQL(hub.gatewayUrl, query, variables);
    expect(await subgraphRequests()).toBe(before + 4);
    expect(joined.errors).toBeUndefined();
    expect(joined.data).toEqual((await postGraphQL(unjoined.url, query, variables)).data);
  });
});

async function graphqlRequestsOf(subgraph: StartedSubgraph): Promise<number> {
  const metric = await subgraph.registry.getSingleMetric('hub_http_request_duration_seconds')!.get();
  return (metric.values as { metricName?: string; labels: Record<string, unknown>; value: number }[])
    .filter((value) => value.metricName === 'hub_http_request_duration_seconds_count' && value.labels.route === '/graphql')
    .reduce((sum, value) => sum + value.value, 0);
}
