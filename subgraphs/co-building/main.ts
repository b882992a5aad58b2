import { configurationOrExit } from '../../lib/kernel/env.js';
import { runSubgraphMain } from '../../lib/subgraph/runtime.js';
import { readCoBuildingEnv } from './env.js';
import { coBuildingSubgraph } from './server.js';

await runSubgraphMain(
  coBuildingSubgraph,
  configurationOrExit(() => readCoBuildingEnv()),
);
