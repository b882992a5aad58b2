import { runSubgraphMain } from '../../lib/subgraph.js';
import { organisationsSubgraph } from './server.js';

await runSubgraphMain('organisations', organisationsSubgraph);
