import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse, validate, type GraphQLSchema } from 'graphql';
import type { PeerName } from '../lib/subgraph/peer-client.js';
import { schemaPathOf } from '../lib/subgraph/names.js';
import { PEER_OPERATION_MODULES, peerOperationsOf } from './support/service-edges.js';

/**
 * Every operation one subgraph sends another (`definePeerOperation`, lib/subgraph/peer-client.ts) must be a
 * valid operation of the called subgraph's own schema, so that changing a subgraph's SDL cannot
 * silently break a caller: outbox delivery, matching data, reference checks. The modules are found
 * by searching the sources (test/support/service-edges.ts), so an operation added anywhere is
 * checked without being listed here.
 */

const schemas = new Map<PeerName, GraphQLSchema>();
function schemaOf(target: PeerName): GraphQLSchema {
  let schema = schemas.get(target);
  if (!schema) {
    schema = buildSubgraphSchema({ typeDefs: parse(readFileSync(schemaPathOf(target), 'utf8')) });
    schemas.set(target, schema);
  }
  return schema;
}

describe('peer operations', () => {
  it('are defined in the modules the search finds, including the known ones', () => {
    expect(PEER_OPERATION_MODULES.map(({ path }) => path).sort()).toEqual(
      expect.arrayContaining([
        'subgraphs/co-building/events.ts',
        'subgraphs/co-building/peers.ts',
        'subgraphs/grids/peers.ts',
        'subgraphs/resource-pools/partner-directory.ts',
        'subgraphs/resource-pools/peers.ts',
      ]),
    );
  });

  it.each(PEER_OPERATION_MODULES.map(({ path, file, calls }) => [path, file, calls] as const))(
    '%s: every operation it defines is exported and valid against the called subgraph’s schema',
    async (_name, file, calls) => {
      const operations = await peerOperationsOf(file);
      // A module-private operation could not be checked here: each definition must be exported.
      expect(operations).toHaveLength(calls);
      for (const [exportName, operation] of operations) {
        const errors = validate(schemaOf(operation.target), parse(operation.document)).map((error) => error.message);
        expect({ operation: exportName, target: operation.target, errors }).toEqual({ operation: exportName, target: operation.target, errors: [] });
      }
    },
  );
});
