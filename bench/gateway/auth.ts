import { ANONYMOUS } from '../../lib/auth/caller.js';
import { signCaller } from '../../lib/auth/internal-signature.js';
import { mintToken } from '../../lib/auth/jwt.js';

/**
 * The benchmark's secrets: every gateway under test signs the caller it forwards with the internal
 * secret (subgraphs refuse unsigned requests), and requests carry a street admin's token so that
 * ours, which enforces @authenticated (the dashboard reads party members), answers them in full.
 */
export const BENCH_JWT_SECRET = 'bench-jwt-secret-0123456789abcdef0123456789';
export const BENCH_INTERNAL_SECRETS = [process.env.HUB_INTERNAL_SECRETS ?? 'bench-internal-secret-0123456789abcdef0123456789'];

/** Signed headers of the anonymous caller, for the stock gateways (they have no caller of their own). */
export function benchCallerHeaders(): Record<string, string> {
  return signCaller(BENCH_INTERNAL_SECRETS, ANONYMOUS);
}

export async function benchAuthorization(): Promise<string> {
  return `Bearer ${await mintToken(BENCH_JWT_SECRET, { sub: 'bench', role: 'STREET_ADMIN' }, { expiresIn: '12h' })}`;
}
