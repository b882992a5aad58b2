import { ApolloServer, type ApolloServerPlugin, type BaseContext, type GraphQLRequestListener } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import type { Registry } from 'prom-client';
import { basePlugins, formatErrorFor } from '../../lib/kernel/apollo.js';
import { ConfigurationError } from '../../lib/kernel/env.js';
import { createLogger, type Logger } from '../../lib/kernel/log.js';
import { resolveSubgraphUrls, subgraphsOfSupergraph, type SubgraphUrls } from './config.js';
import { SubgraphFetcher, type FetcherOptions } from './fetcher.js';
import { operationDedupPlugin } from './operation-dedup.js';
import { HubGateway, type GatewayInterface, type HubGatewayConfig } from './plan-executor.js';
import { knownOperations, warmUp } from './warm-up.js';
import { queryLimitsPlugin } from './query-limits.js';
import { ErrorCode } from '../../lib/kernel/errors.js';
import { securityPlugin, type GatewaySecurity } from './security.js';
import { signRouterRequest } from '../../lib/auth/router-signature.js';
import { splitSecurity } from '../../lib/auth/schema-directives.js';

export type { SubgraphUrls } from './config.js';

export interface GatewayOptions {
  /** The composed supergraph SDL (schema/supergraph.graphql or any file given by SUPERGRAPH_PATH). */
  supergraphSdl: string;
  /**
   * Who may ask what (security.ts): token verification, the router secret that signs each subgraph
   * request, and the limits. Required: there is no unauthenticated gateway.
   */
  security: GatewaySecurity;
  /**
   * Overrides of the supergraph's `join__graph(url:)`, by subgraph name (main.ts reads them from
   * SUBGRAPH_<NAME>_URL); subgraphs not listed are reached at the supergraph's URL.
   */
  subgraphUrls?: SubgraphUrls;
  log?: Logger;
  /** The service's metrics registry (http.ts passes its own): subgraph fetches sent and shared. */
  registry?: Registry;
  /** Subgraph connections, pipelining and in-flight deduplication (see fetcher.ts); defaults suit the hub. */
  fetcher?: Omit<FetcherOptions, 'registry'>;
  /**
   * Operations planned at start (warm-up.ts), so their first request does not pay for parsing,
   * validation and planning. Default: gateway/examples/*.graphql; `false`: none.
   */
  warmUpOperations?: readonly string[] | false;
  /**
   * Identical queries in flight at the front door share one execution (operation-dedup.ts).
   * Default on; never mutations, never across different Authorization.
   */
  dedupOperations?: boolean;
  /**
   * Who plans and runs the operations: `hub` (default) plans with @apollo/query-planner, prepares
   * each operation once and runs its plan with our executor (plan-executor.ts); `apollo` is stock
   * @apollo/gateway with its executor for every request (loaded only then: the comparison test and
   * bench:gateway's `ours-apollo-exec`).
   */
  planExecutor?: 'hub' | 'apollo';
}

/** Each subgraph of the gateway's supergraph and the URL it is reached at (overrides applied). */
export function gatewaySubgraphUrls(options: Pick<GatewayOptions, 'supergraphSdl' | 'subgraphUrls'>): SubgraphUrls {
  return resolveSubgraphUrls(subgraphsOfSupergraph(options.supergraphSdl), options.subgraphUrls);
}

/**
 * The federation gateway: query planning over any Federation supergraph, each subgraph reached at
 * the supergraph's URL unless configuration overrides it. No listen here (see main.ts), so tests
 * and the benchmarks build the same gateway.
 */
