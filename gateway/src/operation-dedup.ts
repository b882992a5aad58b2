import { HeaderMap, type ApolloServerPlugin, type BaseContext } from '@apollo/server';
import type { FormattedExecutionResult } from 'graphql';
import { OperationTypeNode } from 'graphql';
import { Counter, Gauge, type Registry } from 'prom-client';
import { ANONYMOUS } from '../../lib/auth/caller.js';
import { FORWARDED_HEADERS, WARM_UP, headersKey } from './fetcher.js';
import type { GatewayContext } from './security.js';

/**
 * In-flight deduplication of whole operations at the gateway's front door: while a query is being
 * answered, an identical one (same document, operation name and variables, same verified caller and
 * forwarded headers) waits for that answer instead of being planned, fetched and merged again.
 * The same rules as the subgraph-level deduplication (fetcher.ts), one level up: queries only, never
 * mutations; nothing is cached (the entry goes when the answer is sent); only answers without errors
 * are shared, a waiting request whose leader failed runs on its own.
 *
 * Profiling the gateway under concurrent identical dashboards showed most of its CPU in
 * executeQueryPlan (merging entity results) and computeResponse, which subgraph-level sharing does
 * not save; this does.
 */
export function operationDedupPlugin(registry?: Registry): ApolloServerPlugin<BaseContext> {
  const inFlight = new Map<string, Promise<FormattedExecutionResult | null>>();
  const operations = registry
    ? new Counter({
        name: 'hub_gateway_operations_total',
        help: "Operations of the gateway: executed, or answered with an identical in-flight query's result",
        labelNames: ['outcome'],
        registers: [registry],
      })
    : undefined;
  // Requests waiting for an identical query's answer right now: what "joined" means, observable while
  // the leader is still running (tests wait on it instead of sleeping; the counter above only moves later).
  const waiting = registry
    ? new Gauge({
        name: 'hub_gateway_operations_waiting',
        help: 'Operations waiting for the answer of an identical query in flight',
        registers: [registry],
      })
    : undefined;
  return {
    async requestDidStart() {
      let settle: ((result: FormattedExecutionResult | null) => void) | undefined;
      return {
        async responseForOperation(requestContext) {
          if (requestContext.operation.operation !== OperationTypeNode.QUERY) return null;
          if (typeof requestContext.contextValue === 'object' && requestContext.contextValue !== null && WARM_UP in requestContext.contextValue) return null;
          const incoming = requestContext.request.http?.headers;
          const forwarded: Record<string, string> = {};
          for (const name of FORWARDED_HEADERS) {
            const value = incoming?.get(name);
            if (value !== undefined) forwarded[name] = value;
          }
          // The verified caller, not the raw token: answers depend on who asks (scopes, unmasking),
          // and two tokens of one caller may share while two callers never do.
          const caller = (requestContext.contextValue as Partial<GatewayContext>).caller ?? ANONYMOUS;
          const key = [
            JSON.stringify(caller),
            requestContext.queryHash,
            requestContext.request.operationName ?? '',
            JSON.stringify(requestContext.request.variables ?? {}),
            headersKey(forwarded),
          ].join('\n');
          const running = inFlight.get(key);
          if (running) {
            waiting?.inc();
            const result = await running.finally(() => waiting?.dec());
            if (result) {
              operations?.inc({ outcome: 'deduplicated' });
              return { http: { status: undefined, headers: new HeaderMap() }, body: { kind: 'single', singleResult: result } };
            }
            operations?.inc({ outcome: 'executed' });
            return null; // the leader failed: answer this one on its own
          }
          let resolve!: (result: FormattedExecutionResult | null) => void;
          const answer = new Promise<FormattedExecutionResult | null>((done) => (resolve = done));
          inFlight.set(key, answer);
          settle = (result) => {
            if (inFlight.get(key) === answer) inFlight.delete(key);
            resolve(result);
          };
          operations?.inc({ outcome: 'executed' });
          return null;
        },
        async willSendResponse(requestContext) {
          if (!settle) return;
          const { body } = requestContext.response;
          settle(body.kind === 'single' && !body.singleResult.errors ? body.singleResult : null);
          settle = undefined;
        },
      };
    },
  };
}
