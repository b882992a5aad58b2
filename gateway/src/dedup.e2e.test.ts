import { tokenFor } from '../../test/support/auth.js';
import { beforeAll, describe, expect, it } from '@jest/globals';
import { postGraphQL } from '../../test/support/hub.js';
import { useTestHub } from '../../test/support/use-test-hub.js';
import { knownOperations } from './warm-up.js';

/**
 * In-flight deduplication through the whole hub (four subgraphs on real PostgreSQL, the gateway over
 * HTTP): identical concurrent queries of one caller share subgraph fetches, but callers with
 * different Authorization never do, and mutations (with the entity fetches made for them) never do.
 * Observed through the subgraphs' SQL statement counters and the gateway's fetch counter.
 */
const hub = useTestHub();
let dashboard: string;

beforeAll(async () => {
  dashboard = (await knownOperations()).find((operation) => operation.includes('query CommunityDashboard'))!;
});

/** `Bearer <name>` stands for a real token of a street admin called <name> (one token per name). */
const tokens = new Map<string, Promise<string>>();
function realAuthorization(authorization = 'Bearer default'): Promise<string> {
  const name = authorization.replace(/^Bearer /, '');
  if (!tokens.has(name))
    tokens.set(
      name,
      tokenFor('STREET_ADMIN', { sub: name }).then((token) => `Bearer ${token}`),
    );
  return tokens.get(name)!;
}

async function post(query: string, headers: Record<string, string>, variables: Record<string, unknown> = {}) {
  const response = await fetch(hub.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers, authorization: await realAuthorization(headers.authorization) },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: any; errors?: any[] };
}

/**
 * The gateway's counters: subgraph fetches sent, and requests that shared another's work, either a
 * whole operation (hub_gateway_operations_total) or a subgraph fetch (hub_gateway_subgraph_fetches_total).
 */
async function gatewayFetches(): Promise<{ sent: number; deduplicated: number }> {
  const text = await (await fetch(new URL('/metrics', hub.gatewayUrl))).text();
  const sum = (metric: string, outcome: string) =>
    text
      .split('\n')
      .filter((line) => line.startsWith(`${metric}{`) && line.includes(`outcome="${outcome}"`))
      .reduce((total, line) => total + Number(line.split(' ').at(-1)), 0);
  return {
    sent: sum('hub_gateway_subgraph_fetches_total', 'sent'),
    deduplicated: sum('hub_gateway_subgraph_fetches_total', 'deduplicated') + sum('hub_gateway_operations_total', 'deduplicated'),
  };
}

async function statementsOf(run: () => Promise<unknown>): Promise<number> {
  const before = await hub.sqlStatements();
  await run();
  return (await hub.sqlStatements()) - before;
}

describe('in-flight deduplication through the hub', () => {
  it('never merges the queries of callers with different authorization: every caller costs the full SQL', async () => {
    await post(dashboard, {}, { first: 5 }); // warm connections
    const single = await statementsOf(() => post(dashboard, { authorization: 'Bearer solo' }, { first: 5 }));
    expect(single).toBeGreaterThan(0);
    const before = await gatewayFetches();
    const callers = Array.from({ length: 8 }, (_, i) => `Bearer caller-${i}`);
    const concurrent = await statementsOf(async () => {
      const answers = await Promise.all(callers.map((authorization) => post(dashboard, { authorization }, { first: 5 })));
      for (const answer of answers) expect(answer.errors).toBeUndefined();
    });
    expect(concurrent).toBe(single * callers.length);
    expect((await gatewayFetches()).deduplicated).toBe(before.deduplicated);
  });

  it('shares the work of identical concurrent queries of one caller, with the same answers', async () => {
    const single = await statementsOf(() => post(dashboard, { authorization: 'Bearer same' }, { first: 5 }));
    const before = await gatewayFetches();
    let answers: { data?: any; errors?: any[] }[] = [];
    const concurrent = await statementsOf(async () => {
      answers = await Promise.all(Array.from({ length: 10 }, () => post(dashboard, { authorization: 'Bearer same' }, { first: 5 })));
    });
    for (const answer of answers) {
      expect(answer.errors).toBeUndefined();
      expect(answer.data).toEqual(answers[0]!.data);
    }
    expect(answers[0]!.data.communities.nodes).toHaveLength(5);
    const after = await gatewayFetches();
    expect(after.deduplicated).toBeGreaterThan(before.deduplicated);
    expect(concurrent).toBeLessThan(single * 10);
  });

  it('never deduplicates mutations, nor the entity fetches made for them', async () => {
    const before = await gatewayFetches();
    const report = `mutation Report($description: String!) { reportIncident(input: { gridId: "grid-001", category: FIRE_LANE_BLOCKED,
      description: $description, location: { lat: 10, lng: 10 }, reporter: { name: "孙八", phone: "13700001234" }, channel: HOTLINE_12345 }) {
      id community { name partyOrganisation { name } } } }`;
    const answers = await Promise.all(
      Array.from({ length: 4 }, () => post(report, { authorization: 'Bearer same' }, { description: '消防通道被堵（重复提交）' })),
    );
    for (const answer of answers) {
      expect(answer.errors).toBeUndefined();
      expect(answer.data.reportIncident.community.partyOrganisation.name).toBeTruthy();
    }
    // Four identical mutations from one caller, at the same time: four incidents.
    expect(new Set(answers.map((answer) => answer.data.reportIncident.id)).size).toBe(4);
    const after = await gatewayFetches();
    expect(after.deduplicated).toBe(before.deduplicated);
    expect(after.sent - before.sent).toBeGreaterThanOrEqual(8); // the mutation and its entity fetches, each time
  });

  it('still answers through the hub after the warm-up, with postGraphQL as the other end-to-end tests use it', async () => {
    const { errors, data } = await postGraphQL(hub.gatewayUrl, dashboard, { first: 2 });
    expect(errors).toBeUndefined();
    expect(data!.communities.nodes).toHaveLength(2);
  });
});
