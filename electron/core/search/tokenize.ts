/**
 * Words for the search index and for queries, with where they stand in the text (UTF-16 offsets).
 *
 * A regular expression splits runs of letters and digits (fast: the index reads millions of
 * words); runs in scripts written without spaces (Chinese, Japanese, Thai …) go through
 * `Intl.Segmenter`, which knows their word boundaries, so 日本 is found inside 日本の防衛大臣.
 * Terms are folded: lower case, no diacritics (Latin accents, Arabic tashkeel), no tatweel.
 */
export interface Token {
  term: string;
  start: number;
  end: number;
}

const RUN = /[\p{L}\p{N}\p{M}]+(?:['’.\-_][\p{L}\p{N}\p{M}]+)*/gu;
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
const JOINERS = /['’.\-_]/;
const MAX_TERM = 40;

let segmenter: Intl.Segmenter | null = null;
function words(): Intl.Segmenter {
  return (segmenter ??= new Intl.Segmenter(undefined, { granularity: 'word' }));
}

/**
 * Marks that only decorate a letter: Latin, Greek and Cyrillic accents, Hebrew points, Arabic
 * tashkeel (and tatweel). Other marks carry meaning (Devanagari vowel signs, the kana voicing
 * mark that makes か into が) and stay.
 */
const DECORATION = /[\u0300-\u036f\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]/g;
const ASCII = /^[ -~]*$/;

/** Lower case without accents or tashkeel: what both the index and the query compare. */
export function fold(text: string): string {
  if (ASCII.test(text)) return text.toLowerCase();
  return text.normalize('NFD').replace(DECORATION, '').normalize('NFC').toLowerCase();
}

/** Any character of a script written without spaces, or beyond: worth the exact test below. */
const MAYBE_UNSPACED = /[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u2e80-\u9fff\uf900-\ufaff\u{20000}-\u{3ffff}]/u;

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  scan(text, (term, start, length) => out.push({ term, start, end: start + length }));
  return out;
}

/** The folded terms of a text, without offsets (what indexing needs, millions of times). */
export function terms(text: string): string[] {
  const out: string[] = [];
  scan(text, (term) => out.push(term));
  return out;
}

function scan(text: string, emit: (term: string, start: number, length: number) => void): void {
  const push = (word: string, start: number, length = word.length) => {
    if (word.length === 0) return;
    const term = fold(word);
    if (term.length > 0 && term.length <= MAX_TERM) emit(term, start, length);
  };
  RUN.lastIndex = 0;
  for (let match = RUN.exec(text); match !== null; match = RUN.exec(text)) {
    const run = match[0];
    const at = match.index;
    if (MAYBE_UNSPACED.test(run) && UNSPACED.test(run)) {
      for (const s of words().segment(run)) {
        if (s.isWordLike) push(s.segment, at + s.index);
      }
    } else if (JOINERS.test(run)) {
      // "U.S.", "co-production", "Nakatani's": each part is a word, and so is the whole
      // without its joiners ("us", "coproduction"), so either way of writing it finds it.
      const parts = run.split(/['’.\-_]/);
      let offset = 0;
      for (const part of parts) {
        push(part, at + offset);
        offset += part.length + 1;
      }
      if (!/['’]/.test(run)) push(parts.join(''), at, run.length);
    } else {
      push(run, at);
    }
  }
}
