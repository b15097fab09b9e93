import { describe, expect, it } from 'vitest';
import { isCalendarDate, IsoDate } from './isoDate';

describe('IsoDate', () => {
  it('accepts real calendar dates only', () => {
    expect(IsoDate.safeParse('2025-05-04').success).toBe(true);
    expect(IsoDate.safeParse('2024-02-29').success).toBe(true);
    for (const bad of ['2025-02-29', '2025-02-30', '2025-13-01', '2025-5-4', '04/05/2025', '2025-05-04T00:00:00Z']) {
      expect(IsoDate.safeParse(bad).success, bad).toBe(false);
    }
  });

  it('names the problem in the same words for a wrong format and an impossible day', () => {
    for (const bad of ['2025-02-30', '4 May 2025']) expect(IsoDate.safeParse(bad).error?.issues[0]?.message, bad).toBe('not a calendar date');
  });
});

describe('isCalendarDate', () => {
  it.each([
    ['2024-02-29', true],
    ['2025-05-04', true],
    ['2025-12-31', true],
    ['2025-02-29', false],
    ['2025-02-30', false],
    ['2025-04-31', false],
    ['2025-00-10', false],
    ['2025-1-01', false],
    ['2025-01-01T00:00', false],
    ['', false],
  ])('%j → %s', (input, expected) => {
    expect(isCalendarDate(input)).toBe(expected);
  });
});
