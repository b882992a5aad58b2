import { ANONYMOUS, type Role } from '../../lib/auth/caller.js';
import { createTokenVerifier, mintToken, type HubClaims } from '../../lib/auth/jwt.js';
import { ReplayGuard, signRouterRequest } from '../../lib/auth/router-signature.js';
import { mintServiceToken } from '../../lib/auth/service-token.js';
import type { SubgraphTrust } from '../../lib/auth/subgraph-trust.js';
import { PeerClient, type PeerName } from '../../lib/subgraph/peer-client.js';
import { DEFAULT_GATEWAY_LIMITS, type GatewayLimits, type GatewaySecurity } from '../../gateway/src/security.js';
import { SERVICE_CALL_TIMEOUT_MS } from './wait.js';
import { REFERENCE_STREET_ID } from '../../seed/plan.js';

/**
 * Secrets and tokens of the hubs tests start (docs/trust-contract.md): one HS256 secret for callers'
 * JWTs, the router secrets (the first signs) that the gateway and the subgraphs share, and the
 * internal secrets that sign the subgraphs' service tokens to each other.
 */
export const TEST_JWT_SECRET = 'test-jwt-secret-that-is-long-enough-for-hs256';
export const TEST_ROUTER_SECRETS: readonly string[] = ['test-router-secret-current-0123456789abcdef', 'test-router-secret-previous-0123456789abcdef'];
export const TEST_INTERNAL_SECRETS: readonly string[] = ['test-internal-secret-current-0123456789abcdef', 'test-internal-secret-previous-0123456789abcdef'];

/** The gateway's security for tests: the test secrets, the default limits but no rate limit unless asked. */
export async function testGatewaySecurity(
  overrides: Partial<Omit<GatewaySecurity, 'limits'>> & { limits?: Partial<GatewayLimits> } = {},
): Promise<GatewaySecurity> {
  const { limits, ...rest } = overrides;
  return {
    verifyToken: await createTokenVerifier({ keys: { kind: 'secret', secret: TEST_JWT_SECRET } }),
    routerSecrets: TEST_ROUTER_SECRETS,
    ...rest,
    limits: { ...DEFAULT_GATEWAY_LIMITS, ratePerMinute: 0, ...limits },
  };
}

/** What a subgraph of a test hub trusts: the test secrets, audience = its name. */
export async function testSubgraphTrust(name: string, overrides: { staticKeys?: readonly string[] } = {}): Promise<SubgraphTrust> {
  return {
    verifyToken: await createTokenVerifier({ keys: { kind: 'secret', secret: TEST_JWT_SECRET } }),
    router: { secrets: TEST_ROUTER_SECRETS, staticKeys: overrides.staticKeys ?? [], audience: name, replayGuard: new ReplayGuard() },
    serviceSecrets: TEST_INTERNAL_SECRETS,
  };
}

/**
 * The peer client of subgraph `self` reaching the given peers, signing with the test internal secret;
 * a busy test machine gets SERVICE_CALL_TIMEOUT_MS unless a test of the timeout passes its own.
 */
export function testPeers(self: string, urls: Partial<Record<PeerName, string>>, timeoutMs = SERVICE_CALL_TIMEOUT_MS): PeerClient {
  return new PeerClient({ self, urls, serviceSecrets: TEST_INTERNAL_SECRETS, timeoutMs });
}

export interface TokenScope {
  streetId?: string;
  communityId?: string;
  gridId?: string;
  unitId?: string;
  departmentId?: string;
  scopes?: readonly string[];
  sub?: string;
}

/**
 * A signed-in caller's bearer token, as `npm run token` mints it: a STREET_ADMIN's names the reference
 * street (the first, seed/plan.ts) unless the scope names another.
 */
export function tokenFor(role: Role, scope: TokenScope = {}): Promise<string> {
  const streetId = scope.streetId ?? (role === 'STREET_ADMIN' ? REFERENCE_STREET_ID : undefined);
  const claims: HubClaims & { sub: string; role: Role } = {
    sub: scope.sub ?? `test-${role.toLowerCase()}`,
    role,
    ...(streetId ? { street_id: streetId } : {}),
    ...(scope.communityId ? { community_id: scope.communityId } : {}),
    ...(scope.gridId ? { grid_id: scope.gridId } : {}),
    ...(scope.unitId ? { unit_id: scope.unitId } : {}),
    ...(scope.departmentId ? { department_id: scope.departmentId } : {}),
    ...(scope.scopes?.length ? { scope: scope.scopes.join(' ') } : {}),
  };
  return mintToken(TEST_JWT_SECRET, claims);
}

/** Adds the headers a request needs, given its exact body (signatures are bound to it). */
export type RequestSigner = (body: string) => Record<string, string> | Promise<Record<string, string>>;

/** Sign as a router would for subgraph `audience` (the caller then comes from the request's token, if any). */
export function asRouter(audience: string, secrets: readonly string[] = TEST_ROUTER_SECRETS): RequestSigner {
  return (body) => signRouterRequest(secrets, audience, body);
}

/** Call subgraph `audience` as the service `from` (a service token: the caller is system:<from>). */
export function asService(from: string, audience: string, secrets: readonly string[] = TEST_INTERNAL_SECRETS): RequestSigner {
  return async (body) => ({ authorization: `Bearer ${await mintServiceToken(secrets, from, audience, body)}` });
}

export { ANONYMOUS };
