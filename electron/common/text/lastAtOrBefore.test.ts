import { describe, expect, it } from 'vitest';
import { lastAtOrBefore } from './lastAtOrBefore';

describe('lastAtOrBefore', () => {
  it('finds the last start at or before a value, by binary search', () => {
    const starts = [0, 10, 25, 40];
    expect([0, 9, 10, 24, 25, 39, 40, 1000].map((v) => lastAtOrBefore(starts, v))).toEqual([0, 0, 1, 1, 2, 2, 3, 3]);
  });
  it('answers 0 before the first value and for a list of one', () => {
    expect(lastAtOrBefore([5, 9], 2)).toBe(0);
    expect(lastAtOrBefore([0], 7)).toBe(0);
  });
});
