import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse, validate, type GraphQLSchema } from 'graphql';
import { PEER_NAMES, type PeerName, type PeerOperation } from '../lib/subgraph/peer-client.js';
import { projectPath } from '../lib/kernel/project-root.js';
import { schemaPathOf } from '../lib/subgraph/runtime.js';

/**
 * Every operation one subgraph sends another (`definePeerOperation`, lib/subgraph/peer-client.ts) must be a
 * valid operation of the called subgraph's own schema, so that changing a subgraph's SDL cannot
 * silently break a caller: outbox delivery, matching data, commitment progress, reference checks.
 * The modules are found by searching the sources, so an operation added anywhere is checked
 * without being listed here.
 */

const SOURCE_ROOTS = ['lib', 'subgraphs', 'gateway', 'hub', 'scripts'];

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' || entry.name === '__generated__' ? [] : sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

/** Source files that define peer operations, with how many `definePeerOperation(` calls each holds. */
const DEFINING = SOURCE_ROOTS.flatMap((root) => sourceFiles(projectPath(root)))
  .filter((file) => !file.endsWith(join('lib', 'subgraph', 'peer-client.ts')))
  .map((file) => ({ file, calls: readFileSync(file, 'utf8').match(/\bdefinePeerOperation\s*</g)?.length ?? 0 }))
  .filter(({ calls }) => calls > 0);

function isPeerOperation(value: unknown): value is PeerOperation<unknown, Record<string, unknown>> {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return typeof candidate.document === 'string' && typeof candidate.name === 'string' && PEER_NAMES.includes(candidate.target as PeerName);
}

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
    const files = DEFINING.map(({ file }) => relative(projectPath(), file)).sort();
    expect(files).toEqual(
      expect.arrayContaining([
        'subgraphs/co-building/events.ts',
        'subgraphs/co-building/peers.ts',
        'subgraphs/resource-pools/partner-directory.ts',
        'subgraphs/resource-pools/peers.ts',
      ]),
    );
  });

  it.each(DEFINING.map(({ file, calls }) => [relative(projectPath(), file), file, calls] as const))(
    '%s: every operation it defines is exported and valid against the called subgraph’s schema',
    async (_name, file, calls) => {
      const module = (await import(file)) as Record<string, unknown>;
      const operations = Object.entries(module).filter((entry): entry is [string, PeerOperation<unknown, Record<string, unknown>>] => isPeerOperation(entry[1]));
      // A module-private operation could not be checked here: each definition must be exported.
      expect(operations).toHaveLength(calls);
      for (const [exportName, operation] of operations) {
        const errors = validate(schemaOf(operation.target), parse(operation.document)).map((error) => error.message);
        expect({ operation: exportName, target: operation.target, errors }).toEqual({ operation: exportName, target: operation.target, errors: [] });
      }
    },
  );
});
