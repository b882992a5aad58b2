import { z } from 'zod';
import { parseEnv } from '../../lib/env.js';
import { SUBGRAPH_NAMES, type SubgraphName } from '../../lib/subgraph.js';
import type { SubgraphUrls } from './create-gateway.js';

/** `resource-pools` → `SUBGRAPH_RESOURCE_POOLS_URL`. */
export function subgraphUrlVariable(name: SubgraphName): string {
  return `SUBGRAPH_${name.toUpperCase().replace(/-/g, '_')}_URL`;
}

/** Every subgraph URL is required: a gateway missing one would fail only on the first query that needs it. */
export function subgraphUrlsFromEnv(env: NodeJS.ProcessEnv): SubgraphUrls {
  const shape = Object.fromEntries(SUBGRAPH_NAMES.map((name) => [subgraphUrlVariable(name), z.url({ protocol: /^https?$/ })]));
  const parsed = parseEnv('gateway', shape, env);
  return Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, parsed[subgraphUrlVariable(name)]])) as SubgraphUrls;
}
