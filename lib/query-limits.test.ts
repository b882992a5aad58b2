import { describe, expect, it } from '@jest/globals';
import { buildSchema, getIntrospectionQuery, parse, validate } from 'graphql';
import { DEFAULT_QUERY_LIMITS, queryLimitsRule, type QueryLimits } from './query-limits.js';

const schema = buildSchema(`
  type Query { communities(first: Int): CommunityConnection! community(id: ID!): Community }
  type CommunityConnection { totalCount: Int! nodes: [Community!]! }
  type Community { id: ID! name: String! grids: [Grid!]! parent: Community }
  type Grid { id: ID! community: Community! microGrids: [MicroGrid!]! }
  type MicroGrid { id: ID! grid: Grid! }
`);
const limits: QueryLimits = { maxDepth: 5, maxAliases: 3, maxCost: 5_000, maxTokens: 1_000 };
const check = (document: string, variablesDefaultFirst?: number) =>
  validate(schema, parse(document), [queryLimitsRule(limits)]).map((error) => error.extensions);

describe('query limits', () => {
  it('accepts ordinary documents', () => {
    expect(check('{ communities(first: 10) { totalCount nodes { id name grids { id microGrids { id } } } } }')).toEqual([]);
    expect(check('query($first: Int = 5) { communities(first: $first) { nodes { id } } }')).toEqual([]);
  });

  it("accepts GraphiQL's introspection query under the default limits (ofType chains do not count as depth)", () => {
    const errors = validate(schema, parse(getIntrospectionQuery({ inputValueDeprecation: true })), [queryLimitsRule(DEFAULT_QUERY_LIMITS)]);
    expect(errors).toEqual([]);
    // Nesting through fields and their types still counts.
    const deep = `{ __schema { types { ${'fields { type { '.repeat(6)}name${' } }'.repeat(6)} } } }`;
    expect(validate(schema, parse(deep), [queryLimitsRule(DEFAULT_QUERY_LIMITS)]).map((error) => error.extensions?.limit)).toContain('depth');
  });

  it('rejects documents nested deeper than the limit, counting fragments', () => {
    const deep = '{ community(id: "1") { parent { parent { parent { parent { parent { id } } } } } } }';
    expect(check(deep)).toEqual([expect.objectContaining({ code: 'QUERY_TOO_COMPLEX', limit: 'depth', value: 6, max: 5 })]);
    const viaFragment = `{ community(id: "1") { ...Up } }
      fragment Up on Community { parent { parent { parent { parent { parent { id } } } } } }`;
    expect(check(viaFragment)[0]).toMatchObject({ limit: 'depth' });
  });

  it('rejects alias flooding', () => {
    const aliased = '{ a: community(id: "1") { id } b: community(id: "2") { id } c: community(id: "3") { id } d: community(id: "4") { id } }';
    expect(check(aliased)).toEqual([expect.objectContaining({ code: 'QUERY_TOO_COMPLEX', limit: 'aliases', value: 4 })]);
  });

  it('estimates cost from page sizes and nested lists', () => {
    // 100 communities × (1 + 10 grids × (1 + 10 micro-grids)) = 11,100 objects > 5,000
    const expensive = '{ communities(first: 100) { nodes { grids { microGrids { id } } } } }';
    expect(check(expensive)).toEqual([expect.objectContaining({ code: 'QUERY_TOO_COMPLEX', limit: 'cost' })]);
    expect(check('{ communities(first: 10) { nodes { grids { microGrids { id } } } } }')).toEqual([]);
  });

  it('does not loop on cyclic fragments (left to the standard rules)', () => {
    const cyclic = '{ community(id: "1") { ...A } } fragment A on Community { parent { ...A } }';
    expect(() => check(cyclic)).not.toThrow();
  });
});
