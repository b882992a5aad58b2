import { createGatewayRuntime, type GatewayPlugin, type GatewayRuntime } from '@graphql-hive/gateway-runtime';
import { unifiedGraphHandler } from '@graphql-hive/router-runtime';
import { buildHTTPExecutor } from '@graphql-tools/executor-http';
import { IDEMPOTENT_REPLAY_HEADER } from '../../lib/kernel/api-contract.js';
import type { LogLevel } from '../../lib/kernel/log.js';
import { gatewaySubgraphUrls } from '../src/create-gateway.js';
import { subgraphUrlVariable, type SubgraphUrls } from '../src/config.js';
import { ConfigurationError } from '../../lib/kernel/env.js';
import { replicaUrlsOf } from '../../lib/kernel/replicas.js';
import { DEFAULT_SUBGRAPH_TIMEOUT_MS, FORWARDED_HEADERS } from '../src/fetcher.js';
import type { GatewaySecurity } from '../src/security.js';
import { subgraphFetch } from './subgraph-fetch.js';
import { hubGenericAuth, useHubFrontDoor, useHubInputErrorCodes, useHubQueryLimits, useHubRouterSignature, useHubSafelist } from './plugins.js';

export interface HiveGatewayOptions {
  /** The composed supergraph, security directives included: Hive enforces them itself. */
  supergraphSdl: string;
  /** Overrides of the supergraph's `join__graph(url:)`, by subgraph name (SUBGRAPH_<NAME>_URL). */
  subgraphUrls?: SubgraphUrls;
  /** The same settings as the hub's gateway (gateway/src/env.ts, gateway/src/security.ts gatewaySecurityFrom). */
  security: GatewaySecurity;
  /** How long each subgraph may take, by name (SUBGRAPH_<NAME>_TIMEOUT_MS); unlisted: DEFAULT_SUBGRAPH_TIMEOUT_MS. */
  timeoutsMs?: Partial<Record<string, number>>;
  /** Hive's own logging (it has its own logger); default `error`. */
  logLevel?: LogLevel;
  /**
   * Identical queries in flight at the front door share one execution (Hive's opt-in
   * inboundInflightRequestDeduplication), keyed by Authorization and Idempotency-Key as ours is.
   */
  inboundDeduplication?: boolean;
  /** More Hive plugins (observability …); they run before the router signature, which must be last. */
  plugins?: GatewayPlugin[];
}

/**
 * Hive Gateway (@graphql-hive/gateway-runtime with the Rust query planner of
 * @graphql-hive/router-runtime) as a router of the hub: the same supergraph, subgraph URLs,
 * tokens, limits and refusals as the hub's own gateway, and the trust contract towards the
 * subgraphs (docs/trust-contract.md, docs/routers.md). No listen here: see http.ts and main.ts.
 */
export function createHiveGateway(options: HiveGatewayOptions): GatewayRuntime {
  // Refused at start like the hub's gateway: an override naming no subgraph, a subgraph without a URL.
  const subgraphUrls = gatewaySubgraphUrls(options);
  const replicated = Object.entries(subgraphUrls).filter(([, urls]) => replicaUrlsOf(urls).length > 1);
  if (replicated.length > 0) {
    // Hive's HTTP transport sends to one endpoint; balancing is the hub gateway's (gateway/src/fetcher.ts).
    throw new ConfigurationError(
      `hive-gateway: one URL per subgraph, not a list of replicas (${replicated.map(([name]) => subgraphUrlVariable(name)).join(', ')}); put a load balancer or Kubernetes Service in front of the replicas`,
    );
  }
  const { security } = options;
  const forwarded = new Set<string>(FORWARDED_HEADERS);
  return createGatewayRuntime({
    supergraph: options.supergraphSdl,
    unifiedGraphHandler,
    logging: options.logLevel ?? 'error',
    // An intranet gateway: no landing page, no GraphiQL, nothing fetched from or reported to the internet.
    landingPage: false,
    graphiql: false,
    // Hive answers any origin by default; the hub gateway grants other origins nothing.
    cors: false,
    healthCheckEndpoint: '/health',
    batching: security.limits.maxBatchSize > 1 ? { limit: security.limits.maxBatchSize } : false,
    ...(options.inboundDeduplication
      ? { inboundInflightRequestDeduplication: { shouldIncludeHeader: (header: string) => header === 'authorization' || header === 'idempotency-key' } }
      : {}),
    genericAuth: hubGenericAuth(),
    // The caller's own token (and Idempotency-Key, x-request-id) travels to every subgraph, which
    // verifies it itself (docs/trust-contract.md); a replayed mutation's marker travels back.
    propagateHeaders: {
      // A client retrying with an Idempotency-Key learns that the answer is the stored first one.
      fromSubgraphsToClient: ({ response }) => (response.headers.get(IDEMPOTENT_REPLAY_HEADER) === 'true' ? { [IDEMPOTENT_REPLAY_HEADER]: 'true' } : undefined),
      fromClientToSubgraphs: ({ request }) => {
        const headers: Record<string, string> = {};
        for (const name of forwarded) {
          const value = request.headers.get(name);
          if (value !== null) headers[name] = value;
        }
        return headers;
      },
    },
    // Hive's HTTP transport (@graphql-mesh/transport-http) is what this does for a plain HTTP
    // subgraph: @graphql-tools/executor-http on the runtime's fetch (which runs the onFetch hooks,
    // the router signature among them), at the URL the hub resolved for the subgraph, with the hub
    // gateway's timeouts and answers for a subgraph that does not answer (subgraph-fetch.ts).
    transports: {
      http: {
        getSubgraphExecutor: ({ transportEntry, fetch: runtimeFetch }) => {
          // Without the runtime's fetch no onFetch hook would run, and the request would go unsigned.
          if (!runtimeFetch) throw new Error(`hive gateway: no fetch for the ${transportEntry.subgraph} subgraph`);
          const timeoutMs = options.timeoutsMs?.[transportEntry.subgraph] ?? DEFAULT_SUBGRAPH_TIMEOUT_MS;
          return buildHTTPExecutor({
            ...transportEntry.options,
            endpoint: subgraphUrls[transportEntry.subgraph] ?? transportEntry.location ?? '',
            fetch: subgraphFetch(transportEntry.subgraph, timeoutMs, runtimeFetch),
          });
        },
      },
    },
    plugins: () => [
      useHubFrontDoor(security),
      ...(security.safelist ? [useHubSafelist(security.safelist)] : []),
      useHubQueryLimits(security.limits.query),
      useHubInputErrorCodes(),
      ...(options.plugins ?? []),
      useHubRouterSignature(security.routerSecrets, subgraphUrls),
    ],
  });
}
