/**
 * One server of the gateway benchmark, in its own process so that its CPU and RSS are its own:
 *   serve.ts subgraph <name>   (BENCH_DATABASE_URL)
 *   serve.ts ours|ours-apollo-exec|apollo|hive  (BENCH_SUBGRAPH_URLS: JSON name → /graphql URL)
 *   serve.ts monolith          (BENCH_DATABASE_URLS: JSON name → database URL)
 * Listens on port 0 and tells the parent its URL over IPC ({ url }); stops on SIGTERM or when the
 * parent goes away.
 */
import { readFile } from 'node:fs/promises';
import { ApolloServer } from '@apollo/server';
import { Registry } from 'prom-client';
import { startHttpService } from '../../lib/kernel/http-service.js';
import { createLogger } from '../../lib/kernel/log.js';
import { projectPath } from '../../lib/kernel/project-root.js';
import type { SubgraphDeps } from '../../lib/subgraph/runtime.js';
import { SUBGRAPH_NAMES, type SubgraphName } from '../../lib/subgraph/names.js';
import type { MonolithGraph } from './monolith.js';
import { IN_PROCESS_CALLER } from '../../lib/auth/caller.js';
import { BENCH_JWT_SECRET, BENCH_ROUTER_SECRETS, benchRouterHeaders, benchSubgraphTrust } from './auth.js';

// Each kind imports only what it runs (below), so a gateway's RSS holds no subgraph code.

const quiet = createLogger('bench', 'error');
process.env.APOLLO_TELEMETRY_DISABLED = 'true';

function requiredJson(variable: string): Record<SubgraphName, string> {
  const text = process.env[variable];
  if (!text) throw new Error(`serve.ts: ${variable} is not set`);
  return JSON.parse(text) as Record<SubgraphName, string>;
}

/** The supergraph with the run's subgraph URLs in place of its default ones, for the stock @apollo/gateway. */
async function supergraphWithUrls(urls: Record<SubgraphName, string>): Promise<string> {
  let sdl = await readFile(projectPath('schema', 'supergraph.graphql'), 'utf8');
  for (const name of SUBGRAPH_NAMES) sdl = sdl.replace(new RegExp(`(@join__graph\\(name: "${name}", url: )"[^"]*"`), `$1"${urls[name]}"`);
  // Stock gateways refuse (or ignore) the SECURITY features; ours enforces them itself.
  const { splitSecurity } = await import('../../lib/auth/schema-directives.js');
  return splitSecurity(sdl).gatewaySdl;
}

/** The security both of the hub's configurations run with (ours and Hive with gateway/hive/): the bench measures gateways, not their rate limit. */
async function benchSecurity() {
  const { createTokenVerifier } = await import('../../lib/auth/jwt.js');
  const { DEFAULT_GATEWAY_LIMITS } = await import('../../gateway/src/security.js');
  return {
    verifyToken: await createTokenVerifier({ keys: { kind: 'secret', secret: BENCH_JWT_SECRET } }),
    routerSecrets: BENCH_ROUTER_SECRETS,
    limits: { ...DEFAULT_GATEWAY_LIMITS, ratePerMinute: 0 },
  };
}

