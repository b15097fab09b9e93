import { CONTEXT_LENGTH } from './textQuote';

/**
 * How well a stored prefix or suffix agrees with the text beside a candidate span: 1 − edit
 * distance / context length, with the alignment pinned at the candidate's edge and free at the far
 * end (the text there may have grown or shrunk). Pinning matters: text that merely contains the
 * context somewhere nearby is not the same neighbourhood.
 *
 * A context shorter than CONTEXT_LENGTH reached the start or end of the old text, so the edge of
 * the text counts as one more character of it: a quote that opened the old article agrees only with
 * a candidate that opens the new one.
 */
const TEXT_EDGE = '\u0000';

export function prefixAgreement(text: string, start: number, prefix: string): number {
  return agreementBefore(text, start, prefix, prefix.length < CONTEXT_LENGTH);
}

export function suffixAgreement(text: string, end: number, suffix: string): number {
  return agreementAfter(text, end, suffix, suffix.length < CONTEXT_LENGTH);
}

/** Edits between a stored context and the text, from its agreement there (the text's edge counted in). */
export function contextEdits(agreement: number, context: string): number {
  return Math.round((1 - agreement) * (context.length + (context.length < CONTEXT_LENGTH ? 1 : 0)));
}

/** Both contexts exactly as stored (agreement 1 on each side), checked without aligning anything. */
export function contextUnchanged(text: string, start: number, end: number, prefix: string, suffix: string): boolean {
  const before = text.slice(Math.max(0, start - prefix.length), start) === prefix && (prefix.length >= CONTEXT_LENGTH || start === prefix.length);
  const after = text.slice(end, end + suffix.length) === suffix && (suffix.length >= CONTEXT_LENGTH || end + suffix.length === text.length);
  return before && after;
}

/** Agreement of `expected` with the text that ends at `at`; with `edge`, the text's start is part of it. */
export function agreementBefore(text: string, at: number, expected: string, edge = false): number {
  const stored = reversed(expected) + (edge ? TEXT_EDGE : '');
  const from = Math.max(0, at - windowLength(stored));
  return agreement(stored, reversed(text.slice(from, at)) + (from === 0 ? TEXT_EDGE : ''));
}

/** Agreement of `expected` with the text that starts at `at`; with `edge`, the text's end is part of it. */
export function agreementAfter(text: string, at: number, expected: string, edge = false): number {
  const stored = expected + (edge ? TEXT_EDGE : '');
  const to = Math.min(text.length, at + windowLength(stored));
  return agreement(stored, text.slice(at, to) + (to === text.length ? TEXT_EDGE : ''));
}

/** Room for the text beside the candidate to have gained characters since. */
const windowLength = (stored: string) => stored.length + Math.ceil(stored.length / 2);

function reversed(s: string): string {
  let out = '';
  for (let i = s.length - 1; i >= 0; i--) out += s[i];
  return out;
}

/** 1 − (edit distance of `stored` to the best prefix of `seen`) / stored.length. */
function agreement(stored: string, seen: string): number {
  let row = Array.from({ length: seen.length + 1 }, (_, j) => j);
  for (let i = 1; i <= stored.length; i++) {
    const next = [i];
    for (let j = 1; j <= seen.length; j++) {
      const substitution = row[j - 1]! + (stored[i - 1] === seen[j - 1] ? 0 : 1);
      next.push(Math.min(substitution, row[j]! + 1, next[j - 1]! + 1));
    }
    row = next;
  }
  return 1 - Math.min(...row) / stored.length;
}

/** Closing punctuation of a sentence, with the quotation mark or bracket that may close after it. */
const SENTENCE_CLOSE = /[.!?]["'\u201D\u2019)]?$/u;
const isSpace = (c: string | undefined) => c !== undefined && /\s/u.test(c);

/**
 * A sentence or paragraph ends at offset `at` of s: a line break follows, or white space after
 * closing punctuation. Where s stops, only the end of the text is known to be one.
 */
function sentenceEndsAt(s: string, at: number, textEnd: boolean): boolean {
  if (at === s.length) return textEnd;
  if (s[at] === '\n') return true;
  return isSpace(s[at]) && SENTENCE_CLOSE.test(s.slice(Math.max(0, at - 2), at));
}

/** A sentence or paragraph starts at offset `at` of s (after a line break, or after closing punctuation and white space). */
export function sentenceStartsAt(s: string, at: number, textStart: boolean): boolean {
  let i = at;
  while (i > 0 && isSpace(s[i - 1])) {
    if (s[i - 1] === '\n') return true;
    i--;
  }
  if (i === 0) return textStart;
  return i < at && SENTENCE_CLOSE.test(s.slice(Math.max(0, i - 2), i));
}

/**
 * How much of the stored suffix agrees with the text after the span as far as the quote's sentence
 * goes, when the sentence ends there in the text too (else null): what followed, the next sentence
 * or the paragraph after, was inserted, deleted or moved, not the quote's own words. For a quote
 * that ends its sentence, that boundary is all there is to check (0 characters).
 */
export function sentenceKeptAfter(text: string, end: number, quote: string, suffix: string): number | null {
  const stored = quote + suffix;
  const textEnd = suffix.length < CONTEXT_LENGTH;
  for (let i = 0; i <= suffix.length; i++) {
    if (!sentenceEndsAt(stored, quote.length + i, textEnd)) continue;
    return text.slice(end, end + i) === suffix.slice(0, i) && sentenceEndsAt(text, end + i, true) ? i : null;
  }
  return null;
}

/** sentenceKeptAfter for the prefix: how much agrees back to where the quote's sentence starts, when the sentence starts there in the text. */
export function sentenceKeptBefore(text: string, start: number, prefix: string): number | null {
  const textStart = prefix.length < CONTEXT_LENGTH;
  for (let j = prefix.length; j >= 0; j--) {
    if (!sentenceStartsAt(prefix, j, textStart)) continue;
    const kept = prefix.length - j;
    const from = start - kept;
    return from >= 0 && text.slice(from, start) === prefix.slice(j) && sentenceStartsAt(text, from, true) ? kept : null;
  }
  return null;
}

/**
 * The stored context stands beside the span but for one stretch cut out of it (words deleted next
 * to the quote, or a little further out), with at least `min` of its characters kept: the part
 * next to the quote as stored, the rest closed up right after it.
 */
export function keptAcrossCut(text: string, at: number, context: string, side: 'prefix' | 'suffix', min: number): boolean {
  const stored = side === 'suffix' ? context : reversed(context);
  const beside = side === 'suffix' ? text.slice(at, at + context.length) : reversed(text.slice(Math.max(0, at - context.length), at));
  for (let kept = 0; kept < stored.length && kept <= beside.length; kept++) {
    for (let resume = kept + 1; resume < stored.length && stored.length - resume + kept >= min; resume++) {
      const rest = stored.slice(resume);
      if (beside.startsWith(rest, kept)) return true;
    }
    if (stored[kept] !== beside[kept]) break;
  }
  return false;
}
