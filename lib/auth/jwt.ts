import { readFile } from 'node:fs/promises';
import { createLocalJWKSet, jwtVerify, SignJWT, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { ConfigurationError, secret, text, url, type EnvValues } from '../kernel/env.js';
import { ErrorCode, HubError } from '../kernel/errors.js';
import { createLogger } from '../kernel/log.js';
import { isKeySet, JWKS_FAILURE_MEMORY_MS, RemoteKeySet } from './remote-jwks.js';
import { ANONYMOUS, REQUIRED_SCOPE_IDS, ROLES, ROLES_ALLOWED_PII, SCOPES, type Caller, type Role, type Scope } from './caller.js';

/** How callers' tokens are verified (gateway and subgraphs alike): a shared HS256 secret, or the public keys of a JWKS (file or URL). */
export type JwtKeySource = { kind: 'secret'; secret: string } | { kind: 'jwks-file'; path: string } | { kind: 'jwks-url'; url: string };

export interface JwtOptions {
  keys: JwtKeySource;
  issuer?: string;
  audience?: string;
  /** The service verifying, named in its log lines (a JWKS URL that stops answering is logged). */
  service?: string;
}

/**
 * The JWT variables every service reads (the gateway and each subgraph verify tokens alike):
 * exactly one of JWT_SECRET (HS256), JWT_JWKS_FILE and JWT_JWKS_URL, plus JWT_ISSUER / JWT_AUDIENCE.
 */
export const JWT_VARIABLES = {
  JWT_SECRET: secret(32).optional(),
  JWT_JWKS_FILE: text().optional(),
  JWT_JWKS_URL: url().optional(),
  JWT_ISSUER: text().optional(),
  JWT_AUDIENCE: text().optional(),
};

export function jwtOptionsFrom(service: string, settings: EnvValues<typeof JWT_VARIABLES>): JwtOptions {
  const sources = [
    settings.JWT_SECRET && ({ kind: 'secret', secret: settings.JWT_SECRET } as const),
    settings.JWT_JWKS_FILE && ({ kind: 'jwks-file', path: settings.JWT_JWKS_FILE } as const),
    settings.JWT_JWKS_URL && ({ kind: 'jwks-url', url: settings.JWT_JWKS_URL } as const),
  ].filter((source): source is JwtKeySource => Boolean(source));
  if (sources.length !== 1) {
    throw new ConfigurationError(`${service}: set exactly one of JWT_SECRET, JWT_JWKS_FILE and JWT_JWKS_URL (npm start sets a development secret)`);
  }
  return { keys: sources[0]!, issuer: settings.JWT_ISSUER, audience: settings.JWT_AUDIENCE, service };
}

/** The claims the hub reads; ids use snake_case as JWT claims usually do. */
export interface HubClaims extends JWTPayload {
  role?: string;
  street_id?: string;
  community_id?: string;
  grid_id?: string;
  unit_id?: string;
  department_id?: string;
  /** Space-separated, as in OAuth 2.0. */
  scope?: string;
}

function unauthenticated(message: string): HubError {
  return new HubError(ErrorCode.UNAUTHENTICATED, message);
}

export type TokenVerifier = (authorization: string | undefined) => Promise<Caller>;

/**
 * Clock skew tolerated between the token issuer and this service: for `exp`/`nbf`, and for an `iat`
 * in the future (a token "issued" later than now was minted by a wrong clock or forged to outlive
 * its `exp` checks elsewhere).
 */
export const CLOCK_SKEW_SECONDS = 60;

/**
 * Turns an `Authorization` header into a Caller: none → anonymous; `Bearer <jwt>` → verified claims;
 * anything else, a bad signature, a token without `exp`, an expired token, one issued in the future,
 * an unknown role or a scoped role without its scope ids → UNAUTHENTICATED (never silently anonymous,
 * so a broken client notices). A JWKS URL whose keys cannot be had → DEPENDENCY_UNAVAILABLE
 * (lib/auth/remote-jwks.ts): the token may be fine, so tokenRefusal answers 503, not 401.
 */
export async function createTokenVerifier(options: JwtOptions, now: () => number = Date.now): Promise<TokenVerifier> {
  const key = await resolveKey(options, now);
  const verified = new VerifiedTokenCache(now);
  return async (authorization) => {
    if (authorization === undefined || authorization === '') return ANONYMOUS;
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    if (!match) throw unauthenticated('Authorization: expected "Bearer <token>"');
    const cached = verified.get(match[1]!);
    if (cached) return cached;
    let payload: HubClaims;
    try {
      // A token must expire: one without `exp` would be a credential for ever.
      const checks = {
        issuer: options.issuer,
        audience: options.audience,
        requiredClaims: ['exp'],
        clockTolerance: CLOCK_SKEW_SECONDS,
        currentDate: new Date(now()),
      };
      const verified =
        typeof key === 'function'
          ? await jwtVerify<HubClaims>(match[1]!, key, checks)
          : await jwtVerify<HubClaims>(match[1]!, key, { ...checks, algorithms: ['HS256'] });
      payload = verified.payload;
    } catch (error) {
      if (error instanceof HubError) throw error;
      throw unauthenticated(`Authorization: token rejected (${(error as Error).message})`);
    }
    if (typeof payload.iat === 'number' && payload.iat > now() / 1000 + CLOCK_SKEW_SECONDS) {
      throw unauthenticated('Authorization: token rejected (it was issued in the future: "iat" is later than now)');
    }
    const caller = callerFromClaims(payload);
    verified.set(match[1]!, caller, payload.exp);
    return caller;
  };
}

/**
 * Tokens already verified, so that a client sending the same token on every request pays for its
 * signature check once (it was about 4 % of the gateway's CPU under load). An entry lives until the
 * token expires, and at most VERIFIED_TOKEN_TTL_MS so that a JWKS key withdrawn from the key set
 * stops being honoured soon; only successful verifications are kept, failures are checked anew.
 */
const VERIFIED_TOKEN_TTL_MS = 60_000;
const VERIFIED_TOKEN_CACHE_SIZE = 10_000;

class VerifiedTokenCache {
  private readonly entries = new Map<string, { caller: Caller; until: number }>();

  constructor(private readonly now: () => number) {}

  get(token: string): Caller | undefined {
    const entry = this.entries.get(token);
    if (!entry) return undefined;
    if (entry.until <= this.now()) {
      this.entries.delete(token);
      return undefined;
    }
    return entry.caller;
  }

  set(token: string, caller: Caller, expiresAtSeconds: number | undefined): void {
    const until = Math.min(this.now() + VERIFIED_TOKEN_TTL_MS, expiresAtSeconds === undefined ? Infinity : expiresAtSeconds * 1000);
    // Oldest first out: a Map iterates in insertion order.
    if (this.entries.size >= VERIFIED_TOKEN_CACHE_SIZE) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(token, { caller, until });
  }
}

async function resolveKey(options: JwtOptions, now: () => number): Promise<Uint8Array | JWTVerifyGetKey> {
  const source = options.keys;
  switch (source.kind) {
    case 'secret':
      return new TextEncoder().encode(source.secret);
    case 'jwks-file': {
      const jwks: unknown = JSON.parse(await readFile(source.path, 'utf8'));
      if (!isKeySet(jwks)) throw new ConfigurationError(`${source.path} is not a JSON Web Key Set ({"keys": [...]})`);
      return createLocalJWKSet(jwks);
    }
    case 'jwks-url': {
      const log = createLogger(options.service ?? 'auth');
      const onStaleKeys = (reason: string) =>
        log.warn('JWKS refresh failed; tokens are checked with the last key set fetched', { jwksUrl: source.url, reason });
      return new RemoteKeySet(new URL(source.url), { now, onStaleKeys }).getKey;
    }
  }
}

/**
 * What a front door answers when verifyToken throws: a bad token → 401 with
 * `WWW-Authenticate: Bearer error="invalid_token"`; keys that could not be had (a JWKS URL down) →
 * 503 with Retry-After, since the same token may pass in a moment.
 */
export function tokenRefusal(error: unknown): {
  status: 401 | 503;
  code: ErrorCode;
  message: string;
  details: Record<string, unknown>;
  headers: Record<string, string>;
} {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof HubError && error.extensions.code === ErrorCode.DEPENDENCY_UNAVAILABLE) {
    const { code: _code, ...details } = error.extensions;
    return { status: 503, code: ErrorCode.DEPENDENCY_UNAVAILABLE, message, details, headers: { 'retry-after': String(JWKS_FAILURE_MEMORY_MS / 1000) } };
  }
  return { status: 401, code: ErrorCode.UNAUTHENTICATED, message, details: {}, headers: { 'www-authenticate': 'Bearer error="invalid_token"' } };
}

