import { describe, expect, it } from '@jest/globals';
import { commitmentProgress, lastCompletedPeriod, periodWindow } from './commitments.js';
import { creditDelta, CREDIT_REASONS } from './credit.js';

const agreement = { from: '2026-03-15', to: '2027-03-14' };

describe('commitment periods', () => {
  it.each([
    ['MONTH', '2026-11-15', { from: '2026-11-01', to: '2026-11-30' }],
    ['MONTH', '2026-02-10', { from: '2026-03-15', to: '2026-03-31' }],
    ['QUARTER', '2026-05-01', { from: '2026-04-01', to: '2026-06-30' }],
    ['QUARTER', '2026-03-20', { from: '2026-03-15', to: '2026-03-31' }],
    ['HALF_YEAR', '2026-08-08', { from: '2026-07-01', to: '2026-12-31' }],
    ['YEAR', '2027-06-01', { from: '2027-01-01', to: '2027-03-14' }],
    ['AGREEMENT', '2026-11-15', agreement],
  ] as const)('%s containing %s, cut to the agreement', (period, today, expected) => {
    expect(periodWindow(period, today, agreement)).toEqual(expected);
  });

  it('finds the last period completed while the agreement was in force', () => {
    expect(lastCompletedPeriod('MONTH', '2026-11-15', agreement)).toEqual({ from: '2026-10-01', to: '2026-10-31' });
    expect(lastCompletedPeriod('QUARTER', '2026-03-20', agreement)).toBeNull();
    expect(lastCompletedPeriod('YEAR', '2026-11-15', agreement)).toBeNull();
    expect(lastCompletedPeriod('YEAR', '2027-02-01', agreement)).toEqual({ from: '2026-03-15', to: '2026-12-31' });
    expect(lastCompletedPeriod('AGREEMENT', '2027-03-15', agreement)).toEqual(agreement);
    expect(lastCompletedPeriod('AGREEMENT', '2027-03-14', agreement)).toBeNull();
  });

  it('counts per-member targets for every member who reported', () => {
    const progress = commitmentProgress(
      { kind: 'SERVICE_ACTIVITIES', target: 2, unitOfMeasure: 'ACTIVITIES', period: 'YEAR', perMember: true },
      {
        unitId: 'u',
        communityId: 'c',
        today: '2026-11-15',
        agreement,
        reports: [
          { hours: 1, servedOn: '2026-04-01', memberId: 'm1' },
          { hours: 1, servedOn: '2026-05-01', memberId: 'm2' },
          { hours: 1, servedOn: '2026-06-01', memberId: null },
        ],
        fulfilledOrders: null,
      },
    );
    expect(progress).toMatchObject({ achieved: 2, target: 4, ratio: 0.5, met: false });
  });
});

describe('credit policy', () => {
  it('scores every reason; a rating needs a value 1–5', () => {
    expect(CREDIT_REASONS.map((reason) => creditDelta(reason, 5))).toEqual([3, 2, -5, 5, -5]);
    expect(creditDelta('RATING_RECEIVED', null)).toBeNull();
    expect(creditDelta('RATING_RECEIVED', 0)).toBeNull();
    expect([1, 2, 3, 4, 5].map((rating) => creditDelta('RATING_RECEIVED', rating))).toEqual([-4, -2, 0, 1, 3]);
  });
});
