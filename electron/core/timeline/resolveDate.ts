import type { DatePrecision } from '../../common/model/timeline';

/** A calendar day: the publication date an article's dates are read against. */
export interface Day {
  year: number;
  month: number;
  day: number;
}

const MS_PER_DAY = 86_400_000;

function dayNumber(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * The year of a date given without one ("on December 30", "in November"): the one that puts it
 * nearest to the publication date, before or after. An article of 2 January 2025 saying "on
 * December 30" means 2024-12-30; one of 30 December 2024 saying "on January 3" means 2025-01-03.
 * A month counts from its nearest day (an article of May 2025 saying "in November" means November
 * 2024, which ended 155 days before, rather than November 2025, 181 days ahead). A tie goes to
 * the past: reports more often look back than ahead.
 */
export function nearestYear(reference: Day, month: number, day?: number): number {
  const ref = dayNumber(reference.year, reference.month, reference.day);
  let best: { year: number; distance: number } | null = null;
  for (const year of [reference.year - 1, reference.year, reference.year + 1]) {
    // 29 February only exists in leap years.
    if (day !== undefined && day > daysInMonth(year, month)) continue;
    const first = dayNumber(year, month, day ?? 1);
    const last = dayNumber(year, month, day ?? daysInMonth(year, month));
    const distance = ref < first ? first - ref : ref > last ? ref - last : 0;
    if (!best || distance < best.distance) best = { year, distance };
  }
  return best?.year ?? reference.year;
}

/** 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD', as precise as `precision` says. */
export function isoDate(precision: DatePrecision, year: number, month = 1, day = 1): string {
  const y = String(year).padStart(4, '0');
  const m = String(month).padStart(2, '0');
  if (precision === 'year') return y;
  if (precision === 'month') return `${y}-${m}`;
  return `${y}-${m}-${String(day).padStart(2, '0')}`;
}

/** The day an ISO date (YYYY-MM-DD) names; null for anything else. */
export function parseDay(iso: string | null | undefined): Day | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso ?? '');
  return m ? { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) } : null;
}
