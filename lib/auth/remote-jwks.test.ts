import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { exportJWK, generateKeyPair, jwtVerify, SignJWT, type CryptoKey, type JWK } from 'jose';
import { TEST_ROUTER_SECRETS, testGatewaySecurity, testSubgraphTrust } from '../../test/support/auth.js';
import { postGraphQL, startFrontDoorOnly } from '../../test/support/hub.js';
import type { RunningService } from '../kernel/http-service.js';
import { ANONYMOUS } from './caller.js';
import { createTokenVerifier, type TokenVerifier } from './jwt.js';
import { JWKS_FAILURE_MEMORY_MS, JWKS_REFRESH_AFTER_MS, JWKS_UNKNOWN_KEY_COOLDOWN_MS, RemoteKeySet } from './remote-jwks.js';
import { signRouterRequest } from './router-signature.js';
import { authenticateSubgraphRequest } from './subgraph-trust.js';

/**
 * An identity provider on a loopback port publishing a JWKS: what it answers is set per test, and
 * it counts the fetches, so the tests see when the hub asks.
 */
interface IdentityProvider {
  url: string;
  fetches: number;
  /** What GET answers: the key set, another status, a body that is no key set, or no answer at all. */
  answer: { keys: JWK[] } | { status: number } | { body: string } | 'hang';
  close(): Promise<void>;
}

