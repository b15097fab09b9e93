import type { ArticleSummary } from '../../../electron/common/model/article';
import { collator, recentFirst, wordFilter } from '../ui/listOrder';

export type LibraryOrder = 'date' | 'title' | 'recent';

export const LIBRARY_ORDERS: { value: LibraryOrder; label: string }[] = [
  { value: 'date', label: 'Newest first' },
  { value: 'title', label: 'Title' },
  { value: 'recent', label: 'Recently opened' },
];

function byDate(a: ArticleSummary, b: ArticleSummary): number {
  // Newest first; undated articles last.
  if (a.published !== b.published) {
    if (a.published === null) return 1;
    if (b.published === null) return -1;
    return a.published < b.published ? 1 : -1;
  }
  return collator.compare(a.title, b.title);
}

/**
 * The library in the chosen order. "Recently opened" puts the articles opened lately first (most
 * recent first), then the others newest first. `recent` holds place keys ("article:<id>").
 */
export function sortArticles(articles: readonly ArticleSummary[], order: LibraryOrder, recent: readonly string[] = []): ArticleSummary[] {
  if (order === 'title') return [...articles].sort((a, b) => collator.compare(a.title, b.title) || byDate(a, b));
  const dated = [...articles].sort(byDate);
  if (order === 'date') return dated;
  return recentFirst(dated, recent, 'article', (a) => a.id);
}

/** A filter over titles and outlets: every word typed begins a word of either, in any order, ignoring case and accents. */
export function articleFilter(text: string): ((article: ArticleSummary) => boolean) | null {
  return wordFilter(text, (a: ArticleSummary) => `${a.title} ${a.outlet ?? ''}`);
}
