/**
 * Find in the article: matches are looked for in the article's text string (never the DOM), folded
 * once per article so each keystroke is an indexOf loop. Folding ignores case and accents
 * ("Genève" is found by "geneve"), and vowel signs such as Arabic harakat.
 */

export interface TextMatch {
  start: number;
  end: number;
}

export interface FoldedText {
  text: string;
  folded: string;
  /** For each UTF-16 unit of `folded`: where its character starts and ends in the original text. */
  starts: Int32Array;
  ends: Int32Array;
}

/** Most matches counted and marked; past this the bar says "10,000+". */
export const MAX_MATCHES = 10_000;

const MARK = /\p{M}/u;
const foldCache = new Map<string, string>();

/** One character (a code point), folded: decomposed, marks dropped, lower case; "" for a lone mark. */
function foldChar(c: string): string {
  const code = c.charCodeAt(0);
  if (code < 0x80) return code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : code <= 32 ? ' ' : c;
  let out = foldCache.get(c);
  if (out === undefined) {
    out = c.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    if (/\s/u.test(c)) out = ' ';
    foldCache.set(c, out);
  }
  return out;
}

/** The text folded for finding, with the way back to the original offsets. Written into typed arrays: a 20,000-word article folds in a few milliseconds. */
export function foldForFind(text: string): FoldedText {
  // Folding rarely lengthens a character (a Hangul syllable decomposes into 2 or 3 letters): grow when it does.
  let capacity = text.length + 16;
  let units = new Uint16Array(capacity);
  let starts = new Int32Array(capacity);
  let ends = new Int32Array(capacity);
  let n = 0;
  const put = (unit: number, start: number, end: number) => {
    if (n === capacity) {
      capacity *= 2;
      const grow = <T extends Uint16Array | Int32Array>(a: T, b: T) => (b.set(a), b);
      units = grow(units, new Uint16Array(capacity));
      starts = grow(starts, new Int32Array(capacity));
      ends = grow(ends, new Int32Array(capacity));
    }
    units[n] = unit;
    starts[n] = start;
    ends[n] = end;
    n++;
  };
  for (let i = 0; i < text.length; ) {
    const code = text.charCodeAt(i);
    if (code < 0x80) {
      put(code >= 65 && code <= 90 ? code + 32 : code <= 32 ? 32 : code, i, i + 1);
      i++;
      continue;
    }
    const width = code >= 0xd800 && code <= 0xdbff && i + 1 < text.length ? 2 : 1;
    const folded = foldChar(text.slice(i, i + width));
    for (let k = 0; k < folded.length; k++) put(folded.charCodeAt(k), i, i + width);
    i += width;
  }
  let folded = '';
  // In slices: String.fromCharCode takes its arguments on the stack.
  for (let k = 0; k < n; k += 8192) folded += String.fromCharCode(...units.subarray(k, Math.min(n, k + 8192)));
  return { text, folded, starts: starts.subarray(0, n), ends: ends.subarray(0, n) };
}

/** The query folded the same way, its runs of spaces made one. */
export function foldQuery(query: string): string {
  let out = '';
  for (const c of query.trim()) out += foldChar(c);
  return out.replace(/ +/g, ' ');
}

/** Where `query` occurs in the text, in order, without overlaps; at most `limit`. */
export function findMatches(text: FoldedText, query: string, limit = MAX_MATCHES): TextMatch[] {
  const q = foldQuery(query);
  if (!q) return [];
  const matches: TextMatch[] = [];
  let at = text.folded.indexOf(q);
  while (at !== -1 && matches.length < limit) {
    let end = text.ends[at + q.length - 1]!;
    // The marks on the last letter (a vowel sign, an accent typed apart) belong to the match.
    while (end < text.text.length && MARK.test(text.text[end]!)) end++;
    matches.push({ start: text.starts[at]!, end });
    at = text.folded.indexOf(q, at + q.length);
  }
  return matches;
}

/** The match after (`1`) or before (`-1`) `current`, round from the last to the first and back. */
export function stepMatch(current: number, count: number, direction: 1 | -1): number {
  if (count === 0) return -1;
  if (current < 0) return direction === 1 ? 0 : count - 1;
  return (current + direction + count) % count;
}

/** The first match at or after `offset` (where the reader is), or the first of all when none is. */
export function firstMatchFrom(matches: readonly TextMatch[], offset: number): number {
  if (matches.length === 0) return -1;
  let lo = 0;
  let hi = matches.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (matches[mid]!.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo < matches.length ? lo : 0;
}

/** "3 of 12", "No matches", "3 of 10,000+". */
export function matchStatus(current: number, count: number, capped: boolean, format: (n: number) => string = (n) => n.toLocaleString()): string {
  if (count === 0) return 'No matches';
  const total = `${format(count)}${capped ? '+' : ''}`;
  return current < 0 ? `${total} matches` : `${format(current + 1)} of ${total}`;
}
