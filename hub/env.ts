import { JWT_VARIABLES } from '../lib/auth/jwt.js';
import { deepFreeze, duration, integer, oneOf, port, postgresUrl, readEnv, secretList, text, type Environment } from '../lib/kernel/env.js';
import { LOG_VARIABLES } from '../lib/kernel/log.js';
import { projectPath } from '../lib/kernel/project-root.js';
import { SUBGRAPH_NAMES, type SubgraphName } from '../lib/subgraph/names.js';
import { subgraphDatabaseVariable, subgraphPortVariable, type HubConfig } from './config.js';
import type { ConfiguredSecrets } from './secrets.js';
import { DEFAULT_SUPERVISION } from './supervisor.js';

/**
 * The launcher's variables (docs/configuration.md). The launcher also hands its whole environment
 * to the services it starts (`inherited`), so a service's own variables (MATCH_WEIGHT_*, LOG_LEVEL …)
 * reach it; each service reads and checks them in its own env.ts.
 */
export const HUB_VARIABLES = {
  HOST: text().default('127.0.0.1'),
  PORT: port().default(4000),
  DATABASE_URL: postgresUrl().optional(),
  HUB_DATA_DIR: text().default(projectPath('.data')),
  EMBEDDED_PG_PORT: port().default(54329),
  SEED_SCALE: integer({ min: 1, max: 100 }).default(1),
  SEED_STREETS: integer({ min: 1, max: 300 }).default(1),
  SEED: oneOf(['auto', 'off']).default('auto'),
  GATEWAY_MAX_HEAP_MB: integer({ min: 0, max: 65_536 }).default(128),
  START_TIMEOUT_MS: duration({ min: 1_000, max: 3_600_000 }).default(DEFAULT_SUPERVISION.startTimeoutMs),
  LIVENESS_INTERVAL_MS: duration({ min: 0, max: 3_600_000 }).default(DEFAULT_SUPERVISION.livenessIntervalMs),
  LIVENESS_TIMEOUT_MS: duration({ min: 100, max: 600_000 }).default(DEFAULT_SUPERVISION.livenessTimeoutMs),
  LIVENESS_FAILURES: integer({ min: 1, max: 100 }).default(DEFAULT_SUPERVISION.livenessFailures),
  ...LOG_VARIABLES,
  ...JWT_VARIABLES,
  HUB_ROUTER_SECRETS: secretList().optional(),
  HUB_INTERNAL_SECRETS: secretList().optional(),
  ...Object.fromEntries(SUBGRAPH_NAMES.map((name) => [subgraphPortVariable(name), port().optional()])),
  ...Object.fromEntries(SUBGRAPH_NAMES.map((name) => [subgraphDatabaseVariable(name), postgresUrl().optional()])),
  ...Object.fromEntries(SUBGRAPH_NAMES.map((name) => [subgraphDatabaseVariable(name, 'read'), postgresUrl().optional()])),
};

/** The launcher's whole configuration, read once by hub/main.ts (and by tools that find the hub: scripts/import). */
export interface HubEnv extends HubConfig {
  /** Secrets the operator set; those unset are generated into the data folder (hub/secrets.ts). */
  secrets: ConfiguredSecrets;
  /** The environment the launcher was started with, which every service it starts inherits. */
  inherited: Environment;
}

export function readHubEnv(env: Environment = process.env): HubEnv {
  const values = readEnv('hub', HUB_VARIABLES, env) as ReturnType<typeof readEnv<typeof HUB_VARIABLES>> & Readonly<Record<string, unknown>>;
  const subgraphPorts = Object.fromEntries(
    SUBGRAPH_NAMES.map((name, i) => {
      const configured = values[subgraphPortVariable(name)] as number | undefined;
      // Unless configured, subgraphs take the four ports after the gateway's.
      return [name, configured ?? values.PORT + i + 1];
    }),
  ) as Record<SubgraphName, number>;
  const configuredPerSubgraph = (variableOf: (name: SubgraphName) => string) =>
    Object.fromEntries(SUBGRAPH_NAMES.flatMap((name) => (values[variableOf(name)] ? [[name, values[variableOf(name)] as string]] : []))) as Partial<
      Record<SubgraphName, string>
    >;
  return deepFreeze({
    host: values.HOST,
    gatewayPort: values.PORT,
    subgraphPorts,
    databaseUrl: values.DATABASE_URL,
    subgraphDatabaseUrls: configuredPerSubgraph((name) => subgraphDatabaseVariable(name)),
    subgraphDatabaseReadUrls: configuredPerSubgraph((name) => subgraphDatabaseVariable(name, 'read')),
    dataDir: values.HUB_DATA_DIR,
    embeddedPostgresPort: values.EMBEDDED_PG_PORT,
    seedScale: values.SEED_SCALE,
    seedStreets: values.SEED_STREETS,
    seed: values.SEED === 'auto',
    gatewayMaxHeapMb: values.GATEWAY_MAX_HEAP_MB,
    supervision: {
      ...DEFAULT_SUPERVISION,
      startTimeoutMs: values.START_TIMEOUT_MS,
      livenessIntervalMs: values.LIVENESS_INTERVAL_MS,
      livenessTimeoutMs: values.LIVENESS_TIMEOUT_MS,
      livenessFailures: values.LIVENESS_FAILURES,
    },
    logLevel: values.LOG_LEVEL,
    secrets: {
      jwtSecret: values.JWT_SECRET,
      jwtJwksFile: values.JWT_JWKS_FILE,
      jwtJwksUrl: values.JWT_JWKS_URL,
      jwtIssuer: values.JWT_ISSUER,
      jwtAudience: values.JWT_AUDIENCE,
      routerSecrets: values.HUB_ROUTER_SECRETS,
      internalSecrets: values.HUB_INTERNAL_SECRETS,
    },
    inherited: { ...env },
  });
}

/** The launcher's defaults: where `npm start` runs everything when nothing is configured. */
export const HUB_DEFAULTS: HubConfig = readHubEnv({});
