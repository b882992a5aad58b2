import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { ANONYMOUS } from './caller.js';
import { signCaller, verifyCaller } from './internal-signature.js';
import { createTokenVerifier, mintToken } from './jwt.js';

const SECRET = 'test-secret-that-is-long-enough-for-hs256';

describe('JWT verification at the gateway', () => {
  it('turns a valid token into a caller with its scope ids and scopes', async () => {
    const verify = await createTokenVerifier({ keys: { kind: 'secret', secret: SECRET } });
    const token = await mintToken(SECRET, { sub: 'u-1', role: 'UNIT_MEMBER', unit_id: 'unit-007', scope: 'pii:read other' });
    expect(await verify(`Bearer ${token}`)).toEqual({
      subject: 'u-1',
      role: 'UNIT_MEMBER',
      communityId: null,
      gridId: null,
      unitId: 'unit-007',
      departmentId: null,
      scopes: ['pii:read'],
    });
    expect(await verify(undefined)).toEqual(ANONYMOUS);
  });

  it.each([
    ['a malformed header', async () => 'Token abc'],
    ['a wrong secret', async () => `Bearer ${await mintToken('another-secret-another-secret-123', { sub: 'u', role: 'STREET_ADMIN' })}`],
    ['an expired token', async () => `Bearer ${await mintToken(SECRET, { sub: 'u', role: 'STREET_ADMIN' }, { expiresIn: '-1m' })}`],
    ['an unknown role', async () => `Bearer ${await mintToken(SECRET, { sub: 'u', role: 'ROOT' as never })}`],
    ['a grid worker without a grid', async () => `Bearer ${await mintToken(SECRET, { sub: 'u', role: 'GRID_WORKER' })}`],
    ['an unsigned token', async () => `Bearer ${new SignJWT({ role: 'STREET_ADMIN' }).setProtectedHeader({ alg: 'none' })}x.y`],
  ])('refuses %s with UNAUTHENTICATED', async (_case, header) => {
    const verify = await createTokenVerifier({ keys: { kind: 'secret', secret: SECRET } });
    await expect(verify(await header())).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
  });

  it('remembers a verified token only until it expires', async () => {
    let clock = Date.now();
    const verify = await createTokenVerifier({ keys: { kind: 'secret', secret: SECRET } }, () => clock);
    const header = `Bearer ${await mintToken(SECRET, { sub: 'u-2', role: 'STREET_ADMIN' }, { expiresIn: '10s' })}`;
    const first = await verify(header);
    expect(await verify(header)).toBe(first); // the same caller object: answered from the cache
    clock += 11_000;
    await expect(verify(header)).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
  });

  it('checks a token anew after the cache lifetime, even when it has not expired', async () => {
    let clock = Date.now();
    const verify = await createTokenVerifier({ keys: { kind: 'secret', secret: SECRET } }, () => clock);
    const header = `Bearer ${await mintToken(SECRET, { sub: 'u-3', role: 'STREET_ADMIN' }, { expiresIn: '1h' })}`;
    const first = await verify(header);
    clock += 61_000;
    const again = await verify(header);
    expect(again).not.toBe(first);
    expect(again).toEqual(first);
  });

  it('verifies RS256 tokens against a JWKS file', async () => {
    const { publicKey, privateKey } = await generateKeyPair('RS256');
    const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
    const dir = await mkdtemp(join(tmpdir(), 'jwks-'));
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
});

describe('signed caller between gateway and subgraphs', () => {
  const caller = { ...ANONYMOUS, subject: 'u-2', role: 'GRID_WORKER' as const, gridId: 'grid-001' };
  const headersOf = (headers: Record<string, string>) => (name: string) => headers[name];

  it('round-trips the caller and accepts the previous secret during rotation', () => {
    expect(verifyCaller(['new', 'old'], headersOf(signCaller(['new'], caller)))).toEqual(caller);
    expect(verifyCaller(['new', 'old'], headersOf(signCaller(['old'], caller)))).toEqual(caller);
  });

  it('refuses missing, tampered, foreign and stale signatures', () => {
    const expectRefused = (run: () => unknown) => expect(run).toThrow(expect.objectContaining({ extensions: { code: 'UNAUTHENTICATED' } }));
    expectRefused(() => verifyCaller(['s'], headersOf({})));
    const signed = signCaller(['s'], caller);
    const promoted = Buffer.from(JSON.stringify({ ...caller, role: 'DISTRICT_PLATFORM' })).toString('base64url');
    expectRefused(() => verifyCaller(['s'], headersOf({ ...signed, 'x-hub-caller': promoted })));
    expectRefused(() => verifyCaller(['other'], headersOf(signed)));
    expectRefused(() => verifyCaller(['s'], headersOf(signCaller(['s'], caller, Date.now() - 10 * 60_000))));
  });
});