export function createGateway(options: GatewayOptions): ApolloServer {
  const log = options.log ?? createLogger('gateway');
  // Checked before anything is built: a subgraph without a URL, or an override naming no subgraph,
  // stops the gateway at start rather than failing the first query that needs it.
  const subgraphUrls = gatewaySubgraphUrls(options);
  // The gateway sends usage data to Apollo unless this is set when it is constructed; the hub runs
  // on intranets and must never phone home, so it is forced here, in the one place gateways are built.
  process.env.APOLLO_TELEMETRY_DISABLED = 'true';
  // One fetcher (keep-alive pools, in-flight deduplication) for all the subgraphs of this gateway.
  const fetcher = new SubgraphFetcher({
    ...options.fetcher,
    registry: options.registry,
    // Every subgraph fetch carries the router signature of the trust contract (docs/trust-contract.md),
    // bound to the subgraph and the body; the caller's own token travels beside it.
    signRequest: (subgraph, body) => signRouterRequest(options.security.routerSecrets, subgraph, body),
  });
  // Federation's supergraph loader refuses the SECURITY features (@authenticated, @requiresScopes):
  // the gateway gets the supergraph without them, and securityPlugin enforces what they declare.
  const { gatewaySdl, requirements } = splitSecurity(options.supergraphSdl);
  const limits = options.security.limits;
  const gatewayConfig: HubGatewayConfig = {
    supergraphSdl: gatewaySdl,
    buildService({ name }: { name: string }) {
      const url = subgraphUrls[name];
      // Cannot happen (the names come from the same supergraph), but a data source without a URL must not be built.
      if (url === undefined) throw new ConfigurationError(`the supergraph names a subgraph "${name}" that has no URL`);
      return fetcher.dataSource(name, url);
    },
    // Joining a fetch to a later one saves a request only when the fetcher sends them as one batch.
    joinLaterFetches: fetcher.batchesEntityFetches,
    logger: {
      debug: () => undefined,
      info: (message: unknown) => log.info(String(message)),
      warn: (message: unknown) => log.warn(String(message)),
      error: (message: unknown) => log.error(String(message)),
    },
  };
  const gateway = options.planExecutor === 'apollo' ? apolloGateway(gatewayConfig) : new HubGateway(gatewayConfig, options.registry);
  return new WarmedApolloServer(
    {
      gateway,
      plugins: [
        // First: an operation that cannot run is refused before the others look at it.
        ...basePlugins(),
        securityPlugin(requirements),
        queryLimitsPlugin(limits.query),
        ...(options.dedupOperations === false ? [] : [operationDedupPlugin(options.registry)]),
        { serverWillStart: async () => ({ serverWillStop: () => fetcher.close() }) },
        ApolloServerPluginCacheControlDisabled(),
        noStorePlugin,
      ],
      formatError: tokenLimitCoded(formatErrorFor(log)),
      includeStacktraceInErrorResponses: false, // see formatErrorFor
      parseOptions: { maxTokens: limits.query.maxTokens },
      allowBatchedHttpRequests: limits.maxBatchSize > 1,
      introspection: true,
      // The gateway stops on SIGTERM itself (closeOnSignals: drain, then exit); Apollo's own handler
      // would stop the server and re-raise the signal, cutting the requests still being answered.
      stopOnTerminationSignals: false,
    },
    async (server) => {
      const operations = options.warmUpOperations === false ? [] : (options.warmUpOperations ?? (await knownOperations()));
      const startedAt = performance.now();
      const planned = await warmUp(server, operations, log);
      log.info('query plans warmed up', { operations: planned, ms: Math.round(performance.now() - startedAt) });
    },
  );
}

/**
 * What Apollo's default cache-control plugin answered every gateway operation with, without its
 * per-request work (a cache policy per request and per answer, a field hook per execution): the
 * gateway resolves no fields and its data sources set no cache hints, so no answer was ever
 * cacheable and each got `cache-control: no-store` (a header already set is left alone, as a
 * cacheable one was).
 */
const noStorePlugin: ApolloServerPlugin<BaseContext> = {
  async requestDidStart() {
    return NO_STORE_LISTENER;
  },
};
const NO_STORE_LISTENER: GraphQLRequestListener<BaseContext> = {
  async willSendResponse({ response }) {
    if (!response.http.headers.has('cache-control')) response.http.headers.set('cache-control', 'no-store');
  },
};

/**
 * Stock @apollo/gateway, imported when the server starts: importing it loads OpenTelemetry's
 * metrics SDK, exporters and cloud resource detectors (about 40 MB of RSS), which the hub's own
 * gateway does without. Apollo Server subscribes to the schema before it loads the gateway.
 */
function apolloGateway(config: HubGatewayConfig): GatewayInterface {
  const listeners = new Set<Parameters<GatewayInterface['onSchemaLoadOrUpdate']>[0]>();
  let gateway: GatewayInterface | undefined;
  return {
    onSchemaLoadOrUpdate(callback) {
      listeners.add(callback);
      return () => listeners.delete(callback);
    },
    async load(loadOptions) {
      const { ApolloGateway } = await import('@apollo/gateway');
      gateway = new ApolloGateway({ supergraphSdl: config.supergraphSdl, buildService: (subgraph) => config.buildService(subgraph), logger: config.logger });
      gateway.onSchemaLoadOrUpdate((schema) => listeners.forEach((listener) => listener(schema)));
      return gateway.load(loadOptions);
    },
    stop: () => gateway?.stop() ?? Promise.resolve(),
  };
}

/** An Apollo server whose start() also plans the known operations before the port opens. */
class WarmedApolloServer extends ApolloServer<BaseContext> {
  constructor(
    config: ConstructorParameters<typeof ApolloServer<BaseContext>>[0],
    private readonly afterStart: (server: ApolloServer<BaseContext>) => Promise<void>,
  ) {
    super(config);
  }

  override async start(): Promise<void> {
    await super.start();
    await this.afterStart(this);
  }
}

/**
 * Every limit answers with QUERY_TOO_COMPLEX: the parser's token limit (parseOptions.maxTokens)
 * surfaces as a syntax error.
 */
function tokenLimitCoded(format: ReturnType<typeof formatErrorFor>): ReturnType<typeof formatErrorFor> {
  return (formatted, error) => {
    const result = format(formatted, error);
    if (result.extensions?.code === 'GRAPHQL_PARSE_FAILED' && /contains more th(?:an|at) \d+ tokens/.test(result.message)) {
      return { ...result, extensions: { ...result.extensions, code: ErrorCode.QUERY_TOO_COMPLEX, limit: 'tokens' } };
    }
    return result;
  };
}
