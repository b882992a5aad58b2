import { describe, expect, it } from '@jest/globals';
import { CREDIT_BASE } from '../subgraphs/co-building/domain/credit.js';
import { generateCoBuildingDataset } from './co-building.js';
import { planStreet } from './plan.js';
import { generateResourcePoolsDataset } from './resource-pools.js';

describe('seeded duty credit (履责信用积分)', () => {
  const plan = planStreet(1);
  const coBuilding = generateCoBuildingDataset(plan);
  const resourcePools = generateResourcePoolsDataset(plan);

  it('carries a credit event for every seeded rated order of a unit, as the resource-pools outbox would have delivered it', () => {
    const providerOf = new Map(resourcePools.resources.map((resource) => [resource.id, resource]));
    const rated = resourcePools.demands.filter(
      (demand) => demand.status === 'RATED' && providerOf.get(demand.resource_id!)?.provider_kind === 'CO_BUILDING_UNIT',
    );
    expect(rated.length).toBeGreaterThan(100);
    const fromOrders = coBuilding.creditEvents!.filter((event) => event.source_subgraph === 'resource-pools');
    expect(fromOrders).toHaveLength(rated.length);
    const byDemand = new Map(fromOrders.map((event) => [event.source_id, event]));
    const rateTime = new Map(resourcePools.demandEvents.filter((event) => event.kind === 'RATE').map((event) => [event.demand_id, event.occurred_at]));
    for (const demand of rated) {
      expect(byDemand.get(demand.id)).toMatchObject({
        unit_id: providerOf.get(demand.resource_id!)!.provider_id,
        reason: 'RATING_RECEIVED',
        rating: demand.rating,
        source_type: 'Demand',
        occurred_at: new Date(rateTime.get(demand.id)!),
      });
    }
  });

  it('carries an order fulfilment for every seeded fulfilled or rated order of a unit, as the resource-pools outbox would have reported it', () => {
    const providerOf = new Map(resourcePools.resources.map((resource) => [resource.id, resource]));
    const fulfilled = resourcePools.demands.filter(
      (demand) => (demand.status === 'FULFILLED' || demand.status === 'RATED') && providerOf.get(demand.resource_id!)?.provider_kind === 'CO_BUILDING_UNIT',
    );
    expect(fulfilled.length).toBeGreaterThan(100);
    const fulfilTime = new Map(resourcePools.demandEvents.filter((event) => event.kind === 'FULFIL').map((event) => [event.demand_id, event.occurred_at]));
    expect(new Map(coBuilding.orderFulfilments!.map((row) => [row.order_id, row]))).toEqual(
      new Map(
        fulfilled.map((demand) => [
          demand.id,
          expect.objectContaining({
            unit_id: providerOf.get(demand.resource_id!)!.provider_id,
            community_id: demand.community_id,
            demand_source: demand.source,
            fulfilled_at: new Date(fulfilTime.get(demand.id)!),
          }),
        ]),
      ),
    );
  });

  it('gives most units a record, so credit tells units apart instead of showing the base everywhere', () => {
    const reference = new Date('2026-11-01T00:00:00Z');
    const score = new Map(plan.units.map((unit) => [unit.id, CREDIT_BASE]));
    for (const event of coBuilding.creditEvents!) {
      if (event.occurred_at <= reference && reference < event.valid_until) score.set(event.unit_id, score.get(event.unit_id)! + event.delta);
    }
    const atBase = [...score.values()].filter((value) => value === CREDIT_BASE).length;
    expect(atBase / plan.units.length).toBeLessThan(0.4);
    expect(new Set(score.values()).size).toBeGreaterThan(10);
    expect(Math.min(...score.values())).toBeLessThan(CREDIT_BASE);
  });
});
