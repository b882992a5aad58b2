import { createHmac, hash, randomBytes, timingSafeEqual } from 'node:crypto';
import { ErrorCode, HubError } from '../kernel/errors.js';

/**
 * The router credential of the trust contract (docs/trust-contract.md): proof that a request to a
 * subgraph passed through a router the hub trusts. Who the caller is travels separately, as the
 * caller's own JWT in `Authorization`, which every subgraph verifies itself.
 *
 * A router that can run code per request (our gateway, Hive Gateway with the plugin in
 * gateway/hive/) signs each subgraph request:
 *
 *   x-hub-router-signature: t=<unix ms>,n=<nonce>,v1=<base64url HMAC-SHA256>
 *
 * over the string  "hub-router-v1\n<t>\n<n>\n<audience>\n<base64url SHA-256 of the body>"  with a
 * secret of HUB_ROUTER_SECRETS (the first signs, all verify: rotation). The audience is the
 * subgraph's name in the supergraph, so a captured header is useless against another subgraph; the
 * digest binds it to the exact body, so it cannot carry another operation; it is accepted for
 * ROUTER_SIGNATURE_WINDOW_MS around its time and only once (ReplayGuard), so it cannot be replayed.
 *
 * Routers that can only set static headers (Apollo Router, Hive Router without plugins) send
 * `x-hub-router-key: <key>` instead, accepted only where HUB_ROUTER_STATIC_KEYS is configured. Such
 * a key is replayable by anyone who can read the traffic, so it belongs on TLS or a private network.
 */
export const ROUTER_SIGNATURE_HEADER = 'x-hub-router-signature';
export const ROUTER_KEY_HEADER = 'x-hub-router-key';

/** How far a signature's time may be from the subgraph's clock, either way. */
export const ROUTER_SIGNATURE_WINDOW_MS = 30_000;

const VERSION = 'hub-router-v1';

/** One-shot crypto.hash: no Hash object per subgraph request (signing was about 3 % of the gateway's CPU). */
export function bodyDigest(body: string | Uint8Array): string {
  return hash('sha256', body, 'base64url');
}

function hmac(secret: string, timestamp: string, nonce: string, audience: string, digest: string): Buffer {
  return createHmac('sha256', secret).update(`${VERSION}\n${timestamp}\n${nonce}\n${audience}\n${digest}`).digest();
}

/**
 * Nonces only need to be unique (the HMAC, not the nonce, makes a signature unforgeable): a random
 * prefix per process and a counter. Drawing 12 random bytes for every subgraph request cost about
 * 1.5 % of the gateway's CPU under load.
 */
const NONCE_PREFIX = randomBytes(9).toString('base64url');
let nonceCounter = 0;

function nextNonce(): string {
  nonceCounter = (nonceCounter + 1) % Number.MAX_SAFE_INTEGER;
  return `${NONCE_PREFIX}-${nonceCounter.toString(36)}`;
}

/** The header a router adds to one request for `audience` carrying `body`. */
export function signRouterRequest(secrets: readonly string[], audience: string, body: string | Uint8Array, now = Date.now()): Record<string, string> {
  const secret = secrets[0];
  if (!secret) throw new Error('no router secret configured (HUB_ROUTER_SECRETS)');
  const timestamp = String(now);
  const nonce = nextNonce();
  const signature = hmac(secret, timestamp, nonce, audience, bodyDigest(body)).toString('base64url');
  return { [ROUTER_SIGNATURE_HEADER]: `t=${timestamp},n=${nonce},v1=${signature}` };
}

function refused(message: string): HubError {
  return new HubError(ErrorCode.UNAUTHENTICATED, message, { http: { status: 401 } });
}

