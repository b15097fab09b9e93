import type { DateFormatChoice } from '../../../electron/common/model/settings';
import type { DatePrecision } from '../../../electron/common/model/timeline';
import { formatDate } from '../../../electron/common/text/dateFormat';
import { dates } from '../ui/formatDate';

/** How far the timeline is zoomed: the span each heading covers. */
export type Zoom = 'decade' | 'year' | 'month' | 'day';
export const ZOOMS: readonly { zoom: Zoom; label: string }[] = [
  { zoom: 'decade', label: 'timeline:decades' },
  { zoom: 'year', label: 'timeline:years' },
  { zoom: 'month', label: 'timeline:months' },
  { zoom: 'day', label: 'timeline:days' },
];

/** A date as precise as it is known: "Monday 5 May 2025", "November 2024", "2014". */
export function formatEventDate(date: string, precision: DatePrecision, locale?: string, choice: DateFormatChoice = dates().choice): string {
  // Cut to the precision, so the app's one formatter writes a year, a month or a day (the weekday too, in words).
  const known = date.slice(0, precision === 'year' ? 4 : precision === 'month' ? 7 : 10);
  return formatDate(known, choice, { locale, weekday: true });
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
export function groupByDate<T extends { date: string; precision: DatePrecision }>(
  items: readonly T[],
  zoom: Zoom,
  locale?: string,
  choice: DateFormatChoice = dates().choice,
): DateGroup<T>[] {
  const groups: DateGroup<T>[] = [];
  const byKey = new Map<string, DateGroup<T>>();
  for (const item of items) {
    const depth = Math.min(DEPTH[zoom], DEPTH[item.precision]);
    const year = Number(item.date.slice(0, 4));
    const key = depth === 0 ? `${item.date.slice(0, 3)}0s` : item.date.slice(0, [0, 4, 7, 10][depth]);
    let group = byKey.get(key);
    if (!group) {
      const heading = depth === 0 ? key : formatEventDate(key, depth === 1 ? 'year' : depth === 2 ? 'month' : 'day', locale, choice);
      group = { key, heading, year: depth === 0 ? Math.floor(year / 10) * 10 : year, items: [] };
      byKey.set(key, group);
      groups.push(group);
    }
    group.items.push(item);
  }
  return groups;
}
