import { replicaUrlsOf } from '../../lib/kernel/replicas.js';
import type { SubgraphUrls } from './config.js';

export interface SubgraphCheck {
  name: string;
  ready: boolean;
  /** How it was checked: its GET /ready, or, where it has none, a `{ __typename }` query. */
  checkedWith: '/ready' | '{ __typename }';
  /** Why not: what it answered, or the connection error. */
  reason?: string;
  /** Of a subgraph with several replicas (comma-separated URLs), those not ready; it is ready while one is. */
  replicasDown?: string[];
}

export interface Readiness {
  /** Every subgraph is ready. */
  ready: boolean;
  /** The gateway can answer something: at least one subgraph is ready (the rest answers partially, coded). */
  serving: boolean;
  /** Names of the subgraphs that are not ready. */
  unavailable: string[];
  subgraphs: SubgraphCheck[];
  /** When the checks ran (ISO 8601): answers within READINESS_CACHE_MS reuse one round of checks. */
  checkedAt: string;
}

/** A /ready answer is reused this long, so load balancers polling it cost each subgraph one request per second at most. */
export const READINESS_CACHE_MS = 1_000;
/** A subgraph whose check takes longer than this counts as not ready. */
export const READINESS_CHECK_TIMEOUT_MS = 2_000;

/** GET /ready of a subgraph, next to its /graphql endpoint. */
function readyUrlOf(graphqlUrl: string): string {
  return new URL('/ready', graphqlUrl).toString();
}

/**
 * The gateway's view of the subgraphs of its supergraph for GET /ready, checked in parallel, cached
 * briefly, and shared by concurrent callers (one round of checks at a time). Each subgraph is asked
 * for its GET /ready (the hub's subgraphs answer 503 when their database does not answer). A subgraph
 * that has no /ready (it answers 4xx there, as a plain Apollo Server does) is asked the smallest
 * query instead, `{ __typename }`, and is ready when it answers it; a 5xx from /ready means not ready.
 */
export class SubgraphReadiness {
  private cached: { at: number; value: Readiness } | undefined;
  private running: Promise<Readiness> | undefined;

  constructor(
    private readonly subgraphUrls: SubgraphUrls,
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
    const subgraphs = await Promise.all(Object.entries(this.subgraphUrls).map(([name, urls]) => checkReplicas(name, replicaUrlsOf(urls), timeoutMs)));
    const unavailable = subgraphs.filter((check) => !check.ready).map((check) => check.name);
    return { ready: unavailable.length === 0, serving: unavailable.length < subgraphs.length, unavailable, subgraphs, checkedAt: new Date().toISOString() };
  }
}

/** A subgraph is ready while one of its replicas is; the others are named. */
async function checkReplicas(name: string, urls: readonly string[], timeoutMs: number): Promise<SubgraphCheck> {
  if (urls.length === 1) return checkSubgraph(name, urls[0]!, timeoutMs);
  const checks = await Promise.all(urls.map((url) => checkSubgraph(name, url, timeoutMs)));
  const replicasDown = urls.filter((_, index) => !checks[index]!.ready);
  const answering = checks.find((check) => check.ready);
  return { ...(answering ?? checks[0]!), replicasDown };
}

async function checkSubgraph(name: string, graphqlUrl: string, timeoutMs: number): Promise<SubgraphCheck> {
  let checkedWith: SubgraphCheck['checkedWith'] = '/ready';
  try {
    const ready = await fetch(readyUrlOf(graphqlUrl), { signal: AbortSignal.timeout(timeoutMs) });
    await ready.arrayBuffer().catch(() => undefined);
    if (ready.ok) return { name, ready: true, checkedWith };
    if (ready.status >= 500) return { name, ready: false, checkedWith, reason: `/ready answered ${ready.status}` };
    checkedWith = '{ __typename }';
    const answer = await fetch(graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const body = (await answer.json().catch(() => undefined)) as { data?: { __typename?: unknown } } | undefined;
    if (answer.ok && typeof body?.data?.__typename === 'string') return { name, ready: true, checkedWith };
    return { name, ready: false, checkedWith, reason: `no /ready (${ready.status}), and { __typename } answered ${answer.status}` };
  } catch (error) {
    const timedOut = (error as Error).name === 'TimeoutError';
    return { name, ready: false, checkedWith, reason: timedOut ? `${checkedWith} did not answer within ${timeoutMs} ms` : 'unreachable' };
  }
}
