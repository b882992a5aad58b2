import { runSubgraphMain } from '../../lib/subgraph/runtime.js';
import { gridsSubgraph } from './server.js';

await runSubgraphMain('grids', gridsSubgraph);
