import { runSubgraphMain } from '../../lib/subgraph.js';
import { resourcePoolsSubgraph } from './server.js';

await runSubgraphMain('resource-pools', resourcePoolsSubgraph);
