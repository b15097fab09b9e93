import type { Day } from './resolveDate';

/**
 * The Solar Hijri (Persian) calendar, read backwards through ICU's own: Iran and Afghanistan date
 * their news in it ("۱۳ خرداد ۱۴۰۴" is 3 June 2025). ICU converts Gregorian → Persian only, so a
 * first guess (1 Farvardin falls on 20 or 21 March) is corrected by the days it is off, which takes
 * one or two steps; a date the calendar does not have (30 Esfand of a common year) gives null.
 */
const PERSIAN = new Intl.DateTimeFormat('en-u-ca-persian', { timeZone: 'UTC', year: 'numeric', month: 'numeric', day: 'numeric' });
const MS_PER_DAY = 86_400_000;

/** Days since the start of the Persian year: six months of 31 days, then months of 30. */
const dayOfYear = (month: number, day: number): number => (month <= 6 ? (month - 1) * 31 : 186 + (month - 7) * 30) + day;

function persianDay(ms: number): Day {
  const parts = PERSIAN.formatToParts(new Date(ms));
  const part = (type: 'year' | 'month' | 'day') => Number(parts.find((p) => p.type === type)?.value);
  return { year: part('year'), month: part('month'), day: part('day') };
}

export function persianToGregorian(year: number, month: number, day: number): Day | null {
  if (month < 1 || month > 12 || day < 1 || day > (month <= 6 ? 31 : 30)) return null;
  let ms = Date.UTC(year + 621, 2, 20) + (dayOfYear(month, day) - 1) * MS_PER_DAY;
  for (let step = 0; step < 4; step++) {
    const at = persianDay(ms);
    if (at.year === year && at.month === month && at.day === day) {
      const d = new Date(ms);
      return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
    }
    // Counting every year as 365 days is off by one across a leap year: then step one day.
    const off = (year - at.year) * 365 + dayOfYear(month, day) - dayOfYear(at.month, at.day);
    ms += (off !== 0 ? off : at.year < year ? 1 : -1) * MS_PER_DAY;
  }
  // 30 Esfand of a common year: the guesses pass it by.
  return null;
}
