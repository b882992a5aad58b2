import { configurationOrExit } from '../../lib/kernel/env.js';
import { runSubgraphMain } from '../../lib/subgraph/runtime.js';
import { readGridsEnv } from './env.js';
import { gridsSubgraph } from './server.js';

await runSubgraphMain(
  gridsSubgraph,
  configurationOrExit(() => readGridsEnv()),
);
