import { runSubgraphMain } from '../../lib/subgraph.js';
import { coBuildingSubgraph } from './server.js';

await runSubgraphMain('co-building', coBuildingSubgraph);
