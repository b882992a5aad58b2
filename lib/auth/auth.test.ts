import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { exportJWK, generateKeyPair, SignJWT, UnsecuredJWT } from 'jose';
import { ANONYMOUS, systemCaller } from './caller.js';
import { CLOCK_SKEW_SECONDS, createTokenVerifier, mintToken } from './jwt.js';
import {
  bodyDigest,
  ReplayGuard,
  ROUTER_SIGNATURE_WINDOW_MS,
  signRouterRequest,
  verifyRouterCredential,
  type RouterCredentialPolicy,
} from './router-signature.js';
import { isServiceToken, mintServiceToken, verifyServiceToken } from './service-token.js';

const SECRET = 'test-secret-that-is-long-enough-for-hs256';

/** Temp folders for key sets, removed after the file's tests. */
const folders: string[] = [];
async function jwksFolder(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'jwks-'));
  folders.push(dir);
  return dir;
}
afterAll(async () => {
  await Promise.all(folders.map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('JWT verification at the gateway', () => {
  it('turns a valid token into a caller with its scope ids and scopes', async () => {
    const verify = await createTokenVerifier({ keys: { kind: 'secret', secret: SECRET } });
    const token = await mintToken(SECRET, {
      sub: 'u-1',
      role: 'DEPARTMENT_STAFF',
      street_id: 'street-s02',
      department_id: 'CIVIL_AFFAIRS',
      scope: 'pii:read other',
    });
    expect(await verify(`Bearer ${token}`)).toEqual({
      subject: 'u-1',
      role: 'DEPARTMENT_STAFF',
      streetId: 'street-s02',
      communityId: null,
      gridId: null,
      unitId: null,
      departmentId: 'CIVIL_AFFAIRS',
      scopes: ['pii:read'],
      grantedScopes: ['pii:read', 'other'],
    });
    expect(await verify(undefined)).toEqual(ANONYMOUS);
  });

  it.each([
    ['a malformed header', async () => 'Token abc'],
    ['a wrong secret', async () => `Bearer ${await mintToken('another-secret-another-secret-123', { sub: 'u', role: 'STREET_ADMIN' })}`],
    ['an expired token', async () => `Bearer ${await mintToken(SECRET, { sub: 'u', role: 'STREET_ADMIN' }, { expiresIn: '-1m' })}`],
    ['an unknown role', async () => `Bearer ${await mintToken(SECRET, { sub: 'u', role: 'ROOT' as never })}`],
    ['a grid worker without a grid', async () => `Bearer ${await mintToken(SECRET, { sub: 'u', role: 'GRID_WORKER' })}`],
    ['an unsigned token', async () => `Bearer ${new UnsecuredJWT({ sub: 'u', role: 'STREET_ADMIN' }).setExpirationTime('5m').encode()}`],
  ])('refuses %s with UNAUTHENTICATED', async (_case, header) => {
    const verify = await createTokenVerifier({ keys: { kind: 'secret', secret: SECRET } });
    await expect(verify(await header())).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
  });

  it('remembers a verified token only until it expires', async () => {
    let clock = Date.now();
    const verify = await createTokenVerifier({ keys: { kind: 'secret', secret: SECRET } }, () => clock);
    const header = `Bearer ${await mintToken(SECRET, { sub: 'u-2', role: 'STREET_ADMIN', street_id: 'street-haimen' }, { expiresIn: '10s' })}`;
    const first = await verify(header);
    expect(await verify(header)).toBe(first); // the same caller object: answered from the cache
    clock += 11_000 + CLOCK_SKEW_SECONDS * 1000;
    await expect(verify(header)).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
  });

  it('checks a token anew after the cache lifetime, even when it has not expired', async () => {
    let clock = Date.now();
    const verify = await createTokenVerifier({ keys: { kind: 'secret', secret: SECRET } }, () => clock);
    const header = `Bearer ${await mintToken(SECRET, { sub: 'u-3', role: 'STREET_ADMIN', street_id: 'street-haimen' }, { expiresIn: '1h' })}`;
    const first = await verify(header);
    clock += 61_000;
    const again = await verify(header);
    expect(again).not.toBe(first);
    expect(again).toEqual(first);
  });

  it('verifies RS256 tokens against a JWKS file', async () => {
    const { publicKey, privateKey } = await generateKeyPair('RS256');
    const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
    const dir = await jwksFolder();
    await writeFile(join(dir, 'jwks.json'), JSON.stringify({ keys: [jwk] }));
    const verify = await createTokenVerifier({ keys: { kind: 'jwks-file', path: join(dir, 'jwks.json') }, issuer: 'district-idp' });
    const token = await new SignJWT({ role: 'DISTRICT_PLATFORM' })
      .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
      .setSubject('platform')
      .setIssuer('district-idp')
      .setExpirationTime('5m')
      .sign(privateKey);
    expect((await verify(`Bearer ${token}`)).role).toBe('DISTRICT_PLATFORM');
    const wrongIssuer = await new SignJWT({ role: 'DISTRICT_PLATFORM' })
      .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
      .setSubject('platform')
      .setIssuer('someone-else')
      .setExpirationTime('5m')
      .sign(privateKey);
    await expect(verify(`Bearer ${wrongIssuer}`)).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
  });

  it('refuses to start with a JWKS file that is not a key set', async () => {
    const dir = await jwksFolder();
    await writeFile(join(dir, 'jwks.json'), JSON.stringify([{ kty: 'RSA' }]));
    await expect(createTokenVerifier({ keys: { kind: 'jwks-file', path: join(dir, 'jwks.json') } })).rejects.toThrow(/jwks\.json is not a JSON Web Key Set/);
  });
});

describe('token lifetimes', () => {
  const verifier = () => createTokenVerifier({ keys: { kind: 'secret', secret: SECRET } });
  const sign = (claims: Record<string, unknown>) =>
    new SignJWT({ role: 'STREET_ADMIN', street_id: 'street-haimen', ...claims })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('u')
      .sign(new TextEncoder().encode(SECRET));

  it('refuses a token without exp: it would be a credential for ever', async () => {
    await expect((await verifier())(`Bearer ${await sign({})}`)).rejects.toMatchObject({
      extensions: { code: 'UNAUTHENTICATED' },
      message: expect.stringContaining('"exp"'),
    });
  });

  it('refuses a token issued in the future beyond the clock skew, and accepts one within it', async () => {
    const now = Math.floor(Date.now() / 1000);
    await expect((await verifier())(`Bearer ${await sign({ iat: now + 600, exp: now + 3600 })}`)).rejects.toMatchObject({
      message: expect.stringContaining('issued in the future'),
    });
    expect((await (await verifier())(`Bearer ${await sign({ iat: now + 10, exp: now + 3600 })}`)).role).toBe('STREET_ADMIN');
  });
});

describe('scope claims', () => {
  it('refuses a grid worker without its community, naming the claim', async () => {
    const verify = await createTokenVerifier({ keys: { kind: 'secret', secret: SECRET } });
    const token = await mintToken(SECRET, { sub: 'u', role: 'GRID_WORKER', grid_id: 'grid-001' });
    await expect(verify(`Bearer ${token}`)).rejects.toMatchObject({ message: expect.stringContaining('community_id') });
    const complete = await mintToken(SECRET, { sub: 'u', role: 'GRID_WORKER', grid_id: 'grid-001', community_id: 'community-01' });
    expect(await verify(`Bearer ${complete}`)).toMatchObject({ gridId: 'grid-001', communityId: 'community-01' });
  });

  it('refuses a street admin without its street: it would act in every street of the district', async () => {
    const verify = await createTokenVerifier({ keys: { kind: 'secret', secret: SECRET } });
    const token = await mintToken(SECRET, { sub: 'u', role: 'STREET_ADMIN' });
    await expect(verify(`Bearer ${token}`)).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' }, message: expect.stringContaining('street_id') });
    const complete = await mintToken(SECRET, { sub: 'u', role: 'STREET_ADMIN', street_id: 'street-s02' });
    expect(await verify(`Bearer ${complete}`)).toMatchObject({ role: 'STREET_ADMIN', streetId: 'street-s02' });
  });

  it.each(['UNIT_MEMBER', 'DISTRICT_PLATFORM'] as const)('refuses pii:read on a %s token: only roles acting on cases may hold it', async (role) => {
    const verify = await createTokenVerifier({ keys: { kind: 'secret', secret: SECRET } });
    const token = await mintToken(SECRET, { sub: 'u', role, unit_id: 'unit-001', scope: 'pii:read' });
    await expect(verify(`Bearer ${token}`)).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' }, message: expect.stringContaining('pii:read') });
  });
});

describe('router signature (trust contract)', () => {
  const body = Buffer.from('{"query":"{ street { name } }"}');
  const policy = (overrides: Partial<RouterCredentialPolicy> = {}): RouterCredentialPolicy => ({
    secrets: ['new-secret-0123456789abcdef0123456789', 'old-secret-0123456789abcdef0123456789'],
    staticKeys: [],
    audience: 'grids',
    replayGuard: new ReplayGuard(),
    ...overrides,
  });
  const headersOf = (headers: Record<string, string>) => (name: string) => headers[name];
  const NOW = 1_800_000_000_000;
  const refusal = (run: () => unknown, message: string) =>
    expect(run).toThrow(
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'UNAUTHENTICATED' }), message: expect.stringContaining(message) }),
    );

  it('accepts a signature by the current or the previous secret, once', () => {
    const check = policy();
    for (const secret of check.secrets) {
      const headers = headersOf(signRouterRequest([secret], 'grids', body, NOW));
      expect(() => verifyRouterCredential(check, headers, body, NOW + 1000)).not.toThrow();
      refusal(() => verifyRouterCredential(check, headers, body, NOW + 2000), 'already used');
    }
  });

  it('gives every signature of the same body in the same millisecond its own nonce, each accepted once', () => {
    const check = policy();
    const signatures = Array.from({ length: 50 }, () => signRouterRequest(check.secrets, 'grids', body, NOW)['x-hub-router-signature']!);
    expect(new Set(signatures).size).toBe(signatures.length);
    for (const signature of signatures) {
      expect(signature).toMatch(/^t=\d+,n=[\w-]{8,64},v1=/);
      expect(() => verifyRouterCredential(check, headersOf({ 'x-hub-router-signature': signature }), body, NOW)).not.toThrow();
    }
  });

  it('refuses a signature for another subgraph, another body, an unknown secret, or outside the window', () => {
    const signed = headersOf(signRouterRequest(['new-secret-0123456789abcdef0123456789'], 'grids', body, NOW));
    refusal(() => verifyRouterCredential(policy({ audience: 'co-building' }), signed, body, NOW), 'does not match');
    refusal(() => verifyRouterCredential(policy(), signed, Buffer.from('{"query":"mutation { expireDemand }"}'), NOW), 'does not match');
    refusal(() => verifyRouterCredential(policy({ secrets: ['another-secret-0123456789abcdef0123456789'] }), signed, body, NOW), 'does not match');
    refusal(() => verifyRouterCredential(policy(), signed, body, NOW + ROUTER_SIGNATURE_WINDOW_MS + 1), 'window');
    refusal(() => verifyRouterCredential(policy(), headersOf({}), body, NOW), 'must come through a router');
    refusal(() => verifyRouterCredential(policy(), headersOf({ 'x-hub-router-signature': 'v1=abc' }), body, NOW), 'malformed');
  });

  it('accepts a static router key only where one is configured', () => {
    const key = 'static-router-key-0123456789abcdef0123';
    refusal(() => verifyRouterCredential(policy(), headersOf({ 'x-hub-router-key': key }), body, NOW), 'not accepted');
    expect(() => verifyRouterCredential(policy({ staticKeys: [key] }), headersOf({ 'x-hub-router-key': key }), body, NOW)).not.toThrow();
    refusal(() => verifyRouterCredential(policy({ staticKeys: [key] }), headersOf({ 'x-hub-router-key': `${key}x` }), body, NOW), 'not accepted');
  });
});

