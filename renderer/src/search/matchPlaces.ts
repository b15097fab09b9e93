import { foldText } from '../../../electron/common/text/searchFold';

/** Somewhere the quick switcher can go: an article, a note, an entity or a brief. */
export type PlaceKind = 'article' | 'note' | 'entity' | 'brief';

export interface Place {
  kind: PlaceKind;
  id: string;
  title: string;
  /** Other names it answers to (an entity's aliases). */
  aliases?: readonly string[];
  /** A second line: outlet and date, entity type … */
  detail?: string;
  /** The language its title is written in, when it is an article's own words. */
  lang?: string;
}

export interface PlaceMatch {
  place: Place;
  /** The alias that matched, when the title did not. */
  alias: string | null;
}

/**
 * The search's own folding: "Égypte" and "egypte", "الأردن" and "الاردن" are the same to the
 * switcher; a Devanagari vowel sign stays part of its word.
 */
export function fold(text: string): string {
  return foldText(text);
}

export function placeKey(place: { kind: PlaceKind; id: string }): string {
  return `${place.kind}:${place.id}`;
}

/** Scripts written without spaces: a word there is any run of the text, so matching is by substring. */
export const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;

interface Name {
  folded: string;
  words: string[];
}

function nameOf(text: string): Name {
  const folded = fold(text);
  return { folded, words: folded.split(/[^\p{L}\p{N}\p{M}]+/u).filter(Boolean) };
}

export function queryWords(query: string): string[] {
  return fold(query).split(/[^\p{L}\p{N}\p{M}]+/u).filter(Boolean);
}

/**
 * How well a name matches the words typed, or null: every word must begin a word of the name (in
 * any order; the last one typed is usually unfinished, so all are prefixes). Words that begin the
 * name, whole words and short names rank first.
 */
export function nameScore(words: readonly string[], name: Name): number | null {
  if (words.length === 0) return 0;
  let score = 0;
  for (const word of words) {
    let best = -1;
    for (const [i, w] of name.words.entries()) {
      if (!w.startsWith(word)) continue;
      const s = (w === word ? 12 : 8) + Math.max(0, 6 - i);
      if (s > best) best = s;
    }
    if (best < 0 && UNSPACED.test(word) && name.folded.includes(word)) best = 4;
    if (best < 0) return null;
    score += best;
  }
  if (name.folded.startsWith(words.join(' '))) score += 10;
  return score - Math.min(name.folded.length, 200) / 100;
}

export interface PreparedPlace {
  place: Place;
  names: Name[];
}

/** Folds every name once, so each keystroke only compares. */
export function preparePlaces(places: readonly Place[]): PreparedPlace[] {
  return places.map((place) => ({ place, names: [place.title, ...(place.aliases ?? [])].map(nameOf) }));
}

/**
 * The places matching `query`, best first; recently opened places rank higher. With nothing typed,
 * the recent places come first (most recent first), then the others in the order given.
 */
export function matchPlaces(prepared: readonly PreparedPlace[], query: string, recent: readonly string[], limit = 50): PlaceMatch[] {
  const recency = new Map(recent.map((key, i) => [key, i]));
  const words = queryWords(query);
  if (words.length === 0) {
    const byKey = new Map(prepared.map((p) => [placeKey(p.place), p.place]));
    const first = recent.flatMap((key) => byKey.get(key) ?? []);
    const rest = prepared.map((p) => p.place).filter((p) => !recency.has(placeKey(p)));
    return [...first, ...rest].slice(0, limit).map((place) => ({ place, alias: null }));
  }
  const found: { match: PlaceMatch; score: number; order: number }[] = [];
  for (const [order, { place, names }] of prepared.entries()) {
    let best: number | null = null;
    let alias: string | null = null;
    for (const [i, name] of names.entries()) {
      const s = nameScore(words, name);
      // The title wins a tie with an alias.
      if (s !== null && (best === null || s > best)) {
        best = s;
        alias = i === 0 ? null : place.aliases![i - 1]!;
      }
    }
    if (best === null) continue;
    const seen = recency.get(placeKey(place));
    if (seen !== undefined) best += Math.max(5, 15 - seen);
    found.push({ match: { place, alias }, score: best, order });
  }
  found.sort((a, b) => b.score - a.score || a.order - b.order);
  return found.slice(0, limit).map((f) => f.match);
}
