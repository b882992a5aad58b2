import { describe, expect, it } from '@jest/globals';
import { planStreet, REFERENCE_FIGURES } from './plan.js';

describe('the reference street plan', () => {
  const plan = planStreet(1);

  it('has exactly the figures of the reference street', () => {
    expect(plan.offices).toHaveLength(3);
    expect(plan.communities.filter((c) => c.kind === 'COMMUNITY')).toHaveLength(40);
    expect(plan.communities.filter((c) => c.kind === 'VILLAGE')).toHaveLength(27);
    expect(plan.grids.filter((g) => g.kind === 'COMPREHENSIVE')).toHaveLength(276);
    expect(plan.grids.filter((g) => g.kind === 'DEDICATED')).toHaveLength(33);
    expect(plan.microGrids).toHaveLength(2190);
    expect(plan.units).toHaveLength(124);
    expect(plan.communities.reduce((sum, c) => sum + c.population, 0)).toBe(REFERENCE_FIGURES.residents);
  });

  it('keeps households within the grid sizes of the domain', () => {
    for (const grid of plan.grids.filter((g) => g.kind === 'COMPREHENSIVE')) {
      expect(grid.households).toBeGreaterThanOrEqual(300);
      expect(grid.households).toBeLessThanOrEqual(500);
    }
    for (const micro of plan.microGrids) {
      expect(micro.households).toBeGreaterThanOrEqual(50);
      expect(micro.households).toBeLessThanOrEqual(100);
    }
  });

  it('pairs every community with at least one unit and every unit with at least one community', () => {
    expect(new Set(plan.pairings.map((p) => p.communityId)).size).toBe(67);
    expect(new Set(plan.pairings.map((p) => p.unitId)).size).toBe(124);
  });

  it('gives unique ids and names, and is the same on every run', () => {
    for (const list of [plan.communities, plan.grids, plan.microGrids, plan.units, plan.pairings]) {
      expect(new Set(list.map((item) => item.id)).size).toBe(list.length);
    }
    expect(new Set(plan.communities.map((c) => c.name)).size).toBe(67);
    expect(planStreet(1)).toEqual(plan);
  });

  it('multiplies the street by the scale factor', () => {
    const doubled = planStreet(2);
    expect(doubled.communities).toHaveLength(134);
    expect(doubled.microGrids).toHaveLength(4380);
    expect(doubled.units).toHaveLength(248);
    expect(new Set(doubled.pairings.map((p) => p.communityId)).size).toBe(134);
    expect(() => planStreet(0)).toThrow(/scale/);
  });
});
