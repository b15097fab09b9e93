import type { DateFormatChoice } from '../../../electron/common/model/settings';
import type { DatePrecision } from '../../../electron/common/model/timeline';
import { formatCompactDate } from '../../../electron/common/text/dateFormat';

/**
 * The arithmetic of the timeline's axis: dates as UTC milliseconds (a calendar day, not an instant
 * in the analyst's zone), a visible span that zooms from centuries to days, and ticks whose unit
 * follows the zoom. Pure, so the component only draws.
 */

export const DAY = 86_400_000;
const YEAR = 365.2425 * DAY;
/** Closer than this the axis would show hours, which no event has; wider, nothing reads. */
export const MIN_SPAN = 3 * DAY;
export const MAX_SPAN = 400 * YEAR;

export interface Span {
  start: number;
  end: number;
}

/** Date.UTC, except that years 0–99 stay themselves (Date.UTC reads them as 1900–1999). */
function utc(year: number, month = 0, day = 1): number {
  const at = new Date(Date.UTC(year, month, day));
  if (year >= 0 && year < 100) at.setUTCFullYear(at.getUTCFullYear() - 1900);
  return at.getTime();
}

/** The stretch of time a date covers at its precision: a whole year for "2014", a month for "2024-11". */
export function coverage(date: string, precision: DatePrecision): Span {
  const [y, m, d] = date.split('-').map(Number) as [number, number?, number?];
  if (precision === 'year') return { start: utc(y), end: utc(y + 1) };
  if (precision === 'month') return { start: utc(y, m! - 1), end: utc(y, m!) };
  return { start: utc(y, m! - 1, d!), end: utc(y, m! - 1, d! + 1) };
}

/** Everything the events cover, with a margin each side, never narrower than the closest zoom. */
export function extentOf(items: readonly { date: string; precision: DatePrecision }[]): Span | null {
  if (items.length === 0) return null;
  let start = Infinity;
  let end = -Infinity;
  for (const item of items) {
    const c = coverage(item.date, item.precision);
    start = Math.min(start, c.start);
    end = Math.max(end, c.end);
  }
  const margin = Math.max((end - start) * 0.05, DAY);
  return clampSpan({ start: start - margin, end: end + margin });
}

function clampSpan(span: Span): Span {
  const width = span.end - span.start;
  const centre = (span.start + span.end) / 2;
  const clamped = Math.min(MAX_SPAN, Math.max(MIN_SPAN, width));
  return clamped === width ? span : { start: centre - clamped / 2, end: centre + clamped / 2 };
}

/** Zooms by `factor` (above 1: closer) keeping the moment `at` where it is on screen. */
export function zoomSpan(span: Span, factor: number, at: number = (span.start + span.end) / 2): Span {
  const width = span.end - span.start;
  const next = Math.min(MAX_SPAN, Math.max(MIN_SPAN, width / factor));
  const share = (at - span.start) / width;
  return { start: at - share * next, end: at - share * next + next };
}

export function panSpan(span: Span, by: number): Span {
  return { start: span.start + by, end: span.end + by };
}

export type TickUnit = 'decade' | 'year' | 'month' | 'day';

interface Step {
  unit: TickUnit;
  /** How many of the unit between ticks. */
  every: number;
  approx: number;
}

const STEPS: readonly Step[] = [
  { unit: 'day', every: 1, approx: DAY },
  { unit: 'day', every: 2, approx: 2 * DAY },
  { unit: 'day', every: 7, approx: 7 * DAY },
  { unit: 'day', every: 14, approx: 14 * DAY },
  { unit: 'month', every: 1, approx: YEAR / 12 },
  { unit: 'month', every: 3, approx: YEAR / 4 },
  { unit: 'month', every: 6, approx: YEAR / 2 },
  { unit: 'year', every: 1, approx: YEAR },
  { unit: 'year', every: 2, approx: 2 * YEAR },
  { unit: 'year', every: 5, approx: 5 * YEAR },
  { unit: 'decade', every: 1, approx: 10 * YEAR },
  { unit: 'decade', every: 2, approx: 20 * YEAR },
  { unit: 'decade', every: 5, approx: 50 * YEAR },
  { unit: 'decade', every: 10, approx: 100 * YEAR },
];

