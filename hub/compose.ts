import { readFile, writeFile } from 'node:fs/promises';
import { SUBGRAPH_NAMES, type SubgraphName } from '../lib/subgraph/names.js';
import { SUPERGRAPH_PATH, composeSupergraph } from './composition.js';
import { API_SCHEMA_PATH, apiSchemaOf } from './api-schema.js';
import { supergraphManifestsMatch, writeSupergraphManifests } from '../deploy/supergraph-configmap.js';

/**
 * `npm run compose` writes schema/supergraph.graphql, schema/api.graphql and the supergraph's
 * Kubernetes ConfigMap (deploy/kubernetes); `npm run compose:check` (CI) fails when composition fails
 * or a checked-in file is stale. `--only a,b` composes a subset while developing (no ConfigMap then).
 */
async function main(): Promise<void> {
  const check = process.argv.includes('--check');
  const onlyIndex = process.argv.indexOf('--only');
  const names = onlyIndex > 0 ? (process.argv[onlyIndex + 1]!.split(',') as SubgraphName[]) : SUBGRAPH_NAMES;
  const supergraph = await composeSupergraph(names);
  const apiSchema = apiSchemaOf(supergraph);
  if (!check) {
    await writeFile(SUPERGRAPH_PATH, supergraph);
    process.stdout.write(`wrote ${SUPERGRAPH_PATH} (${names.join(', ')})\n`);
    await writeFile(API_SCHEMA_PATH, apiSchema);
    process.stdout.write(`wrote ${API_SCHEMA_PATH}\n`);
    if (onlyIndex < 0) {
      writeSupergraphManifests(supergraph);
      process.stdout.write('wrote the supergraph ConfigMap in deploy/kubernetes\n');
    }
    return;
  }
  if ((await readFile(API_SCHEMA_PATH, 'utf8').catch(() => '')) !== apiSchema) {
    process.stderr.write('schema/api.graphql is stale: run `npm run compose` and commit the result\n');
    process.exit(1);
  }
  const current = await readFile(SUPERGRAPH_PATH, 'utf8').catch(() => '');
  if (current !== supergraph) {
    process.stderr.write('schema/supergraph.graphql is stale: run `npm run compose` and commit the result\n');
    process.exit(1);
  }
  if (onlyIndex < 0 && !supergraphManifestsMatch(supergraph)) {
    process.stderr.write('deploy/kubernetes/supergraph.yaml is stale: run `npm run compose` and commit the result\n');
    process.exit(1);
  }
  process.stdout.write('supergraph is up to date\n');
}

main().catch((error: Error) => {
  process.stderr.write(error.message + '\n');
  process.exit(1);
});
