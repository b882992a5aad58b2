/**
 * Order-based commitment progress from the resource-pools subgraph. Co-building never reads its
 * database: it asks resource-pools' internal field `fulfilledOrderCounts` (@inaccessible, so not in
 * the gateway's API) over HTTP, signed as the system caller `system:co-building`, with a bounded
 * timeout. When resource-pools cannot answer, the counts are unknown (null) and the reason is
 * logged: a commitment's progress is then null, never an error of the whole query.
 */
import DataLoader from 'dataloader';
import { z } from 'zod';
import { systemCaller } from '../../lib/auth/caller.js';
import { parseInternalSecrets, signCaller } from '../../lib/auth/internal-signature.js';
import { parseEnv } from '../../lib/env.js';
import type { Logger } from '../../lib/log.js';
import { orderSourcesOf, UNKNOWN_ORDER_PROGRESS, type OrderProgressQuery, type OrderProgressSource } from './commitments.js';

const FULFILLED_ORDER_COUNTS = `query FulfilledOrderCounts($queries: [FulfilledOrderCountQuery!]!) {
  fulfilledOrderCounts(queries: $queries)
}`;

/** resource-pools answers at most this many queries per call. */
const BATCH = 1000;

export interface HttpOrderProgressOptions {
  /** resource-pools' /graphql. */
  url: string;
  timeoutMs?: number;
  /** HUB_INTERNAL_SECRETS: calls carry the signed caller system:co-building. */
  internalSecrets?: readonly string[];
  log?: Logger;
}

export function httpOrderProgress(options: HttpOrderProgressOptions): OrderProgressSource {
  const secrets = options.internalSecrets ?? [];
  async function counts(queries: readonly OrderProgressQuery[]): Promise<number[]> {
    const response = await fetch(options.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(secrets.length === 0 ? {} : signCaller(secrets, systemCaller('co-building'))) },
      body: JSON.stringify({
        query: FULFILLED_ORDER_COUNTS,
        variables: {
          queries: queries.map((query) => ({
            unitId: query.unitId,
            communityId: query.communityId,
            sources: orderSourcesOf(query.kind),
            from: query.window.from,
            to: query.window.to,
          })),
        },
      }),
      signal: AbortSignal.timeout(options.timeoutMs ?? 1500),
    });
    const body = (await response.json().catch(() => null)) as { data?: { fulfilledOrderCounts?: unknown }; errors?: { message: string }[] } | null;
    const list = body?.data?.fulfilledOrderCounts;
    if (!response.ok || !Array.isArray(list) || list.length !== queries.length || (body?.errors?.length ?? 0) > 0) {
      throw new Error(`resource-pools answered HTTP ${response.status}: ${body?.errors?.[0]?.message ?? 'no counts'}`);
    }
    return list.map(Number);
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
        options.log?.warn('order-based commitment progress unavailable: resource-pools did not answer', {
          reason: error instanceof Error ? error.message : String(error),
        });
        return queries.map(() => null);
      }
    },
  };
}

/**
 * From the environment: RESOURCE_POOLS_URL (set by the launcher; unset: progress of order-based
 * commitments stays unknown), ORDER_PROGRESS_TIMEOUT_MS (default 1500) and HUB_INTERNAL_SECRETS.
 */
export function orderProgressFromEnv(log?: Logger, env: NodeJS.ProcessEnv = process.env): OrderProgressSource {
  const parsed = parseEnv(
    'co-building',
    {
      RESOURCE_POOLS_URL: z.string().url().optional(),
      ORDER_PROGRESS_TIMEOUT_MS: z.coerce.number().int().min(50).max(60_000).default(1500),
      HUB_INTERNAL_SECRETS: z.string().optional(),
    },
    env,
  );
  if (!parsed.RESOURCE_POOLS_URL) return UNKNOWN_ORDER_PROGRESS;
  return httpOrderProgress({
    url: parsed.RESOURCE_POOLS_URL,
    timeoutMs: parsed.ORDER_PROGRESS_TIMEOUT_MS,
    internalSecrets: parseInternalSecrets(parsed.HUB_INTERNAL_SECRETS ?? ''),
    log,
  });
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
