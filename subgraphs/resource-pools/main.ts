import { runSubgraphMain } from '../../lib/subgraph/runtime.js';
import { resourcePoolsSubgraph } from './server.js';

await runSubgraphMain('resource-pools', resourcePoolsSubgraph);
