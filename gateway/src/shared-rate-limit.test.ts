import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { Registry } from 'prom-client';
import { ensureDatabase, withDatabaseName } from '../../lib/kernel/database.js';
import type { RunningService } from '../../lib/kernel/http-service.js';
import { createLogger } from '../../lib/kernel/log.js';
import { findFreePort } from '../../hub/free-port.js';
import { testServerUrl } from '../../test/support/databases.js';
import { testGatewaySecurity, tokenFor } from '../../test/support/auth.js';
import { startFrontDoorOnly } from '../../test/support/hub.js';
import { RateLimiter } from './security.js';
import { SharedRateLimiter } from './shared-rate-limit.js';

/**
 * The rate limit shared by gateway replicas through PostgreSQL (a real server, the tests' own),
 * every limiter on the same fake clock: N requests allowed in total, not N per replica.
 */
const names: string[] = [];
const limiters: SharedRateLimiter[] = [];
let now = 0;
const clock = () => now;

async function freshDatabaseUrl(create = true): Promise<string> {
  const name = `test_gateway_${randomBytes(4).toString('hex')}`;
  names.push(name);
  if (create) await ensureDatabase(testServerUrl(), name);
  return withDatabaseName(testServerUrl(), name);
}

function limiterOn(url: string, options: { perMinute?: number; burst?: number; registry?: Registry; lines?: string[] } = {}): SharedRateLimiter {
  const lines = options.lines;
  const log = createLogger('gateway', 'info', { write: (line) => void lines?.push(line) });
  // A generous timeout: on a loaded test machine a slow connection must not pass for an outage.
  const limiter = new SharedRateLimiter({
    url,
    perMinute: options.perMinute ?? 60,
    burst: options.burst ?? 3,
    now: clock,
    log,
    registry: options.registry,
    timeoutMs: 10_000,
  });
  limiters.push(limiter);
  return limiter;
}

afterAll(async () => {
  await Promise.all(limiters.map((limiter) => limiter.close()));
  const admin = new pg.Client({ connectionString: testServerUrl() });
  await admin.connect();
  for (const name of names) await admin.query(`DROP DATABASE IF EXISTS ${admin.escapeIdentifier(name)} WITH (FORCE)`);
  await admin.end();
});

describe('the shared rate limit (PostgreSQL)', () => {
  let url: string;
  beforeAll(async () => {
    url = await freshDatabaseUrl();
  });

  it('gives two replicas one budget: the burst in total, then one request per refill interval', async () => {
    now = 1_000_000;
    const [first, second] = [limiterOn(url), limiterOn(url)]; // 60 a minute: one token a second, burst 3
    const verdicts = [await first.take('a'), await second.take('a'), await first.take('a'), await second.take('a'), await first.take('a')];
    expect(verdicts).toEqual([0, 0, 0, 1000, 1000]);
    expect(await second.take('b')).toBe(0);
    now += 1000;
    expect(await second.take('a')).toBe(0);
    expect(await first.take('a')).toBeGreaterThan(0);
  });

  it('answers exactly as the in-process limiter does for the same requests', async () => {
    now = 2_000_000;
    const shared = limiterOn(url, { perMinute: 600, burst: 5 });
    const local = new RateLimiter(600, 5, clock);
    for (const step of [0, 0, 0, 0, 0, 0, 50, 100, 30, 0, 0, 400, 1, 0]) {
      now += step;
      expect(await shared.take('same-sequence')).toBe(local.take('same-sequence'));
    }
  });

  it('lets the burst through once when both replicas are asked at the same moment', async () => {
    now = 3_000_000;
    const lines: string[] = [];
    const [first, second] = [limiterOn(url, { burst: 5, lines }), limiterOn(url, { burst: 5, lines })];
    const verdicts = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? first : second).take('crowd')));
    expect(lines).toEqual([]);
    expect(verdicts.filter((wait) => wait === 0)).toHaveLength(5);
  });

  it('prunes buckets idle long enough to be full again, and a pruned caller starts with a full burst', async () => {
    now = 4_000_000;
    const limiter = limiterOn(await freshDatabaseUrl(), { burst: 2 });
    await limiter.take('idle');
    await limiter.take('idle');
    now += 1_000;
    await limiter.take('recent');
    expect(await limiter.prune()).toBe(0);
    now += 1_500; // 'idle' refilled its 2 tokens (2 s); 'recent' not yet
    expect(await limiter.prune()).toBe(1);
    expect([await limiter.take('idle'), await limiter.take('idle'), await limiter.take('idle')]).toEqual([0, 0, 1000]);
  });
});

