import { assertNever } from '../lib/kernel/errors.js';
import { startSubgraph, type StartedSubgraph } from '../lib/subgraph/runtime.js';
import { type SubgraphName } from '../lib/subgraph/names.js';
import { coBuildingSubgraph } from '../subgraphs/co-building/server.js';
import { gridsSubgraph } from '../subgraphs/grids/server.js';
import { organisationsSubgraph } from '../subgraphs/organisations/server.js';
import { resourcePoolsSubgraph } from '../subgraphs/resource-pools/server.js';

/** Starts any subgraph by name in this process (tests, benchmarks); production runs each in its own process. */
export function startSubgraphByName(name: SubgraphName, options: Parameters<typeof startSubgraph>[2]): Promise<StartedSubgraph> {
  switch (name) {
    case 'organisations':
      return startSubgraph(name, organisationsSubgraph, options);
    case 'grids':
      return startSubgraph(name, gridsSubgraph, options);
    case 'resource-pools':
      return startSubgraph(name, resourcePoolsSubgraph, options);
    case 'co-building':
      return startSubgraph(name, coBuildingSubgraph, options);
    default:
      return assertNever(name, 'subgraph');
  }
}
