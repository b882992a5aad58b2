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

/** `resource-pools` → `SUBGRAPH_RESOURCE_POOLS_TIMEOUT_MS`. */
export function subgraphTimeoutVariable(name: SubgraphName): string {
  return `SUBGRAPH_${name.toUpperCase().replace(/-/g, '_')}_TIMEOUT_MS`;
}

const timeoutSchema = z.coerce.number().int().min(50).max(600_000);

/**
 * How long the gateway waits for each subgraph: SUBGRAPH_<NAME>_TIMEOUT_MS, else SUBGRAPH_TIMEOUT_MS,
 * else DEFAULT_SUBGRAPH_TIMEOUT_MS. A slow subgraph then costs its own fields a SUBGRAPH_TIMEOUT
 * error instead of holding the whole answer.
 */
export function subgraphTimeoutsFromEnv(env: NodeJS.ProcessEnv, defaultMs: number): Record<SubgraphName, number> {
  const shape = {
    SUBGRAPH_TIMEOUT_MS: timeoutSchema.default(defaultMs),
    ...Object.fromEntries(SUBGRAPH_NAMES.map((name) => [subgraphTimeoutVariable(name), timeoutSchema.optional()])),
  };
  const parsed: Record<string, number | undefined> = parseEnv('gateway', shape, env);
  return Object.fromEntries(
    SUBGRAPH_NAMES.map((name) => [name, parsed[subgraphTimeoutVariable(name)] ?? parsed.SUBGRAPH_TIMEOUT_MS ?? defaultMs]),
  ) as Record<SubgraphName, number>;
}
