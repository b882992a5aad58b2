import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { planDistrict } from '../seed/district.js';
import { tokenFor } from './support/auth.js';
import { postGraphQL, startTestHub, type TestHub } from './support/hub.js';

/**
 * District figures (#17, docs/streets.md) through the gateway: per street and in total, each one
 * query whose SQL statements do not grow with the number of streets.
 */
const FIGURES = 'communityCount gridCount unitCount openDemandCount overdueIncidentCount ordersFulfilledThisMonth creditDistribution { from to units }';
const QUERY = `{ district { ${FIGURES} } streets(first: 100) { nodes { id ${FIGURES} } } }`;

interface Figures {
  communityCount: number;
  gridCount: number;
  unitCount: number;
  openDemandCount: number;
  overdueIncidentCount: number;
  ordersFulfilledThisMonth: number;
  creditDistribution: { from: number; to: number; units: number }[];
}
interface Answer {
  district: Figures;
  streets: { nodes: (Figures & { id: string })[] };
}

const hubs: Record<1 | 3, TestHub | undefined> = { 1: undefined, 3: undefined };
let platform: string;

beforeAll(async () => {
  platform = await tokenFor('DISTRICT_PLATFORM');
  hubs[1] = await startTestHub({ streets: 1 });
  hubs[3] = await startTestHub({ streets: 3 });
}, 600_000);
afterAll(async () => {
  await hubs[1]?.stop();
  await hubs[3]?.stop();
});

/** The answer and how many SQL statements all subgraphs sent for it. */
async function figuresOf(hub: TestHub): Promise<{ answer: Answer; statements: number }> {
  const before = await hub.sqlStatements();
  const { data, errors } = await postGraphQL<Answer>(hub.gatewayUrl, QUERY, {}, { token: platform });
  const statements = (await hub.sqlStatements()) - before;
  expect(errors).toBeUndefined();
  return { answer: data!, statements };
}

describe('district figures', () => {
  it('answers per street and in total, the totals the sums of the streets', async () => {
    const { answer } = await figuresOf(hubs[3]!);
    const plans = planDistrict(3);
    expect(answer.streets.nodes.map((street) => street.id).sort()).toEqual(plans.map((plan) => plan.street.id).sort());
    for (const plan of plans) {
      const street = answer.streets.nodes.find((node) => node.id === plan.street.id)!;
      expect(street.communityCount).toBe(plan.communities.length);
      expect(street.gridCount).toBe(plan.grids.length);
      expect(street.unitCount).toBe(plan.units.length);
      expect(street.creditDistribution.reduce((sum, band) => sum + band.units, 0)).toBe(plan.units.length);
      expect(street.openDemandCount).toBeGreaterThan(0);
    }
    for (const field of ['communityCount', 'gridCount', 'unitCount', 'openDemandCount', 'overdueIncidentCount', 'ordersFulfilledThisMonth'] as const) {
      expect(answer.district[field]).toBe(answer.streets.nodes.reduce((sum, street) => sum + street[field], 0));
    }
    expect(answer.district.creditDistribution.reduce((sum, band) => sum + band.units, 0)).toBe(answer.district.unitCount);
  });

  it('sends as many SQL statements for three streets as for one', async () => {
    const one = await figuresOf(hubs[1]!);
    const three = await figuresOf(hubs[3]!);
    expect(one.answer.streets.nodes).toHaveLength(1);
    expect(three.answer.streets.nodes).toHaveLength(3);
    expect(three.statements).toBe(one.statements);
    // Grids: streets page and its count, street figures, district figures; co-building and resource-pools: two each.
    expect(one.statements).toBeLessThanOrEqual(10);
  });

  it("is the district platform's alone: a street admin is refused", async () => {
    const { data, errors } = await postGraphQL(hubs[1]!.gatewayUrl, '{ district { communityCount } }', {}, { token: await tokenFor('STREET_ADMIN') });
    expect(data?.district ?? null).toBeNull();
    expect(errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
