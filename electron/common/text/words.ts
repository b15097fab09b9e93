/**
 * Words of any language, for counting and comparing texts. A regular expression splits runs of
 * letters, digits and marks (fast, and Cyrillic or Arabic words stay whole); runs in scripts
 * written without spaces (Chinese, Japanese, Thai …) go through `Intl.Segmenter`, which knows
 * their word boundaries. Segmenting a whole long text at once would not do: V8 copies the input
 * for every segment it hands out, so the cost grows with the square of the text's length.
 */

/** A word (with an apostrophe inside: "don't"), a run of whitespace, or any other single character. */
const TOKEN = /([\p{L}\p{N}\p{M}]+(?:['’][\p{L}\p{N}\p{M}]+)*)|(\s+)|([^])/gu;
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
/** Unspaced runs are segmented this many characters at a time (a word cut at the edge is two). */
const SLICE = 256;

export interface TextToken {
  text: string;
  kind: 'word' | 'space' | 'other';
}

let segmenter: Intl.Segmenter | null = null;
function wordSegmenter(): Intl.Segmenter {
  return (segmenter ??= new Intl.Segmenter(undefined, { granularity: 'word' }));
}

/** The text as words, whitespace and other characters, in order: joined, they give the text back. */
export function* textTokens(text: string): Generator<TextToken> {
  for (const [token, word, space] of text.matchAll(TOKEN)) {
    if (space !== undefined) yield { text: token, kind: 'space' };
    else if (word === undefined) yield { text: token, kind: 'other' };
    else if (!UNSPACED.test(word)) yield { text: token, kind: 'word' };
    else yield* unspacedWords(word);
  }
}

function* unspacedWords(run: string): Generator<TextToken> {
  for (let start = 0; start < run.length; ) {
    let end = Math.min(start + SLICE, run.length);
    // Never between the two halves of a character outside the BMP.
    if (end < run.length && /[\uD800-\uDBFF]/.test(run[end - 1]!)) end -= 1;
    for (const { segment, isWordLike } of wordSegmenter().segment(run.slice(start, end))) {
      yield { text: segment, kind: isWordLike ? 'word' : 'other' };
    }
    start = end;
  }
}

/** Words as a reader counts them, in any script; punctuation and spaces are not words. */
export function countWords(text: string): number {
  let count = 0;
  for (const token of textTokens(text)) if (token.kind === 'word') count += 1;
  return count;
}
