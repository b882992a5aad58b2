import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { PEER_NAMES, type PeerName, type PeerOperation } from '../../lib/subgraph/peer-client.js';
import { projectPath } from '../../lib/kernel/project-root.js';

/**
 * The runtime edges between services as the sources define them, found by searching the sources so
 * that one added anywhere is checked without being listed in a test: every peer operation
 * (`definePeerOperation`, lib/subgraph/peer-client.ts) and every outbox topic (an exported
 * `…_TOPIC` constant). test/peer-operations.test.ts validates the operations against the called
 * subgraph's schema; test/architecture.test.ts checks docs/architecture.md draws each edge.
 */

const SOURCE_ROOTS = ['lib', 'subgraphs', 'gateway', 'hub', 'scripts'];

function sourceFilesUnder(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' || entry.name === '__generated__' ? [] : sourceFilesUnder(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

/** Every non-test TypeScript source of the services, with its text and its path from the project root. */
export const SOURCES = SOURCE_ROOTS.flatMap((root) => sourceFilesUnder(projectPath(root))).map((file) => ({
  file,
  path: relative(projectPath(), file),
  text: readFileSync(file, 'utf8'),
}));

/** Source files that define peer operations, with how many `definePeerOperation<` calls each holds. */
export const PEER_OPERATION_MODULES = SOURCES.filter(({ path }) => path !== join('lib', 'subgraph', 'peer-client.ts'))
  .map(({ file, path, text }) => ({ file, path, calls: text.match(/\bdefinePeerOperation\s*</g)?.length ?? 0 }))
  .filter(({ calls }) => calls > 0);

export type AnyPeerOperation = PeerOperation<unknown, Record<string, unknown>>;

function isPeerOperation(value: unknown): value is AnyPeerOperation {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return typeof candidate.document === 'string' && typeof candidate.name === 'string' && PEER_NAMES.includes(candidate.target as PeerName);
}

/** The peer operations a module exports, by export name. */
export async function peerOperationsOf(file: string): Promise<[string, AnyPeerOperation][]> {
  const module = (await import(file)) as Record<string, unknown>;
  return Object.entries(module).filter((entry): entry is [string, AnyPeerOperation] => isPeerOperation(entry[1]));
}

/** Every peer operation the sources define, with the module that defines it. */
export async function allPeerOperations(): Promise<{ path: string; exportName: string; operation: AnyPeerOperation }[]> {
  const found = await Promise.all(
    PEER_OPERATION_MODULES.map(async ({ file, path }) => (await peerOperationsOf(file)).map(([exportName, operation]) => ({ path, exportName, operation }))),
  );
  return found.flat();
}

/** Every outbox topic: the value of each exported `…_TOPIC` string constant, with where it is defined. */
export const OUTBOX_TOPICS = SOURCES.flatMap(({ path, text }) =>
  [...text.matchAll(/export const (\w+_TOPIC) = '([^']+)'/g)].map((match) => ({ path, constant: match[1]!, topic: match[2]! })),
);

/** Outbox messages built with a topic that is not one of the `…_TOPIC` constants (`topic: 'x'` inline). */
export const INLINE_TOPICS = SOURCES.flatMap(({ path, text }) =>
  [...text.matchAll(/\btopic:\s*(?!\w+_TOPIC\b)([^\s,}]+)/g)]
    .filter((match) => !/^(string|message\.topic)/.test(match[1]!))
    .map((match) => `${path}: topic: ${match[1]}`),
);