describe('service tokens', () => {
  const secrets = ['internal-secret-0123456789abcdef0123456789'];
  const body = '{"query":"mutation { recordCreditEvent }"}';
  const NOW = 1_800_000_000_000;

  it('names the calling service, bound to the audience and the body, for a minute', async () => {
    const token = await mintServiceToken(secrets, 'grids', 'co-building', body, NOW);
    expect(isServiceToken(token)).toBe(true);
    expect(await verifyServiceToken(secrets, token, 'co-building', Buffer.from(body), NOW + 1000)).toEqual(systemCaller('grids'));
    for (const [audience, otherBody, at, keys] of [
      ['resource-pools', body, NOW, secrets],
      ['co-building', '{"query":"{ x }"}', NOW, secrets],
      ['co-building', body, NOW + 120_000, secrets],
      ['co-building', body, NOW, ['router-secret-0123456789abcdef0123456789']],
    ] as const) {
      await expect(verifyServiceToken(keys, token, audience, Buffer.from(otherBody), at)).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    }
  });

  it('refuses a long-lived token even when its signature is valid', async () => {
    const issuedAt = Math.floor(NOW / 1000);
    const token = await new SignJWT({ bsh: bodyDigest(body) })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer('hub-service')
      .setSubject('system:grids')
      .setAudience('co-building')
      .setIssuedAt(issuedAt)
      .setExpirationTime(issuedAt + 86_400)
      .sign(new TextEncoder().encode(secrets[0]));
    await expect(verifyServiceToken(secrets, token, 'co-building', Buffer.from(body), NOW)).rejects.toMatchObject({
      message: expect.stringContaining('longer than'),
    });
  });
});
