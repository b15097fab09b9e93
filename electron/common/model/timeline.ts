import { z } from 'zod';
import { AnchorStatus, Authorship, TextPositionSelector, TextQuoteSelector } from './annotation';
import { isCalendarDate } from './isoDate';

/**
 * Events on the timeline: a date found in (or given to) a passage of an article, with a label and
 * the entities involved. A date keeps its precision: "2014" is a year, not 1 January 2014.
 */

export const DatePrecision = z.enum(['day', 'month', 'year']);
export type DatePrecision = z.infer<typeof DatePrecision>;

/**
 * Which parts of a date the text stated. "Monday" states a weekday, and the day it names comes
 * from the publication date; "November 2024" states a month and a year; "yesterday" states none.
 */
export const DatePart = z.enum(['year', 'month', 'day', 'weekday']);
export type DatePart = z.infer<typeof DatePart>;

const DATE_SHAPES: Record<DatePrecision, RegExp> = {
  year: /^\d{4}$/,
  month: /^\d{4}-(0[1-9]|1[0-2])$/,
  day: /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/,
};

/** The precision an ISO date of this shape has ('YYYY', 'YYYY-MM', 'YYYY-MM-DD'), or null. */
export function precisionOf(date: string): DatePrecision | null {
  for (const precision of DatePrecision.options) if (DATE_SHAPES[precision].test(date)) return precision;
  return null;
}

/** 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD', a day that exists (no 2025-02-30). */
export const EventDate = z.string().refine((date) => {
  const precision = precisionOf(date);
  if (precision !== 'day') return precision !== null;
  return isCalendarDate(date);
}, 'Use a date as YYYY, YYYY-MM or YYYY-MM-DD.');

/** A date with its precision, which the date's shape must agree with. */
export const DatedValue = z
  .object({ date: EventDate, precision: DatePrecision })
  .refine((d) => precisionOf(d.date) === d.precision, 'The precision does not match the date.');

export const EventLabel = z.string().trim().min(1, 'An event needs a label.').max(200);

/** Where the event is told: the sentence (or the passage the analyst chose), as an annotation targets it. */
export const EventEvidence = z.object({
  quote: TextQuoteSelector,
  position: TextPositionSelector,
});
export type EventEvidence = z.infer<typeof EventEvidence>;

/** A confirmed event, as an article's timeline.json keeps it. */
export const TimelineEvent = z.object({
  id: z.string(),
  rev: z.number().int().positive(),
  date: EventDate,
  precision: DatePrecision,
  certain: z.array(DatePart),
  label: EventLabel,
  /** Entity ids as they were when the event was confirmed or edited; merges are followed on reading. */
  entityIds: z.array(z.string()),
  evidence: EventEvidence,
  /** The detected date it was confirmed from (its suggestion key), or null when added by hand. */
  key: z.string().nullable(),
  source: z.enum(['detected', 'manual']),
  /** Whether the passage was found again in the article's current version (an orphan keeps its old selectors). */
  status: AnchorStatus,
  created: z.string(),
  modified: z.string(),
  ...Authorship,
});
export type TimelineEvent = z.infer<typeof TimelineEvent>;

export const EventEntity = z.object({ id: z.string(), name: z.string() });
export type EventEntity = z.infer<typeof EventEntity>;

/** A passage of the article's current text. */
export const Passage = z.object({ start: z.number().int().nonnegative(), end: z.number().int().nonnegative(), exact: z.string() });
export type Passage = z.infer<typeof Passage>;

/** A confirmed event as lists show it: with its article, entity names and where its passage is now. */
export const TimelineEntry = z.object({
  id: z.string(),
  rev: z.number().int().positive(),
  articleId: z.string(),
  articleTitle: z.string(),
  date: EventDate,
  precision: DatePrecision,
  certain: z.array(DatePart),
  label: z.string(),
  entities: z.array(EventEntity),
  /** Offsets into the article's current text; an orphan keeps those of the version it was found in. */
  evidence: Passage,
  /** Whether the passage was found again in the article's current version. */
  status: AnchorStatus,
  source: z.enum(['detected', 'manual']),
  /** Who confirmed or added it and who changed it last, and when (shown when someone else is involved). */
  created: z.string(),
  modified: z.string(),
  ...Authorship,
});
export type TimelineEntry = z.infer<typeof TimelineEntry>;

/** A date found in an article and not yet confirmed or dismissed. */
export const TimelineSuggestion = z.object({
  /** Stable while the sentence stays the same, across versions of the article. */
  key: z.string(),
  articleId: z.string(),
  date: EventDate,
  precision: DatePrecision,
  certain: z.array(DatePart),
  /** The words that name the date ("Monday", "November 2024"). */
  phrase: Passage,
  /** The sentence that tells the event: its evidence once confirmed. */
  evidence: Passage,
  label: z.string(),
  entities: z.array(EventEntity),
});
export type TimelineSuggestion = z.infer<typeof TimelineSuggestion>;

/** What an edit may change; absent fields stay as they are. */
export const TimelinePatch = z
  .object({
    label: EventLabel.optional(),
    date: EventDate.optional(),
    entityIds: z.array(z.string().min(1)).max(200).optional(),
  })
  .refine((p) => p.label !== undefined || p.date !== undefined || p.entityIds !== undefined, 'Nothing to change.');
export type TimelinePatch = z.infer<typeof TimelinePatch>;
