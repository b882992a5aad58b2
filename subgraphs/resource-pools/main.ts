import { configurationOrExit } from '../../lib/kernel/env.js';
import { runSubgraphMain } from '../../lib/subgraph/runtime.js';
import { readResourcePoolsEnv } from './env.js';
import { resourcePoolsSubgraph } from './server.js';

await runSubgraphMain(
  resourcePoolsSubgraph,
  configurationOrExit(() => readResourcePoolsEnv()),
);
