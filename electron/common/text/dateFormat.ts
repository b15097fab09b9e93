import type { DateFormatChoice } from '../model/settings';

/**
 * The one way Dossier shows a date to people, in the app and in exported briefs, chosen in
 * Settings: the locale's own ("5 May 2025" in en-GB, "May 5, 2025" in en-US), ISO ("2025-05-05"),
 * or day month year in words ("5 May 2025") whatever the locale. Pure, so the renderer and the
 * core print the same thing.
 *
 * Calendar dates ("2025-05-05", "2025-05", "2025": a published date, a timeline event) are days,
 * not instants: they are printed as written, in UTC, so no time zone moves them to the day before.
 * Instants (an ISO timestamp, a Date, milliseconds) are printed in the analyst's time zone.
 */

export type DateValue = string | number | Date;

export interface DateFormatOptions {
  /** BCP 47 locale for `locale` (the system's by default). */
  locale?: string;
  /** Only with a calendar day: the weekday too ("Monday 5 May 2025"), for timeline headings. */
  weekday?: boolean;
  /** Time zone for instants (the system's by default); tests pin it. */
  timeZone?: string;
}

const CALENDAR = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
/*
 * "Day month year" keeps its order on every machine, but the month is named in the UI's language
 * ("4 مايو 2025" in an Arabic window): the locale gives the words and the digits, not the order.
 * Without a locale (the CLI, exports from the core) it stays English.
 */
const WORDS_LOCALE = 'en-GB';

type Precision = 'year' | 'month' | 'day';

/** The date alone: "5 May 2025", "2025-05-05", a month ("May 2025") or a year for a partial calendar date. */
export function formatDate(value: DateValue, choice: DateFormatChoice, options: DateFormatOptions = {}): string {
  const calendar = typeof value === 'string' ? CALENDAR.exec(value.trim()) : null;
  if (calendar) {
    const [, y, m, d] = calendar;
    const precision: Precision = d ? 'day' : m ? 'month' : 'year';
    return formatParts(new Date(Date.UTC(Number(y), Number(m ?? 1) - 1, Number(d ?? 1))), precision, choice, { ...options, timeZone: 'UTC' });
  }
  const at = toDate(value);
  if (!at) return String(value);
  return formatParts(at, 'day', choice, { ...options, weekday: false });
}

/** Date and time of an instant: "5 May 2025, 14:03", "2025-05-05 14:03", the locale's medium date and short time. */
export function formatDateTime(value: DateValue, choice: DateFormatChoice, options: DateFormatOptions = {}): string {
  const at = toDate(value);
  if (!at) return String(value);
  const timeZone = options.timeZone;
  if (choice === 'iso') {
    const p = numericParts(at, timeZone);
    return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
  }
  const date = formatParts(at, 'day', choice, { ...options, weekday: false });
  const time = new Intl.DateTimeFormat(options.locale ?? (choice === 'locale' ? undefined : WORDS_LOCALE), { timeStyle: 'short', timeZone }).format(at);
  return `${date}, ${time}`;
}

/** How coarse a compact date is: a year, a month, or a day. */
export type CompactPrecision = 'year' | 'month' | 'day';

/**
 * A calendar date (UTC) written short, for tight places such as the timeline axis's ticks, in the
 * same format as every other date: ISO "2025", "2025-06", "2025-06-05"; day month year "2025",
 * "Jun 2025", "5 Jun"; the locale's own short month and day ("Jun 2025", "Jun 5" in en-US). A
 * day drops its year in words (the axis says which years it spans); ISO keeps it, as a partial
 * ISO day ("06-05") would read as day-month to half the world.
 */
