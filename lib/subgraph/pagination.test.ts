import { describe, expect, it } from '@jest/globals';
import { decodeCursor, encodeCursor, readPageArgs, toConnection } from './pagination.js';

describe('cursor pagination', () => {
  it('round-trips cursors and rejects forged ones with BAD_USER_INPUT naming `after`', () => {
    expect(decodeCursor(encodeCursor('community-07'))).toBe('community-07');
    for (const forged of ['', 'abc', Buffer.from('community-07').toString('base64url')]) {
      expect(() => decodeCursor(forged)).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'after' }) }));
    }
  });

  it('defaults `first` to 20 and bounds it to 0–100', () => {
    expect(readPageArgs({})).toEqual({ limit: 20, afterKey: null });
    expect(readPageArgs({ first: 0 }).limit).toBe(0);
    for (const first of [-1, 101, 2.5]) {
      expect(() => readPageArgs({ first })).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ field: 'first' }) }));
    }
  });

  it('uses the look-ahead row only to tell that there is a next page', () => {
    const rows = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
    const page = toConnection({ rows, totalCount: 10 }, { limit: 2, afterKey: null });
    expect(page.nodes.map((node) => node.id)).toEqual(['a', 'b']);
    expect(page.pageInfo).toEqual({ hasNextPage: true, hasPreviousPage: false, startCursor: encodeCursor('a'), endCursor: encodeCursor('b') });
    const last = toConnection({ rows: rows.slice(2), totalCount: 10 }, { limit: 2, afterKey: 'b' });
    expect(last.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    expect(last.totalCount).toBe(10);
  });
});
