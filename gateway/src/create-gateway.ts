import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { basePlugins, formatErrorFor } from '../../lib/apollo.js';
import { ConfigurationError } from '../../lib/env.js';
import { createLogger, type Logger } from '../../lib/log.js';
import { SUBGRAPH_NAMES, type SubgraphName } from '../../lib/subgraph.js';

export type SubgraphUrls = Record<SubgraphName, string>;

export interface GatewayOptions {
  /** The composed supergraph SDL (schema/supergraph.graphql or any file given by SUPERGRAPH_PATH). */
  supergraphSdl: string;
  /** Where each subgraph listens, set at run time; the URLs inside the supergraph are placeholders. */
  subgraphUrls: SubgraphUrls;
  log?: Logger;
}

function isSubgraphName(name: string): name is SubgraphName {
  return (SUBGRAPH_NAMES as readonly string[]).includes(name);
}

/**
 * The federation gateway: query planning over the supergraph, with subgraph URLs from
 * configuration instead of the supergraph's placeholders. No listen here (see main.ts), so tests
 * and the benchmarks build the same gateway.
 */
export function createGateway(options: GatewayOptions): ApolloServer {
  const log = options.log ?? createLogger('gateway');
  // The gateway sends usage data to Apollo unless this is set when it is constructed; the hub runs
  // on intranets and must never phone home, so it is forced here, in the one place gateways are built.
  process.env.APOLLO_TELEMETRY_DISABLED = 'true';
  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl,
    buildService({ name }) {
      if (!isSubgraphName(name)) {
        throw new ConfigurationError(`the supergraph names a subgraph "${name}" that this hub does not know (${SUBGRAPH_NAMES.join(', ')})`);
      }
      return new RemoteGraphQLDataSource({ url: options.subgraphUrls[name] });
    },
    logger: { debug: () => undefined, info: (m) => log.info(String(m)), warn: (m) => log.warn(String(m)), error: (m) => log.error(String(m)) },
  });
  return new ApolloServer({
    gateway,
    plugins: basePlugins(),
    formatError: formatErrorFor(log),
    introspection: true,
  });
}
