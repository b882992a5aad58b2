import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse, validate } from 'graphql';
import { schemaPathOf } from '../../lib/subgraph.js';
import { UNIT_PAIRINGS, UNIT_SERVED_COMMUNITIES } from './peers.js';

/** The operations grids sends its peers are valid against the schemas those peers serve. */
describe('grids peer operations', () => {
  it.each([UNIT_PAIRINGS, UNIT_SERVED_COMMUNITIES])('$name is valid against $target', (operation) => {
    const schema = buildSubgraphSchema({ typeDefs: parse(readFileSync(schemaPathOf(operation.target), 'utf8')) });
    expect(validate(schema, parse(operation.document)).map((error) => error.message)).toEqual([]);
  });
});
