import { readFile } from 'node:fs/promises';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { projectPath } from '../lib/kernel/project-root.js';
import { SUBGRAPH_NAMES, schemaPathOf, type SubgraphName } from '../lib/subgraph/names.js';
import { HUB_DEFAULTS } from './env.js';

/**
 * Composition of the four subgraph SDLs into the supergraph the gateway loads. The routing URLs
 * written here are where `npm start` runs each subgraph by default, so the gateway (or any router)
 * finds them on a default local launch; SUBGRAPH_<NAME>_URL overrides them at run time, and the
 * launcher always sets them to the ports it actually uses.
 */
export const SUPERGRAPH_PATH = projectPath('schema', 'supergraph.graphql');

export function defaultUrlOf(name: SubgraphName): string {
  return `http://${HUB_DEFAULTS.host}:${HUB_DEFAULTS.subgraphPorts[name]}/graphql`;
}

export async function composeSupergraph(names: readonly SubgraphName[] = SUBGRAPH_NAMES): Promise<string> {
  const services = await Promise.all(
    names.map(async (name) => ({ name, url: defaultUrlOf(name), typeDefs: parse(await readFile(schemaPathOf(name), 'utf8')) })),
  );
  const result = composeServices(services);
  if (result.errors) {
    throw new Error('composition failed:\n' + result.errors.map((error) => `  - ${error.message}`).join('\n'));
  }
  for (const hint of result.hints) process.stderr.write(`hint: ${hint.definition.code}: ${hint.message}\n`);
  return result.supergraphSdl;
}
