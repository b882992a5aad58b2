import { createTokenVerifier, mintToken, type HubClaims } from '../../lib/auth/jwt.js';
import { ReplayGuard, signRouterRequest } from '../../lib/auth/router-signature.js';
import type { SubgraphTrust } from '../../lib/auth/subgraph-trust.js';
import { PeerClient, type PeerName } from '../../lib/subgraph/peer-client.js';
import { REFERENCE_STREET_ID } from '../../seed/plan.js';

/**
 * The benchmark's secrets and caller. Requests carry a street admin's token, so that ours, which
 * enforces @authenticated (the dashboard reads party members), answers them in full. Every gateway
 * follows the trust contract (docs/trust-contract.md): it forwards the caller's token and signs each
 * subgraph request with the router secret, so all servers see the same data and each subgraph pays
 * for the same checks.
 */
export const BENCH_JWT_SECRET = 'bench-jwt-secret-0123456789abcdef0123456789';
export const BENCH_ROUTER_SECRETS = [process.env.HUB_ROUTER_SECRETS ?? 'bench-router-secret-0123456789abcdef0123456789'];
const BENCH_INTERNAL_SECRETS = ['bench-internal-secret-0123456789abcdef0123456789'];
const BENCH_CLAIMS: HubClaims & { sub: string; role: 'STREET_ADMIN' } = { sub: 'bench', role: 'STREET_ADMIN', street_id: REFERENCE_STREET_ID };

export async function benchSubgraphTrust(name: string): Promise<SubgraphTrust> {
  return {
    verifyToken: await createTokenVerifier({ keys: { kind: 'secret', secret: BENCH_JWT_SECRET } }),
    router: { secrets: BENCH_ROUTER_SECRETS, staticKeys: [], audience: name, replayGuard: new ReplayGuard() },
    serviceSecrets: BENCH_INTERNAL_SECRETS,
  };
}

/** The peer client of subgraph `self` in a benchmark's hub (service tokens with the bench's internal secret). */
export function benchPeers(self: string, urls: Partial<Record<PeerName, string>>): PeerClient {
  return new PeerClient({ self, urls, serviceSecrets: BENCH_INTERNAL_SECRETS });
}

/** The router signature a stock gateway adds to a request for subgraph `name` with this body. */
export function benchRouterHeaders(name: string, body: string): Record<string, string> {
  return signRouterRequest(BENCH_ROUTER_SECRETS, name, body);
}

export async function benchAuthorization(): Promise<string> {
  return `Bearer ${await mintToken(BENCH_JWT_SECRET, BENCH_CLAIMS, { expiresIn: '12h' })}`;
}
