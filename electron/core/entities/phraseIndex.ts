import { joinable, tokenize, type Token } from './tokenize';

/**
 * Longest-match lookup of multi-word phrases over tokens, shared by the gazetteer and the analyst's
 * known entities. Keyed by the first token so a lookup costs one map access per position, which
 * keeps thousands of phrases cheap on a 20,000-word text.
 */
export interface PhraseMatch<T> {
  /** Token indices [from, to). */
  from: number;
  to: number;
  payload: T;
}

interface Phrase<T> {
  keys: string[];
  payload: T;
}

const TYPOGRAPHIC = /[\u2019\u02BC\u2018\u2010\u2011]/u;

/** Typographic apostrophes and hyphens compare equal to the ASCII ones. */
export function normalizeKey(s: string): string {
  // Most words hold neither; testing first spares two string copies per token looked up.
  if (!TYPOGRAPHIC.test(s)) return s;
  return s.replace(/[\u2019\u02BC\u2018]/gu, "'").replace(/[\u2010\u2011]/gu, '-');
}

export class PhraseIndex<T> {
  private readonly exact = new Map<string, Phrase<T>[]>();
  private readonly folded = new Map<string, Phrase<T>[]>();
  /** Every phrase added, so a repeated one is dropped in O(1): the workspace may know 5,000 names. */
  private readonly seen = new Set<string>();

  /** Case-sensitive phrases match only as written: "US" never matches the pronoun "us". The first payload of a phrase wins. */
  add(phrase: string, payload: T, caseSensitive: boolean): void {
    const keys = tokenize(phrase).map((t) => normalizeKey(caseSensitive ? t.text : t.text.toLowerCase()));
    const first = keys[0];
    if (first === undefined) return;
    const id = `${caseSensitive ? 'e' : 'f'}\u0000${keys.join('\u0000')}`;
    if (this.seen.has(id)) return;
    this.seen.add(id);
    const map = caseSensitive ? this.exact : this.folded;
    let list = map.get(first);
    if (!list) map.set(first, (list = []));
    // Longest first, and among equals in the order added: matchAt stops at the first that fits.
    let at = list.length;
    while (at > 0 && list[at - 1]!.keys.length < keys.length) at--;
    list.splice(at, 0, { keys, payload });
  }

  /**
   * The longest phrase starting at token `i`, or null. `transform` lets a caller read all-caps
   * datelines ("ADDIS ABABA") as title case.
   */
  matchAt(text: string, tokens: readonly Token[], i: number, transform?: (word: string) => string): PhraseMatch<T> | null {
    const start = tokens[i];
    if (start === undefined) return null;
    const firstExact = normalizeKey(transform ? transform(start.text) : start.text);
    const exact = this.exact.get(firstExact);
    const folded = this.folded.get(firstExact.toLowerCase());
    if (!exact && !folded) return null;
    let best = exact ? this.longest(text, tokens, i, exact, false, 0, transform) : null;
    if (folded) best = this.longest(text, tokens, i, folded, true, best ? best.to - best.from : 0, transform) ?? best;
    return best;
  }

  /** The first (longest) phrase of `list` longer than `atLeast` words that matches at `i`. */
  private longest(text: string, tokens: readonly Token[], i: number, list: Phrase<T>[], fold: boolean, atLeast: number, transform?: (word: string) => string): PhraseMatch<T> | null {
    for (const phrase of list) {
      if (phrase.keys.length <= atLeast) return null;
      if (this.matches(text, tokens, i, phrase, fold, transform)) return { from: i, to: i + phrase.keys.length, payload: phrase.payload };
    }
    return null;
  }

  private matches(text: string, tokens: readonly Token[], i: number, phrase: Phrase<T>, fold: boolean, transform?: (word: string) => string): boolean {
    for (let k = 1; k < phrase.keys.length; k++) {
      const t = tokens[i + k];
      const prev = tokens[i + k - 1]!;
      if (t === undefined || !joinable(text, prev, t)) return false;
      const read = normalizeKey(transform ? transform(t.text) : t.text);
      if ((fold ? read.toLowerCase() : read) !== phrase.keys[k]) return false;
    }
    return true;
  }
}
