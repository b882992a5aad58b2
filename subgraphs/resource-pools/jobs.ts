import { startCoBuildingEventRelay } from '../co-building/events.js';
import type { SubgraphDeps } from '../../lib/subgraph/runtime.js';
import { DEFAULT_RESOURCE_POOLS_SETTINGS, type ResourcePoolsSettings } from './env.js';

/**
 * The resource-pools subgraph's timer: the outbox relay to co-building (subgraphs/co-building/events.ts),
 * which delivers the credit events of rated orders and the fulfilments of units' orders.
 */
export function startResourcePoolsBackgroundJobs(deps: SubgraphDeps, settings: ResourcePoolsSettings = DEFAULT_RESOURCE_POOLS_SETTINGS): () => Promise<void> {
  return startCoBuildingEventRelay('resource-pools', deps, settings.outboxRelayIntervalMs);
}
