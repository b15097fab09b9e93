/**
 * The one way Dossier folds text for finding words, shared by the search index (core) and find in
 * the article (reader), so a word found by one is found by the other.
 *
 * - Compatibility forms fold to their plain ones (NFKD): full-width Ａ１ to A1, half-width ｶﾞ to
 *   ガ, ligatures ﬁ to fi, Arabic presentation forms to letters.
 * - Case goes, and so do marks that only decorate a letter: Latin, Greek and Cyrillic accents
 *   (é, ё → е), Hebrew points, Arabic tashkeel and tatweel, emoji variation selectors. Marks that
 *   make another letter stay: Devanagari vowel signs, the kana voicing mark of が.
 * - Letters written several ways in Arabic-script text fold to one: alef with hamza or madda and
 *   alef wasla to bare alef (أ إ آ ٱ → ا), alef maksura and Farsi yeh to yeh (ى ی → ي), keheh to
 *   kaf (ک → ك), and ta marbuta to heh (ة → ه), as writers use them interchangeably at word ends
 *   (the same choice as Lucene's Arabic normaliser). Eastern Arabic, Persian and Devanagari digits
 *   fold to 0–9, so ٢٠٢٥ is found by 2025.
 * - Invisible characters (soft hyphen, zero-width space and joiners, byte-order mark) go.
 */

/**
 * Marks that only decorate a letter, tatweel, variation selectors and invisible characters:
 * dropped after decomposition. Built from code points: written out, a class of lone combining
 * marks reads as if they were combined with the character before them.
 */
const DROPPED: [number, number][] = [
  [0x0300, 0x036f], // Latin, Greek accents
  [0x0483, 0x0489], // Cyrillic titlo and marks
  [0x0591, 0x05bd], [0x05bf, 0x05bf], [0x05c1, 0x05c2], [0x05c4, 0x05c5], [0x05c7, 0x05c7], // Hebrew points and cantillation
  [0x0610, 0x061a], [0x064b, 0x065f], [0x0670, 0x0670], // Arabic tashkeel
  [0x06d6, 0x06dc], [0x06df, 0x06e4], [0x06e7, 0x06e8], [0x06ea, 0x06ed], // Quranic annotation marks
  [0x0640, 0x0640], // tatweel
  [0x1ab0, 0x1aff], [0x1dc0, 0x1dff], [0x20d0, 0x20ff], [0xfe20, 0xfe2f], // more combining diacritics
  [0xfe00, 0xfe0f], // variation selectors (emoji or text presentation)
  [0x00ad, 0x00ad], [0x200b, 0x200d], [0x2060, 0x2060], [0xfeff, 0xfeff], // soft hyphen, zero-width characters, BOM
];
const hex = (code: number) => `\\u${code.toString(16).padStart(4, '0')}`;
const DECORATION = new RegExp(`[${DROPPED.map(([a, b]) => (a === b ? hex(a) : `${hex(a)}-${hex(b)}`)).join('')}]`, 'g');

const LETTERS: Record<string, string> = {
  '\u0671': '\u0627', // ٱ alef wasla → ا
  '\u0649': '\u064a', // ى alef maksura → ي
  '\u06cc': '\u064a', // ی Farsi yeh → ي
  '\u06a9': '\u0643', // ک keheh → ك
  '\u0629': '\u0647', // ة ta marbuta → ه
  '\u03c2': '\u03c3', // ς final sigma → σ
};
for (const zero of [0x0660, 0x06f0, 0x0966]) for (let d = 0; d < 10; d++) LETTERS[String.fromCharCode(zero + d)] = String(d);
const SPECIAL = /[\u0671\u0649\u06cc\u06a9\u0629\u03c2\u0660-\u0669\u06f0-\u06f9\u0966-\u096f]/g;

const ASCII = /^[\t\n\r -~]*$/;
const cache = new Map<string, string>();
/** Words repeat: a few thousand distinct ones make most of any text. Bounded, so a huge import cannot grow it without end. */
const CACHE_LIMIT = 50_000;

/** A word (or any text) folded: what the index stores and the query compares. */
export function foldText(text: string): string {
  if (ASCII.test(text)) return text.toLowerCase();
  let out = cache.get(text);
  if (out !== undefined) return out;
  out = text.normalize('NFKD').replace(DECORATION, '').normalize('NFC').toLowerCase();
  SPECIAL.lastIndex = 0;
  if (SPECIAL.test(out)) out = out.replace(SPECIAL, (c) => LETTERS[c]!);
  if (text.length <= 64) {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(text, out);
  }
  return out;
}

