import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SUBGRAPH_NAMES, type SubgraphName } from '../lib/subgraph/runtime.js';
import { createTestDatabase, type TestDatabase } from '../test/support/databases.js';
import { planDistrict } from './district.js';
import { SEEDERS } from './index.js';
import { planStreet } from './plan.js';

describe('SEED_STREETS: the reference street and generated ones', () => {
  const plans = planDistrict(3);

  it('starts with the reference street, unchanged, and generates streets of other names, places and sizes', () => {
    expect(plans).toHaveLength(3);
    expect(plans[0]).toEqual(planStreet(1));
    const [, second, third] = plans;
    expect(new Set(plans.map((plan) => plan.street.id)).size).toBe(3);
    expect(new Set(plans.map((plan) => plan.street.name)).size).toBe(3);
    expect(second!.communities.length).not.toBe(third!.communities.length);
    for (const plan of [second!, third!]) {
      // Plausible: grids of 300–500 households, micro-grids of 50–100, residents adding up.
      for (const grid of plan.grids.filter((g) => g.kind === 'COMPREHENSIVE')) expect(grid.households).toBeGreaterThanOrEqual(300);
      for (const grid of plan.grids.filter((g) => g.kind === 'COMPREHENSIVE')) expect(grid.households).toBeLessThanOrEqual(500);
      expect(plan.communities.reduce((sum, c) => sum + c.population, 0)).toBe(plan.street.residents);
      expect(plan.offices.length).toBeGreaterThan(0);
    }
  });

  it('is the same on every run, and SEED_SCALE multiplies every street', () => {
    expect(planDistrict(3)).toEqual(plans);
    const scaled = planDistrict(2, 2);
    expect(scaled[1]!.communities).toHaveLength(plans[1]!.communities.length * 2);
  });
});

describe('seeding three streets into every subgraph', () => {
  const databases = {} as Record<SubgraphName, TestDatabase>;
  beforeAll(async () => {
    for (const name of SUBGRAPH_NAMES) {
      databases[name] = await createTestDatabase(name);
      await databases[name].db.transaction((tx) => SEEDERS[name].insert(tx, planDistrict(3)));
    }
  });
  afterAll(async () => {
    for (const database of Object.values(databases)) await database?.drop();
  });

  it('writes every street with its own communities, units and resources, and the district departments once', async () => {
    const plans = planDistrict(3);
    expect(await databases.grids.db.query(`SELECT street_id, count(*)::int AS n FROM communities GROUP BY street_id ORDER BY street_id`)).toEqual(
      plans.map((plan) => ({ street_id: plan.street.id, n: plan.communities.length })).sort((a, b) => (a.street_id < b.street_id ? -1 : 1)),
    );
    expect(await databases.grids.db.query(`SELECT id FROM streets ORDER BY taken_on_order`)).toEqual(plans.map((plan) => ({ id: plan.street.id })));
    const units = await databases['co-building'].db.query<{ n: number }>(`SELECT count(DISTINCT street_id)::int AS n FROM units`);
    expect(units).toEqual([{ n: 3 }]);
    const resources = await databases['resource-pools'].db.query<{ n: number }>(`SELECT count(DISTINCT street_id)::int AS n FROM resources`);
    expect(resources).toEqual([{ n: 3 }]);
    expect(await databases.organisations.db.query(`SELECT count(*)::int AS n FROM departments`)).toEqual([{ n: plans[0]!.departments.length }]);
    expect(await databases.organisations.db.query(`SELECT count(*)::int AS n FROM organisations WHERE kind = 'STREET_PARTY_WORKING_COMMITTEE'`)).toEqual([
      { n: 3 },
    ]);
  });
});
