import { foldWithOffsets, type FoldedText } from '../../../electron/common/text/searchFold';
import { formatNumber, t } from '../i18n/i18n';

/**
 * Find in the article: matches are looked for in the article's text string (never the DOM), folded
 * once per article so each keystroke is an indexOf loop. Folding is the search index's own
 * (`searchFold.ts`): case, accents and Arabic tashkeel are ignored ("Genève" is found by "geneve",
 * كَتَبَ by كتب), letter variants and digits are one (أ and ا, ٢٠٢٥ and 2025), full- and half-width
 * forms are one; vowel signs that make another letter (Devanagari, the voicing of が) still count.
 * Matches map back to whole characters: a code point with its marks.
 */

export interface TextMatch {
  start: number;
  end: number;
}

export type { FoldedText };

/** Most matches counted and marked; past this the bar says "10,000+". */
export const MAX_MATCHES = 10_000;

/** The text folded for finding, with the way back to the original offsets. */
export function foldForFind(text: string): FoldedText {
  return foldWithOffsets(text);
}

/** The query folded the same way, its runs of spaces made one. */
export function foldQuery(query: string): string {
  return foldWithOffsets(query.trim()).folded.replace(/ +/g, ' ');
}

/** Where `query` occurs in the text, in order, without overlaps; at most `limit`. */
export function findMatches(text: FoldedText, query: string, limit = MAX_MATCHES): TextMatch[] {
  const q = foldQuery(query);
  if (!q) return [];
  const matches: TextMatch[] = [];
  let at = text.folded.indexOf(q);
  while (at !== -1 && matches.length < limit) {
    // The folded units map back to whole characters, so the marks on the last letter (a vowel
    // sign, an accent typed apart) belong to the match, and a pair of surrogates is never split.
    matches.push({ start: text.starts[at]!, end: text.ends[at + q.length - 1]! });
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

/** "3 of 12", "No matches", "3 of 10,000+", in the UI language and its digits ("٣ من ١٢"). */
export function matchStatus(current: number, count: number, capped: boolean, format: (n: number) => string = formatNumber): string {
  if (count === 0) return t('reader:noMatches');
  const total = `${format(count)}${capped ? '+' : ''}`;
  // The plural form follows the count (capped: "10,000+ matches", many).
  return current < 0 ? t('reader:findCount', { count, total }) : t('reader:findPosition', { current: format(current + 1), total });
}
