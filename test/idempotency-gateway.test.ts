import { randomUUID } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { defaultTestToken } from './support/hub.js';
import { useTestHub } from './support/use-test-hub.js';

/**
 * Idempotency-Key end to end: a partner system retrying a mutation through the gateway, many times
 * at once, gets the first answer every time and creates one record.
 */
const hub = useTestHub();

const SUBMIT = `mutation Submit($input: SubmitDemandInput!) {
  submitDemand(input: $input) { id status title community { id } timeline { kind toStatus actor } }
}`;

function demandInput(title: string) {
  return {
    title,
    description: 'A retried submission from a partner system',
    category: 'VOLUNTEER_SERVICE',
    communityId: 'community-01',
    source: 'RESIDENT_ORDER',
    actor: 'partner:retry-test',
  };
}

async function submit(key: string, input: Record<string, unknown>) {
  const response = await fetch(hub.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': key, ...(await authorizationHeaders()) },
    body: JSON.stringify({ query: SUBMIT, variables: { input } }),
  });
  return {
    status: response.status,
    replayed: response.headers.get('idempotent-replay') === 'true',
    body: (await response.json()) as { data?: any; errors?: any[] },
  };
}

/** A signed-in STREET_ADMIN, who may submit demands for any community (lib/auth/policy.ts). */
async function authorizationHeaders(): Promise<Record<string, string>> {
  return { authorization: `Bearer ${await defaultTestToken()}` };
}

async function demandsTitled(title: string): Promise<number> {
  const rows = await hub.subgraphs['resource-pools'].db.query<{ count: string }>('SELECT count(*) FROM demands WHERE title = $1', [title]);
  return Number(rows[0]!.count);
}

describe('Idempotency-Key through the gateway', () => {
  it('50 concurrent retries of one submitDemand create one demand and all get the first answer', async () => {
    const title = `retried-${randomUUID()}`;
    const key = `submit-${randomUUID()}`;
    const answers = await Promise.all(Array.from({ length: 50 }, () => submit(key, demandInput(title))));
    for (const answer of answers) {
      expect(answer.status).toBe(200);
      expect(answer.body.errors).toBeUndefined();
    }
    const first = answers[0]!.body.data;
    expect(first.submitDemand).toMatchObject({ status: 'OPEN', title, community: { id: 'community-01' } });
    for (const answer of answers) expect(answer.body.data).toEqual(first);
    // Exactly one of them ran; the others were answered from the stored result, and say so.
    expect(await demandsTitled(title)).toBe(1);
    expect(answers.filter((answer) => !answer.replayed)).toHaveLength(1);

    // A retry long after the first still gets the same answer and still creates nothing.
    const later = await submit(key, demandInput(title));
    expect(later.body.data).toEqual(first);
    expect(later.replayed).toBe(true);
    expect(await demandsTitled(title)).toBe(1);
  });

  it('refuses the same key with a different request as CONFLICT and changes nothing', async () => {
    const title = `conflict-${randomUUID()}`;
    const key = `submit-${randomUUID()}`;
    const first = await submit(key, demandInput(title));
    expect(first.body.errors).toBeUndefined();
    const other = await submit(key, { ...demandInput(title), description: 'a different body under the same key' });
    expect(other.body.data?.submitDemand ?? null).toBeNull();
    expect(other.body.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'Idempotency-Key' });
    expect(await demandsTitled(title)).toBe(1);
  });

  it('without a key, each submission is a new demand (retries need the key)', async () => {
    const title = `unkeyed-${randomUUID()}`;
    const post = async () => {
      const response = await fetch(hub.gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(await authorizationHeaders()) },
        body: JSON.stringify({ query: SUBMIT, variables: { input: demandInput(title) } }),
      });
      return (await response.json()) as { data?: any };
    };
    const [a, b] = await Promise.all([post(), post()]);
    expect(a.data.submitDemand.id).not.toBe(b.data.submitDemand.id);
    expect(await demandsTitled(title)).toBe(2);
  });
});
