import { signCaller } from '../../lib/auth/internal-signature.js';
import { callerFromClaims, mintToken, type HubClaims } from '../../lib/auth/jwt.js';

/**
 * The benchmark's secrets and caller. Requests carry a street admin's token, so that ours, which
 * enforces @authenticated (the dashboard reads party members), answers them in full. The stock
 * gateways have no notion of callers: they sign that same caller on every subgraph fetch (subgraphs
 * refuse unsigned requests), so all servers see the same data and pay for one HMAC per fetch.
 */
export const BENCH_JWT_SECRET = 'bench-jwt-secret-0123456789abcdef0123456789';
export const BENCH_INTERNAL_SECRETS = [process.env.HUB_INTERNAL_SECRETS ?? 'bench-internal-secret-0123456789abcdef0123456789'];
const BENCH_CLAIMS: HubClaims & { sub: string; role: 'STREET_ADMIN' } = { sub: 'bench', role: 'STREET_ADMIN' };
const BENCH_CALLER = callerFromClaims(BENCH_CLAIMS);

/** Signed headers of the benchmark's caller, for the stock gateways. */
export function benchCallerHeaders(): Record<string, string> {
  return signCaller(BENCH_INTERNAL_SECRETS, BENCH_CALLER);
}

export async function benchAuthorization(): Promise<string> {
  return `Bearer ${await mintToken(BENCH_JWT_SECRET, BENCH_CLAIMS, { expiresIn: '12h' })}`;
}
