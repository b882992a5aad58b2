import { JWT_VARIABLES, jwtOptionsFrom, type JwtOptions } from '../../lib/auth/jwt.js';
import { ConfigurationError, deepFreeze, flag, integer, oneOf, port, postgresUrl, readEnv, secretList, text, type Environment } from '../../lib/kernel/env.js';
import { LOG_VARIABLES, type LogLevel } from '../../lib/kernel/log.js';
import { projectPath } from '../../lib/kernel/project-root.js';
import { TRACING_VARIABLES, tracingSettingsFrom, type TracingSettings } from '../../lib/kernel/tracing-setup.js';
import { subgraphTimeout } from './config.js';
import { DEFAULT_SUBGRAPH_TIMEOUT_MS } from './fetcher.js';
import { DEFAULT_QUERY_LIMITS } from './query-limits.js';
import { DEFAULT_GATEWAY_LIMITS, type GatewayLimits } from './security.js';

/**
 * The gateway's variables (docs/configuration.md), read once by gateway/src/main.ts and, with the
 * same names, by the Hive gateway (gateway/hive/main.ts). SUBGRAPH_<NAME>_URL and
 * SUBGRAPH_<NAME>_TIMEOUT_MS depend on the supergraph's subgraph names: they are kept as given
 * (`perSubgraph`) and checked against the supergraph once it is read (config.ts).
 */
export const GATEWAY_VARIABLES = {
  HOST: text().default('127.0.0.1'),
  PORT: port().default(4000),
  SUPERGRAPH_PATH: text().default(projectPath('schema', 'supergraph.graphql')),
  HUB_DEBUG_ERRORS: flag().default(false),
  EXPLORER_DEV_TOKENS: oneOf(['on', 'off']).default('off'),
  SUBGRAPH_TIMEOUT_MS: subgraphTimeout.default(DEFAULT_SUBGRAPH_TIMEOUT_MS),
  ...LOG_VARIABLES,
  ...TRACING_VARIABLES,
  ...JWT_VARIABLES,
  HUB_ROUTER_SECRETS: secretList(),
  QUERY_MAX_DEPTH: integer({ min: 1, max: 1_000 }).default(DEFAULT_QUERY_LIMITS.maxDepth),
  QUERY_MAX_ALIASES: integer({ min: 0, max: 100_000 }).default(DEFAULT_QUERY_LIMITS.maxAliases),
  QUERY_MAX_COST: integer({ min: 1, max: 1_000_000_000 }).default(DEFAULT_QUERY_LIMITS.maxCost),
  QUERY_MAX_TOKENS: integer({ min: 1, max: 10_000_000 }).default(DEFAULT_QUERY_LIMITS.maxTokens),
  BODY_LIMIT: text({ pattern: /^\d+(b|kb|mb)$/, form: 'a size such as 1mb, 200kb or 5000b' }).default(DEFAULT_GATEWAY_LIMITS.bodyLimit),
  MAX_BATCH_SIZE: integer({ min: 1, max: 100 }).default(DEFAULT_GATEWAY_LIMITS.maxBatchSize),
  RATE_LIMIT_PER_MINUTE: integer({ min: 0, max: 10_000_000 }).default(DEFAULT_GATEWAY_LIMITS.ratePerMinute),
  RATE_LIMIT_BURST: integer({ min: 1, max: 10_000_000 }).default(DEFAULT_GATEWAY_LIMITS.rateBurst),
  TRUST_PROXY_HOPS: integer({ min: 0, max: 10 }).default(0),
  MAX_URL_PARAMETERS: integer({ min: 1, max: 100_000 }).default(DEFAULT_GATEWAY_LIMITS.maxUrlParameters),
  SAFELIST_PATH: text().optional(),
  RATE_LIMIT_DATABASE_URL: postgresUrl().optional(),
};

