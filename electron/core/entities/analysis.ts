import { lookupGazetteer, type GazetteerHit } from './gazetteer';
import { isCommonWord } from './lexicon';
import type { PhraseMatch } from './phraseIndex';
import { isCapitalised, tokenize, type Token } from './tokenize';

/** What every stage needs to know about the text, computed once. */
export interface Analysis {
  text: string;
  tokens: Token[];
  /** The longest bundled name starting at each token (null when none). */
  gazetteer: (PhraseMatch<GazetteerHit> | null)[];
  /** Words the text also writes in lower case: capitalised at a sentence start, they are ordinary. */
  lowercase: Set<string>;
  /** How often the text capitalises a word somewhere other than a sentence start. */
  capitalisedInside: Map<string, number>;
}

export function analyze(text: string): Analysis {
  const tokens = tokenize(text);
  const lowercase = new Set<string>();
  const capitalisedInside = new Map<string, number>();
  for (const t of tokens) {
    if (t.kind !== 'word') continue;
    if (!isCapitalised(t.text)) lowercase.add(t.text.toLowerCase());
    else if (!t.sentenceStart) capitalisedInside.set(t.text, (capitalisedInside.get(t.text) ?? 0) + 1);
  }
  const gazetteer = tokens.map((t, i) => (t.kind === 'word' && startsUpperOrDigit(t.text) ? lookupGazetteer(text, tokens, i) : null));
  return { text, tokens, gazetteer, lowercase, capitalisedInside };
}

/** Bundled names start with a capital or a digit; ASCII is answered without a regex. */
function startsUpperOrDigit(word: string): boolean {
  const code = word.charCodeAt(0);
  if (code < 128) return (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
  return /^[\p{Lu}\p{N}]/u.test(word);
}

const PARTICLE = /^(?:al|el|ul|bin|ibn|bint|van|von|der|de|da|dos|del|di|du|la|le)$/u;
const PARTICLE_PREFIX = /^(?:al|el|ul|ad|as|ash|az|bin)-\p{Lu}/u;

/** A token that can be part of a proper name: capitalised, a number-bearing code, or "al-Burhan". */
export function isNameToken(a: Analysis, i: number): boolean {
  const t = a.tokens[i];
  if (!t || t.kind !== 'word') return false;
  return isCapitalised(t.text) || PARTICLE_PREFIX.test(t.text);
}

/** "bin", "van", "de": lowercase words that live inside personal names. */
export function isNameParticle(a: Analysis, i: number): boolean {
  const t = a.tokens[i];
  return t !== undefined && t.kind === 'word' && PARTICLE.test(t.text);
}

/**
 * A capitalised word that is capitalised only because it opens a sentence: ordinary in the
 * lexicon, or written in lower case elsewhere in this text, and never capitalised mid-sentence.
 */
export function isOrdinaryAt(a: Analysis, i: number): boolean {
  const t = a.tokens[i];
  if (!t || t.kind !== 'word' || !t.sentenceStart) return false;
  if (a.gazetteer[i]) return false;
  if (a.capitalisedInside.has(t.text)) return false;
  return a.lowercase.has(t.text.toLowerCase()) || isCommonWord(t.text);
}
