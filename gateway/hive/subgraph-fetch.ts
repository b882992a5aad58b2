import type { GraphQLResolveInfo } from 'graphql';
import { ErrorCode } from '../../lib/kernel/errors.js';
import { CONNECTION_ERROR_CODES, errorCodeOf, type SubgraphFaultCode } from '../src/fetcher.js';

/** The runtime's fetch (its onFetch hooks, the router signature among them, run inside it). */
export type RuntimeFetch = (
  url: string,
  options: Omit<RequestInit, 'headers'> & { headers?: Record<string, string> },
  context?: unknown,
  info?: GraphQLResolveInfo,
) => Promise<Response> | Response;

/** A subgraph's answer of one coded error, as if the subgraph had sent it: Hive passes it on with its fields' nulls. */
function faultAnswer(code: SubgraphFaultCode, message: string, subgraph: string): Response {
  return new Response(JSON.stringify({ errors: [{ message, extensions: { code, serviceName: subgraph } }] }), {
    status: 200,
    headers: { 'content-type': 'application/json' },
  });
}

/**
 * The fetch Hive's HTTP executor uses for one subgraph: the runtime's fetch, with the hub gateway's
 * answers to a subgraph that does not answer (gateway/src/fetcher.ts): SUBGRAPH_UNAVAILABLE when it
 * cannot be reached, SUBGRAPH_TIMEOUT after `timeoutMs`, both on the fields that subgraph owns, so
 * the rest of the answer still reaches the client (Hive alone would mask them as
 * INTERNAL_SERVER_ERROR and GATEWAY_TIMEOUT).
 */
export function subgraphFetch(subgraph: string, timeoutMs: number, send: RuntimeFetch) {
  return async (url: string, init?: RequestInit, context?: unknown, info?: GraphQLResolveInfo): Promise<Response> => {
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
    try {
      return await send(url, { ...init, signal, headers: Object.fromEntries(new Headers(init?.headers)) }, context, info);
    } catch (error) {
      if (timeout.aborted) {
        return faultAnswer(ErrorCode.SUBGRAPH_TIMEOUT, `the ${subgraph} subgraph did not answer within ${timeoutMs} ms`, subgraph);
      }
      const code = errorCodeOf(error);
      if (code !== undefined && CONNECTION_ERROR_CODES.has(code)) {
        return faultAnswer(ErrorCode.SUBGRAPH_UNAVAILABLE, `the ${subgraph} subgraph is unavailable (${code})`, subgraph);
      }
      throw error;
    }
  };
}
