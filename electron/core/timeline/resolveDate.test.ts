import { describe, expect, it } from 'vitest';
import { isoDate, nearestYear, parseDay } from './resolveDate';

describe('nearestYear', () => {
  it('picks the year that puts the day nearest the reference, before or after', () => {
    expect(nearestYear({ year: 2025, month: 1, day: 2 }, 12, 30)).toBe(2024);
    expect(nearestYear({ year: 2024, month: 12, day: 30 }, 1, 3)).toBe(2025);
    expect(nearestYear({ year: 2025, month: 5, day: 4 }, 5, 5)).toBe(2025);
    expect(nearestYear({ year: 2025, month: 1, day: 2 }, 5, 5)).toBe(2025);
    expect(nearestYear({ year: 2025, month: 1, day: 2 }, 9, 5)).toBe(2024);
  });

  it('measures a month from its nearest day, and gives a tie to the past', () => {
    // Ended 155 days before 4 May 2025, against 181 days ahead.
    expect(nearestYear({ year: 2025, month: 5, day: 4 }, 11)).toBe(2024);
    expect(nearestYear({ year: 2025, month: 5, day: 4 }, 5)).toBe(2025);
    // 2 July 2024 (a leap year) is 183 days after 1 January 2024 and 183 days before 1 January 2025.
    expect(nearestYear({ year: 2024, month: 7, day: 2 }, 1, 1)).toBe(2024);
    expect(nearestYear({ year: 2024, month: 7, day: 3 }, 1, 1)).toBe(2025);
  });

  it('finds 29 February only in a leap year', () => {
    expect(nearestYear({ year: 2025, month: 1, day: 10 }, 2, 29)).toBe(2024);
    expect(nearestYear({ year: 2027, month: 12, day: 1 }, 2, 29)).toBe(2028);
  });
});

describe('isoDate and parseDay', () => {
  it('write a date as precisely as its precision and read back a day', () => {
    expect(isoDate('day', 2025, 5, 5)).toBe('2025-05-05');
    expect(isoDate('month', 2024, 11)).toBe('2024-11');
    expect(isoDate('year', 2014)).toBe('2014');
    expect(parseDay('2025-05-04')).toEqual({ year: 2025, month: 5, day: 4 });
    expect(parseDay('2025-05')).toBeNull();
    expect(parseDay(null)).toBeNull();
  });
});
