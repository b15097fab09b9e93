import { describe, expect, it } from 'vitest';
import { persianToGregorian } from './persianCalendar';

const iso = (y: number, m: number, d: number) => {
  const day = persianToGregorian(y, m, d);
  return day && `${day.year}-${String(day.month).padStart(2, '0')}-${String(day.day).padStart(2, '0')}`;
};

describe('persianToGregorian', () => {
  it('converts known dates: Nowruz, the leap day, the revolution, 13 Khordad 1404', () => {
    // Nowruz (1 Farvardin) on 21 March 2025 and 20 March 2024; 1403 was a leap year.
    expect(iso(1404, 1, 1)).toBe('2025-03-21');
    expect(iso(1403, 1, 1)).toBe('2024-03-20');
    expect(iso(1403, 12, 30)).toBe('2025-03-20');
    expect(iso(1399, 12, 30)).toBe('2021-03-20');
    // 22 Bahman 1357: 11 February 1979.
    expect(iso(1357, 11, 22)).toBe('1979-02-11');
    expect(iso(1404, 3, 13)).toBe('2025-06-03');
    // The last day of the first half-year and the first of the second.
    expect(iso(1404, 6, 31)).toBe('2025-09-22');
    expect(iso(1404, 7, 1)).toBe('2025-09-23');
  });

  it('agrees with ICU both ways over four years, day by day', () => {
    const persian = new Intl.DateTimeFormat('en-u-ca-persian', { timeZone: 'UTC', year: 'numeric', month: 'numeric', day: 'numeric' });
    for (let ms = Date.UTC(2023, 0, 1); ms < Date.UTC(2027, 0, 1); ms += 86_400_000) {
      const parts = persian.formatToParts(new Date(ms));
      const part = (t: string) => Number(parts.find((p) => p.type === t)!.value);
      expect(iso(part('year'), part('month'), part('day'))).toBe(new Date(ms).toISOString().slice(0, 10));
    }
  });

  it('gives no date for days the calendar lacks', () => {
    expect(iso(1404, 12, 30)).toBeNull();
    expect(iso(1404, 7, 31)).toBeNull();
    expect(iso(1404, 13, 1)).toBeNull();
  });
});