/**
 * Whether the code point at `code` belongs to the character before it: a combining mark, or a
 * half-width kana voicing mark (ﾞ ﾟ, letters by category, yet they voice the kana before them).
 */
const ATTACHED = /[\p{M}\uff9e\uff9f\u200d]/u;

/** Per BMP code unit: 0 not looked at yet, 1 attached, 2 not (a regular expression per character is what folding a long text would spend its time on). */
const attachedUnits = new Uint8Array(0x10000);

function isAttached(text: string, at: number, width: number): boolean {
  if (width === 2) return ATTACHED.test(text.slice(at, at + 2));
  const code = text.charCodeAt(at);
  let known = attachedUnits[code]!;
  if (known === 0) attachedUnits[code] = known = ATTACHED.test(text[at]!) ? 1 : 2;
  return known === 1;
}

/** Where the character starting at `at` ends: its code point and every mark attached to it. */
export function clusterEnd(text: string, at: number): number {
  let end = at + codePointWidth(text, at);
  while (end < text.length) {
    // Marks live above U+02FF; ASCII and Latin-1 letters end a cluster at once.
    if (text.charCodeAt(end) < 0x300) break;
    const width = codePointWidth(text, end);
    if (!isAttached(text, end, width)) break;
    end += width;
  }
  return end;
}

function codePointWidth(text: string, at: number): number {
  const code = text.charCodeAt(at);
  return code >= 0xd800 && code <= 0xdbff && at + 1 < text.length ? 2 : 1;
}

export interface FoldedText {
  text: string;
  folded: string;
  /**
   * For each UTF-16 unit of `folded`: where the character it came from starts and ends in `text`.
   * A character is a code point with its marks, so an offset mapped back never falls inside a
   * surrogate pair or between a letter and its vowel sign.
   */
  starts: Int32Array;
  ends: Int32Array;
}

const WHITESPACE = /\s/u;

/** One character with its marks, folded: whitespace is one space. */
function foldCluster(cluster: string): string {
  return WHITESPACE.test(cluster) ? ' ' : foldText(cluster);
}

/**
 * The text folded, with the way back to offsets in the original (UTF-16). Written into typed
 * arrays: a 20,000-word article folds in a few milliseconds.
 */
export function foldWithOffsets(text: string): FoldedText {
  // Folding rarely lengthens a character (ﬃ → ffi, ㍻ → 平成): grow when it does.
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
    // ASCII not followed by a combining mark: the common case, without slicing strings.
    if (code < 0x80 && (i + 1 >= text.length || text.charCodeAt(i + 1) < 0x300)) {
      put(code >= 65 && code <= 90 ? code + 32 : code <= 32 ? 32 : code, i, i + 1);
      i++;
      continue;
    }
    const end = clusterEnd(text, i);
    const folded = foldCluster(text.slice(i, end));
    for (let k = 0; k < folded.length; k++) put(folded.charCodeAt(k), i, end);
    i = end;
  }
  let folded = '';
  // In slices: String.fromCharCode takes its arguments on the stack.
  for (let k = 0; k < n; k += 8192) folded += String.fromCharCode(...units.subarray(k, Math.min(n, k + 8192)));
  return { text, folded, starts: starts.subarray(0, n), ends: ends.subarray(0, n) };
}

let graphemes: Intl.Segmenter | null = null;

/**
 * The grapheme boundary nearest `at` on the given side: where a passage cut at `at` may start
 * (`before`) or end (`after`) without splitting a surrogate pair, a letter from its marks, or an
 * emoji sequence.
 */
export function graphemeBoundary(text: string, at: number, side: 'before' | 'after'): number {
  if (at <= 0) return 0;
  if (at >= text.length) return text.length;
  graphemes ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  // A window around the cut is enough: no grapheme in news text is 32 units long.
  const from = Math.max(0, at - 32);
  const window = text.slice(from, Math.min(text.length, at + 32));
  let before = from;
  for (const { index } of graphemes.segment(window)) {
    const boundary = from + index;
    if (boundary === at) return at;
    if (boundary > at) return side === 'before' ? before : boundary;
    before = boundary;
  }
  return side === 'before' ? before : Math.min(text.length, from + window.length);
}
