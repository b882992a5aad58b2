import { describe, expect, it } from '@jest/globals';
import { ANONYMOUS, type Caller } from '../../lib/auth/caller.js';
import { bodyLimitBytes, hubGenericAuth } from './plugins.js';

/**
 * The pieces of the Hive plugins that the end-to-end test (test/hive-gateway.test.ts) cannot reach
 * with the hub's own supergraph: scope sets combined with AND and OR, and BODY_LIMIT parsing.
 */
const caller = (scopes: string[]): Caller => ({ ...ANONYMOUS, subject: 'u', role: 'STREET_ADMIN', grantedScopes: scopes });

function check(user: Caller | null, directives: { authenticated?: boolean; typeScopes?: string[][]; fieldScopes?: string[][] }) {
  const auth = hubGenericAuth();
  const error = auth.validateUser({
    user,
    parentType: { name: 'Report' },
    field: { name: 'total' },
    fieldAuthArgs: directives.authenticated ? {} : undefined,
    typeScopes: directives.typeScopes,
    fieldScopes: directives.fieldScopes,
    userScopes: user ? auth.extractScopes(user) : [],
  });
  return error?.extensions.code ?? 'allowed';
}

describe('the @authenticated / @requiresScopes check Hive runs with the hub codes', () => {
  it('refuses anonymous callers on anything marked, with UNAUTHENTICATED; lets them read the rest', () => {
    expect(check(null, { authenticated: true })).toBe('UNAUTHENTICATED');
    expect(check(null, { fieldScopes: [['audit:read']] })).toBe('UNAUTHENTICATED');
    expect(check(null, {})).toBe('allowed');
    expect(check(caller([]), { authenticated: true })).toBe('allowed');
  });

  it('reads the scope sets as OR of ANDs, on the type and on the field alike (both must hold)', () => {
    const either = [['reports:read', 'reports:totals'], ['admin']];
    expect(check(caller(['reports:read']), { fieldScopes: either })).toBe('FORBIDDEN');
    expect(check(caller(['reports:read', 'reports:totals']), { fieldScopes: either })).toBe('allowed');
    expect(check(caller(['admin']), { fieldScopes: either })).toBe('allowed');
    expect(check(caller(['admin']), { typeScopes: [['audit:read']], fieldScopes: either })).toBe('FORBIDDEN');
    expect(check(caller(['admin', 'audit:read']), { typeScopes: [['audit:read']], fieldScopes: either })).toBe('allowed');
  });
});

describe('BODY_LIMIT', () => {
  it('reads express sizes in bytes and refuses anything else', () => {
    expect(bodyLimitBytes('1mb')).toBe(1_048_576);
    expect(bodyLimitBytes('100kb')).toBe(102_400);
    expect(bodyLimitBytes('512b')).toBe(512);
    expect(() => bodyLimitBytes('1gb')).toThrow(/1mb/);
  });
});