async function startIdentityProvider(keys: JWK[]): Promise<IdentityProvider> {
  const hanging = new Set<ServerResponse>();
  const provider: IdentityProvider = {
    url: '',
    fetches: 0,
    answer: { keys },
    close: () =>
      new Promise((resolve) => {
        for (const res of hanging) res.destroy();
        server.close(() => resolve());
      }),
  };
  const server: Server = createServer((_req, res) => {
    provider.fetches += 1;
    const answer = provider.answer;
    if (answer === 'hang') {
      hanging.add(res);
      return;
    }
    if ('status' in answer) res.writeHead(answer.status, { location: 'http://127.0.0.1:9/elsewhere' }).end('unavailable');
    else res.writeHead(200, { 'content-type': 'application/json' }).end('body' in answer ? answer.body : JSON.stringify({ keys: answer.keys }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  provider.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/.well-known/jwks.json`;
  return provider;
}

interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
  jwk: JWK;
}

async function signingKey(kid: string): Promise<SigningKey> {
  const { publicKey, privateKey } = await generateKeyPair('RS256');
  return { kid, privateKey, jwk: { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' } };
}

let tokenSerial = 0;
/** A fresh token each call (its own subject), so the verifier's cache of verified tokens never answers. */
async function bearer(key: SigningKey, issuedAt: number): Promise<string> {
  tokenSerial += 1;
  const token = await new SignJWT({ role: 'DISTRICT_PLATFORM' })
    .setProtectedHeader({ alg: 'RS256', kid: key.kid })
    .setSubject(`platform-${tokenSerial}`)
    .setIssuedAt(Math.floor(issuedAt / 1000))
    .setExpirationTime(Math.floor(issuedAt / 1000) + 3600)
    .sign(key.privateKey);
  return `Bearer ${token}`;
}

let first: SigningKey;
let second: SigningKey;
const providers: IdentityProvider[] = [];
async function provider(keys: JWK[]): Promise<IdentityProvider> {
  const started = await startIdentityProvider(keys);
  providers.push(started);
  return started;
}

beforeAll(async () => {
  [first, second] = await Promise.all([signingKey('k1'), signingKey('k2')]);
});
afterAll(async () => {
  await Promise.all(providers.map((started) => started.close()));
});

/** A verifier on the provider's URL with a clock the test moves. */
async function verifierOn(idp: IdentityProvider): Promise<{ verify: TokenVerifier; clock: { now: number } }> {
  const clock = { now: Date.now() };
  const verify = await createTokenVerifier({ keys: { kind: 'jwks-url', url: idp.url } }, () => clock.now);
  return { verify, clock };
}

/** The 503 a token gets when the key set could not be had, for `reason`. */
const refusedForKeys = (reason: RegExp) =>
  expect.objectContaining({
    message: expect.stringMatching(reason),
    extensions: expect.objectContaining({ code: 'DEPENDENCY_UNAVAILABLE', dependency: 'jwks', retryable: true }),
  });

describe('JWT verification against a JWKS URL (JWT_JWKS_URL)', () => {
  it('verifies RS256 tokens with the published keys, fetching the set once for many tokens', async () => {
    const idp = await provider([first.jwk]);
    const { verify, clock } = await verifierOn(idp);
    expect(idp.fetches).toBe(0);
    for (let i = 0; i < 5; i += 1) expect(await verify(await bearer(first, clock.now))).toMatchObject({ role: 'DISTRICT_PLATFORM' });
    expect(idp.fetches).toBe(1);
    await expect(verify(await bearer(second, clock.now))).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
  });

  it('starts while the provider is down: anonymous callers pass, tokens get a retryable 503 until the keys arrive', async () => {
    const idp = await provider([first.jwk]);
    idp.answer = { status: 503 };
    const { verify, clock } = await verifierOn(idp);
    expect(await verify(undefined)).toBe(ANONYMOUS);
    await expect(verify(await bearer(first, clock.now))).rejects.toEqual(refusedForKeys(/answered HTTP 503/));
    // The failure is remembered for a moment: a burst of tokens does not become a burst of fetches.
    idp.answer = { keys: [first.jwk] };
    await expect(verify(await bearer(first, clock.now))).rejects.toEqual(refusedForKeys(/answered HTTP 503/));
    expect(idp.fetches).toBe(1);
    clock.now += JWKS_FAILURE_MEMORY_MS;
    expect(await verify(await bearer(first, clock.now))).toMatchObject({ role: 'DISTRICT_PLATFORM' });
    expect(idp.fetches).toBe(2);
  });

  it('keeps verifying with the last key set when a refresh is due and the provider fails', async () => {
    const idp = await provider([first.jwk]);
    const { verify, clock } = await verifierOn(idp);
    expect(await verify(await bearer(first, clock.now))).toMatchObject({ role: 'DISTRICT_PLATFORM' });
    idp.answer = { status: 500 };
    clock.now += JWKS_REFRESH_AFTER_MS;
    expect(await verify(await bearer(first, clock.now))).toMatchObject({ role: 'DISTRICT_PLATFORM' });
    expect(await verify(await bearer(first, clock.now))).toMatchObject({ role: 'DISTRICT_PLATFORM' });
  });

  it('refreshes in the background, once, and says when it failed', async () => {
    const idp = await provider([first.jwk]);
    const clock = { now: Date.now() };
    let warned: (reason: string) => void = () => {};
    const warning = new Promise<string>((resolve) => (warned = resolve));
    const keySet = new RemoteKeySet(new URL(idp.url), { now: () => clock.now, onStaleKeys: (reason) => warned(reason) });
    const subjectOfNewToken = async () => (await jwtVerify((await bearer(first, clock.now)).slice('Bearer '.length), keySet.getKey)).payload.sub;
    expect(await subjectOfNewToken()).toMatch(/^platform-/);
    idp.answer = { status: 500 };
    clock.now += JWKS_REFRESH_AFTER_MS;
    // The set is due for a refresh: it is fetched in the background while the current keys answer.
    expect(await subjectOfNewToken()).toMatch(/^platform-/);
    expect(await warning).toMatch(/answered HTTP 500/);
    expect(await subjectOfNewToken()).toMatch(/^platform-/);
    expect(idp.fetches).toBe(2);
  });

  it('follows a key rotation: an unknown key id fetches the set again, at most once per cooldown', async () => {
    const idp = await provider([first.jwk]);
    const { verify, clock } = await verifierOn(idp);
    expect(await verify(await bearer(first, clock.now))).toMatchObject({ role: 'DISTRICT_PLATFORM' });
    idp.answer = { keys: [second.jwk] };
    // Within the cooldown a token naming an unknown key is refused without asking the provider.
    await expect(verify(await bearer(second, clock.now))).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    expect(idp.fetches).toBe(1);
    clock.now += JWKS_UNKNOWN_KEY_COOLDOWN_MS;
    expect(await verify(await bearer(second, clock.now))).toMatchObject({ role: 'DISTRICT_PLATFORM' });
    expect(idp.fetches).toBe(2);
    // The withdrawn key no longer verifies new tokens.
    await expect(verify(await bearer(first, clock.now))).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
  });

  it.each([
    ['a body that is not JSON', { body: '<html>sign in</html>' }, /answered something that is not JSON/],
    ['JSON that is no key set', { body: JSON.stringify([{ kty: 'RSA' }]) }, /answered JSON that is not a key set/],
    ['keys that are not keys', { body: JSON.stringify({ keys: 'k1' }) }, /answered JSON that is not a key set/],
    ['a redirect', { status: 302 }, /answered HTTP 302/],
  ] as const)('treats %s as keys not had (503), never as a bad token', async (_case, answer, reason) => {
    const idp = await provider([first.jwk]);
    idp.answer = answer;
    const { verify, clock } = await verifierOn(idp);
    await expect(verify(await bearer(first, clock.now))).rejects.toEqual(refusedForKeys(reason));
  });

  it('gives up on a provider that does not answer within the fetch timeout', async () => {
    const idp = await provider([first.jwk]);
    idp.answer = 'hang';
    const keySet = new RemoteKeySet(new URL(idp.url), { fetchTimeoutMs: 50 });
    await expect(jwtVerify((await bearer(first, Date.now())).slice('Bearer '.length), keySet.getKey)).rejects.toEqual(refusedForKeys(/did not answer in time/));
  });

  it('is a 503 at a subgraph too, which verifies tokens itself', async () => {
    const idp = await provider([first.jwk]);
    idp.answer = { status: 503 };
    const trust = { ...(await testSubgraphTrust('organisations')), verifyToken: (await verifierOn(idp)).verify };
    const body = new TextEncoder().encode(JSON.stringify({ query: '{ __typename }' }));
    const headers: Record<string, string> = {
      ...signRouterRequest(TEST_ROUTER_SECRETS, 'organisations', body),
      authorization: await bearer(first, Date.now()),
    };
    await expect(authenticateSubgraphRequest(trust, { header: (name) => headers[name], body })).rejects.toEqual(
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'DEPENDENCY_UNAVAILABLE', dependency: 'jwks', http: { status: 503 } }) }),
    );
  });
});

describe.each(['ours', 'hive'] as const)('%s gateway with a JWKS URL', (which) => {
  let idp: IdentityProvider;
  let gateway: RunningService;

  beforeAll(async () => {
    idp = await provider([first.jwk]);
    const verifyToken = await createTokenVerifier({ keys: { kind: 'jwks-url', url: idp.url } });
    gateway = await startFrontDoorOnly(which, await testGatewaySecurity({ verifyToken }));
  });
  afterAll(async () => {
    await gateway?.close();
  });

  it('answers a token it cannot check with 503 DEPENDENCY_UNAVAILABLE and Retry-After, and still serves anonymous callers', async () => {
    idp.answer = { status: 503 };
    const refused = await fetch(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: await bearer(first, Date.now()) },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe(String(JWKS_FAILURE_MEMORY_MS / 1000));
    expect(refused.headers.get('www-authenticate')).toBeNull();
    expect(await refused.json()).toEqual({ errors: [refusedForKeys(/answered HTTP 503/)] });
    const anonymous = await postGraphQL<{ __typename: string }>(gateway.url, '{ __typename }', {}, { token: null });
    expect(anonymous).toMatchObject({ status: 200, data: { __typename: 'Query' } });
  });
});
