import type { DatePart, DatePrecision } from '../../common/model/timeline';
import { findDates } from './findDates';
import type { Day } from './resolveDate';
import { sentenceSpans, spanAt, type Span } from './sentences';
import { suggestLabel } from './suggestLabel';

/** A confirmed mention of an entity in the article's current text. */
export interface MentionSpan {
  entityId: string;
  start: number;
  end: number;
}

/** A date found in an article, with the sentence that tells the event: a suggestion for the timeline. */
export interface DetectedEvent {
  /** Stable while the sentence and the date's place in it stay the same, across versions of the text. */
  key: string;
  date: string;
  precision: DatePrecision;
  certain: DatePart[];
  /** The date's own words. */
  phrase: Span & { text: string };
  /** The sentence holding them: the event's evidence. */
  sentence: Span;
  label: string;
  /** Entities with a confirmed mention in the sentence, in order of first mention. */
  entityIds: string[];
}

export interface DetectionInput {
  /** The publication date (YYYY-MM-DD) relative dates are read against; null keeps only dated ones. */
  published: Day | null;
  language?: string | null;
  mentions?: readonly MentionSpan[];
}

/** Every date an article's text names, as candidate events, in text order. */
export function detectEvents(text: string, input: DetectionInput): DetectedEvent[] {
  const sentences = sentenceSpans(text, input.language ?? 'en');
  const mentions = [...(input.mentions ?? [])].sort((a, b) => a.start - b.start);
  const events: DetectedEvent[] = [];
  for (const phrase of findDates(text, input.published, input.language)) {
    const sentence = spanAt(sentences, phrase.start) ?? { start: phrase.start, end: phrase.end };
    const entityIds = [...new Set(mentions.filter((m) => m.start >= sentence.start && m.end <= sentence.end).map((m) => m.entityId))];
    events.push({
      key: eventKey(text.slice(sentence.start, sentence.end), phrase.start - sentence.start, phrase.text),
      date: phrase.date,
      precision: phrase.precision,
      certain: phrase.certain,
      phrase: { start: phrase.start, end: phrase.end, text: phrase.text },
      sentence,
      label: suggestLabel(text, sentence, phrase),
      entityIds,
    });
  }
  return events;
}

/**
 * A key from the sentence's words and where the date sits in it, not from offsets into the
 * article: a dismissed date stays dismissed in the next version of the text when its sentence is
 * unchanged. Two 32-bit FNV-1a hashes: collisions within one article are not a practical concern.
 */
export function eventKey(sentence: string, at: number, phrase: string): string {
  const input = `${at}\u0000${phrase}\u0000${sentence}`;
  return `d${fnv1a(input, 0x811c9dc5)}${fnv1a(input, 0x01000193 ^ 0x5bd1e995)}`;
}

/** 32-bit FNV-1a of `input` from `seed`, as 8 hex digits. */
export function fnv1a(input: string, seed: number): string {
  let hash = seed >>> 0;
  for (let i = 0; i < input.length; i++) {
    hash ^= input.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}
