import { describe, expect, it } from 'vitest';
import { coverage, DAY, extentOf, fitLabel, MIN_SPAN, panSpan, stepFor, ticks, zoomSpan } from './timeAxis';

const iso = (at: number) => new Date(at).toISOString().slice(0, 10);

describe('coverage', () => {
  it('covers a whole year, month or day as the date is known', () => {
    expect([coverage('2014', 'year')].map((c) => [iso(c.start), iso(c.end)])).toEqual([['2014-01-01', '2015-01-01']]);
    expect([coverage('2024-11', 'month')].map((c) => [iso(c.start), iso(c.end)])).toEqual([['2024-11-01', '2024-12-01']]);
    expect([coverage('2025-05-05', 'day')].map((c) => [iso(c.start), iso(c.end)])).toEqual([['2025-05-05', '2025-05-06']]);
    // Years before 100 are not read as 19xx.
    expect(iso(coverage('0044', 'year').start)).toBe('0044-01-01');
  });
});

describe('extentOf', () => {
  it('spans the sample’s dates, 2014 to May 2025, with a margin', () => {
    const span = extentOf([
      { date: '2014', precision: 'year' },
      { date: '2024-11', precision: 'month' },
      { date: '2025-05-05', precision: 'day' },
    ])!;
    expect(span.start).toBeLessThan(coverage('2014', 'year').start);
    expect(span.end).toBeGreaterThan(coverage('2025-05-05', 'day').end);
    expect(extentOf([])).toBeNull();
  });

  it('never opens closer than the closest zoom, even on a single day', () => {
    const span = extentOf([{ date: '2025-05-05', precision: 'day' }])!;
    expect(span.end - span.start).toBeGreaterThanOrEqual(MIN_SPAN);
  });
});

describe('zoom and pan', () => {
  it('zooms around the moment under the pointer, keeping it in place', () => {
    const span = { start: 0, end: 1000 * DAY };
    const at = 250 * DAY;
    const closer = zoomSpan(span, 2, at);
    expect(closer.end - closer.start).toBe(500 * DAY);
    expect((at - closer.start) / (closer.end - closer.start)).toBeCloseTo(0.25);
    expect(zoomSpan(span, 1e9).end - zoomSpan(span, 1e9).start).toBe(MIN_SPAN);
    expect(panSpan(span, DAY)).toEqual({ start: DAY, end: 1001 * DAY });
  });
});

describe('ticks', () => {
  it('goes from decades to days as the span narrows', () => {
    const width = 800;
    const century = { start: coverage('1950', 'year').start, end: coverage('2025', 'year').end };
    expect(ticks(century, width).unit).toBe('decade');
    expect(ticks(century, width).ticks.map((t) => t.label)).toContain('2000s');
    const decade = { start: coverage('2014', 'year').start, end: coverage('2025', 'year').end };
    expect(ticks(decade, width).unit).toBe('year');
    const months = { start: coverage('2024-11', 'month').start, end: coverage('2025-05', 'month').end };
    expect(ticks(months, width).unit).toBe('month');
    const days = { start: coverage('2025-05-01', 'day').start, end: coverage('2025-05-10', 'day').end };
    const dayTicks = ticks(days, width, 'locale', 'en-GB');
    expect(dayTicks.unit).toBe('day');
    expect(dayTicks.ticks.map((t) => t.label)).toContain('5 May');
  });

  it('labels ticks in the date format of the setting', () => {
    const months = { start: coverage('2024-11', 'month').start, end: coverage('2025-05', 'month').end };
    const labels = (choice: 'iso' | 'day-month-year' | 'locale') => ticks(months, 800, choice, 'en-US').ticks.map((t) => t.label);
    expect(labels('iso')).toContain('2025-01');
    expect(labels('day-month-year')).toContain('Jan 2025');
    expect(labels('locale')).toContain('Jan 2025');
    const days = { start: coverage('2025-05-01', 'day').start, end: coverage('2025-05-10', 'day').end };
    expect(ticks(days, 800, 'iso').ticks.map((t) => t.label)).toContain('2025-05-05');
    expect(ticks(days, 800, 'day-month-year').ticks.map((t) => t.label)).toContain('5 May');
    expect(ticks(days, 800, 'locale', 'en-US').ticks.map((t) => t.label)).toContain('May 5');
    const decade = { start: coverage('2014', 'year').start, end: coverage('2025', 'year').end };
    expect(ticks(decade, 800, 'iso').ticks.map((t) => t.label)).toContain('2020');
  });

  it('spaces ISO days wider than day-month words, so the longer labels never touch', () => {
    const fortnight = { start: coverage('2025-05-01', 'day').start, end: coverage('2025-05-11', 'day').end };
    // 11 days over 800 px: 73 px a day, room for "5 May" but not for "2025-05-05".
    expect(stepFor(fortnight, 800).every).toBe(1);
    const iso = ticks(fortnight, 800, 'iso');
    const words = ticks(fortnight, 800, 'day-month-year');
    expect(iso.ticks.length).toBeLessThan(words.ticks.length);
    const gap = (list: { at: number }[]) => ((list[1]!.at - list[0]!.at) / (fortnight.end - fortnight.start)) * 800;
    expect(gap(iso.ticks)).toBeGreaterThanOrEqual('2025-05-05'.length * 6.2);
  });

  it('keeps ticks far enough apart for their labels, and in order', () => {
    for (const widthDays of [4, 40, 400, 4000, 40000]) {
      const span = { start: coverage('2000', 'year').start, end: coverage('2000', 'year').start + widthDays * DAY };
      const { ticks: list } = ticks(span, 600);
      const gaps = list.slice(1).map((t, i) => ((t.at - list[i]!.at) / (span.end - span.start)) * 600);
      expect(gaps.every((g) => g >= 40)).toBe(true);
      expect(list.every((t) => t.at >= span.start && t.at <= span.end)).toBe(true);
    }
    expect(stepFor({ start: 0, end: 30 * DAY }, 600).unit).toBe('day');
  });
});

describe('fitLabel', () => {
  it('keeps a label that fits, and cuts a long one at a word with an ellipsis', () => {
    expect(fitLabel('Special partnership', 400)).toBe('Special partnership');
    const cut = fitLabel('Defence Minister Rajnath Singh will hold a bilateral meeting', 120);
    expect(cut.endsWith('…')).toBe(true);
    expect(cut.length).toBeLessThanOrEqual(Math.floor(120 / 6.2));
    expect('Defence Minister Rajnath Singh will hold'.startsWith(cut.slice(0, -1))).toBe(true);
    expect(cut.slice(0, -1)).not.toMatch(/\s$/);
  });
});
