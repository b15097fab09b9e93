import { describe, expect, it } from 'vitest';
import type { DatePrecision } from '../../../electron/common/model/timeline';
import { formatEventDate, groupByDate } from './eventDates';

const at = (date: string, precision: DatePrecision) => ({ date, precision });
// Earliest first, as timeline.list answers.
const EVENTS = [at('2014', 'year'), at('2014-03', 'month'), at('2024-11', 'month'), at('2024-11', 'month'), at('2025-05-04', 'day'), at('2025-05-05', 'day')];

describe('formatEventDate', () => {
  it('writes a date as precisely as it is known', () => {
    // ICU versions differ on the comma after the weekday.
    expect(formatEventDate('2025-05-05', 'day', 'en-GB')).toMatch(/^Monday,? 5 May 2025$/);
    expect(formatEventDate('2024-11', 'month', 'en-GB')).toBe('November 2024');
    expect(formatEventDate('2014', 'year', 'en-GB')).toBe('2014');
  });
});

describe('groupByDate', () => {
  it('groups by the zoom’s span, from decades to days', () => {
    const headings = (zoom: Parameters<typeof groupByDate>[1]) => groupByDate(EVENTS, zoom, 'en-GB').map((g) => [g.heading.replace(',', ''), g.items.length]);
    expect(headings('decade')).toEqual([
      ['2010s', 2],
      ['2020s', 4],
    ]);
    expect(headings('year')).toEqual([
      ['2014', 2],
      ['2024', 2],
      ['2025', 2],
    ]);
    expect(headings('month')).toEqual([
      ['2014', 1],
      ['March 2014', 1],
      ['November 2024', 2],
      ['May 2025', 2],
    ]);
    expect(headings('day')).toEqual([
      ['2014', 1],
      ['March 2014', 1],
      ['November 2024', 2],
      ['Sunday 4 May 2025', 1],
      ['Monday 5 May 2025', 1],
    ]);
    expect(groupByDate(EVENTS, 'decade').map((g) => g.year)).toEqual([2010, 2020]);
  });
});
