/**
 * Order-based commitment progress (micro-wishes adopted) from co-building's own records. resource-pools
 * reports each order a unit's resource fulfilled through its outbox (events.ts, topic
 * co-building.recordOrderFulfilment); co-building keeps one row per order (order_fulfilments) and
 * counts progress from them, so progress answers while resource-pools is down and co-building never
 * calls it: the only edges between the two run from resource-pools to co-building (docs/architecture.md).
 */
import DataLoader from 'dataloader';
import { badUserInput } from '../../../lib/kernel/errors.js';
import type { Queryable } from '../../../lib/kernel/database.js';
import type { OrderFulfilment } from '../events.js';
import { orderSourcesOf, type OrderProgressQuery, type OrderProgressSource } from './commitments.js';
import { shanghaiDate } from './pairing-status.js';
import { createCoBuildingStore, type CoBuildingStore } from '../store.js';

const ID = /^[\w.:-]{1,100}$/;
const DEMAND_SOURCE = /^[A-Z_]{1,40}$/;

/** Records a reported fulfilment once per order (a redelivery answers created = false); bad input names its field. */
export async function recordOrderFulfilment(db: Queryable, input: OrderFulfilment): Promise<{ created: boolean }> {
  for (const key of ['orderId', 'unitId', 'communityId'] as const) {
    if (!ID.test(input[key])) throw badUserInput(`input.${key}`, 'is not a valid id');
  }
  if (!DEMAND_SOURCE.test(input.demandSource)) throw badUserInput('input.demandSource', 'is not a demand source');
  const fulfilledAt = new Date(input.fulfilledAt);
  if (Number.isNaN(fulfilledAt.getTime())) throw badUserInput('input.fulfilledAt', 'must be an ISO 8601 time');
  return createCoBuildingStore(db).recordOrderFulfilment({
    order_id: input.orderId,
    unit_id: input.unitId,
    community_id: input.communityId,
    demand_source: input.demandSource,
    fulfilled_at: fulfilledAt,
    fulfilled_on: shanghaiDate(fulfilledAt),
  });
}

/** Progress counted from order_fulfilments in one statement; kinds not measured by orders stay null. */
export function recordedOrderProgress(store: CoBuildingStore): OrderProgressSource {
  return {
    async fulfilledOrders(queries) {
      const asked = queries.flatMap((query) => {
        const demandSources = orderSourcesOf(query.kind);
        return demandSources === null ? [] : [{ query, demandSources }];
      });
      const counts = await store.countOrderFulfilments(
        asked.map(({ query, demandSources }) => ({
          unitId: query.unitId,
          communityId: query.communityId,
          demandSources,
          from: query.window.from,
          to: query.window.to,
        })),
      );
      const countOf = new Map(asked.map(({ query }, i) => [query, counts[i]!]));
      return queries.map((query) => countOf.get(query) ?? null);
    },
  };
}

/**
 * One request's view of a source: the counts asked for by every pairing the request shows are
 * counted in one statement (a DataLoader batches one tick), and a window asked twice is counted once.
 */
export function batchedOrderProgress(source: OrderProgressSource): OrderProgressSource {
  const loader = new DataLoader<OrderProgressQuery, number | null, string>((queries) => source.fulfilledOrders(queries), {
    cacheKeyFn: (query) => JSON.stringify([query.unitId, query.communityId, query.kind, query.window.from, query.window.to]),
  });
  return {
    async fulfilledOrders(queries) {
      const loaded = await loader.loadMany(queries);
      return loaded.map((count) => {
        if (count instanceof Error) throw count;
        return count;
      });
    },
  };
}
