import { describe, expect, it } from '@jest/globals';
import { buildSchema, operationFromDocument } from '@apollo/federation-internals';
import { computeResponse } from '@apollo/gateway/dist/resultShaping.js';
import { parse } from 'graphql';
import { compileShape } from './result-shaping.js';

/**
 * compileShape must shape every answer exactly as @apollo/gateway's computeResponse: the same data
 * with its keys in the same order, and the same errors with the same paths. Each case runs both on
 * the same merged input, including inputs a subgraph should never send (nulls where the schema
 * forbids them, values of the wrong type, unknown __typenames).
 */
const schema = buildSchema(`
  type Query {
    community(id: ID!): Community
    communities: [Community!]!
    things: [Thing]
    search: [SearchResult!]
    matrix: [[Int!]]
    required: Community!
    count: Int
  }
  interface Thing { id: ID! label: String }
  type Community implements Thing {
    id: ID!
    label: String
    name: String!
    size: Int
    ratio: Float
    active: Boolean
    kind: Kind
    tags: [String!]
    when: DateTime
    members: [Member!]!
    lead: Member
  }
  type Member implements Thing { id: ID! label: String role: Kind! score: Float }
  type Resource { id: ID! title: String }
  union SearchResult = Community | Resource
  enum Kind { SMALL LARGE }
  scalar DateTime
`);

function expectSameShaping(query: string, input: Record<string, unknown>, variables: Record<string, unknown> = {}): unknown {
  const operation = operationFromDocument(schema, parse(query), { validate: false });
  const shape = compileShape(operation);
  expect(shape).not.toBeNull();
  const clone = () => JSON.parse(JSON.stringify(input)) as Record<string, unknown>;
  const outcome = (run: () => { data: unknown; errors: readonly { message: string; path?: readonly unknown[]; extensions?: unknown }[] }) => {
    try {
      const { data, errors } = run();
      return JSON.stringify({ data, errors: errors.map((error) => ({ message: error.message, path: error.path, extensions: error.extensions })) });
    } catch (error) {
      return `threw ${(error as Error).message}`;
    }
  };
  const apollo = outcome(() => computeResponse({ operation, variables, input: clone(), introspectionHandling: () => null }));
  const ours = outcome(() => shape!.shape(clone(), variables));
  expect(ours).toEqual(apollo);
  return JSON.parse(ours.startsWith('threw') ? 'null' : ours);
}

const community = (id: string, extra: Record<string, unknown> = {}) => ({
  __typename: 'Community',
  id,
  label: `c${id}`,
  name: `Community ${id}`,
  size: 3,
  ratio: 0.5,
  active: true,
  kind: 'SMALL',
  tags: ['a', 'b'],
  when: '2026-12-02',
  members: [{ __typename: 'Member', id: `${id}-m`, label: null, role: 'LARGE', score: 1 }],
  lead: null,
  ...extra,
});

