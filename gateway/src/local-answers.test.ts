import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { parse } from 'graphql';
import { Registry } from 'prom-client';
import type { RunningService } from '../../lib/kernel/http-service.js';
import { createLogger } from '../../lib/kernel/log.js';
import { splitSecurity } from '../../lib/auth/schema-directives.js';
import { testGatewaySecurity } from '../../test/support/auth.js';
import { startForeignSubgraphs, type ForeignSubgraphs } from '../../test/support/foreign-subgraphs.js';
import { startGatewayHttp } from './http.js';
import { HubGateway } from './plan-executor.js';

/**
 * What the gateway answers without a plan of subgraph fetches to run, or with more than one: the
 * answers @apollo/gateway's executor gave when it ran them, pinned here literally (introspection
 * alone, beside data and inside fragments; `__typename` alone; @defer and subscriptions; an
 * operation the planner refuses), so they stay the same whoever executes them.
 */
let foreign: ForeignSubgraphs;
let gateway: RunningService;
const quiet = createLogger('test', 'error');

beforeAll(async () => {
  foreign = await startForeignSubgraphs();
  gateway = await startGatewayHttp(
    { supergraphSdl: foreign.compose(), log: quiet, registry: new Registry(), security: await testGatewaySecurity() },
    { host: '127.0.0.1', port: 0 },
  );
});
afterAll(async () => {
  await gateway?.close();
  await foreign?.stop();
});

async function post(body: Record<string, unknown>): Promise<{ status: number; body: unknown }> {
  const response = await fetch(gateway.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: response.status, body: await response.json() };
}

describe('the gateway answers locally what needs no subgraph', () => {
  it('runs introspection alone against the API schema', async () => {
    expect(await post({ query: '{ __schema { queryType { name } mutationType { name } subscriptionType { name } } }' })).toEqual({
      status: 200,
      body: { data: { __schema: { queryType: { name: 'Query' }, mutationType: null, subscriptionType: null } } },
    });
    const product = (await post({ query: '{ __type(name: "Product") { name kind interfaces { name } fields { name } } }' })) as {
      status: number;
      body: { data: { __type: { name: string; kind: string; interfaces: { name: string }[]; fields: { name: string }[] } } };
    };
    expect(product.status).toBe(200);
    expect(product.body.data.__type).toEqual({
      name: 'Product',
      kind: 'OBJECT',
      interfaces: [{ name: 'Item' }],
      fields: ['upc', 'price', 'weight', 'inStock', 'shippingEstimate', 'name', 'reviews', 'wishlistedBy'].map((name) => ({ name })),
    });
    // The federation machinery is not in the API schema.
    expect(await post({ query: '{ a: __type(name: "_Entity") { name } b: __type(name: "join__Graph") { name } }' })).toEqual({
      status: 200,
      body: { data: { a: null, b: null } },
    });
    expect(await post({ query: '{ __typename }' })).toEqual({ status: 200, body: { data: { __typename: 'Query' } } });
  });

  it('answers introspection beside data, with aliases, variables and fragments', async () => {
    expect(
      await post({
        query: 'query ($n: String!) { t: __type(name: $n) { name } topProducts(first: 1) { __typename upc } s: __schema { queryType { name } } }',
        variables: { n: 'GiftCard' },
      }),
    ).toEqual({
      status: 200,
      body: { data: { t: { name: 'GiftCard' }, topProducts: [{ __typename: 'Product', upc: 'p1' }], s: { queryType: { name: 'Query' } } } },
    });
    expect(
      await post({
        query:
          'query { ...Q ... on Query { u: __type(name: "User") { name } } } fragment Q on Query { __type(name: "Nope") { name } topProducts(first: 2) { ...P } } fragment P on Product { name }',
      }),
    ).toEqual({ status: 200, body: { data: { __type: null, topProducts: [{ name: 'Table' }, { name: 'Couch' }], u: { name: 'User' } } } });
  });

  it('refuses @defer (the supergraph does not define it) and subscriptions with coded 400s', async () => {
    expect(await post({ query: '{ topProducts(first: 1) { upc ... @defer { name } } }' })).toEqual({
      status: 400,
      body: {
        errors: [{ message: 'Unknown directive "@defer".', locations: [{ line: 1, column: 35 }], extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }],
      },
    });
    expect(await post({ query: 'subscription { x }' })).toEqual({
      status: 400,
      body: { errors: [{ message: 'subscriptions are not supported: send a query or a mutation', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }] },
    });
  });
});

describe("the gateway's executor given what the planner refuses", () => {
  it('throws the planner’s coded error', async () => {
    const hub = new HubGateway({
      supergraphSdl: splitSecurity(foreign.compose()).gatewaySdl,
      buildService: () => ({ process: () => Promise.reject(new Error('no subgraph is reached')) }),
    });
    const { executor } = await hub.load();
    // Apollo Server validates before it executes; an unknown field reaches the planner only this way.
    const document = parse('{ topProducts(first: 1) { nope } }');
    const requestContext = { request: { query: '{ topProducts(first: 1) { nope } }' }, document, queryHash: 'h', context: {}, metrics: {}, logger: quiet };
    const refused = await executor(requestContext as never).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(refused).toMatchObject({ message: 'Cannot query field "nope" on type "Product".', extensions: { code: 'INVALID_GRAPHQL' } });
    await hub.stop();
  });
});
