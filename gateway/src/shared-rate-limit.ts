import pg from 'pg';
import { Counter, type Registry } from 'prom-client';
import type { Logger } from '../../lib/kernel/log.js';
import { migrate } from '../../lib/kernel/migrate.js';
import { projectPath } from '../../lib/kernel/project-root.js';
import { RateLimiter, type RateLimit } from './security.js';

/** The rate-limit table's migrations (run by the gateway itself at start, like a subgraph's). */
export const RATE_LIMIT_MIGRATIONS_DIR = projectPath('gateway', 'migrations');

/**
 * One round trip per request: the caller's bucket is refilled for the time since its last request
 * (never backwards, should replicas' clocks differ), a token taken if there is one, and the verdict
 * returned. The row lock of the upsert serialises concurrent requests of one caller across replicas.
 * $1 key, $2 now (ms), $3 burst, $4 tokens per ms; SET expressions read the row as it was.
 */
const REFILLED = 'least($3::float8, b.tokens + greatest(0, $2::bigint - b.at_ms) * $4::float8)';
const TAKE_SQL = `
  INSERT INTO rate_limit_buckets AS b (key, tokens, at_ms, granted) VALUES ($1, $3::float8 - 1, $2, true)
  ON CONFLICT (key) DO UPDATE SET
    tokens = ${REFILLED} - CASE WHEN ${REFILLED} >= 1 THEN 1 ELSE 0 END,
    at_ms = greatest(b.at_ms, $2::bigint),
    granted = ${REFILLED} >= 1
  RETURNING b.tokens, b.granted`;

export interface SharedRateLimiterOptions {
  /** RATE_LIMIT_DATABASE_URL: the database holding rate_limit_buckets (created on first use). */
  url: string;
  perMinute: number;
  burst: number;
  /** The limiter's clock in milliseconds (default Date.now); tests pass a fake one. */
  now?: () => number;
  log: Logger;
  /** Counts the requests limited by this process alone because the database did not answer. */
  registry?: Registry;
  /** After a failure, how long requests are limited in this process before the database is tried again. */
  retryAfterMs?: number;
  /**
   * How long connecting, or one statement, may take before the request is let through on the local
   * limit (default 2 s): what a request waits at most on a database that has stopped answering.
   */
  timeoutMs?: number;
}

/**
 * The per-caller token bucket shared by every gateway replica through PostgreSQL, so N replicas
 * allow a caller the configured rate once, not N times. When the database does not answer the
 * limiter fails open to a per-process bucket (each replica then allows the full rate on its own)
 * with a warning and `hub_gateway_rate_limit_fallbacks_total`: a rate limit must never take the API
 * down with it.
 */
export class SharedRateLimiter implements RateLimit {
  private readonly pool: pg.Pool;
  private readonly local: RateLimiter;
  private readonly now: () => number;
  private readonly perMs: number;
  private readonly retryAfterMs: number;
  private readonly fallbacks: Counter | undefined;
  private schema: Promise<void> | undefined;
  private unavailableUntil = Number.NEGATIVE_INFINITY;
  private unavailable = false;

  constructor(private readonly options: SharedRateLimiterOptions) {
    const timeout = options.timeoutMs ?? 2_000;
    this.pool = new pg.Pool({
      connectionString: options.url,
      max: 10,
      connectionTimeoutMillis: timeout,
      query_timeout: timeout,
      application_name: 'hub-gateway-rate-limit',
    });
    // An idle connection lost (database restart) must not crash the gateway.
    this.pool.on('error', () => undefined);
    this.now = options.now ?? Date.now;
    this.perMs = options.perMinute / 60_000;
    this.retryAfterMs = options.retryAfterMs ?? 5_000;
    this.local = new RateLimiter(options.perMinute, options.burst, this.now);
    this.fallbacks = options.registry
      ? new Counter({
          name: 'hub_gateway_rate_limit_fallbacks_total',
          help: 'Requests rate-limited by this gateway alone because the rate-limit database did not answer',
          registers: [options.registry],
        })
      : undefined;
  }

  /** 0 when the request may go ahead (and is counted), else the milliseconds until it may. */
  async take(key: string): Promise<number> {
    if (this.options.perMinute === 0) return 0;
    const now = this.now();
    if (now < this.unavailableUntil) return this.takeLocally(key);
    try {
      await this.ensureSchema();
      const { rows } = await this.pool.query<{ tokens: number; granted: boolean }>(TAKE_SQL, [key, now, this.options.burst, this.perMs]);
      if (this.unavailable) {
        this.unavailable = false;
        this.options.log.info('rate-limit database answers again: limits are shared by the replicas again');
      }
      const [row] = rows;
      return row!.granted ? 0 : Math.ceil((1 - row!.tokens) / this.perMs);
    } catch (error) {
      if (!this.unavailable) {
        this.unavailable = true;
        this.options.log.warn('rate-limit database unavailable: each gateway limits callers on its own until it answers', {
          error: (error as Error).message,
          retryAfterMs: this.retryAfterMs,
        });
      }
      this.unavailableUntil = now + this.retryAfterMs;
      return this.takeLocally(key);
    }
  }

  /** Deletes buckets idle long enough to be full again (a missing bucket is a full one); returns how many. */
  async prune(): Promise<number> {
    if (this.options.perMinute === 0) return 0;
    const refillMs = this.options.burst / this.perMs;
    await this.ensureSchema();
    const result = await this.pool.query('DELETE FROM rate_limit_buckets WHERE at_ms < $1', [this.now() - refillMs]);
    return result.rowCount ?? 0;
  }

  async close(): Promise<void> {
    await this.pool.end();
  }

  private takeLocally(key: string): number {
    this.fallbacks?.inc();
    return this.local.take(key);
  }

  /**
   * Creates the table (the gateway's migrations) if that has not been done yet: at start, and again
   * on first use after a start that found the database down.
   */
  ensureSchema(): Promise<void> {
    this.schema ??= migrate(this.options.url, RATE_LIMIT_MIGRATIONS_DIR).then(
      () => undefined,
      (error: unknown) => {
        this.schema = undefined;
        throw error;
      },
    );
    return this.schema;
  }
}

/** What a gateway process runs for RATE_LIMIT_DATABASE_URL: the limiter, its table and the pruning of idle buckets. */
export interface SharedRateLimits {
  /** Undefined without a database URL: each process then counts on its own (RateLimiter). */
  limiter: SharedRateLimiter | undefined;
  close(): Promise<void>;
}

/**
 * Starts the shared rate limit of a gateway process (ours or Hive Gateway, gateway/hive/main.ts)
 * when it has a database URL: the table is created now if the database answers (a database that is
 * down at start does not stop the gateway: the limiter fails open and creates the table later), and
 * idle buckets are deleted every minute.
 */
export async function startSharedRateLimits(
  url: string | undefined,
  limits: { ratePerMinute: number; rateBurst: number },
  log: Logger,
  registry?: Registry,
): Promise<SharedRateLimits> {
  if (!url) return { limiter: undefined, close: async () => undefined };
  const limiter = new SharedRateLimiter({ url, perMinute: limits.ratePerMinute, burst: limits.rateBurst, log, registry });
  await limiter.ensureSchema().catch((error: Error) => log.warn('rate-limit table not created yet', { error: error.message }));
  const pruning = setInterval(() => {
    limiter.prune().catch((error: Error) => log.warn('could not prune rate-limit buckets', { error: error.message }));
  }, 60_000).unref();
  return {
    limiter,
    close: async () => {
      clearInterval(pruning);
      await limiter.close();
    },
  };
}
