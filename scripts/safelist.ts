import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Kind, parse } from 'graphql';
import { projectPath } from '../lib/kernel/project-root.js';
import { operationId, type PersistedOperationManifest } from '../gateway/src/security.js';

/**
 * `npm run safelist [-- --out file]`: a persisted-operations manifest of every operation the hub
 * ships (gateway/examples/*.graphql, clients/operations/*.graphql), for the gateway's safelist mode
 * (SAFELIST_PATH). Each file's text is one operation, served only when sent byte for byte (or by id).
 */
const outIndex = process.argv.indexOf('--out');
const out = outIndex > 0 ? process.argv[outIndex + 1]! : projectPath('schema', 'safelist.json');
const operations: PersistedOperationManifest['operations'] = [];
for (const directory of [projectPath('gateway', 'examples'), projectPath('clients', 'operations')]) {
  for (const file of (await readdir(directory)).filter((name) => name.endsWith('.graphql')).sort()) {
    const body = await readFile(join(directory, file), 'utf8');
    const operation = parse(body).definitions.find((definition) => definition.kind === Kind.OPERATION_DEFINITION);
    if (!operation || operation.kind !== Kind.OPERATION_DEFINITION) continue;
    operations.push({ id: operationId(body), name: operation.name?.value ?? file, type: operation.operation, body });
  }
}
const manifest: PersistedOperationManifest = { format: 'apollo-persisted-query-manifest', version: 1, operations };
await writeFile(out, JSON.stringify(manifest, null, 2) + '\n');
process.stdout.write(`wrote ${out} (${operations.length} operations)\n`);
