import type { Environment } from '../../lib/kernel/env.js';
import { readSubgraphEnv, type SubgraphEnvWith } from '../../lib/subgraph/env.js';

/** The organisations subgraph's whole configuration (only what every subgraph reads), read once by main.ts. */
export function readOrganisationsEnv(env: Environment = process.env): SubgraphEnvWith<undefined> {
  return readSubgraphEnv('organisations', env, {}, () => undefined);
}
