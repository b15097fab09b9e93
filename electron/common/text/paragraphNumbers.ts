import { splitParagraphs } from './normalizeArticleText';
import { lastAtOrBefore } from './lastAtOrBefore';

/**
 * Where a passage is, said as a reader counts: "¶ 4", or "¶ 4–5" across paragraphs. Paragraphs are
 * the ones the reader shows (`splitParagraphs`: blank lines separate them), numbered from 1, so a
 * citation in a brief points at what the analyst sees rather than at character offsets.
 */
export interface ParagraphSpan {
  first: number;
  last: number;
}

/** The paragraphs of one text, found once, for mapping many passages (a brief's highlights). */
export class ParagraphNumbers {
  private readonly starts: number[];
  private readonly ends: number[];

  constructor(text: string) {
    const paragraphs = splitParagraphs(text);
    this.starts = paragraphs.map((p) => p.start);
    this.ends = paragraphs.map((p) => p.end);
  }

  /** The paragraphs [start, end) touches, or null when the text has none there (an offset past its end). */
  span(start: number, end: number): ParagraphSpan | null {
    const count = this.starts.length;
    if (count === 0 || start < 0 || start >= this.ends[count - 1]!) return null;
    let first = this.indexAt(start);
    // A start in the blank lines between paragraphs belongs to the paragraph that follows.
    if (start >= this.ends[first]!) first = Math.min(first + 1, count - 1);
    const last = Math.max(first, this.indexAt(Math.max(start, end - 1)));
    return { first: first + 1, last: last + 1 };
  }

  /** "¶ 4" or "¶ 4–5"; null when the passage is outside the text. */
  label(start: number, end: number): string | null {
    const span = this.span(start, end);
    return span && paragraphLabel(span);
  }

  /** The last paragraph starting at or before `offset` (the first when none does). */
  private indexAt(offset: number): number {
    return lastAtOrBefore(this.starts, offset);
  }
}

export function paragraphLabel({ first, last }: ParagraphSpan): string {
  return first === last ? `¶ ${first}` : `¶ ${first}–${last}`;
}

/** One passage of one text; for many passages of the same text, build a `ParagraphNumbers` once. */
export function paragraphsOf(text: string, start: number, end: number): string | null {
  return new ParagraphNumbers(text).label(start, end);
}