export function formatCompactDate(at: number | Date, precision: CompactPrecision, choice: DateFormatChoice, options: Pick<DateFormatOptions, 'locale'> = {}): string {
  const date = at instanceof Date ? at : new Date(at);
  if (choice === 'iso') {
    const y = date.getUTCFullYear();
    const year = y < 0 ? `-${String(-y).padStart(4, '0')}` : String(y).padStart(4, '0');
    const month = String(date.getUTCMonth() + 1).padStart(2, '0');
    const day = String(date.getUTCDate()).padStart(2, '0');
    return precision === 'year' ? year : precision === 'month' ? `${year}-${month}` : `${year}-${month}-${day}`;
  }
  if (choice === 'day-month-year') {
    if (precision === 'year') return new Intl.DateTimeFormat(options.locale ?? WORDS_LOCALE, { year: 'numeric', timeZone: 'UTC' }).format(date);
    return dayMonthYear(date, { month: 'short', year: precision === 'month', day: precision === 'day' }, options.locale, 'UTC');
  }
  const parts: Intl.DateTimeFormatOptions =
    precision === 'year' ? { year: 'numeric' } : precision === 'month' ? { month: 'short', year: 'numeric' } : { day: 'numeric', month: 'short' };
  return new Intl.DateTimeFormat(options.locale, { ...parts, timeZone: 'UTC' }).format(date);
}

function formatParts(at: Date, precision: Precision, choice: DateFormatChoice, options: DateFormatOptions): string {
  const timeZone = options.timeZone;
  if (choice === 'iso') {
    const p = numericParts(at, timeZone);
    return precision === 'year' ? p.year : precision === 'month' ? `${p.year}-${p.month}` : `${p.year}-${p.month}-${p.day}`;
  }
  const locale = choice === 'locale' ? options.locale : (options.locale ?? WORDS_LOCALE);
  if (precision === 'year') return new Intl.DateTimeFormat(locale, { year: 'numeric', timeZone }).format(at);
  if (precision === 'month') return new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone }).format(at);
  if (options.weekday && choice === 'day-month-year') return dayMonthYear(at, { month: 'long', weekday: 'long' }, locale, timeZone, true);
  if (options.weekday) return new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone }).format(at);
  if (choice === 'locale') return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone }).format(at);
  return dayMonthYear(at, { month: 'long' }, options.locale, timeZone, true);
}

/**
 * Day, month and year in that order with the month in the locale's words; only the parts that
 * `fields` names. The locale's own pattern is kept where its order is already day month year
 * (en-GB, ar, fr …: their separators and any right-to-left marks stay right); elsewhere (en-US,
 * ja …) the parts are put in order with spaces.
 */
function dayMonthYear(
  at: Date,
  fields: Pick<Intl.DateTimeFormatOptions, 'month' | 'weekday'> & { year?: boolean; day?: boolean },
  locale: string | undefined,
  timeZone: string | undefined,
  all = false,
): string {
  const options: Intl.DateTimeFormatOptions = { month: fields.month, weekday: fields.weekday, timeZone };
  if (all || fields.day) options.day = 'numeric';
  if (all || fields.year) options.year = 'numeric';
  const parts = new Intl.DateTimeFormat(locale ?? WORDS_LOCALE, options).formatToParts(at);
  const order = parts.filter((p) => p.type === 'weekday' || p.type === 'day' || p.type === 'month' || p.type === 'year').map((p) => p.type);
  const wanted = (['weekday', 'day', 'month', 'year'] as const).filter((type) => order.includes(type));
  if (order.join() === wanted.join()) return parts.map((p) => p.value).join('');
  return wanted.map((type) => parts.find((p) => p.type === type)!.value).join(' ');
}

function numericParts(at: Date, timeZone: string | undefined): Record<'year' | 'month' | 'day' | 'hour' | 'minute', string> {
  const parts = new Intl.DateTimeFormat('en-CA', {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
  }).formatToParts(at);
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return { year: get('year').padStart(4, '0'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute') };
}

function toDate(value: DateValue): Date | null {
  const at = value instanceof Date ? value : new Date(value);
  return Number.isNaN(at.getTime()) ? null : at;
}

/** The choices as Settings lists them, each with an example of today's kind. */
export const DATE_FORMAT_LABELS: Record<DateFormatChoice, string> = {
  locale: 'As the system’s language and region (default)',
  iso: 'ISO: 2025-05-05',
  'day-month-year': 'Day month year: 5 May 2025',
};
