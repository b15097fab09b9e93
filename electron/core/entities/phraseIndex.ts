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

/** Typographic apostrophes and hyphens compare equal to the ASCII ones. */
export function normalizeKey(s: string): string {
  return s.replace(/[\u2019\u02BC\u2018]/gu, "'").replace(/[\u2010\u2011]/gu, '-');
}

export class PhraseIndex<T> {
  private readonly exact = new Map<string, Phrase<T>[]>();
  private readonly folded = new Map<string, Phrase<T>[]>();

  /** Case-sensitive phrases match only as written: "US" never matches the pronoun "us". */
  add(phrase: string, payload: T, caseSensitive: boolean): void {
    const keys = tokenize(phrase).map((t) => normalizeKey(caseSensitive ? t.text : t.text.toLowerCase()));
    const first = keys[0];
    if (first === undefined) return;
    const map = caseSensitive ? this.exact : this.folded;
    const list = map.get(first) ?? [];
    if (list.some((p) => p.keys.join('\u0000') === keys.join('\u0000'))) return;
    list.push({ keys, payload });
    list.sort((a, b) => b.keys.length - a.keys.length);
    map.set(first, list);
  }

  /**
   * The longest phrase starting at token `i`, or null. `transform` lets a caller read all-caps
   * datelines ("ADDIS ABABA") as title case.
   */
  matchAt(text: string, tokens: readonly Token[], i: number, transform?: (word: string) => string): PhraseMatch<T> | null {
    const start = tokens[i];
    if (start === undefined) return null;
    const read = (t: Token): string => normalizeKey(transform ? transform(t.text) : t.text);
    let best: PhraseMatch<T> | null = null;
    const firstExact = read(start);
    for (const [map, key] of [
      [this.exact, firstExact],
      [this.folded, firstExact.toLowerCase()],
    ] as const) {
      for (const phrase of map.get(key) ?? []) {
        if (best && best.to - best.from >= phrase.keys.length) break;
        if (this.matches(text, tokens, i, phrase, map === this.folded, read)) {
          best = { from: i, to: i + phrase.keys.length, payload: phrase.payload };
        }
      }
    }
    return best;
  }

  private matches(text: string, tokens: readonly Token[], i: number, phrase: Phrase<T>, fold: boolean, read: (t: Token) => string): boolean {
    for (let k = 1; k < phrase.keys.length; k++) {
      const t = tokens[i + k];
      const prev = tokens[i + k - 1]!;
      if (t === undefined || !joinable(text, prev, t)) return false;
      const key = fold ? read(t).toLowerCase() : read(t);
      if (key !== phrase.keys[k]) return false;
    }
    return true;
  }
}
