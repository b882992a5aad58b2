import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { planDistrict } from '../seed/district.js';
import { tokenFor } from './support/auth.js';
import { postGraphQL, startTestHub, type TestHub } from './support/hub.js';

/**
 * Street-scoped roles (#17, docs/streets.md) through the gateway on two streets: a STREET_ADMIN whose
 * token names a street reads and acts on incidents of that street only; one naming none, and the
 * district platform, read every street's.
 */
const [reference, second] = planDistrict(2);
let hub: TestHub;
const INCIDENTS = `{ incidents(first: 0) { totalCount } }`;

beforeAll(async () => {
  hub = await startTestHub({ streets: 2 });
}, 300_000);
afterAll(() => hub?.stop());

async function incidentCountOf(streetId: string): Promise<number> {
  const { data } = await postGraphQL<any>(
    hub.gatewayUrl,
    `query ($s: ID) { incidents(first: 0, filter: { streetId: $s }) { totalCount } }`,
    { s: streetId },
    {
      token: await tokenFor('DISTRICT_PLATFORM'),
    },
  );
  return data.incidents.totalCount;
}

describe('a street admin bound to a street', () => {
  it('reads the incidents of its street only; an unbound one and the district platform read both streets', async () => {
    const own = await incidentCountOf(second!.street.id);
    const other = await incidentCountOf(reference!.street.id);
    expect(own).toBeGreaterThan(0);
    expect(other).toBeGreaterThan(0);
    const bound = await postGraphQL<any>(hub.gatewayUrl, INCIDENTS, {}, { token: await tokenFor('STREET_ADMIN', { streetId: second!.street.id }) });
    expect(bound.errors).toBeUndefined();
    expect(bound.data.incidents.totalCount).toBe(own);
    const unbound = await postGraphQL<any>(hub.gatewayUrl, INCIDENTS, {}, { token: await tokenFor('STREET_ADMIN') });
    const platform = await postGraphQL<any>(hub.gatewayUrl, INCIDENTS, {}, { token: await tokenFor('DISTRICT_PLATFORM') });
    expect(unbound.data.incidents.totalCount).toBe(own + other);
    expect(platform.data.incidents.totalCount).toBe(own + other);
  });

  it('reports in its own street and is refused with FORBIDDEN in another street', async () => {
    const token = await tokenFor('STREET_ADMIN', { streetId: second!.street.id, sub: 'admin-of-second' });
    const report = (gridId: string) =>
      postGraphQL<any>(
        hub.gatewayUrl,
        `mutation ($input: ReportIncidentInput!) { reportIncident(input: $input) { id } }`,
        {
          input: {
            gridId,
            category: 'NOISE',
            description: '夜间施工噪音',
            location: { lat: 31.9, lng: 121.2 },
            reporter: { name: '张三' },
            channel: 'GRID_APP',
          },
        },
        { token },
      );
    const own = await report(second!.grids[0]!.id);
    expect(own.errors).toBeUndefined();
    expect(own.data.reportIncident.id).toEqual(expect.any(String));
    const other = await report(reference!.grids[0]!.id);
    expect(other.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
