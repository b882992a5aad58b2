import { runSubgraphMain } from '../../lib/subgraph/runtime.js';
import { organisationsSubgraph } from './server.js';

await runSubgraphMain('organisations', organisationsSubgraph);
