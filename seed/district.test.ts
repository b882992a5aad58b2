import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SUBGRAPH_NAMES, type SubgraphName } from '../lib/subgraph/names.js';
import { createTestDatabase, type TestDatabase } from '../test/support/databases.js';
import { districtReachOf, planDistrict } from './district.js';
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

  it("seeds the seat's department resources serving every street, and the hospitals' serving two", async () => {
    const plans = planDistrict(3);
    const streets = plans.map((plan) => plan.street.id).sort();
    const departmentResources = await databases['resource-pools'].db.query<{ street_id: string; served: string[]; communities: number }>(
      `SELECT r.street_id, r.served_street_ids AS served, (SELECT count(*)::int FROM resource_communities rc WHERE rc.resource_id = r.id) AS communities
         FROM resources r WHERE r.provider_kind = 'DEPARTMENT'`,
    );
    const allCommunities = plans.reduce((sum, plan) => sum + plan.communities.length, 0);
    for (const resource of departmentResources.filter((row) => row.street_id === plans[0]!.street.id)) {
      expect([...resource.served].sort()).toEqual(streets);
      expect(resource.communities).toBe(allCommunities);
    }
    // Every other street's own department resources serve it alone.
    expect(departmentResources.filter((row) => row.street_id !== plans[0]!.street.id).every((row) => row.served.length === 1)).toBe(true);
    const hospitals = await databases['co-building'].db.query<{ served: string[] }>(`SELECT served_street_ids AS served FROM units WHERE kind = 'HOSPITAL'`);
    expect(hospitals.length).toBeGreaterThan(0);
    expect(hospitals.every((unit) => unit.served.length === 2)).toBe(true);
    expect(
      await databases['co-building'].db.query(`SELECT count(*)::int AS n FROM units WHERE kind <> 'HOSPITAL' AND cardinality(served_street_ids) > 1`),
    ).toEqual([{ n: 0 }]);
    // Whatever serves a community serves its street: the seed never lists a community its streets leave out.
    expect(
      await databases['resource-pools'].db.query(
        `SELECT count(*)::int AS n FROM resource_communities rc JOIN resources r ON r.id = rc.resource_id
           JOIN community_offices co ON co.community_id = rc.community_id WHERE NOT co.street_id = ANY (r.served_street_ids)`,
      ),
    ).toEqual([{ n: 0 }]);
  });
});

describe('SEED_STREETS: who serves several streets', () => {
  const plans = planDistrict(3);
  const reach = districtReachOf(plans);

  it("gives the seat's departments every street and community, and each street's hospitals the nearest other street", () => {
    expect(reach.seatStreetId).toBe(plans[0]!.street.id);
    expect(reach.streetIds).toEqual(plans.map((plan) => plan.street.id));
    expect(reach.communityIds).toHaveLength(plans.reduce((sum, plan) => sum + plan.communities.length, 0));
    for (const plan of plans) {
      const hospitals = plan.units.filter((unit) => unit.kind === 'HOSPITAL');
      expect(hospitals.length).toBeGreaterThan(0);
      for (const hospital of hospitals) {
        const { streetIds, communityIds } = reach.units.get(hospital.id)!;
        expect(streetIds).toHaveLength(2);
        expect(streetIds[0]).toBe(plan.street.id);
        const other = plans.find((candidate) => candidate.street.id === streetIds[1])!;
        expect(communityIds.every((id) => other.communities.some((community) => community.id === id))).toBe(true);
      }
    }
    expect(reach.units.size).toBe(plans.reduce((sum, plan) => sum + plan.units.filter((unit) => unit.kind === 'HOSPITAL').length, 0));
    expect(districtReachOf(planDistrict(3))).toEqual(reach);
  });

  it('gives nobody a second street when there is one street', () => {
    expect(districtReachOf([plans[0]!]).units.size).toBe(0);
  });
});