export function callerFromClaims(claims: HubClaims): Caller {
  if (!claims.sub) throw unauthenticated('token has no subject (sub)');
  if (!ROLES.includes(claims.role as Role)) throw unauthenticated(`token role must be one of ${ROLES.join(', ')}`);
  const role = claims.role as Role;
  const grantedScopes = (claims.scope ?? '').split(/\s+/).filter(Boolean);
  const scopes = grantedScopes.filter((scope): scope is Scope => SCOPES.includes(scope as Scope));
  const caller: Caller = {
    subject: claims.sub,
    role,
    streetId: claims.street_id ?? null,
    communityId: claims.community_id ?? null,
    gridId: claims.grid_id ?? null,
    unitId: claims.unit_id ?? null,
    departmentId: claims.department_id ?? null,
    scopes,
    grantedScopes,
  };
  const missing = REQUIRED_SCOPE_IDS[role].filter((claim) => !caller[claim]);
  if (missing.length > 0) throw unauthenticated(`a ${role} token must name its ${missing.map(claimNameOf).join(' and ')}`);
  if (scopes.includes('pii:read') && !ROLES_ALLOWED_PII.includes(role)) {
    throw unauthenticated(`a ${role} token may not carry the scope pii:read (only ${ROLES_ALLOWED_PII.join(', ')} may)`);
  }
  return caller;
}

/** `communityId` → `community_id`, as the claim is spelled in the token. */
function claimNameOf(field: string): string {
  return field.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}

/** Development tokens (npm run token) and tests: HS256 with the configured secret. */
export async function mintToken(
  secret: string,
  claims: HubClaims & { sub: string; role: Role },
  options: { expiresIn?: string; issuer?: string; audience?: string } = {},
): Promise<string> {
  let jwt = new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuedAt()
    .setExpirationTime(options.expiresIn ?? '8h');
  if (options.issuer) jwt = jwt.setIssuer(options.issuer);
  if (options.audience) jwt = jwt.setAudience(options.audience);
  return jwt.sign(new TextEncoder().encode(secret));
}