describe('when the rate-limit database does not answer', () => {
  it('fails open to a limit per gateway, says so once, counts it, and shares again once the database is there', async () => {
    now = 5_000_000;
    const url = await freshDatabaseUrl(false); // a database that does not exist yet
    const registry = new Registry();
    const lines: string[] = [];
    const limiter = limiterOn(url, { burst: 2, registry, lines });
    expect([await limiter.take('c'), await limiter.take('c'), await limiter.take('c')]).toEqual([0, 0, 1000]);
    expect(lines.filter((line) => line.includes('rate-limit database unavailable'))).toHaveLength(1);
    expect(await registry.metrics()).toMatch(/hub_gateway_rate_limit_fallbacks_total 3/);
    await ensureDatabase(testServerUrl(), names.at(-1)!);
    now += 5_000; // the retry delay: the database is asked again (and the table created on first use)
    const other = limiterOn(url, { burst: 2 });
    expect([await limiter.take('c'), await other.take('c'), await limiter.take('c')]).toEqual([0, 0, 1000]);
    expect(lines.some((line) => line.includes('rate-limit database answers again'))).toBe(true);
  });

  it('lets requests through on the local limit when nothing listens at its address', async () => {
    now = 6_000_000;
    const limiter = limiterOn(`postgres://postgres:x@127.0.0.1:${await findFreePort()}/none`, { burst: 1 });
    expect(await limiter.take('d')).toBe(0);
    expect(await limiter.take('d')).toBe(1000);
  });
});

describe('two gateways over one rate-limit database', () => {
  const gateways: RunningService[] = [];
  afterAll(async () => {
    await Promise.all(gateways.map((gateway) => gateway.close()));
  });

  /** Our gateway or Hive Gateway on the shared limiter: the rate limit answers before any subgraph is asked. */
  async function gatewayOn(kind: 'ours' | 'hive', rateLimiter: SharedRateLimiter, limits: { ratePerMinute: number; rateBurst: number }) {
    const gateway = await startFrontDoorOnly(kind, await testGatewaySecurity({ limits, rateLimiter }));
    gateways.push(gateway);
    return gateway;
  }

  it.each([
    ['two of ours', 'ours', 'ours'],
    ['ours and Hive Gateway', 'ours', 'hive'],
  ] as const)('refuse a caller with 429 RATE_LIMITED once the burst is spent across both (%s)', async (_case, first, second) => {
    now += 7_000_000;
    const url = await freshDatabaseUrl();
    const limits = { ratePerMinute: 60, rateBurst: 4 };
    const pair = [
      await gatewayOn(first, limiterOn(url, { perMinute: limits.ratePerMinute, burst: limits.rateBurst }), limits),
      await gatewayOn(second, limiterOn(url, { perMinute: limits.ratePerMinute, burst: limits.rateBurst }), limits),
    ];
    const token = await tokenFor('STREET_ADMIN', { sub: `shared-budget-${first}-${second}` });
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) {
      const response = await fetch(pair[i % 2]!.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: '{ __typename }' }),
      });
      statuses.push(response.status);
      if (response.status === 429)
        expect(((await response.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('RATE_LIMITED');
      else await response.arrayBuffer();
    }
    expect(statuses).toEqual([200, 200, 200, 200, 429, 429, 429, 429]);
  });
});
