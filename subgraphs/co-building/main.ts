import { runSubgraphMain } from '../../lib/subgraph/runtime.js';
import { coBuildingSubgraph } from './server.js';

await runSubgraphMain('co-building', coBuildingSubgraph);