/** What gateway/src/security.ts builds the gateway's GatewaySecurity from (gatewaySecurityFrom). */
export interface GatewaySecuritySettings {
  jwt: JwtOptions;
  /** HUB_ROUTER_SECRETS: the first signs each subgraph request. */
  routerSecrets: readonly string[];
  limits: GatewayLimits;
  /** The persisted-operations manifest served in safelist mode; unset: any operation. */
  safelistPath: string | undefined;
}

export interface GatewayEnv {
  host: string;
  port: number;
  supergraphPath: string;
  debugErrors: boolean;
  logLevel: LogLevel;
  tracing: TracingSettings;
  security: GatewaySecuritySettings;
  /**
   * EXPLORER_DEV_TOKENS=on (development mode, set by the launcher): the explorer page carries tokens
   * minted with the HS256 development secret; unset when off.
   */
  explorerDevTokens: { secret: string; issuer: string | undefined; audience: string | undefined } | undefined;
  /** Default wait for every subgraph (SUBGRAPH_TIMEOUT_MS). */
  subgraphTimeoutMs: number;
  /** Every SUBGRAPH_<NAME>_URL and SUBGRAPH_<NAME>_TIMEOUT_MS set, as given (config.ts checks them). */
  perSubgraph: Readonly<Record<string, string>>;
  /** Where callers' requests are counted for every replica (shared-rate-limit.ts); unset: in this process. */
  rateLimitDatabaseUrl: string | undefined;
}

const PER_SUBGRAPH_VARIABLE = /^SUBGRAPH_.+_(URL|TIMEOUT_MS)$/;

/** The gateway's whole configuration, read once at start and frozen. `service` names it in errors. */
export function readGatewayEnv(env: Environment = process.env, service = 'gateway'): GatewayEnv {
  const values = readEnv(service, GATEWAY_VARIABLES, env);
  const jwt = jwtOptionsFrom(service, values);
  let explorerDevTokens: GatewayEnv['explorerDevTokens'];
  if (values.EXPLORER_DEV_TOKENS === 'on') {
    if (jwt.keys.kind !== 'secret') throw new ConfigurationError(`${service}: EXPLORER_DEV_TOKENS=on needs the HS256 development secret (JWT_SECRET)`);
    explorerDevTokens = { secret: jwt.keys.secret, issuer: jwt.issuer, audience: jwt.audience };
  }
  const perSubgraph = Object.fromEntries(
    Object.entries(env).filter((entry): entry is [string, string] => PER_SUBGRAPH_VARIABLE.test(entry[0]) && entry[1] !== undefined),
  );
  return deepFreeze({
    host: values.HOST,
    port: values.PORT,
    supergraphPath: values.SUPERGRAPH_PATH,
    debugErrors: values.HUB_DEBUG_ERRORS,
    logLevel: values.LOG_LEVEL,
    tracing: tracingSettingsFrom(values),
    security: {
      jwt,
      routerSecrets: values.HUB_ROUTER_SECRETS,
      limits: {
        query: { maxDepth: values.QUERY_MAX_DEPTH, maxAliases: values.QUERY_MAX_ALIASES, maxCost: values.QUERY_MAX_COST, maxTokens: values.QUERY_MAX_TOKENS },
        bodyLimit: values.BODY_LIMIT,
        maxBatchSize: values.MAX_BATCH_SIZE,
        ratePerMinute: values.RATE_LIMIT_PER_MINUTE,
        rateBurst: values.RATE_LIMIT_BURST,
        trustedProxyHops: values.TRUST_PROXY_HOPS,
        maxUrlParameters: values.MAX_URL_PARAMETERS,
      },
      safelistPath: values.SAFELIST_PATH,
    },
    explorerDevTokens,
    subgraphTimeoutMs: values.SUBGRAPH_TIMEOUT_MS,
    perSubgraph,
    rateLimitDatabaseUrl: values.RATE_LIMIT_DATABASE_URL,
  });
}
