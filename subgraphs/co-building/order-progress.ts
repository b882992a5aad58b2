/**
 * Order-based commitment progress from the resource-pools subgraph. Co-building never reads its
 * database: it asks resource-pools' internal field `fulfilledOrderCounts` (@inaccessible, so not in
 * the gateway's API) through its peer client (a service token as system:co-building), with a bounded
 * timeout. When resource-pools cannot answer, the counts are unknown (null) and the reason is
 * logged: a commitment's progress is then null, never an error of the whole query.
 */
import DataLoader from 'dataloader';
import type { Logger } from '../../lib/kernel/log.js';
import { definePeerOperation, type PeerClient } from '../../lib/subgraph/peer-client.js';
import { orderSourcesOf, UNKNOWN_ORDER_PROGRESS, type OrderProgressQuery, type OrderProgressSource } from './commitments.js';

interface FulfilledOrderCountQuery {
  unitId: string;
  communityId: string;
  sources: readonly string[] | null;
  from: string;
  to: string;
}

export const FULFILLED_ORDER_COUNTS = definePeerOperation<{ fulfilledOrderCounts: number[] }, { queries: FulfilledOrderCountQuery[] }>(
  'resource-pools',
  `query FulfilledOrderCounts($queries: [FulfilledOrderCountQuery!]!) {
  fulfilledOrderCounts(queries: $queries)
}`,
);

/** resource-pools answers at most this many queries per call. */
const BATCH = 1000;

/** Progress counted by resource-pools, asked through `peers`; failures are logged (warn) and read as unknown. */
export function peerOrderProgress(peers: PeerClient, log?: Logger): OrderProgressSource {
  async function counts(queries: readonly OrderProgressQuery[]): Promise<number[]> {
    const answer = await peers.request(FULFILLED_ORDER_COUNTS, {
      queries: queries.map((query) => ({
        unitId: query.unitId,
        communityId: query.communityId,
        sources: orderSourcesOf(query.kind),
        from: query.window.from,
        to: query.window.to,
      })),
    });
    if (answer.fulfilledOrderCounts.length !== queries.length) throw new Error('resource-pools answered a different number of counts');
    return answer.fulfilledOrderCounts.map(Number);
  }
  return {
    async fulfilledOrders(queries) {
      // Only order-based kinds are asked for; the rest stay null without a call.
      const asked = queries.flatMap((query, i) => (orderSourcesOf(query.kind) === null ? [] : [i]));
      const result: (number | null)[] = queries.map(() => null);
      if (asked.length === 0) return result;
      try {
        for (let start = 0; start < asked.length; start += BATCH) {
          const slice = asked.slice(start, start + BATCH);
          const answered = await counts(slice.map((i) => queries[i]!));
          slice.forEach((index, j) => (result[index] = answered[j]!));
        }
        return result;
      } catch (error) {
        log?.warn('order-based commitment progress unavailable: resource-pools did not answer', {
          reason: error instanceof Error ? error.message : String(error),
        });
        return queries.map(() => null);
      }
    },
  };
}

/** The source for a subgraph with these peers: resource-pools when it is configured, else always unknown. */
export function orderProgressFrom(peers: PeerClient | undefined, log?: Logger): OrderProgressSource {
  return peers?.knows('resource-pools') ? peerOrderProgress(peers, log) : UNKNOWN_ORDER_PROGRESS;
}

/**
 * One request's view of a source: the counts asked for by every pairing the request shows go to
 * resource-pools in one call (a DataLoader batches one tick), and a window asked twice is asked once.
 */
export function batchedOrderProgress(source: OrderProgressSource): OrderProgressSource {
  const loader = new DataLoader<OrderProgressQuery, number | null, string>((queries) => source.fulfilledOrders(queries), {
    cacheKeyFn: (query) => JSON.stringify([query.unitId, query.communityId, query.kind, query.window.from, query.window.to]),
  });
  return {
    async fulfilledOrders(queries) {
      const loaded = await loader.loadMany(queries);
      return loaded.map((count) => (count instanceof Error ? null : count));
    },
  };
}
