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
// Words, not the locale's: "day month year" is meant to read the same on every machine.
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
  const time = new Intl.DateTimeFormat(choice === 'locale' ? options.locale : WORDS_LOCALE, { timeStyle: 'short', timeZone }).format(at);
  return `${date}, ${time}`;
}

function formatParts(at: Date, precision: Precision, choice: DateFormatChoice, options: DateFormatOptions): string {
  const timeZone = options.timeZone;
  if (choice === 'iso') {
    const p = numericParts(at, timeZone);
    return precision === 'year' ? p.year : precision === 'month' ? `${p.year}-${p.month}` : `${p.year}-${p.month}-${p.day}`;
  }
  const locale = choice === 'locale' ? options.locale : WORDS_LOCALE;
  if (precision === 'year') return new Intl.DateTimeFormat(locale, { year: 'numeric', timeZone }).format(at);
  if (precision === 'month') return new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone }).format(at);
  if (options.weekday) return new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone }).format(at);
  if (choice === 'locale') return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone }).format(at);
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone }).format(at);
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
