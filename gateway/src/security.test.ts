import { readFile } from 'node:fs/promises';
import { describe, expect, it } from '@jest/globals';
import { buildSchema, parse } from 'graphql';
import { ANONYMOUS, type Caller } from '../../lib/auth/caller.js';
import { projectPath } from '../../lib/kernel/project-root.js';
import { RateLimiter, callerBucket, clientAddress, operationId, safelistOf } from './security.js';
import { enforceSecurity, splitSecurity } from '../../lib/auth/schema-directives.js';

describe('the rate limiter (token bucket per caller)', () => {
  it('allows the burst, then one request per refill interval, per key', () => {
    let now = 0;
    const limiter = new RateLimiter(60, 3, () => now); // one token a second
    expect([limiter.take('a'), limiter.take('a'), limiter.take('a')]).toEqual([0, 0, 0]);
    expect(limiter.take('a')).toBe(1000);
    expect(limiter.take('b')).toBe(0);
    now = 1000;
    expect(limiter.take('a')).toBe(0);
    expect(limiter.take('a')).toBeGreaterThan(0);
  });

  it('keys verified callers by their whole identity, not by `sub` alone', () => {
    const unit: Caller = { ...ANONYMOUS, subject: 'shared', role: 'UNIT_MEMBER', unitId: 'unit-001' };
    expect(callerBucket(unit)).toBe(callerBucket({ ...unit }));
    expect(callerBucket(unit)).not.toBe(callerBucket({ ...unit, unitId: 'unit-002' }));
    expect(callerBucket(unit)).not.toBe(callerBucket({ ...unit, role: 'GRID_WORKER', unitId: null, gridId: 'unit-001' }));
  });

  it('is off at 0 per minute', () => {
    const limiter = new RateLimiter(0, 1);
    for (let i = 0; i < 100; i++) expect(limiter.take('a')).toBe(0);
  });
});

describe('the client address used to rate-limit anonymous callers', () => {
  it('is the connection peer unless proxies are trusted, and never an address the client made up', () => {
    expect(clientAddress('10.0.0.5', '1.2.3.4', 0)).toBe('10.0.0.5');
    expect(clientAddress('10.0.0.5', '1.2.3.4', 1)).toBe('1.2.3.4');
    // The client sent "X-Forwarded-For: 6.6.6.6" itself; the one trusted proxy appended the real address.
    expect(clientAddress('10.0.0.5', '6.6.6.6, 1.2.3.4', 1)).toBe('1.2.3.4');
    expect(clientAddress('10.0.0.5', '1.2.3.4, 10.0.0.9', 2)).toBe('1.2.3.4');
    // More hops configured than the request went through: the leftmost it has.
    expect(clientAddress('10.0.0.5', undefined, 2)).toBe('10.0.0.5');
  });
});

describe('safelist manifests', () => {
  it('accepts ids that are the SHA-256 of the body and refuses others', () => {
    const body = '{ street { name } }';
    const manifest = { format: 'apollo-persisted-query-manifest', version: 1, operations: [{ id: operationId(body), name: 'S', type: 'query', body }] };
    expect(safelistOf(manifest).byId.get(operationId(body))).toBe(body);
    expect(() => safelistOf({ ...manifest, operations: [{ ...manifest.operations[0], id: 'abc' }] })).toThrow(/SHA-256/);
    expect(() => safelistOf({ format: 'other' })).toThrow(/persisted-operations manifest/);
  });

  it('names what is wrong with a manifest that is not one', () => {
    const body = '{ street { name } }';
    const operation = { id: operationId(body), name: 'S', type: 'query', body };
    const manifest = { format: 'apollo-persisted-query-manifest', version: 1, operations: [operation] };
    expect(() => safelistOf([manifest])).toThrow(/not a persisted-operations manifest: it is not an object/);
    expect(() => safelistOf({ ...manifest, format: 'relay' })).toThrow(/format is "relay", not "apollo-persisted-query-manifest"/);
    expect(() => safelistOf({ ...manifest, version: 2 })).toThrow(/version is 2, not 1/);
    expect(() => safelistOf({ ...manifest, operations: {} })).toThrow(/operations is not a list/);
    expect(() => safelistOf({ ...manifest, operations: [operation, null] })).toThrow(/operations\[1\] is not an object/);
    expect(() => safelistOf({ ...manifest, operations: [{ ...operation, body: undefined }] })).toThrow(/operations\[0\]\.body is not a string/);
    expect(() => safelistOf({ ...manifest, operations: [{ ...operation, type: 'fragment' }] })).toThrow(
      /operations\[0\]\.type is not query, mutation or subscription/,
    );
    expect(safelistOf({ ...manifest, operations: [] }).byId.size).toBe(0);
  });
});

describe('security directives of the supergraph', () => {
  it('are read out of the supergraph, which @apollo/gateway then gets without them', async () => {
    const { gatewaySdl, requirements } = splitSecurity(await readFile(projectPath('schema', 'supergraph.graphql'), 'utf8'));
    expect(gatewaySdl).not.toMatch(/@authenticated|@requiresScopes|specs\.apollo\.dev\/authenticated/);
    expect(requirements.authenticated.has('Mutation.submitDemand')).toBe(true);
    expect(requirements.authenticated.has('PartyMember')).toBe(true);
    expect(requirements.authenticated.has('Query.communities')).toBe(false);
    expect(requirements.scopes.get('Query.gridsAuditLog')).toEqual([['audit:read']]);
  });

  it('refuse anonymous callers on @authenticated elements and callers without the scopes', async () => {
    const { requirements } = splitSecurity(await readFile(projectPath('schema', 'supergraph.graphql'), 'utf8'));
    const schema = buildSchema(await readFile(projectPath('schema', 'api.graphql'), 'utf8'));
    const run = (query: string, caller: Caller) => () => enforceSecurity(requirements, schema, parse(query), undefined, caller);
    const admin: Caller = { ...ANONYMOUS, subject: 'a', role: 'STREET_ADMIN' };
    expect(run('{ communities(first: 1) { totalCount } }', ANONYMOUS)).not.toThrow();
    expect(run('fragment F on PartyMember { name } { partyMember(id: "x") { ...F } }', ANONYMOUS)).toThrow(/signed-in caller/);
    expect(run('{ partyMember(id: "x") { name } }', admin)).not.toThrow();
    expect(run('{ gridsAuditLog { id } }', admin)).toThrow(/audit:read/);
    expect(run('{ gridsAuditLog { id } }', { ...admin, role: 'DISTRICT_PLATFORM', scopes: ['audit:read'] })).not.toThrow();
  });
});
