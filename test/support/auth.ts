import { ANONYMOUS, systemCaller, type Caller, type Role } from '../../lib/auth/caller.js';
import { signCaller } from '../../lib/auth/internal-signature.js';
import { createTokenVerifier, mintToken, type HubClaims } from '../../lib/auth/jwt.js';
import { DEFAULT_GATEWAY_LIMITS, type GatewayLimits, type GatewaySecurity } from '../../gateway/src/security.js';

/**
 * Secrets and tokens of the hubs tests start: one HS256 secret for callers' JWTs and the internal
 * secrets (the first signs) that the gateway and the subgraphs share.
 */
export const TEST_JWT_SECRET = 'test-jwt-secret-that-is-long-enough-for-hs256';
export const TEST_INTERNAL_SECRETS: readonly string[] = ['test-internal-secret-current-0123456789abcdef', 'test-internal-secret-previous-0123456789abcdef'];

/** The gateway's security for tests: the test secrets, the default limits but no rate limit unless asked. */
export async function testGatewaySecurity(overrides: Partial<Omit<GatewaySecurity, 'limits'>> & { limits?: Partial<GatewayLimits> } = {}): Promise<GatewaySecurity> {
  const { limits, ...rest } = overrides;
  return {
    verifyToken: await createTokenVerifier({ keys: { kind: 'secret', secret: TEST_JWT_SECRET } }),
    internalSecrets: TEST_INTERNAL_SECRETS,
    ...rest,
    limits: { ...DEFAULT_GATEWAY_LIMITS, ratePerMinute: 0, ...limits },
  };
}

export interface TokenScope {
  communityId?: string;
  gridId?: string;
  unitId?: string;
  departmentId?: string;
  scopes?: readonly string[];
  sub?: string;
}

/** A signed-in caller's bearer token, as `npm run token` mints it. */
export function tokenFor(role: Role, scope: TokenScope = {}): Promise<string> {
  const claims: HubClaims & { sub: string; role: Role } = {
    sub: scope.sub ?? `test-${role.toLowerCase()}`,
    role,
    ...(scope.communityId ? { community_id: scope.communityId } : {}),
    ...(scope.gridId ? { grid_id: scope.gridId } : {}),
    ...(scope.unitId ? { unit_id: scope.unitId } : {}),
    ...(scope.departmentId ? { department_id: scope.departmentId } : {}),
    ...(scope.scopes?.length ? { scope: scope.scopes.join(' ') } : {}),
  };
  return mintToken(TEST_JWT_SECRET, claims);
}

/** The signed caller headers the gateway would send; for tests that call a subgraph directly. */
export function signedHeaders(caller: Caller = systemCaller('test'), secrets: readonly string[] = TEST_INTERNAL_SECRETS): Record<string, string> {
  return signCaller(secrets, caller);
}

export { ANONYMOUS };
