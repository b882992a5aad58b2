import { describe, expect, it } from '@jest/globals';
import { buildSchema, getIntrospectionQuery, getOperationAST, parse } from 'graphql';
import { DEFAULT_QUERY_LIMITS, OperationMeasures, exceededLimit, measureOperation, type QueryLimits } from './query-limits.js';
import { MAX_PAGE_SIZE } from '../../lib/kernel/api-contract.js';

const schema = buildSchema(`
  type Query { communities(first: Int = 20): CommunityConnection! community(id: ID!): Community street: Street! pages(first: Int): CommunityConnection! log(first: Int = 50): [Community!]! }
  type CommunityConnection { totalCount: Int! nodes: [Community!]! }
  type Community { id: ID! name: String! grids: [Grid!]! parent: Community }
  type Grid { id: ID! community: Community! microGrids: [MicroGrid!]! }
  type MicroGrid { id: ID! grid: Grid! }
  type Street { name: String! offices: [Office!]! }
  type Office { id: ID! name: String! }
`);
const limits: QueryLimits = { maxDepth: 5, maxAliases: 3, maxCost: 5_000, maxTokens: 1_000 };

function measure(document: string, variables?: Record<string, unknown>) {
  const parsed = parse(document);
  return measureOperation(schema, parsed, getOperationAST(parsed)!, variables);
}
const check = (document: string, variables?: Record<string, unknown>, within: QueryLimits = limits) =>
  exceededLimit(measure(document, variables), within)?.extensions ?? null;

/** `fragment Fk on Street { ...Fk+1 ...Fk+1 }`: each level doubles what a naive expansion walks. */
function fragmentBomb(levels: number, leaf = 'name'): string {
  const fragments = Array.from({ length: levels - 1 }, (_, k) => `fragment F${k + 1} on Street { ...F${k + 2} ...F${k + 2} }`);
  return `{ street { ...F1 } } ${fragments.join(' ')} fragment F${levels} on Street { ${leaf} }`;
}

