import { Variable, splitList } from './env.js';

/**
 * Several replicas of one service behind one variable, for machines without a load balancer in
 * front of them (docker-compose, tests, a bare server): SUBGRAPH_<NAME>_URL and PEER_<NAME>_URL take
 * one URL or the replicas' URLs separated by commas (docs/deployment.md → Replicas without a load
 * balancer). In Kubernetes they name the Service, a single URL, and the Service balances.
 *
 * Requests go round robin. A replica that refuses the connection never received the request, so it
 * is safe to send that request to the next replica, mutations included; the refusing replica is
 * then skipped for REPLICA_BACKOFF_MS, after which it gets requests again (it may have restarted).
 * A request that was in flight on a replica that died is the caller's to judge (resend a query,
 * resend a mutation only with its Idempotency-Key): it may have taken effect.
 */

/** How long a replica that refused a connection is skipped while another one is available. */
export const REPLICA_BACKOFF_MS = 2_000;

/**
 * Connection errors raised before the request reached the replica: nothing listens there (it is
 * down or restarting), or it cannot be reached at all. Safe to send to another replica whatever
 * the request is. A reset or closed connection is not here: the request may have arrived.
 */
export const NOT_SENT_ERROR_CODES: ReadonlySet<string> = new Set([
  'ECONNREFUSED',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'UND_ERR_CONNECT_TIMEOUT',
]);

/** The replica URLs of one variable's value: `http://a/graphql, http://b/graphql` → both, trimmed. */
export function replicaUrlsOf(value: string): string[] {
  return splitList(value);
}

/** One absolute URL of `protocols`, or several separated by commas (the replicas of one service). */
export function replicaUrlList(protocols: readonly string[] = ['http', 'https']): Variable<string> {
  return new Variable(`an absolute ${protocols.join(' or ')} URL, or several separated by commas (one per replica)`, (value) => {
    const urls = replicaUrlsOf(value);
    return urls.length > 0 && urls.every((entry) => isUrlOf(entry, protocols)) ? urls.join(',') : undefined;
  });
}

function isUrlOf(value: string, protocols: readonly string[]): boolean {
  try {
    return protocols.includes(new URL(value).protocol.replace(/:$/, ''));
  } catch {
    return false;
  }
}

export interface ReplicaRotationOptions {
  backoffMs?: number;
  /** Milliseconds since some epoch (tests inject a clock). */
  now?: () => number;
}

/** Round robin over the replicas of one service, skipping those that refused a connection lately. */
export class ReplicaRotation {
  readonly urls: readonly string[];
  private next = 0;
  private readonly refusedUntil = new Map<string, number>();

  constructor(
    urls: string | readonly string[],
    private readonly options: ReplicaRotationOptions = {},
  ) {
    this.urls = typeof urls === 'string' ? replicaUrlsOf(urls) : [...urls];
    if (this.urls.length === 0) throw new Error('a service needs at least one replica URL');
  }

  /**
   * The replicas in the order one request should try them: the next in the rotation first, the
   * others after it, replicas in back-off last (soonest back first), so a request is never refused
   * while one replica might still answer.
   */
  order(): string[] {
    const start = this.next;
    this.next = (this.next + 1) % this.urls.length;
    const rotated = [...this.urls.slice(start), ...this.urls.slice(0, start)];
    const now = this.now();
    const available = rotated.filter((url) => (this.refusedUntil.get(url) ?? 0) <= now);
    const backingOff = rotated.filter((url) => (this.refusedUntil.get(url) ?? 0) > now).sort((a, b) => this.refusedUntil.get(a)! - this.refusedUntil.get(b)!);
    return [...available, ...backingOff];
  }

  /**
   * One request to the replicas in `order()`: `attempt` sends it to one. A replica whose attempt
   * failed `not-sent` is put in back-off and the next one is tried; one that `dropped` the request
   * (it may have arrived) is followed by the next replica only when the request is `resendable`,
   * and only once (with one replica, the same one again over a fresh connection). Any other failure,
   * or the last one, is thrown as it is.
   */
  async send<Result>(
    attempt: (url: string) => Promise<Result>,
    options: { resendable: boolean; classify: (error: unknown) => 'not-sent' | 'dropped' | 'other' },
  ): Promise<Result> {
    const untried = this.order();
    let url = untried.shift()!;
    let resent = false;
    for (;;) {
      try {
        const result = await attempt(url);
        this.answered(url);
        return result;
      } catch (error) {
        const failure = options.classify(error);
        if (failure === 'not-sent') {
          this.refused(url);
          const next = untried.shift();
          if (next === undefined) throw error;
          url = next;
          continue;
        }
        if (failure === 'other' || !options.resendable || resent) throw error;
        resent = true;
        url = untried.shift() ?? url;
      }
    }
  }

  /** `url` refused a connection: skip it for the back-off. */
  refused(url: string): void {
    this.refusedUntil.set(url, this.now() + (this.options.backoffMs ?? REPLICA_BACKOFF_MS));
  }

  /** `url` answered: it is in the rotation again. */
  answered(url: string): void {
    this.refusedUntil.delete(url);
  }

  private now(): number {
    return this.options.now?.() ?? Date.now();
  }
}
