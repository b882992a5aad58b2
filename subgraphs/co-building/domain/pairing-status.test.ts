import { describe, expect, it } from '@jest/globals';
import { pairingStatus, shanghaiDate } from './pairing-status.js';

const agreement = { startsOn: '2026-03-01', endsOn: '2027-12-31', terminatedOn: null };

describe('pairingStatus', () => {
  it.each([
    ['2026-02-28', 'PENDING'],
    ['2026-03-01', 'ACTIVE'],
    ['2026-11-01', 'ACTIVE'],
    ['2027-12-31', 'ACTIVE'],
    ['2028-01-01', 'EXPIRED'],
  ] as const)('on %s is %s (both ends inclusive)', (today, status) => {
    expect(pairingStatus(agreement, today)).toBe(status);
  });

  it('is TERMINATED from the termination day on, whatever the dates say', () => {
    const terminated = { ...agreement, terminatedOn: '2026-06-15' };
    expect(pairingStatus(terminated, '2026-06-14')).toBe('ACTIVE');
    expect(pairingStatus(terminated, '2026-06-15')).toBe('TERMINATED');
    expect(pairingStatus(terminated, '2028-06-01')).toBe('TERMINATED');
  });
});

describe('shanghaiDate', () => {
  it('uses the calendar day in China Standard Time, not UTC', () => {
    // 2026-12-31T17:00Z is already 2027-01-01 01:00 in Shanghai: the pairing above ended yesterday there.
    expect(shanghaiDate(new Date('2026-12-31T17:00:00Z'))).toBe('2027-01-01');
    expect(shanghaiDate(new Date('2026-12-31T15:59:59Z'))).toBe('2026-12-31');
    expect(shanghaiDate(new Date('2026-11-01T12:00:00+08:00'))).toBe('2026-11-01');
  });
});
