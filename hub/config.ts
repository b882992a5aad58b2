import { z } from 'zod';
import { databaseUrlSchema, parseEnv, portSchema } from '../lib/env.js';
import { projectPath } from '../lib/project-root.js';
import { SUBGRAPH_NAMES, type SubgraphName } from '../lib/subgraph.js';

/** `resource-pools` → `RESOURCE_POOLS_PORT`. */
export function subgraphPortVariable(name: SubgraphName): string {
  return `${name.toUpperCase().replace(/-/g, '_')}_PORT`;
}

/** `resource-pools` → `hub_resource_pools`: one database per subgraph, never shared. */
export function databaseNameOf(name: SubgraphName): string {
  return `hub_${name.replace(/-/g, '_')}`;
}

export interface HubConfig {
  host: string;
  gatewayPort: number;
  subgraphPorts: Record<SubgraphName, number>;
  /** An external PostgreSQL server (any database on it); unset = the embedded server. */
  databaseUrl: string | undefined;
  dataDir: string;
  embeddedPostgresPort: number;
  seedScale: number;
  seed: boolean;
}

/** Reads the launcher's configuration (README → Configuration lists every variable). */
export function readHubConfig(env: NodeJS.ProcessEnv = process.env): HubConfig {
  const subgraphShape = Object.fromEntries(SUBGRAPH_NAMES.map((name) => [subgraphPortVariable(name), portSchema.optional()]));
  const parsed = parseEnv('hub', {
    HOST: z.string().default('127.0.0.1'),
    PORT: portSchema.default(4000),
    DATABASE_URL: databaseUrlSchema.optional(),
    HUB_DATA_DIR: z.string().default(projectPath('.data')),
    EMBEDDED_PG_PORT: portSchema.default(54329),
    SEED_SCALE: z.coerce.number().int().min(1).max(100).default(1),
    SEED: z.enum(['auto', 'off']).default('auto'),
  }, env);
  const configuredPorts: Record<string, number | undefined> = parseEnv('hub', subgraphShape, env);
  const subgraphPorts = Object.fromEntries(
    SUBGRAPH_NAMES.map((name, i) => {
      const configured = configuredPorts[subgraphPortVariable(name)];
      // Unless configured, subgraphs take the four ports after the gateway's.
      return [name, configured ?? parsed.PORT + i + 1];
    }),
  ) as Record<SubgraphName, number>;
  return {
    host: parsed.HOST,
    gatewayPort: parsed.PORT,
    subgraphPorts,
    databaseUrl: parsed.DATABASE_URL,
    dataDir: parsed.HUB_DATA_DIR,
    embeddedPostgresPort: parsed.EMBEDDED_PG_PORT,
    seedScale: parsed.SEED_SCALE,
    seed: parsed.SEED === 'auto',
  };
}
