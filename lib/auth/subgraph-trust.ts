import { secretList, text, type EnvValues } from '../kernel/env.js';
import { HubError } from '../kernel/errors.js';
import type { Caller } from './caller.js';
import { createTokenVerifier, JWT_VARIABLES, jwtOptionsFrom, tokenRefusal, type JwtOptions, type TokenVerifier } from './jwt.js';
import { ReplayGuard, verifyRouterCredential, type RouterCredentialPolicy } from './router-signature.js';
import { isServiceToken, verifyServiceToken } from './service-token.js';

/**
 * What a subgraph trusts (docs/trust-contract.md): the caller's JWT, verified with the same keys as
 * the router's; a router credential proving the request came through a router; or a service token
 * from another subgraph. Every subgraph decides who is asking by itself, so a router that enforces
 * nothing still cannot make a subgraph answer more than the caller may see.
 */
export interface SubgraphTrust {
  /** Verifies callers' JWTs (JWT_SECRET / JWT_JWKS_FILE / JWT_JWKS_URL, JWT_ISSUER, JWT_AUDIENCE). */
  verifyToken: TokenVerifier;
  router: RouterCredentialPolicy;
  /** HUB_INTERNAL_SECRETS: verify service tokens of the other subgraphs (and sign this one's). */
  serviceSecrets: readonly string[];
}

export interface SubgraphRequest {
  header(name: string): string | undefined;
  /** The body exactly as received: the router signature and service tokens are bound to its digest. */
  body: Uint8Array;
}

/** UNAUTHENTICATED (401), or DEPENDENCY_UNAVAILABLE (503) when a JWKS URL's keys could not be had (tokenRefusal). */
function refusalOf(error: unknown): HubError {
  const { status, code, message, details } = tokenRefusal(error);
  return new HubError(code, message, { ...details, http: { status } });
}

/**
 * The caller of one request to a subgraph, or UNAUTHENTICATED (HTTP 401):
 * - `Authorization: Bearer <service token>` → the calling service (system:<name>);
 * - otherwise a router credential is required, and then `Authorization: Bearer <user JWT>` → that
 *   caller, no Authorization → the anonymous caller.
 */
export async function authenticateSubgraphRequest(trust: SubgraphTrust, request: SubgraphRequest, now = Date.now()): Promise<Caller> {
  const authorization = request.header('authorization');
  const bearer = authorization === undefined ? undefined : /^Bearer\s+(\S+)$/i.exec(authorization)?.[1];
  try {
    if (bearer !== undefined && !userTokens.has(bearer) && isServiceToken(bearer)) {
      return await verifyServiceToken(trust.serviceSecrets, bearer, trust.router.audience, request.body, now);
    }
    verifyRouterCredential(trust.router, (name) => request.header(name), request.body, now);
    const caller = await trust.verifyToken(authorization);
    if (bearer !== undefined) userTokens.add(bearer);
    return caller;
  } catch (error) {
    throw refusalOf(error);
  }
}

/**
 * Bearer tokens that verified as callers' JWTs, so that a caller's token, sent again with every
 * request, is not decoded each time only to learn it is no service token (isServiceToken; about 1 %
 * of a subgraph's CPU). It only picks which check runs: the token is still verified on every request
 * (trust.verifyToken, with its own cache until the token's exp). Oldest out first beyond its size.
 */
class RecentTokens {
  private readonly tokens = new Set<string>();

  constructor(private readonly capacity: number) {}

  has(token: string): boolean {
    return this.tokens.has(token);
  }

  add(token: string): void {
    if (this.tokens.has(token)) return;
    if (this.tokens.size >= this.capacity) this.tokens.delete(this.tokens.values().next().value!);
    this.tokens.add(token);
  }
}

const userTokens = new RecentTokens(1_000);

/** The trust variables of a subgraph (its env.ts composes them; docs/configuration.md). */
export function subgraphTrustVariables(name: string) {
  return {
    ...JWT_VARIABLES,
    HUB_ROUTER_SECRETS: secretList(),
    HUB_ROUTER_STATIC_KEYS: secretList().optional(),
    HUB_ROUTER_AUDIENCE: text({ pattern: /^[\w-]{1,64}$/, form: 'letters, digits, _ and -, at most 64' }).default(name),
    HUB_INTERNAL_SECRETS: secretList(),
  };
}

/** What a subgraph's env.ts hands over for its SubgraphTrust (subgraphTrustFrom). */
export interface SubgraphTrustSettings {
  jwt: JwtOptions;
  routerSecrets: readonly string[];
  routerStaticKeys: readonly string[];
  routerAudience: string;
  internalSecrets: readonly string[];
}

export function subgraphTrustSettingsFrom(name: string, values: EnvValues<ReturnType<typeof subgraphTrustVariables>>): SubgraphTrustSettings {
  return {
    jwt: jwtOptionsFrom(name, values),
    routerSecrets: values.HUB_ROUTER_SECRETS,
    routerStaticKeys: values.HUB_ROUTER_STATIC_KEYS ?? [],
    routerAudience: values.HUB_ROUTER_AUDIENCE,
    internalSecrets: values.HUB_INTERNAL_SECRETS,
  };
}

/** The trust of a subgraph from its settings (a JWKS file or URL is loaded here). */
export async function subgraphTrustFrom(settings: SubgraphTrustSettings): Promise<SubgraphTrust> {
  return {
    verifyToken: await createTokenVerifier(settings.jwt),
    router: {
      secrets: settings.routerSecrets,
      staticKeys: settings.routerStaticKeys,
      audience: settings.routerAudience,
      replayGuard: new ReplayGuard(),
    },
    serviceSecrets: settings.internalSecrets,
  };
}
