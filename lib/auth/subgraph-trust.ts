import { z } from 'zod';
import { parseEnv } from '../kernel/env.js';
import { ErrorCode, HubError } from '../kernel/errors.js';
import type { Caller } from './caller.js';
import { createTokenVerifier, jwtSettingsShape, jwtOptionsFrom, type TokenVerifier } from './jwt.js';
import { parseSecretList, ReplayGuard, verifyRouterCredential, type RouterCredentialPolicy } from './router-signature.js';
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

function unauthenticated(error: unknown): HubError {
  if (error instanceof HubError) return new HubError(ErrorCode.UNAUTHENTICATED, error.message, { http: { status: 401 } });
  return new HubError(ErrorCode.UNAUTHENTICATED, String(error), { http: { status: 401 } });
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
    if (bearer !== undefined && isServiceToken(bearer)) {
      return await verifyServiceToken(trust.serviceSecrets, bearer, trust.router.audience, request.body, now);
    }
    verifyRouterCredential(trust.router, (name) => request.header(name), request.body, now);
    return await trust.verifyToken(authorization);
  } catch (error) {
    throw unauthenticated(error);
  }
}

const secretList = (what: string) =>
  z
    .string()
    .transform((value) => parseSecretList(value))
    .refine((secrets) => secrets.length > 0 && secrets.every((secret) => secret.length >= 32), `${what}: comma-separated, each at least 32 characters`);

/** The trust settings of subgraph `name` from the environment (README → Configuration). */
export async function subgraphTrustFromEnv(name: string, env: NodeJS.ProcessEnv = process.env): Promise<SubgraphTrust> {
  const parsed = parseEnv(
    name,
    {
      ...jwtSettingsShape,
      HUB_ROUTER_SECRETS: secretList('router secrets (the first signs, all verify)'),
      HUB_ROUTER_STATIC_KEYS: secretList('static router keys').optional(),
      HUB_ROUTER_AUDIENCE: z.string().regex(/^[\w-]{1,64}$/).default(name),
      HUB_INTERNAL_SECRETS: secretList('service-token secrets (the first signs, all verify)'),
    },
    env,
  );
  return {
    verifyToken: await createTokenVerifier(jwtOptionsFrom(name, parsed)),
    router: {
      secrets: parsed.HUB_ROUTER_SECRETS,
      staticKeys: parsed.HUB_ROUTER_STATIC_KEYS ?? [],
      audience: parsed.HUB_ROUTER_AUDIENCE,
      replayGuard: new ReplayGuard(),
    },
    serviceSecrets: parsed.HUB_INTERNAL_SECRETS,
  };
}
