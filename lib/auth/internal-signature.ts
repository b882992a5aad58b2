import { createHmac, timingSafeEqual } from 'node:crypto';
import { ErrorCode, HubError } from '../errors.js';
import type { Caller } from './caller.js';

/**
 * Subgraphs trust only the gateway (and each other): every internal request carries the caller,
 * a timestamp and an HMAC of both under a shared secret. Secrets are a list so they can be rotated:
 * sign with the first, accept any (deploy the new secret second, then first, then drop the old).
 */
export const INTERNAL_HEADERS = {
  caller: 'x-hub-caller',
  timestamp: 'x-hub-timestamp',
  signature: 'x-hub-signature',
} as const;

/** Signed headers older than this are refused, so a captured header cannot be replayed for long. */
const MAX_AGE_MS = 5 * 60_000;

function sign(secret: string, encodedCaller: string, timestamp: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${encodedCaller}`).digest('base64url');
}

export function signCaller(secrets: readonly string[], caller: Caller, now = Date.now()): Record<string, string> {
  const secret = secrets[0];
  if (!secret) throw new Error('no internal secret configured');
  const encodedCaller = Buffer.from(JSON.stringify(caller), 'utf8').toString('base64url');
  const timestamp = String(now);
  return {
    [INTERNAL_HEADERS.caller]: encodedCaller,
    [INTERNAL_HEADERS.timestamp]: timestamp,
    [INTERNAL_HEADERS.signature]: sign(secret, encodedCaller, timestamp),
  };
}

/** The caller of an internal request, or UNAUTHENTICATED when it did not come from the gateway. */
export function verifyCaller(
  secrets: readonly string[],
  header: (name: string) => string | undefined,
  now = Date.now(),
): Caller {
  const encodedCaller = header(INTERNAL_HEADERS.caller);
  const timestamp = header(INTERNAL_HEADERS.timestamp);
  const signature = header(INTERNAL_HEADERS.signature);
  if (!encodedCaller || !timestamp || !signature) {
    throw new HubError(ErrorCode.UNAUTHENTICATED, 'this service accepts only requests through the hub gateway');
  }
  const age = now - Number(timestamp);
  if (!Number.isFinite(age) || Math.abs(age) > MAX_AGE_MS) {
    throw new HubError(ErrorCode.UNAUTHENTICATED, 'internal request signature has expired');
  }
  const given = Buffer.from(signature, 'base64url');
  const valid = secrets.some((secret) => {
    const expected = Buffer.from(sign(secret, encodedCaller, timestamp), 'base64url');
    return expected.length === given.length && timingSafeEqual(expected, given);
  });
  if (!valid) throw new HubError(ErrorCode.UNAUTHENTICATED, 'internal request signature is invalid');
  return JSON.parse(Buffer.from(encodedCaller, 'base64url').toString('utf8')) as Caller;
}

/** HUB_INTERNAL_SECRETS: comma-separated; the first signs, all verify (rotation). */
export function parseInternalSecrets(value: string): string[] {
  return value
    .split(',')
    .map((secret) => secret.trim())
    .filter(Boolean);
}
