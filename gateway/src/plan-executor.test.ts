import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Registry } from 'prom-client';
import { findFreePort } from '../../hub/free-port.js';
import type { RunningService } from '../../lib/kernel/http-service.js';
import { createLogger } from '../../lib/kernel/log.js';
import { testGatewaySecurity } from '../../test/support/auth.js';
import { startForeignSubgraphs, type ForeignSubgraphs } from '../../test/support/foreign-subgraphs.js';
import { startGatewayHttp, type GatewayHttpOptions } from './http.js';
import { mergeInto } from './plan-executor.js';
import { deepMerge } from '@apollo/gateway/dist/utilities/deepMerge.js';

/**
 * The hub's gateway (plan-executor.ts) answers exactly as stock @apollo/gateway: every operation
 * below goes, twice, to a gateway running each, on a foreign supergraph (@requires, @provides, an
 * @interfaceObject, a union), and the two answers must be the same, data, errors and their paths.
 */
let foreign: ForeignSubgraphs;
const running: RunningService[] = [];
const quiet = createLogger('test', 'error');

interface Pair {
  hub: RunningService;
  apollo: RunningService;
  registry: Registry;
}

async function startPair(supergraphSdl: string): Promise<Pair> {
  const registry = new Registry();
  const options = async (planExecutor: GatewayHttpOptions['planExecutor'], registry: Registry): Promise<GatewayHttpOptions> => ({
    supergraphSdl,
    log: quiet,
    registry,
    security: await testGatewaySecurity(),
    planExecutor,
  });
  const hub = await startGatewayHttp(await options('hub', registry), { host: '127.0.0.1', port: 0 });
  running.push(hub);
  const apollo = await startGatewayHttp(await options('apollo', new Registry()), { host: '127.0.0.1', port: 0 });
  running.push(apollo);
  return { hub, apollo, registry };
}

async function post(url: string, body: Record<string, unknown>): Promise<{ status: number; body: unknown }> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: response.status, body: await response.json() };
}

/** Plans the pair's hub gateway ran with its own executor and with Apollo's. */
async function executions(registry: Registry): Promise<Record<string, number>> {
  const metric = await registry.getSingleMetric('hub_gateway_plan_executions_total')!.get();
  return Object.fromEntries(metric.values.map((value) => [String(value.labels.executor), value.value]));
}

/** The same answer from both gateways, the first time and again (when the hub's executor has the operation prepared). */
async function expectSameAnswers(pair: Pair, body: Record<string, unknown>): Promise<unknown> {
  const first = await post(pair.apollo.url, body);
  for (let round = 0; round < 2; round++) {
    expect({ round, ...(await post(pair.hub.url, body)) }).toEqual({ round, ...first });
  }
  return first.body;
}

beforeAll(async () => {
  foreign = await startForeignSubgraphs();
});
afterAll(async () => {
  await Promise.all(running.map((service) => service.close()));
  await foreign?.stop();
});

describe("the hub's plan executor against @apollo/gateway's", () => {
  let pair: Pair;
  beforeAll(async () => {
    pair = await startPair(foreign.compose());
  });

  it('gives the same data for @requires, @provides, an interface object, a union, fragments, aliases and @skip/@include', async () => {
    const before = await executions(pair.registry);
    const operations: Record<string, unknown>[] = [
      { query: '{ topProducts(first: 3) { upc name price inStock shippingEstimate reviews { body stars } } }' },
      { query: 'query Top($n: Int) { topReviews(first: $n) { body author { username name } } }', variables: { n: 3 } },
      { query: '{ catalogue { __typename upc name wishlistedBy { username } ... on Product { inStock } ... on GiftCard { amount } } }' },
      { query: '{ outbox { subject to { name } topic { __typename ... on Product { name shippingEstimate } ... on Review { body product { name } } } } }' },
      {
        query:
          'query Shop { first: topProducts(first: 1) { ...P } all: catalogue { __typename ... on GiftCard { amount } } } fragment P on Product { __typename upc label: name shippingEstimate }',
      },
      {
        query:
          'query Optional($withReviews: Boolean!, $noPrice: Boolean = false) { topProducts { upc reviews @include(if: $withReviews) { body } price @skip(if: $noPrice) } }',
        variables: { withReviews: true },
      },
      {
        query:
          'query Optional($withReviews: Boolean!, $noPrice: Boolean = false) { topProducts { upc reviews @include(if: $withReviews) { body } price @skip(if: $noPrice) } }',
        variables: { withReviews: false, noPrice: true },
      },
      { query: 'query A { topProducts(first: 1) { name } } query B { outbox { subject } }', operationName: 'B' },
    ];
    for (const operation of operations) {
      const answer = (await expectSameAnswers(pair, operation)) as { data?: unknown; errors?: unknown };
      expect({ operation, errors: answer.errors, hasData: answer.data !== null && answer.data !== undefined }).toEqual({
        operation,
        errors: undefined,
        hasData: true,
      });
    }
    const after = await executions(pair.registry);
    // Each operation twice, every one a plan of fetches.
    expect((after.hub ?? 0) - (before.hub ?? 0)).toBe(2 * operations.length);
    expect([after.introspection ?? 0, after.refused ?? 0]).toEqual([before.introspection ?? 0, before.refused ?? 0]);
  });

  it('gives the same errors, with the same paths into the result, when a subgraph fails a field of some entities', async () => {
    const inEntities = (await expectSameAnswers(pair, { query: '{ topProducts { upc reviews { id moderationNote } } }' })) as {
      errors: { path: unknown[]; extensions: { code: string; serviceName: string } }[];
    };
    expect(inEntities.errors.map((error) => [error.path, error.extensions.code, error.extensions.serviceName])).toEqual([
      [['topProducts', 1, 'reviews', 0, 'moderationNote'], 'MODERATION_UNAVAILABLE', 'reviews'],
    ]);
    const atRoot = (await expectSameAnswers(pair, { query: '{ topReviews { id moderationNote } }' })) as { errors: { path: unknown[] }[] };
    expect(atRoot.errors.map((error) => error.path)).toEqual([['topReviews', 1, 'moderationNote']]);
  });

  it('refuses variables of the wrong type the same way, and answers introspection beside data the same way', async () => {
    const wrong = (await expectSameAnswers(pair, { query: 'query ($n: Int) { topProducts(first: $n) { upc } }', variables: { n: 'three' } })) as {
      errors: unknown[];
    };
    expect(wrong.errors).toHaveLength(1);
    const before = await executions(pair.registry);
    await expectSameAnswers(pair, { query: '{ __schema { queryType { name } } topProducts(first: 1) { upc } }' });
    const after = await executions(pair.registry);
    expect((after.introspection ?? 0) - (before.introspection ?? 0)).toBe(2);
  });
});

