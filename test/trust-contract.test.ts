import { describe, expect, it } from '@jest/globals';
import { SignJWT } from 'jose';
import { signRouterRequest } from '../lib/auth/router-signature.js';
import { createLogger } from '../lib/kernel/log.js';
import { startSubgraphByName } from '../hub/subgraph-modules.js';
import { TEST_INTERNAL_SECRETS, TEST_JWT_SECRET, TEST_ROUTER_SECRETS, asRouter, asService, testSubgraphTrust, tokenFor } from './support/auth.js';
import { postGraphQL } from './support/hub.js';
import { useTestHub } from './support/use-test-hub.js';
import { SERVICE_CALL_TIMEOUT_MS } from './support/wait.js';

/**
 * The trust contract between any router and the subgraphs (docs/trust-contract.md), straight
 * against the subgraphs of a real hub: what a request must carry to be answered, and that a valid
 * router credential without a user token gets only what anonymous callers may see.
 */
const hub = useTestHub();

async function send(subgraph: string, body: string, headers: Record<string, string>) {
  const response = await fetch(hub.subgraphs[subgraph as keyof typeof hub.subgraphs].url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
  return { status: response.status, json: (await response.json()) as { data?: any; errors?: { message: string; extensions?: Record<string, unknown> }[] } };
}

const UNITS = JSON.stringify({ query: '{ coBuildingUnits(first: 1) { totalCount } }' });

describe('the router credential', () => {
  it('is required: a request without one is refused with 401 UNAUTHENTICATED, /health stays open', async () => {
    const answer = await send('co-building', UNITS, {});
    expect(answer.status).toBe(401);
    expect(answer.json.errors?.[0]).toMatchObject({ extensions: { code: 'UNAUTHENTICATED' }, message: expect.stringContaining('router') });
    expect((await fetch(new URL('/health', hub.subgraphs['co-building'].url))).status).toBe(200);
  });

  it('is accepted when signed with the current or the previous secret (rotation)', async () => {
    for (const secret of TEST_ROUTER_SECRETS) {
      const answer = await send('co-building', UNITS, signRouterRequest([secret], 'co-building', UNITS));
      expect(answer.status).toBe(200);
      expect(answer.json.data.coBuildingUnits.totalCount).toBe(124);
    }
  });

  it('is refused when forged, rotated out, replayed, made for another subgraph or another body, or stale', async () => {
    const refused = async (headers: Record<string, string>, body = UNITS) => {
      const answer = await send('co-building', body, headers);
      expect(answer.status).toBe(401);
      expect(answer.json.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect(answer.json.data ?? null).toBeNull();
    };
    await refused(signRouterRequest(['a-secret-nobody-configured-0123456789abcdef'], 'co-building', UNITS));
    await refused(signRouterRequest(['test-router-secret-retired-0123456789abcdef'], 'co-building', UNITS));
    const captured = signRouterRequest(TEST_ROUTER_SECRETS, 'co-building', UNITS);
    expect((await send('co-building', UNITS, captured)).status).toBe(200);
    await refused(captured); // the same header again: a replay
    await refused(signRouterRequest(TEST_ROUTER_SECRETS, 'grids', UNITS));
    const otherOperation = JSON.stringify({ query: '{ coBuildingUnits(first: 100) { nodes { contactPhone } } }' });
    await refused(signRouterRequest(TEST_ROUTER_SECRETS, 'co-building', UNITS), otherOperation);
    await refused(signRouterRequest(TEST_ROUTER_SECRETS, 'co-building', UNITS, Date.now() - 5 * 60_000));
  });

  it('accepts a static router key only on a subgraph configured with it', async () => {
    const key = 'static-router-key-for-the-test-0123456789';
    expect((await send('co-building', UNITS, { 'x-hub-router-key': key })).status).toBe(401);
    const withKeys = await startSubgraphByName('co-building', {
      databaseUrl: hub.databaseUrls['co-building'],
      log: createLogger('test', 'error'),
      trust: await testSubgraphTrust('co-building', { staticKeys: [key] }),
      databaseConnectTimeoutMs: SERVICE_CALL_TIMEOUT_MS,
    });
    try {
      const ok = await fetch(withKeys.url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-router-key': key }, body: UNITS });
      expect(ok.status).toBe(200);
      const wrong = await fetch(withKeys.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-hub-router-key': `${key}-wrong` },
        body: UNITS,
      });
      expect(wrong.status).toBe(401);
    } finally {
      await withKeys.close();
    }
  });

  it('refuses GET: the operation would travel outside what is signed', async () => {
    const response = await fetch(`${hub.subgraphs.grids.url}?query=${encodeURIComponent('{ street { name } }')}`, {
      headers: signRouterRequest(TEST_ROUTER_SECRETS, 'grids', ''),
    });
    expect(response.status).toBe(405);
  });
});

describe('the caller, decided by each subgraph from the forwarded token', () => {
  const MEMBER = '{ partyMember(id: "party-member-00001") { id name } }';

  it('without a user token, a router-signed request gets only what anonymous callers may see', async () => {
    const street = await postGraphQL(hub.subgraphs.grids.url, '{ street { name } }', {}, { token: null, sign: asRouter('grids') });
    expect(street.data?.street.name).toBeTruthy();
    // @authenticated in the organisations SDL, enforced by the subgraph itself (no gateway involved).
    const member = await postGraphQL(hub.subgraphs.organisations.url, MEMBER, {}, { token: null, sign: asRouter('organisations') });
    expect(member.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(member.data?.partyMember ?? null).toBeNull();
    const entities = await postGraphQL(
      hub.subgraphs.organisations.url,
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on PartyMember { name phone } } }',
      { r: [{ __typename: 'PartyMember', id: 'party-member-00001' }] },
      { token: null, sign: asRouter('organisations') },
    );
    expect(entities.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    // An audit log needs the scope audit:read, checked by the subgraph too.
    const audit = await postGraphQL(
      hub.subgraphs.grids.url,
      '{ gridsAuditLog(first: 1) { id } }',
      {},
      { token: await tokenFor('DISTRICT_PLATFORM'), sign: asRouter('grids') },
    );
    expect(audit.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('with a valid user token, answers as that caller', async () => {
    const member = await postGraphQL(hub.subgraphs.organisations.url, MEMBER, {}, { token: await tokenFor('STREET_ADMIN'), sign: asRouter('organisations') });
    expect(member.errors).toBeUndefined();
    expect(member.data?.partyMember.id).toBe('party-member-00001');
  });

  it('refuses a forged or expired user token even with a valid router credential', async () => {
    const forged = await new SignJWT({ role: 'STREET_ADMIN' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('intruder')
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode('not-the-hub-secret-0123456789abcdef0123'));
    const expired = await new SignJWT({ role: 'STREET_ADMIN' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('late')
      .setIssuedAt(Math.floor(Date.now() / 1000) - 7200)
      .setExpirationTime(Math.floor(Date.now() / 1000) - 3600)
      .sign(new TextEncoder().encode(TEST_JWT_SECRET));
    for (const token of [forged, expired]) {
      const answer = await postGraphQL(hub.subgraphs.organisations.url, MEMBER, {}, { token, sign: asRouter('organisations') });
      expect(answer.status).toBe(401);
      expect(answer.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
  });
});

describe('service tokens between subgraphs', () => {
  // co-building's internal mutation that resource-pools' outbox relay calls; a community no agreement names, so no progress moves.
  const RECORD = 'mutation($input: RecordOrderFulfilmentInput!) { recordOrderFulfilment(input: $input) { created } }';
  const variables = {
    input: {
      orderId: 'demand-trust-contract',
      unitId: 'unit-001',
      communityId: 'community-trust-contract',
      demandSource: 'MICRO_WISH',
      fulfilledAt: '2026-11-01T00:00:00Z',
    },
  };

  it('let a service reach internal fields; a user behind a router may not', async () => {
    const asSystem = await postGraphQL(hub.subgraphs['co-building'].url, RECORD, variables, { token: null, sign: asService('resource-pools', 'co-building') });
    expect(asSystem.errors).toBeUndefined();
    expect(asSystem.data?.recordOrderFulfilment).toHaveProperty('created');
    const asAdmin = await postGraphQL(hub.subgraphs['co-building'].url, RECORD, variables, {
      token: await tokenFor('STREET_ADMIN'),
      sign: asRouter('co-building'),
    });
    expect(asAdmin.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('are refused for another subgraph, or when signed with the router secret (a router cannot act as a service)', async () => {
    const elsewhere = await postGraphQL(hub.subgraphs['co-building'].url, RECORD, variables, { token: null, sign: asService('resource-pools', 'grids') });
    expect(elsewhere.status).toBe(401);
    const byRouter = await postGraphQL(hub.subgraphs['co-building'].url, RECORD, variables, {
      token: null,
      sign: asService('resource-pools', 'co-building', TEST_ROUTER_SECRETS),
    });
    expect(byRouter.status).toBe(401);
    const rotated = await postGraphQL(hub.subgraphs['co-building'].url, RECORD, variables, {
      token: null,
      sign: asService('resource-pools', 'co-building', [TEST_INTERNAL_SECRETS[1]!]),
    });
    expect(rotated.errors).toBeUndefined();
  });
});
