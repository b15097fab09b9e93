import { fold, nameScore, queryWords } from '../search/matchPlaces';

/**
 * What every sortable list shares: how names compare, "recently opened first", and the filter box
 * that matches the beginnings of words. Pure, so each list's order is tested without a browser.
 */

export const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/**
 * `items` with those opened lately first, most recent first, then the others in the order given.
 * `recent` holds place keys ("article:<id>", "note:<id>" …); only those of `kind` count.
 */
export function recentFirst<T>(items: readonly T[], recent: readonly string[], kind: string, idOf: (item: T) => string): T[] {
  const prefix = `${kind}:`;
  const rank = new Map<string, number>();
  for (const key of recent) if (key.startsWith(prefix) && !rank.has(key.slice(prefix.length))) rank.set(key.slice(prefix.length), rank.size);
  const opened = items.filter((item) => rank.has(idOf(item))).sort((a, b) => rank.get(idOf(a))! - rank.get(idOf(b))!);
  return [...opened, ...items.filter((item) => !rank.has(idOf(item)))];
}

/**
 * A filter box's test: every word typed begins a word of the text, in any order, ignoring case and
 * accents (null when nothing is typed). `textOf` gives the words an item is found by.
 */
export function wordFilter<T>(typed: string, textOf: (item: T) => string): ((item: T) => boolean) | null {
  const words = queryWords(typed);
  if (words.length === 0) return null;
  return (item) => {
    const name = fold(textOf(item));
    return nameScore(words, { folded: name, words: name.split(/[^\p{L}\p{N}]+/u).filter(Boolean) }) !== null;
  };
}