async function start(kind: string, name: string | undefined): Promise<{ url: string; close(): Promise<void> }> {
  switch (kind) {
    case 'subgraph': {
      const databaseUrl = process.env.BENCH_DATABASE_URL;
      if (!databaseUrl || !name) throw new Error('serve.ts subgraph <name> needs BENCH_DATABASE_URL');
      const { startSubgraphByName } = await import('../../hub/subgraph-modules.js');
      return startSubgraphByName(name as SubgraphName, { databaseUrl, log: quiet, trust: await benchSubgraphTrust(name) });
    }
    case 'ours':
    case 'ours-apollo-exec': {
      const subgraphUrls = requiredJson('BENCH_SUBGRAPH_URLS');
      const { startGatewayHttp } = await import('../../gateway/src/http.js');
      const supergraphSdl = await readFile(projectPath('schema', 'supergraph.graphql'), 'utf8');
      // BENCH_OURS_OPERATION_DEDUP=0 measures ours with subgraph-level deduplication only.
      const options = {
        supergraphSdl,
        subgraphUrls,
        log: quiet,
        registry: new Registry(),
        security: await benchSecurity(),
        dedupOperations: process.env.BENCH_OURS_OPERATION_DEDUP !== '0',
        // BENCH_OURS_BATCH=0: every entity fetch on its own, as before entity-batching.ts.
        fetcher: { batchEntityFetches: process.env.BENCH_OURS_BATCH !== '0' },
        planExecutor: kind === 'ours-apollo-exec' ? ('apollo' as const) : ('hub' as const),
      };
      return startGatewayHttp(options, { host: '127.0.0.1', port: 0 });
    }
    case 'apollo': {
      // Stock: @apollo/gateway's defaults (RemoteGraphQLDataSource, URLs from the supergraph) on the same HTTP layer as ours.
      // Imported here, not at the top: it loads OpenTelemetry's SDK, which our gateway's process does not.
      const { ApolloGateway, RemoteGraphQLDataSource } = await import('@apollo/gateway');
      // The trust contract the stock way: willSendRequest forwards the caller's token, and a fetch
      // wrapper signs the body @apollo/gateway serialised.
      const gateway = new ApolloGateway({
        supergraphSdl: await supergraphWithUrls(requiredJson('BENCH_SUBGRAPH_URLS')),
        buildService: ({ name, url }) =>
          new RemoteGraphQLDataSource<{ authorization?: string }>({
            url,
            fetcher: (input, init) => {
              const body = init?.body === undefined ? '' : String(init.body);
              return fetch(input, { method: init?.method, body, headers: { ...init?.headers, ...benchRouterHeaders(name, body) } });
            },
            async willSendRequest({ request, context }) {
              if (context.authorization) request.http?.headers.set('authorization', context.authorization);
            },
          }),
      });
      const registry = new Registry();
      return startHttpService(
        {
          name: 'apollo',
          apollo: new ApolloServer<{ authorization?: string }>({ gateway }),
          context: async ({ req }) => ({ authorization: req.headers.authorization }),
          registry,
        },
        { host: '127.0.0.1', port: 0 },
      );
    }
    case 'hive': {
      // Hive Gateway as the hub runs it (gateway/hive/): the Rust query planner, the same token
      // checks, limits and refusals as ours, the caller's token forwarded and every subgraph
      // request signed. Hive's front-door deduplication is opt-in; BENCH_HIVE_INBOUND_DEDUP=1 gives
      // it the same sharing as ours.
      const { startHiveGatewayHttp } = await import('../../gateway/hive/http.js');
      const supergraphSdl = await readFile(projectPath('schema', 'supergraph.graphql'), 'utf8');
      return startHiveGatewayHttp(
        {
          supergraphSdl,
          subgraphUrls: requiredJson('BENCH_SUBGRAPH_URLS'),
          security: await benchSecurity(),
          inboundDeduplication: process.env.BENCH_HIVE_INBOUND_DEDUP === '1',
        },
        { host: '127.0.0.1', port: 0 },
      );
    }
    case 'monolith': {
      const databaseUrls = requiredJson('BENCH_DATABASE_URLS');
      const { Database } = await import('../../lib/kernel/database.js');
      const { createMonolithContext, createMonolithSchema } = await import('./monolith.js');
      const { resolvers: organisationsResolvers } = await import('../../subgraphs/organisations/resolvers/index.js');
      const { organisationsSubgraph } = await import('../../subgraphs/organisations/server.js');
      const { resolvers: gridsResolvers } = await import('../../subgraphs/grids/resolvers/index.js');
      const { gridsSubgraph } = await import('../../subgraphs/grids/server.js');
      const { resolvers: resourcePoolsResolvers } = await import('../../subgraphs/resource-pools/resolvers/index.js');
      const { resourcePoolsSubgraph } = await import('../../subgraphs/resource-pools/server.js');
      const { resolvers: coBuildingResolvers } = await import('../../subgraphs/co-building/resolvers/index.js');
      const { coBuildingSubgraph } = await import('../../subgraphs/co-building/server.js');
      const registry = new Registry();
      const deps = (service: SubgraphName): SubgraphDeps => ({ db: new Database({ url: databaseUrls[service], service, registry }), log: quiet });
      const organisations = deps('organisations');
      const grids = deps('grids');
      const resourcePools = deps('resource-pools');
      const coBuilding = deps('co-building');
      // Resolver maps are typed by codegen per subgraph; the monolith only calls them generically.
      const graphs: Record<SubgraphName, MonolithGraph> = {
        organisations: { resolvers: organisationsResolvers, createContext: () => organisationsSubgraph.createContext(organisations, IN_PROCESS_CALLER) },
        grids: { resolvers: gridsResolvers, createContext: () => gridsSubgraph.createContext(grids, IN_PROCESS_CALLER) },
        'resource-pools': { resolvers: resourcePoolsResolvers, createContext: () => resourcePoolsSubgraph.createContext(resourcePools, IN_PROCESS_CALLER) },
        'co-building': { resolvers: coBuildingResolvers, createContext: () => coBuildingSubgraph.createContext(coBuilding, IN_PROCESS_CALLER) },
      };
      const schema = createMonolithSchema(
        await readFile(projectPath('schema', 'api.graphql'), 'utf8'),
        await readFile(projectPath('schema', 'supergraph.graphql'), 'utf8'),
        graphs,
      );
      const service = await startHttpService(
        {
          name: 'monolith',
          apollo: new ApolloServer({ schema }),
          context: async () => createMonolithContext(graphs),
          registry,
        },
        { host: '127.0.0.1', port: 0 },
      );
      return {
        url: service.url,
        close: async () => {
          await service.close();
          await Promise.all([organisations, grids, resourcePools, coBuilding].map((d) => d.db.close()));
        },
      };
    }
    default:
      throw new Error(`serve.ts: unknown server kind "${kind}"`);
  }
}

const [kind = '', name] = process.argv.slice(2);
try {
  const server = await start(kind, name);
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await server.close().catch(() => undefined);
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop());
  process.once('disconnect', () => void stop());
  process.send?.({ url: server.url });
} catch (error) {
  process.send?.({ error: (error as Error).stack ?? String(error) });
  process.exit(1);
}
