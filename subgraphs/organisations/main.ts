import { configurationOrExit } from '../../lib/kernel/env.js';
import { runSubgraphMain } from '../../lib/subgraph/runtime.js';
import { readOrganisationsEnv } from './env.js';
import { organisationsSubgraph } from './server.js';

await runSubgraphMain(
  organisationsSubgraph,
  configurationOrExit(() => readOrganisationsEnv()),
);
