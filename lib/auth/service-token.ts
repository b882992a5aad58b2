import { decodeJwt, jwtVerify, SignJWT } from 'jose';
import { ErrorCode, HubError } from '../kernel/errors.js';
import { systemCaller, type Caller } from './caller.js';
import { bodyDigest } from './router-signature.js';

/**
 * Service tokens: how one subgraph calls another on its own behalf (the outbox relays, matching's
 * partner data, reference checks of writes; lib/subgraph/peer-client.ts). A short-lived HS256 JWT signed with
 * HUB_INTERNAL_SECRETS — a secret routers never hold, so a router cannot act as a service:
 *
 *   iss  "hub-service"            sub  "system:<calling service>"
 *   aud  "<called subgraph>"      exp  iat + SERVICE_TOKEN_LIFETIME_S
 *   bsh  base64url SHA-256 of the request body
 *
 * Minted per request and bound to its audience and body, so a captured token cannot carry another
 * operation or reach another subgraph, and it expires within a minute. It travels as
 * `Authorization: Bearer <token>` and stands in for both the router credential and the user token.
 */
export const SERVICE_TOKEN_ISSUER = 'hub-service';
export const SERVICE_TOKEN_LIFETIME_S = 60;

const encoder = new TextEncoder();

export async function mintServiceToken(secrets: readonly string[], from: string, audience: string, body: string, now = Date.now()): Promise<string> {
  const secret = secrets[0];
  if (!secret) throw new Error('no internal secret configured (HUB_INTERNAL_SECRETS)');
  const issuedAt = Math.floor(now / 1000);
  return new SignJWT({ bsh: bodyDigest(body) })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuer(SERVICE_TOKEN_ISSUER)
    .setSubject(`system:${from}`)
    .setAudience(audience)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + SERVICE_TOKEN_LIFETIME_S)
    .sign(encoder.encode(secret));
}

/** Whether a bearer token claims to be a service token (unverified: only to choose how to verify it). */
export function isServiceToken(token: string): boolean {
  try {
    return decodeJwt(token).iss === SERVICE_TOKEN_ISSUER;
  } catch {
    return false;
  }
}

function refused(message: string): HubError {
  return new HubError(ErrorCode.UNAUTHENTICATED, `service token rejected: ${message}`, { http: { status: 401 } });
}

/** The system caller a valid service token names; UNAUTHENTICATED otherwise. */
export async function verifyServiceToken(secrets: readonly string[], token: string, audience: string, body: Uint8Array, now = Date.now()): Promise<Caller> {
  let payload: { sub?: string; bsh?: unknown; iat?: number; exp?: number };
  let lastError: unknown;
  for (const secret of secrets) {
    try {
      ({ payload } = await jwtVerify(token, encoder.encode(secret), {
        issuer: SERVICE_TOKEN_ISSUER,
        audience,
        algorithms: ['HS256'],
        requiredClaims: ['exp', 'iat', 'sub'],
        clockTolerance: 5,
        currentDate: new Date(now),
      }));
      if (typeof payload.iat !== 'number' || typeof payload.exp !== 'number' || payload.exp - payload.iat > SERVICE_TOKEN_LIFETIME_S) {
        throw refused(`lives longer than ${SERVICE_TOKEN_LIFETIME_S} s`);
      }
      if (payload.iat > now / 1000 + 5) throw refused('issued in the future');
      if (payload.bsh !== bodyDigest(body)) throw refused('it was minted for another request body');
      const service = /^system:([\w-]{1,64})$/.exec(payload.sub ?? '');
      if (!service) throw refused('its subject is not system:<service>');
      return systemCaller(service[1]!);
    } catch (error) {
      if (error instanceof HubError) throw error;
      lastError = error;
    }
  }
  throw refused(lastError instanceof Error ? lastError.message : 'no internal secret configured');
}
