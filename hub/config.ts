import type { LogLevel } from '../lib/kernel/log.js';
import type { SubgraphName } from '../lib/subgraph/names.js';
import type { SupervisionPolicy } from './supervisor.js';

/** `resource-pools` → `RESOURCE_POOLS_PORT`. */
export function subgraphPortVariable(name: SubgraphName): string {
  return `${name.toUpperCase().replace(/-/g, '_')}_PORT`;
}

/** `resource-pools` → `RESOURCE_POOLS_DATABASE_URL` (`_READ_URL` for its read replica). */
export function subgraphDatabaseVariable(name: SubgraphName, replica: 'primary' | 'read' = 'primary'): string {
  return `${name.toUpperCase().replace(/-/g, '_')}_DATABASE_${replica === 'read' ? 'READ_' : ''}URL`;
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
  /**
   * Subgraphs whose database lives elsewhere (`<NAME>_DATABASE_URL`, e.g. on a server of its own):
   * used as given (it must exist; the launcher migrates and seeds it) instead of `hub_<name>` on the
   * shared server.
   */
  subgraphDatabaseUrls: Partial<Record<SubgraphName, string>>;
  /** Read replicas of subgraphs' databases (`<NAME>_DATABASE_READ_URL`), handed over as DATABASE_READ_URL. */
  subgraphDatabaseReadUrls: Partial<Record<SubgraphName, string>>;
  dataDir: string;
  embeddedPostgresPort: number;
  seedScale: number;
  /** How many streets an empty hub is seeded with: the reference street and SEED_STREETS − 1 generated ones. */
  seedStreets: number;
  seed: boolean;
  /** V8 old-space cap of the gateway process in MB (GATEWAY_MAX_HEAP_MB); 0 = V8's own default. */
  gatewayMaxHeapMb: number;
  /** Start-up limit, liveness checks and restart policy of the services and PostgreSQL. */
  supervision: SupervisionPolicy;
  logLevel: LogLevel;
}

/**
 * Node flags that keep a process's memory small: a cap on the old generation (V8 collects harder
 * as it nears the cap instead of growing the heap) and an 8 MB young-generation semi-space (V8's
 * default lets it grow to 16 MB each). The gateway's live heap is about 35 MB (query planner,
 * supergraph, plan cache), so 128 MB leaves room for the responses in flight. The semi-space is
 * the trade between CPU and RSS: twenty requests in flight hold a few MB of young objects (parsed
 * subgraph answers, merged results), so with 2 MB most of them survived each scavenge and were
 * promoted: garbage collection was 28 % of the gateway's busy time in a CPU profile. Measured with bench:gateway
 * and a replay of recorded subgraph answers (docs/performance.md): 8 MB costs about 12 MB of RSS
 * under load (127-131 -> 138-144 MB) and saves 25-35 % of the gateway's CPU per request; 16 MB
 * saved a little more but went over the 150 MB budget (148-164 MB; measured before undici's index and
 * zod left the gateway, about 14 MB less since, and not measured again).
 */
export function heapFlags(maxHeapMb: number): string[] {
  return maxHeapMb > 0 ? [`--max-old-space-size=${maxHeapMb}`, '--max-semi-space-size=8'] : [];
}
