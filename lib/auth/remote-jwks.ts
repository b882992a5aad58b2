import { createLocalJWKSet, errors, type JSONWebKeySet, type JWTVerifyGetKey } from 'jose';
import { ErrorCode, HubError } from '../kernel/errors.js';

/** How long a key set is used before it is fetched again in the background (jose's default too). */
export const JWKS_REFRESH_AFTER_MS = 10 * 60_000;
/** A token naming an unknown key fetches the set again at once (a rotation), but at most this often. */
export const JWKS_UNKNOWN_KEY_COOLDOWN_MS = 30_000;
/** After a failed fetch, tokens are answered from that failure for this long instead of asking again. */
export const JWKS_FAILURE_MEMORY_MS = 5_000;
export const JWKS_FETCH_TIMEOUT_MS = 5_000;

export interface RemoteKeySetOptions {
  now?: () => number;
  fetchTimeoutMs?: number;
  /** Told when a fetch fails while an older key set stays in use (the hub logs it as a warning). */
  onStaleKeys?: (reason: string) => void;
}

/** The outer shape only: createLocalJWKSet checks each key itself. */
export function isKeySet(value: unknown): value is JSONWebKeySet {
  return typeof value === 'object' && value !== null && 'keys' in value && Array.isArray(value.keys);
}

/**
 * The token could not be checked because the identity provider's keys could not be had: the
 * caller's token may be fine, so this is a retryable 503 (DEPENDENCY_UNAVAILABLE), not a 401 that
 * would send a client back to its sign-in.
 */
function keysUnavailable(reason: string): HubError {
  return new HubError(
    ErrorCode.DEPENDENCY_UNAVAILABLE,
    `the token could not be checked: the identity provider's key set (JWT_JWKS_URL) ${reason}; try again shortly`,
    { dependency: 'jwks', retryable: true },
  );
}

/**
 * The public keys an identity provider publishes at a URL (JWT_JWKS_URL), kept so that the hub
 * stays up while the provider does not answer:
 * - fetched at the first token, not at start: a hub that starts while its provider is down serves
 *   anonymous callers, and answers tokens with a retryable 503 until the keys arrive;
 * - once older than JWKS_REFRESH_AFTER_MS, fetched again in the background while the current set
 *   goes on verifying (jose's remote set waits for that fetch, and fails every token while the
 *   provider is down);
 * - a token naming a key the set lacks fetches again at once, since the provider may have rotated
 *   its keys, at most once per JWKS_UNKNOWN_KEY_COOLDOWN_MS so that made-up key ids cannot make the
 *   hub hammer the provider;
 * - a failed fetch (unreachable, timeout, not HTTP 200, not a key set) keeps the last good set. A
 *   key the provider withdraws stops verifying at the first successful fetch after that.
 * Concurrent tokens share one fetch.
 */
export class RemoteKeySet {
  private keys?: { verifyWith: JWTVerifyGetKey; fetchedAt: number };
  private pending?: Promise<void>;
  private lastFetchAt = -Infinity;
  private lastFailure?: { at: number; error: HubError };
  private readonly now: () => number;

  constructor(
    private readonly url: URL,
    private readonly options: RemoteKeySetOptions = {},
  ) {
    this.now = options.now ?? Date.now;
  }

  /** jose's key lookup (jwtVerify's second argument). */
  readonly getKey: JWTVerifyGetKey = async (protectedHeader, token) => {
    if (!this.keys) await this.fetchOrRecentFailure();
    else if (this.now() - this.keys.fetchedAt >= JWKS_REFRESH_AFTER_MS) this.refreshInBackground();
    try {
      return await this.keys!.verifyWith(protectedHeader, token);
    } catch (error) {
      if (!(error instanceof errors.JWKSNoMatchingKey) || this.now() - this.lastFetchAt < JWKS_UNKNOWN_KEY_COOLDOWN_MS) throw error;
      await this.fetchOrRecentFailure();
      return await this.keys!.verifyWith(protectedHeader, token);
    }
  };

  private recentFailure(): HubError | undefined {
    const failure = this.lastFailure;
    return failure && this.now() - failure.at < JWKS_FAILURE_MEMORY_MS ? failure.error : undefined;
  }

  private async fetchOrRecentFailure(): Promise<void> {
    const failure = this.recentFailure();
    if (failure) throw failure;
    await this.fetchOnce();
  }

  private refreshInBackground(): void {
    if (this.pending || this.recentFailure()) return;
    this.fetchOnce().catch((error: HubError) => this.options.onStaleKeys?.(error.message));
  }

  private fetchOnce(): Promise<void> {
    this.pending ??= this.fetchKeys().finally(() => {
      this.pending = undefined;
    });
    return this.pending;
  }

  private async fetchKeys(): Promise<void> {
    this.lastFetchAt = this.now();
    try {
      const verifyWith = createLocalJWKSet(await this.download());
      this.keys = { verifyWith, fetchedAt: this.now() };
      this.lastFailure = undefined;
    } catch (error) {
      const failure = error instanceof HubError ? error : keysUnavailable(`is not a usable key set (${(error as Error).message})`);
      this.lastFailure = { at: this.now(), error: failure };
      throw failure;
    }
  }

  private async download(): Promise<JSONWebKeySet> {
    let response: Response;
    try {
      response = await fetch(this.url, {
        headers: { accept: 'application/jwk-set+json, application/json' },
        // A redirect could lead anywhere; the configured URL is the one trusted (a 3xx is a failure).
        redirect: 'manual',
        signal: AbortSignal.timeout(this.options.fetchTimeoutMs ?? JWKS_FETCH_TIMEOUT_MS),
      });
    } catch (error) {
      const timedOut = (error as Error).name === 'TimeoutError';
      throw keysUnavailable(timedOut ? 'did not answer in time' : 'could not be reached');
    }
    if (response.status !== 200) {
      await response.body?.cancel();
      throw keysUnavailable(`answered HTTP ${response.status}`);
    }
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      throw keysUnavailable('answered something that is not JSON');
    }
    if (!isKeySet(body)) throw keysUnavailable('answered JSON that is not a key set ({"keys": [...]})');
    return body;
  }
}
