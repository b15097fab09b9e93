import { clusterEnd, foldText } from '../../common/text/searchFold';

/**
 * Words for the search index and for queries, with where they stand in the text (UTF-16 offsets
 * into the text as given: folding never moves them).
 *
 * A regular expression splits runs of letters and digits (fast: the index reads millions of
 * words). Inside a run, three kinds of script are cut differently:
 * - Chinese and Japanese (Han, hiragana, katakana) and Korean hangul are cut into overlapping
 *   pairs of characters (印度洋 → 印度 度洋), as Lucene's CJK analyser does. A dictionary cutter
 *   (`Intl.Segmenter`) decides by context: it makes one word of 印度洋 in running text but two of
 *   印度 alone, and 国防部 is one word in one sentence and 国防|部长 in the next, so a query cut on
 *   its own would miss the same characters in an article. With pairs, any run of two or more
 *   characters is found wherever it stands; a query's pairs must stand in order (a phrase, see
 *   parseQuery). The last character of a run is also kept alone, so a one-character query finds
 *   every place (as the start of a pair, or alone).
 * - Thai, Lao, Khmer and Burmese go through `Intl.Segmenter`, whose dictionaries know their words.
 * - Everything else is a word as it stands; "U.S.", "co-production" and Persian words joined by a
 *   zero-width non-joiner (گفت‌وگو) are indexed by their parts and as a whole.
 * Terms are folded by `foldText` (case, accents, tashkeel, letter variants, digits, widths).
 */
export interface Token {
  term: string;
  start: number;
  end: number;
  /**
   * `pair`: a pair of CJK characters (or a lone one); consecutive pairs of one run overlap.
   * `tail`: the last character of a run of pairs again, for one-character queries only.
   */
  kind?: 'pair' | 'tail';
}

const RUN = /[\p{L}\p{N}\p{M}]+(?:['’.\-_\u200c\u00ad][\p{L}\p{N}\p{M}]+)*/gu;
const JOINERS = /['’.\-_\u200c\u00ad]/;
const SPLIT = /['’.\-_\u200c\u00ad]/;
const APOSTROPHE = /['’]/;
const MAX_TERM = 40;

const CJK = String.raw`\p{Script_Extensions=Han}\p{Script_Extensions=Hiragana}\p{Script_Extensions=Katakana}`;
const HANGUL = String.raw`\p{Script=Hangul}`;
const SEGMENTED = String.raw`\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}`;
/** A run's pieces: CJK, hangul, dictionary-cut, and anything else, each with the marks after it. */
const PIECE = new RegExp(
  String.raw`([${CJK}][${CJK}\p{M}]*)|([${HANGUL}][${HANGUL}\p{M}]*)|([${SEGMENTED}][${SEGMENTED}\p{M}]*)|([^${CJK}${HANGUL}${SEGMENTED}]+)`,
  'gu',
);
const SPECIAL_SCRIPT = new RegExp(`[${CJK}${HANGUL}${SEGMENTED}]`, 'u');
/** Any character of those scripts, or near them: a cheap test before the exact one above. */
const MAYBE_SPECIAL = /[\u0e00-\u0eff\u1000-\u11ff\u1780-\u17ff\u2e80-\ua4cf\ua960-\ua97f\uac00-\ud7ff\uf900-\ufaff\uff65-\uffdc]|[\ud840-\ud8bf]/;
const EDGE_JOINERS = /^['’.\-_\u200c\u00ad]+|['’.\-_\u200c\u00ad]+$/g;

let segmenter: Intl.Segmenter | null = null;
function words(): Intl.Segmenter {
  return (segmenter ??= new Intl.Segmenter(undefined, { granularity: 'word' }));
}

/** Lower case without accents or tashkeel: what both the index and the query compare. */
export const fold = foldText;

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  scan(text, (term, start, length, kind) => out.push(kind ? { term, start, end: start + length, kind } : { term, start, end: start + length }));
  return out;
}

/** The folded terms of a text, without offsets (what indexing needs, millions of times). */
export function terms(text: string): string[] {
  const out: string[] = [];
  scan(text, (term) => out.push(term));
  return out;
}

type Emit = (term: string, start: number, length: number, kind?: 'pair' | 'tail') => void;

function scan(text: string, emit: Emit): void {
  RUN.lastIndex = 0;
  for (let match = RUN.exec(text); match !== null; match = RUN.exec(text)) {
    const run = match[0];
    const at = match.index;
    if (MAYBE_SPECIAL.test(run) && SPECIAL_SCRIPT.test(run)) pieces(run, at, emit);
    else word(run, at, emit);
  }
}

function push(emit: Emit, word: string, start: number, length = word.length): void {
  if (word.length === 0) return;
  const term = fold(word);
  if (term.length > 0 && term.length <= MAX_TERM) emit(term, start, length);
}

function word(run: string, at: number, emit: Emit): void {
  if (!JOINERS.test(run)) {
    push(emit, run, at);
    return;
  }
  // "U.S.", "co-production", "Nakatani's": each part is a word, and so is the whole
  // without its joiners ("us", "coproduction"), so either way of writing it finds it.
  const parts = run.split(SPLIT);
  let offset = 0;
  for (const part of parts) {
    push(emit, part, at + offset);
    offset += part.length + 1;
  }
  if (!APOSTROPHE.test(run)) push(emit, parts.join(''), at, run.length);
}

function pieces(run: string, at: number, emit: Emit): void {
  PIECE.lastIndex = 0;
  for (let m = PIECE.exec(run); m !== null; m = PIECE.exec(run)) {
    const start = at + m.index;
    if (m[1] !== undefined || m[2] !== undefined) pairs(m[0], start, emit);
    else if (m[3] !== undefined) {
      for (const s of words().segment(m[3])) if (s.isWordLike) push(emit, s.segment, start + s.index);
    } else {
      // What stands beside CJK in one run ("2025" in 2025年): a word, without joiners at its edges.
      const piece = m[0];
      const trimmed = piece.replace(EDGE_JOINERS, '');
      if (trimmed) word(trimmed, start + piece.indexOf(trimmed), emit);
    }
  }
}

/** Overlapping pairs of characters (each with its marks), folded one character at a time. */
function pairs(piece: string, start: number, emit: Emit): void {
  const chars: { term: string; start: number; end: number }[] = [];
  for (let i = 0; i < piece.length; ) {
    const end = clusterEnd(piece, i);
    const term = fold(piece.slice(i, end));
    if (term) chars.push({ term, start: start + i, end: start + end });
    i = end;
  }
  if (chars.length === 1) {
    const c = chars[0]!;
    emit(c.term, c.start, c.end - c.start, 'pair');
    return;
  }
  for (let k = 0; k + 1 < chars.length; k++) {
    const a = chars[k]!;
    const b = chars[k + 1]!;
    emit(a.term + b.term, a.start, b.end - a.start, 'pair');
  }
  const last = chars[chars.length - 1];
  if (last) emit(last.term, last.start, last.end - last.start, 'tail');
}
