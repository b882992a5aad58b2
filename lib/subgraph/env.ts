import { subgraphTrustSettingsFrom, subgraphTrustVariables, type SubgraphTrustSettings } from '../auth/subgraph-trust.js';
import { deepFreeze, flag, integer, port, postgresUrl, readEnv, text, type Environment, type EnvSpec, type EnvValues } from '../kernel/env.js';
import { LOG_VARIABLES, type LogLevel } from '../kernel/log.js';
import { TRACING_VARIABLES, tracingSettingsFrom, type TracingSettings } from '../kernel/tracing-setup.js';
import { peerClientOptionsFrom, peerVariables, type PeerClientOptions } from './peer-client.js';
import type { SubgraphName } from './names.js';

/**
 * What every subgraph reads from its environment (docs/configuration.md), composed by each
 * subgraph's own env.ts (subgraphs/<name>/env.ts) with the variables only it has.
 */
export function subgraphVariables(name: SubgraphName) {
  return {
    DATABASE_URL: postgresUrl(),
    DATABASE_READ_URL: postgresUrl().optional(),
    DATABASE_POOL_SIZE: integer({ min: 1, max: 500 }).default(10),
    HOST: text().default('127.0.0.1'),
    PORT: port(),
    HUB_DEBUG_ERRORS: flag().default(false),
    ...LOG_VARIABLES,
    ...TRACING_VARIABLES,
    ...subgraphTrustVariables(name),
    ...peerVariables(name),
  };
}

/** The settings every subgraph's main.ts starts it with (lib/subgraph/runtime.ts runSubgraphMain). */
export interface SubgraphEnv {
  readonly name: SubgraphName;
  readonly databaseUrl: string;
  /** A streaming replica of the database that queries read from, with read-your-writes (lib/subgraph/read-routing.ts). */
  readonly databaseReadUrl: string | undefined;
  /** Connections of the subgraph's pool. */
  readonly databasePoolSize: number;
  readonly host: string;
  readonly port: number;
  /** Stack traces in error answers to callers on this machine (lib/kernel/http-service.ts). */
  readonly debugErrors: boolean;
  readonly logLevel: LogLevel;
  readonly tracing: TracingSettings;
  readonly trust: SubgraphTrustSettings;
  readonly peers: PeerClientOptions;
}

/** The shared part of a subgraph's settings from values its env.ts read with subgraphVariables. */
export function subgraphEnvFrom(name: SubgraphName, values: EnvValues<ReturnType<typeof subgraphVariables>>): SubgraphEnv {
  const trust = subgraphTrustSettingsFrom(name, values);
  return {
    name,
    databaseUrl: values.DATABASE_URL,
    databaseReadUrl: values.DATABASE_READ_URL,
    databasePoolSize: values.DATABASE_POOL_SIZE,
    host: values.HOST,
    port: values.PORT,
    debugErrors: values.HUB_DEBUG_ERRORS,
    logLevel: values.LOG_LEVEL,
    tracing: tracingSettingsFrom(values),
    trust,
    peers: peerClientOptionsFrom(name, values, trust.internalSecrets),
  };
}

/** A subgraph's whole configuration: the shared part and the settings only it has. */
export interface SubgraphEnvWith<Settings> {
  readonly subgraph: SubgraphEnv;
  readonly settings: Settings;
}

/**
 * Reads subgraph `name`'s environment once: the shared variables and `own` (its own, mapped to
 * its settings by `settingsOf`), all problems reported together; the result is frozen.
 */
export function readSubgraphEnv<Own extends EnvSpec, Settings>(
  name: SubgraphName,
  env: Environment,
  own: Own,
  settingsOf: (values: EnvValues<Own>) => Settings,
): SubgraphEnvWith<Settings> {
  const values = readEnv(name, { ...subgraphVariables(name), ...own }, env);
  return deepFreeze({ subgraph: subgraphEnvFrom(name, values), settings: settingsOf(values) });
}
