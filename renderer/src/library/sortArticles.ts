import type { ArticleSummary } from '../../../electron/common/model/article';
import { collator, recentFirst, wordFilter } from '../ui/listOrder';

export type LibraryOrder = 'date' | 'imported' | 'title' | 'recent';

export const LIBRARY_ORDERS: { value: LibraryOrder; label: string }[] = [
  { value: 'date', label: 'Newest first' },
  { value: 'imported', label: 'Recently imported' },
  { value: 'title', label: 'Title' },
  { value: 'recent', label: 'Recently opened' },
];

/** Which articles the library shows: those in it, or those archived. */
export type LibraryShelf = 'library' | 'archived';

export const LIBRARY_SHELVES: { value: LibraryShelf; label: string }[] = [
  { value: 'library', label: 'In the library' },
  { value: 'archived', label: 'Archived' },
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

function byImported(a: ArticleSummary, b: ArticleSummary): number {
  // ISO timestamps compare as strings; the latest import first.
  if (a.importedAt !== b.importedAt) return a.importedAt < b.importedAt ? 1 : -1;
  return byDate(a, b);
}

/**
 * The library in the chosen order. "Recently opened" puts the articles opened lately first (most
 * recent first), then the others newest first. `recent` holds place keys ("article:<id>").
 */
export function sortArticles(articles: readonly ArticleSummary[], order: LibraryOrder, recent: readonly string[] = []): ArticleSummary[] {
  if (order === 'title') return [...articles].sort((a, b) => collator.compare(a.title, b.title) || byDate(a, b));
  if (order === 'imported') return [...articles].sort(byImported);
  const dated = [...articles].sort(byDate);
  if (order === 'date') return dated;
  return recentFirst(dated, recent, 'article', (a) => a.id);
}

/** A filter over titles and outlets: every word typed begins a word of either, in any order, ignoring case and accents. */
export function articleFilter(text: string): ((article: ArticleSummary) => boolean) | null {
  return wordFilter(text, (a: ArticleSummary) => `${a.title} ${a.outlet ?? ''}`);
}

/** The articles of one shelf, sorted and filtered: what the library list shows. */
export function libraryRows(
  articles: readonly ArticleSummary[],
  { shelf, order, recent = [], filter = '' }: { shelf: LibraryShelf; order: LibraryOrder; recent?: readonly string[]; filter?: string },
): ArticleSummary[] {
  const archived = shelf === 'archived';
  const matches = articleFilter(filter);
  const onShelf = articles.filter((a) => a.archived === archived && (!matches || matches(a)));
  return sortArticles(onShelf, order, recent);
}

/** What an article's second line says: its outlet (or that none is known) and its date. */
export function articleByline(article: Pick<ArticleSummary, 'outlet' | 'published'>, formatDate: (iso: string) => string = (iso) => iso): string {
  return `${article.outlet ?? 'Unknown source'} · ${article.published ? formatDate(article.published) : 'Undated'}`;
}
