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
