import { runSubgraphMain } from '../../lib/subgraph.js';
import { gridsSubgraph } from './server.js';

await runSubgraphMain('grids', gridsSubgraph);
