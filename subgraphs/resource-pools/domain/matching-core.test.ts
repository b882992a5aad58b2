import { describe, expect, it } from '@jest/globals';
import { generateCity } from '../../../bench/matching/city.js';
import { DEFAULT_MATCH_CONFIG, evaluate, rank, scorePair, topScores, type MatchConfig } from './matching.js';
import { capacityPeriodKey } from './order-lifecycle.js';

describe('matching core (pure)', () => {
  const city = generateCity({ communities: 60, units: 200, resources: 3000, demands: 300 });
  const configs: MatchConfig[] = [
    DEFAULT_MATCH_CONFIG,
    { weights: { CATEGORY: 1, DISTANCE: 7, PAIRING: 0, CREDIT: 2.5, RATING: 3, CAPACITY: 0.5, FAIRNESS: 4 }, distanceScaleKm: 2, maxDistanceKm: 8 },
  ];

  it('scorePair (used for batches) agrees with evaluate (used for explanations) on every pair', () => {
    let candidates = 0;
    const mismatches: string[] = [];
    for (const config of configs) {
      for (const demand of city.demands.slice(0, 100)) {
        const signals = city.signals;
        for (const resource of city.resources) {
          const evaluation = evaluate(demand, resource, signals, config);
          const score = scorePair(demand, resource, signals, config)?.score ?? null;
          const expected = evaluation.kind === 'excluded' ? null : evaluation.score;
          if (evaluation.kind === 'candidate') candidates += 1;
          if (score !== expected) mismatches.push(`${demand.id}/${resource.id}: ${score} vs ${expected}`);
        }
      }
    }
    expect(mismatches).toEqual([]);
    expect(candidates).toBeGreaterThan(100);
  });

  it('scores are exactly the sum of the contributions the explanation shows', () => {
    for (const config of configs) {
      for (const demand of city.demands.slice(0, 100)) {
        for (const resource of city.resources.slice(0, 300)) {
          const evaluation = evaluate(demand, resource, city.signals, config);
          if (evaluation.kind !== 'candidate') continue;
          const shown = evaluation.terms.reduce((sum, term) => sum + Math.round(term.contribution * 10_000), 0) / 10_000;
          expect({ pair: `${demand.id}/${resource.id}`, score: evaluation.score }).toEqual({ pair: `${demand.id}/${resource.id}`, score: shown });
          for (const term of evaluation.terms) expect(term.contribution).toBe(Math.round(term.weight * term.value * 10_000) / 10_000);
        }
      }
    }
  });

  it('topScores returns the same order as rank, and every exclusion names one reason', () => {
    for (const demand of city.demands.slice(0, 50)) {
      const signals = city.signals;
      const ranking = rank(demand, city.resources, signals, DEFAULT_MATCH_CONFIG, 10);
      expect(topScores(demand, city.resources, signals, DEFAULT_MATCH_CONFIG, 10).map((c) => [c.resource.id, c.score])).toEqual(
        ranking.candidates.map((c) => [c.resource.id, c.score]),
      );
      for (const exclusion of ranking.excluded) {
        const r = exclusion.resource;
        switch (exclusion.reason) {
          case 'WRONG_CATEGORY':
            break;
          case 'NOT_SERVING_COMMUNITY':
            expect(r.servedCommunityIds.has(demand.communityId)).toBe(false);
            break;
          case 'NO_CAPACITY_LEFT':
            expect(r.remaining).toBeLessThanOrEqual(0);
            break;
          case 'TOO_FAR':
            expect(r.lat).not.toBeNull();
            break;
        }
      }
    }
  });

  it('keys capacity periods in China Standard Time', () => {
    // 2026-11-01 20:00 UTC is Monday 2 November 04:00 in Beijing.
    const at = new Date('2026-11-01T20:00:00Z');
    expect(capacityPeriodKey('DAY', at)).toBe('2026-11-02');
    expect(capacityPeriodKey('WEEK', at)).toBe('2026-11-02');
    expect(capacityPeriodKey('WEEK', new Date('2026-11-08T15:00:00Z'))).toBe('2026-11-02');
    expect(capacityPeriodKey('MONTH', new Date('2026-10-31T16:30:00Z'))).toBe('2026-11-01');
    expect(capacityPeriodKey('YEAR', at)).toBe('2026-01-01');
    expect(capacityPeriodKey('ONCE', at)).toBe('ONCE');
  });
});