/** Ticks at least this many pixels apart leave room for their labels. */
const MIN_TICK_GAP = 64;
/** Space between one tick's label and the next. */
const LABEL_GAP = 16;

/**
 * The finest step whose ticks stand far enough apart at this width: at least MIN_TICK_GAP, and
 * wider when the unit's labels are (an ISO day, "2025-06-05", needs more room than "5 Jun").
 */
export function stepFor(span: Span, width: number, labelWidth: (unit: TickUnit) => number = () => 0): Step {
  const perPixel = (span.end - span.start) / Math.max(1, width);
  return STEPS.find((s) => s.approx / perPixel >= Math.max(MIN_TICK_GAP, labelWidth(s.unit) + LABEL_GAP)) ?? STEPS[STEPS.length - 1]!;
}

export interface Tick {
  at: number;
  label: string;
}

/**
 * Ticks across the span at the step the width allows, labelled in the date format of the app's
 * setting (coarser than a full date: a month is "2025-06", "Jun 2025" or the locale's short month).
 */
export function ticks(span: Span, width: number, choice: DateFormatChoice = 'locale', locale?: string): { unit: TickUnit; ticks: Tick[] } {
  const format = (unit: TickUnit) => formatter(unit, choice, locale);
  const step = stepFor(span, width, (unit) => labelWidth(format(unit)));
  const first = new Date(span.start);
  let y = first.getUTCFullYear();
  let m = first.getUTCMonth();
  let d = first.getUTCDate();
  // Start on a round tick at or before the span's start.
  if (step.unit === 'decade') [y, m, d] = [Math.floor(y / (10 * step.every)) * 10 * step.every, 0, 1];
  else if (step.unit === 'year') [y, m, d] = [Math.floor(y / step.every) * step.every, 0, 1];
  else if (step.unit === 'month') [m, d] = [Math.floor(m / step.every) * step.every, 1];
  else if (step.every === 7 || step.every === 14) d = 1;
  const label = format(step.unit);
  const result: Tick[] = [];
  for (let guard = 0; guard < 500; guard++) {
    const at = utc(y, m, d);
    if (at > span.end) break;
    if (at >= span.start) result.push({ at, label: label(at, y) });
    if (step.unit === 'decade') y += 10 * step.every;
    else if (step.unit === 'year') y += step.every;
    else if (step.unit === 'month') m += step.every;
    else {
      d += step.every;
      // Weekly ticks fall on the 1st, 8th, 15th and 22nd (fortnightly: 1st and 15th), so labels
      // stay on round days and the month's last days never crowd the next 1st.
      if (step.every >= 7 && d > 22) [m, d] = [m + 1, 1];
    }
  }
  return { unit: step.unit, ticks: result };
}

function formatter(unit: TickUnit, choice: DateFormatChoice, locale?: string): (at: number, year: number) => string {
  if (unit === 'decade') return (_, year) => `${year}s`;
  return (at) => formatCompactDate(at, unit, choice, { locale });
}

/** About how wide the unit's longest labels are: September's 28th, in the format chosen. */
function labelWidth(format: (at: number, year: number) => string): number {
  return format(utc(2025, 8, 28), 2025).length * CHAR_WIDTH;
}

/** About the width of a character of the axis's 11 px labels. */
const CHAR_WIDTH = 6.2;

/** The label cut at a word to fit `room` pixels, with an ellipsis when cut. */
export function fitLabel(label: string, room: number): string {
  const fits = Math.floor(room / CHAR_WIDTH);
  if (label.length <= fits) return label;
  const cut = label.slice(0, Math.max(1, fits - 1));
  const atWord = cut.replace(/\s+\S*$/, '');
  return `${atWord.length >= fits / 2 ? atWord : cut}…`;
}