function parseSignatureHeader(header: string): { timestamp: string; nonce: string; signature: string } {
  const fields = new Map(
    header.split(',').map((part) => {
      const at = part.indexOf('=');
      return [part.slice(0, at).trim(), part.slice(at + 1).trim()] as const;
    }),
  );
  const timestamp = fields.get('t');
  const nonce = fields.get('n');
  const signature = fields.get('v1');
  if (!timestamp || !/^\d{1,15}$/.test(timestamp) || !nonce || !/^[\w-]{8,64}$/.test(nonce) || !signature) {
    throw refused(`${ROUTER_SIGNATURE_HEADER} is malformed: expected t=<unix ms>,n=<nonce>,v1=<signature>`);
  }
  return { timestamp, nonce, signature };
}

/**
 * Signatures already accepted, kept until they fall out of the window: a second request with the
 * same signature is a replay. Bounded, so a flood of valid signatures cannot grow it without end
 * (a router signing more than MAX_ENTRIES requests per window evicts the oldest first).
 */
export class ReplayGuard {
  private static readonly MAX_ENTRIES = 200_000;
  private readonly seen = new Map<string, number>();

  constructor(private readonly windowMs = ROUTER_SIGNATURE_WINDOW_MS) {}

  /** False when `signature` was accepted before; otherwise remembers it. */
  firstUse(signature: string, now: number): boolean {
    this.evictExpired(now);
    if (this.seen.has(signature)) return false;
    if (this.seen.size >= ReplayGuard.MAX_ENTRIES) this.seen.delete(this.seen.keys().next().value!);
    this.seen.set(signature, now + 2 * this.windowMs);
    return true;
  }

  private evictExpired(now: number): void {
    // Insertion order is expiry order, so the expired entries are at the front.
    for (const [signature, until] of this.seen) {
      if (until > now) return;
      this.seen.delete(signature);
    }
  }
}

export interface RouterCredentialPolicy {
  /** HUB_ROUTER_SECRETS: verify signatures (all of them: rotation). */
  secrets: readonly string[];
  /** HUB_ROUTER_STATIC_KEYS: static keys accepted from routers that cannot sign; empty: refused. */
  staticKeys: readonly string[];
  /** This subgraph's name in the supergraph (HUB_ROUTER_AUDIENCE, default the service name). */
  audience: string;
  replayGuard: ReplayGuard;
}

function sameBytes(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Throws UNAUTHENTICATED (HTTP 401) unless the request carries a valid router credential: a fresh,
 * unused signature over this body for this audience, or a configured static key.
 */
export function verifyRouterCredential(policy: RouterCredentialPolicy, header: (name: string) => string | undefined, body: Uint8Array, now = Date.now()): void {
  const signatureHeader = header(ROUTER_SIGNATURE_HEADER);
  if (signatureHeader === undefined) {
    const key = header(ROUTER_KEY_HEADER);
    if (key !== undefined && policy.staticKeys.some((candidate) => sameBytes(Buffer.from(candidate), Buffer.from(key)))) return;
    throw refused(
      key === undefined
        ? `requests must come through a router: no ${ROUTER_SIGNATURE_HEADER} (see docs/trust-contract.md)`
        : `${ROUTER_KEY_HEADER} is not accepted by this subgraph`,
    );
  }
  const { timestamp, nonce, signature } = parseSignatureHeader(signatureHeader);
  if (Math.abs(now - Number(timestamp)) > ROUTER_SIGNATURE_WINDOW_MS) {
    throw refused(`${ROUTER_SIGNATURE_HEADER} is outside its ${ROUTER_SIGNATURE_WINDOW_MS / 1000} s window (check the router's clock)`);
  }
  const given = Buffer.from(signature, 'base64url');
  const digest = bodyDigest(body);
  if (!policy.secrets.some((secret) => sameBytes(hmac(secret, timestamp, nonce, policy.audience, digest), given))) {
    throw refused(`${ROUTER_SIGNATURE_HEADER} does not match this request (wrong secret, subgraph or body)`);
  }
  if (!policy.replayGuard.firstUse(signature, now)) throw refused(`${ROUTER_SIGNATURE_HEADER} was already used: signatures are single-use`);
}
