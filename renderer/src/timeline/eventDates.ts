import type { DatePrecision } from '../../../electron/common/model/timeline';

/** How far the timeline is zoomed: the span each heading covers. */
export type Zoom = 'decade' | 'year' | 'month' | 'day';
export const ZOOMS: readonly { zoom: Zoom; label: string }[] = [
  { zoom: 'decade', label: 'Decades' },
  { zoom: 'year', label: 'Years' },
  { zoom: 'month', label: 'Months' },
  { zoom: 'day', label: 'Days' },
];

/** A date as precise as it is known: "Monday 5 May 2025", "November 2024", "2014". */
export function formatEventDate(date: string, precision: DatePrecision, locale?: string): string {
  if (precision === 'year') return date.slice(0, 4);
  const [year, month, day] = date.split('-').map(Number) as [number, number, number?];
  const at = new Date(Date.UTC(year, month - 1, day ?? 1));
  // UTC throughout: the date is a calendar day, not an instant in the analyst's time zone.
  if (precision === 'month') return new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(at);
  return new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(at);
}

/** A group of the timeline under one heading. */
export interface DateGroup<T> {
  /** '2010s', '2014', '2024-11', '2025-05-05': what the heading covers. */
  key: string;
  heading: string;
  /** The year it falls in (the decade's first for a decade): where the year ruler points. */
  year: number;
  items: T[];
}

const DEPTH: Record<Zoom | DatePrecision, number> = { decade: 0, year: 1, month: 2, day: 3 };

/**
 * Events (already earliest first) under headings of the zoom's span. An event known less
 * precisely than the zoom gets a heading of its own precision, before the finer ones it holds:
 * at the month zoom, "2014" heads the events known only by their year, above "January 2014".
 */
export function groupByDate<T extends { date: string; precision: DatePrecision }>(items: readonly T[], zoom: Zoom, locale?: string): DateGroup<T>[] {
  const groups: DateGroup<T>[] = [];
  const byKey = new Map<string, DateGroup<T>>();
  for (const item of items) {
    const depth = Math.min(DEPTH[zoom], DEPTH[item.precision]);
    const year = Number(item.date.slice(0, 4));
    const key = depth === 0 ? `${item.date.slice(0, 3)}0s` : item.date.slice(0, [0, 4, 7, 10][depth]);
    let group = byKey.get(key);
    if (!group) {
      const heading = depth === 0 ? key : formatEventDate(key, depth === 1 ? 'year' : depth === 2 ? 'month' : 'day', locale);
      group = { key, heading, year: depth === 0 ? Math.floor(year / 10) * 10 : year, items: [] };
      byKey.set(key, group);
      groups.push(group);
    }
    group.items.push(item);
  }
  return groups;
}
