import type { PairingStatus } from '../__generated__/resolvers-types.js';

/** The street works on China Standard Time: a pairing ending on 12-31 is active until midnight there. */
const SHANGHAI_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' });

/** Today's calendar date in Asia/Shanghai as YYYY-MM-DD (en-CA formats dates that way). */
export function shanghaiDate(now: Date): string {
  return SHANGHAI_DATE.format(now);
}

export interface PairingDates {
  startsOn: string;
  endsOn: string;
  terminatedOn: string | null;
}

/**
 * Only early termination is stored; everything else follows from the agreement's dates, so a
 * status can never go stale. Both ends are inclusive. ISO dates compare correctly as strings.
 */
export function pairingStatus(dates: PairingDates, today: string): PairingStatus {
  if (dates.terminatedOn !== null && dates.terminatedOn <= today) return 'TERMINATED';
  if (today < dates.startsOn) return 'PENDING';
  if (today > dates.endsOn) return 'EXPIRED';
  return 'ACTIVE';
}