describe('compileShape against computeResponse', () => {
  it('selects, orders and aliases fields, drops what the operation did not ask for, and keeps __typename', () => {
    const result = expectSameShaping(
      `{ a: community(id: "1") { __typename name kind: kind id t: __typename size ratio active tags when members { role id } lead { id } }
         communities { id name } count }`,
      { community: community('1', { extraKey: 1 }), a: community('1', { extraKey: 1 }), communities: [community('2'), community('3')], count: 7 },
    );
    expect(result).toMatchObject({ errors: [] });
  });

  it('answers type conditions on interfaces and unions, with and without __typename in the answer', () => {
    const query = `{ things { __typename id ... on Community { name members { ... on Thing { id } ... on Member { role } } } ... on Member { role } }
      search { ... on Resource { title } ... on Community { id n: name } ... on SearchResult { __typename } } }`;
    expectSameShaping(query, {
      things: [community('1'), { __typename: 'Member', id: 'm', label: 'x', role: 'SMALL' }, null, { id: 'no-typename', label: 'y' }],
      search: [{ __typename: 'Resource', id: 'r', title: 'Saw' }, community('2')],
    });
    expectSameShaping(query, { things: [{ __typename: 'Unknown', id: '1' }], search: [{ __typename: 'Thing', id: 'x' }] });
  });

  it('propagates nulls to the nearest nullable parent with one error each, as Apollo does', () => {
    const query = '{ communities { id name members { id role } } required { id name } search { ... on Community { id name } } matrix }';
    expectSameShaping(query, { communities: [community('1', { name: null })], required: community('2'), search: [], matrix: [[1, 2], null, [3]] });
    expectSameShaping(query, { communities: [community('1', { members: [{ id: 'm', role: null }] })], required: community('2'), search: null, matrix: null });
    expectSameShaping(query, { communities: [], required: null, search: [community('3', { name: null })], matrix: [[1, null]] });
    expectSameShaping(query, { communities: [], required: community('4'), search: [null], matrix: [] });
  });

  it('reports leaf values of the wrong type and unknown __typenames', () => {
    const query = '{ community(id: "1") { id size ratio active kind tags when name } things { id ... on Community { size } } }';
    for (const wrong of [
      { size: 1.5 },
      { size: '3' },
      { ratio: 'x' },
      { active: 'yes' },
      { kind: 'MEDIUM' },
      { tags: ['a', 2] },
      { when: { complex: true } },
      { id: 12 },
      { id: 1.25 },
      { name: false },
      { ratio: Number.NaN },
      // Integers as federation-internals prints them: without an exponent only below 1e21.
      { size: -7, id: 0 },
      { size: -0, id: 2 ** 53 },
      { size: 1e20, id: -1e20 },
      { size: 1e21 },
      { id: -1e21 },
      { size: 2e300 },
      { size: Number.POSITIVE_INFINITY },
    ]) {
      expectSameShaping(query, { community: community('1', wrong), things: [community('2', wrong)] });
    }
    expectSameShaping(query, { community: community('1', { __typename: 'Nope' }), things: [{ __typename: 'Kind', id: '1' }] });
  });

  it('applies @skip and @include with literals, variables and variable defaults', () => {
    const query = `query Q($yes: Boolean!, $no: Boolean = false, $maybe: Boolean) {
      community(id: "1") { id name @skip(if: $yes) size @include(if: $no) kind @include(if: true) ratio @skip(if: false)
        ... on Community @include(if: $yes) { active } lead @skip(if: $maybe) { id } } }`;
    expectSameShaping(query, { community: community('1') }, { yes: true, maybe: false });
    expectSameShaping(query, { community: community('1') }, { yes: false, no: true, maybe: true });
    // A condition variable left out, with no default: Apollo refuses the shaping, and so do we.
    expectSameShaping(query, { community: community('1') }, { yes: true });
  });

  it('merges a response name selected more than once, and names that are also Object.prototype properties', () => {
    expectSameShaping(
      `{ community(id: "1") { id lead { id } ... on Community { lead { role } name } lead { score } toString: name constructor: size hasOwnProperty: kind } }`,
      { community: community('1', { lead: { __typename: 'Member', id: 'l', role: 'SMALL', score: 2 } }) },
    );
    expectSameShaping(`{ community(id: "1") { id lead { id } ... on Community { lead { role } } } }`, {
      community: community('1', { lead: { __typename: 'Member', id: 'l', role: null } }),
    });
  });

  it('throws as Apollo does on answers of the wrong shape', () => {
    expectSameShaping('{ communities { id } }', { communities: { id: '1' } });
    expectSameShaping('{ community(id: "1") { id } }', { community: 'a string' });
    expectSameShaping('{ things { ... on Community { id } } }', { things: [{ __typename: 5, id: '1' }] });
  });

  it('leaves an operation with a __proto__ response name to Apollo', () => {
    const operation = operationFromDocument(schema, parse('{ __proto__: count }'), { validate: false });
    expect(compileShape(operation)).toBeNull();
  });
});
