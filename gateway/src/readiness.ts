import { SUBGRAPH_NAMES, type SubgraphName } from '../../lib/subgraph.js';

export interface SubgraphCheck {
  name: SubgraphName;
  ready: boolean;
  /** Why not: the status /health answered, or the connection error. */
  reason?: string;
}

export interface Readiness {
  ready: boolean;
  /** Names of the subgraphs that did not answer their /health with 200. */
  unavailable: SubgraphName[];
  subgraphs: SubgraphCheck[];
  /** When the checks ran (ISO 8601): answers within READINESS_CACHE_MS reuse one round of checks. */
  checkedAt: string;
}

/** A /ready answer is reused this long, so load balancers polling it cost each subgraph one request per second at most. */
export const READINESS_CACHE_MS = 1_000;
/** A subgraph whose /health takes longer than this counts as not ready. */
export const READINESS_CHECK_TIMEOUT_MS = 2_000;

/** GET /health of a subgraph, next to its /graphql endpoint. */
function healthUrlOf(graphqlUrl: string): string {
  return new URL('/health', graphqlUrl).toString();
}

/**
 * The gateway's view of its subgraphs for GET /ready: each one's /health, checked in parallel,
 * cached briefly, and shared by concurrent callers (one round of checks at a time).
 */
export class SubgraphReadiness {
  private cached: { at: number; value: Readiness } | undefined;
  private running: Promise<Readiness> | undefined;

  constructor(
    private readonly subgraphUrls: Record<SubgraphName, string>,
    private readonly options: { cacheMs?: number; timeoutMs?: number } = {},
  ) {}

  check(): Promise<Readiness> {
    const cacheMs = this.options.cacheMs ?? READINESS_CACHE_MS;
    if (this.cached && Date.now() - this.cached.at < cacheMs) return Promise.resolve(this.cached.value);
    this.running ??= this.checkAll().then(
      (value) => {
        this.cached = { at: Date.now(), value };
        this.running = undefined;
        return value;
      },
      (error: unknown) => {
        this.running = undefined;
        throw error;
      },
    );
    return this.running;
  }

  private async checkAll(): Promise<Readiness> {
    const timeoutMs = this.options.timeoutMs ?? READINESS_CHECK_TIMEOUT_MS;
    const subgraphs = await Promise.all(
      SUBGRAPH_NAMES.map(async (name): Promise<SubgraphCheck> => {
        try {
          const response = await fetch(healthUrlOf(this.subgraphUrls[name]), { signal: AbortSignal.timeout(timeoutMs) });
          await response.arrayBuffer().catch(() => undefined);
          return response.ok ? { name, ready: true } : { name, ready: false, reason: `/health answered ${response.status}` };
        } catch (error) {
          const timedOut = (error as Error).name === 'TimeoutError';
          return { name, ready: false, reason: timedOut ? `/health did not answer within ${timeoutMs} ms` : 'unreachable' };
        }
      }),
    );
    const unavailable = subgraphs.filter((check) => !check.ready).map((check) => check.name);
    return { ready: unavailable.length === 0, unavailable, subgraphs, checkedAt: new Date().toISOString() };
  }
}