describe("the hub's plan executor with a subgraph down", () => {
  it('gives the same partial answer: the missing non-null fields null their parents, with the same coded errors', async () => {
    const pair = await startPair(foreign.compose({ inventory: `http://127.0.0.1:${await findFreePort()}/graphql` }));
    const answer = (await expectSameAnswers(pair, { query: '{ catalogue { upc name ... on Product { inStock } } topReviews(first: 1) { body } }' })) as {
      data: unknown;
      errors: { extensions: { code: string } }[];
    };
    expect(answer.data).toBeNull(); // catalogue is [Item!]! and each Product's inStock is non-null
    expect(answer.errors.some((error) => error.extensions.code === 'SUBGRAPH_UNAVAILABLE')).toBe(true);
    const partial = (await expectSameAnswers(pair, { query: '{ topProducts(first: 2) { upc } topReviews(first: 1) { body product { inStock } } }' })) as {
      data: unknown;
    };
    expect(partial.data).toBeNull();
    await expectSameAnswers(pair, { query: '{ outbox { subject topic { ... on Product { name inStock } } } }' });
  });
});

describe('the merge of fetch answers into the result', () => {
  // mergeInto is @apollo/gateway's deepMerge without an array of keys per object: the same targets
  // after the same merges, whatever the two sides hold (a key the target inherits, arrays of the
  // same or another length, primitives where objects were, undefined and null values).
  it('leaves every target as deepMerge does, or throws the same error', () => {
    const cases: [unknown, unknown][] = [
      [
        { a: 1, b: { c: 2, d: [1, 2] } },
        { b: { d: [3, 4], e: null }, f: 'x' },
      ],
      [{ list: [{ id: 1 }, { id: 2 }] }, { list: [{ name: 'a' }, { name: 'b' }] }],
      [{ list: [{ id: 1 }, 7] }, { list: [8, { name: 'b' }] }],
      [{ list: [{ id: 1 }] }, { list: [{ name: 'a' }, { name: 'b' }] }],
      [{ nested: { deep: { x: 1 } } }, { nested: { deep: { y: 2 }, other: [1] }, skipped: undefined }],
      [{ constructor: 1 }, { toString: 'mine', constructor: { x: 1 }, hasOwnProperty: 2 }],
      [Object.create(null), JSON.parse('{"__proto__": {"polluted": true}, "id": 1}')],
      [{ id: 1 }, null],
      [{ id: 1 }, undefined],
      [
        { id: 0, name: '' },
        { id: { deep: 1 }, name: { deep: 2 } },
      ],
      [{ name: 'a string' }, { name: { deep: 1 } }],
      [{ count: 5 }, { count: { deep: 1 } }],
      [{ list: [1, 2] }, { list: { 0: 'x' } }],
      [
        [1, { a: 1 }],
        [2, { b: 2 }],
      ],
    ];
    const outcome = (merge: (target: unknown, source: unknown) => unknown, [target, source]: [unknown, unknown]) => {
      const copy = <T>(value: T): T => (value === undefined ? value : (structuredCloneKeepingPrototype(value) as T));
      const into = copy(target);
      try {
        const returned = merge(into, copy(source));
        return { returnedTarget: returned === into, into: describeValue(into) };
      } catch (error) {
        return { threw: `${(error as Error).constructor.name}: ${(error as Error).message}`, into: describeValue(into) };
      }
    };
    for (const pair of cases) expect(outcome(mergeInto, pair)).toEqual(outcome(deepMerge, pair));
  });
});

/** A deep copy that keeps null prototypes and own `__proto__` keys (structuredClone and JSON lose them). */
function structuredCloneKeepingPrototype(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(structuredCloneKeepingPrototype);
  const copy = Object.create(Object.getPrototypeOf(value) as object | null) as Record<string, unknown>;
  for (const key of Object.keys(value)) {
    Object.defineProperty(copy, key, {
      value: structuredCloneKeepingPrototype((value as Record<string, unknown>)[key]),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return copy;
}

/** Own keys in order, with their values and whether the object has a prototype: what toEqual alone would not tell apart. */
function describeValue(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return { array: value.map(describeValue), keys: Object.keys(value) };
  return {
    prototype: Object.getPrototypeOf(value) === null ? 'null' : 'Object',
    entries: Object.keys(value).map((key) => [key, describeValue((value as Record<string, unknown>)[key])]),
  };
}