describe('query limits', () => {
  it('accepts ordinary documents', () => {
    expect(check('{ communities(first: 10) { totalCount nodes { id name grids { id microGrids { id } } } } }')).toBeNull();
    expect(check('query($first: Int = 5) { communities(first: $first) { nodes { id } } }')).toBeNull();
  });

  it("accepts GraphiQL's introspection query under the default limits (ofType chains do not count as depth)", () => {
    expect(check(getIntrospectionQuery({ inputValueDeprecation: true }), {}, DEFAULT_QUERY_LIMITS)).toBeNull();
    // Nesting through fields and their types still counts.
    const deep = `{ __schema { types { ${'fields { type { '.repeat(6)}name${' } }'.repeat(6)} } } }`;
    expect(check(deep, {}, DEFAULT_QUERY_LIMITS)).toMatchObject({ limit: 'depth' });
  });

  it('rejects documents nested deeper than the limit, counting fragments', () => {
    const deep = '{ community(id: "1") { parent { parent { parent { parent { parent { id } } } } } } }';
    expect(check(deep)).toEqual(expect.objectContaining({ code: 'QUERY_TOO_COMPLEX', limit: 'depth', value: 6, max: 5 }));
    const viaFragment = `{ community(id: "1") { ...Up } }
      fragment Up on Community { parent { parent { parent { parent { parent { id } } } } } }`;
    expect(check(viaFragment)).toMatchObject({ limit: 'depth' });
  });

  it('rejects alias flooding, counting aliases each time a fragment is used', () => {
    const aliased = '{ a: community(id: "1") { id } b: community(id: "2") { id } c: community(id: "3") { id } d: community(id: "4") { id } }';
    expect(check(aliased)).toEqual(expect.objectContaining({ code: 'QUERY_TOO_COMPLEX', limit: 'aliases', value: 4 }));
    expect(check('{ street { ...A ...A } } fragment A on Street { x: name y: name }')).toMatchObject({ limit: 'aliases', value: 4 });
  });

  it('estimates cost from page sizes and nested lists', () => {
    // 100 communities × (1 + 10 grids × (1 + 10 micro-grids)) = 11,100 objects > 5,000
    const expensive = '{ communities(first: 100) { nodes { grids { microGrids { id } } } } }';
    expect(check(expensive)).toEqual(expect.objectContaining({ code: 'QUERY_TOO_COMPLEX', limit: 'cost' }));
    expect(check('{ communities(first: 10) { nodes { grids { microGrids { id } } } } }')).toBeNull();
  });

  it('computes the cost with the variables sent, not only their defaults', () => {
    const query = 'query($n: Int = 1) { communities(first: $n) { nodes { grids { microGrids { id } } } } }';
    expect(measure(query, {}).cost).toBe(1 * (1 + 1 + 10 * (1 + 10)));
    expect(measure(query, { n: 100 }).cost).toBe(100 * (1 + 1 + 10 * (1 + 10)));
    expect(check(query, { n: 100 })).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'cost' });
    expect(check(query, { n: 1 })).toBeNull();
  });

  it("counts a page size it cannot know as the schema's maximum, and an absent one as the argument's default", () => {
    const perCommunity = 1 + 1 + 10 * (1 + 10);
    // No variable default and none sent: the field gets its schema default (first: Int = 20).
    expect(measure('query($n: Int) { communities(first: $n) { nodes { grids { microGrids { id } } } } }', {}).cost).toBe(20 * perCommunity);
    // Sent as null, or as something that is not a number: what the resolver does is not in the schema.
    expect(measure('query($n: Int) { communities(first: $n) { nodes { grids { microGrids { id } } } } }', { n: null }).cost).toBe(MAX_PAGE_SIZE * perCommunity);
    expect(measure('query($n: Int) { communities(first: $n) { nodes { grids { microGrids { id } } } } }', { n: 'many' }).cost).toBe(
      MAX_PAGE_SIZE * perCommunity,
    );
    // An argument without a schema default, absent: the maximum.
    expect(measure('query($n: Int) { pages(first: $n) { nodes { id } } }', {}).cost).toBe(MAX_PAGE_SIZE * 2);
    expect(measure('{ pages(first: null) { nodes { id } } }', {}).cost).toBe(MAX_PAGE_SIZE * 2);
  });

  it('counts a connection at most at its largest page (a larger one is refused by the subgraph), other lists as asked', () => {
    expect(measure('query($n: Int) { communities(first: $n) { nodes { id } } }', { n: 100_000 }).cost).toBe(MAX_PAGE_SIZE * 2);
    expect(measure('{ communities(first: 100000) { nodes { id } } }').cost).toBe(MAX_PAGE_SIZE * 2);
    expect(measure('query($n: Int) { log(first: $n) { id } }', { n: 500 }).cost).toBe(500);
    expect(measure('{ log { id } }').cost).toBe(50);
  });

  it('measures each fragment once: a document of doubling fragment spreads takes work linear in its size', () => {
    const levels = 25;
    const measured = measure(fragmentBomb(levels));
    // The operation's selection set and one per fragment, however often each is spread.
    expect(measured.selectionSetsWalked).toBe(levels + 2);
    // Each use still counts: 2^24 aliased fields are refused, without walking them.
    const aliased = measure(fragmentBomb(levels, 'a: name'));
    expect(aliased.aliases).toBe(2 ** (levels - 1));
    expect(exceededLimit(aliased, DEFAULT_QUERY_LIMITS)?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'aliases' });
    expect(aliased.selectionSetsWalked).toBe(levels + 2);
  });

  it('does not loop on cyclic fragments (left to the standard rules)', () => {
    const cyclic = '{ community(id: "1") { ...A } } fragment A on Community { parent { ...A } }';
    expect(() => measure(cyclic)).not.toThrow();
  });

  it('measures a parsed document once per set of page sizes it is sent with, and still judges each set on its own', () => {
    const measures = new OperationMeasures();
    const document = parse(
      'query($n: Int, $m: Int = 3, $id: ID!) { communities(first: $n) { nodes { grids { id } } } pages(first: $m) { nodes { id } } community(id: $id) { id } }',
    );
    const operation = getOperationAST(document)!;
    const cost = (variables: Record<string, unknown>) => {
      const cached = measures.measure(schema, document, operation, variables);
      expect(cached).toEqual(measureOperation(schema, document, operation, variables));
      return cached.cost;
    };
    const small = cost({ n: 10, id: 'a' });
    expect(cost({ n: 50, id: 'b' })).toBeGreaterThan(small);
    expect(cost({ n: 10, id: 'c' })).toBe(small);
    expect(cost({ n: 10, m: 50, id: 'd' })).toBeGreaterThan(small);
    // null is not the default: it counts as the largest page.
    expect(cost({ n: 10, m: null, id: 'e' })).toBe(cost({ n: 10, m: MAX_PAGE_SIZE, id: 'f' }));
    // The same page sizes with another id: the measure already made, the same as a fresh one.
    const again = measures.measure(schema, document, operation, { n: 10, id: 'e' });
    expect(measures.measure(schema, document, operation, { n: 10, id: 'f' })).toBe(again);
    expect(again).toEqual(measureOperation(schema, document, operation, { n: 10, id: 'e' }));
  });
});
