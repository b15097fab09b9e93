import type { ArticleSummary } from '../../../electron/common/model/article';
import { fold, queryWords, UNSPACED } from '../search/matchPlaces';
import { collator, recentFirst, wordFilter } from '../ui/listOrder';
import { t } from '../i18n/i18n';

export type LibraryOrder = 'date' | 'imported' | 'title' | 'recent';

export const LIBRARY_ORDERS: { value: LibraryOrder; label: string }[] = [
  { value: 'date', label: 'library:newestFirst' },
  { value: 'imported', label: 'library:recentlyImported' },
  { value: 'title', label: 'library:title' },
  { value: 'recent', label: 'library:recentlyOpened' },
];

/** Which articles the library shows: those in it, or those archived. */
export type LibraryShelf = 'library' | 'archived';

export const LIBRARY_SHELVES: { value: LibraryShelf; label: string }[] = [
  { value: 'library', label: 'library:inTheLibrary' },
  { value: 'archived', label: 'library:archived' },
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
export function libraryRows(articles: readonly ArticleSummary[], request: RowsRequest): ArticleSummary[] {
  return new LibraryIndex(articles).rows(request);
}

export interface RowsRequest {
  shelf: LibraryShelf;
  order: LibraryOrder;
  recent?: readonly string[];
  filter?: string;
}

type StoredOrder = Exclude<LibraryOrder, 'recent'>;
const STORED_ORDERS: readonly StoredOrder[] = ['date', 'title', 'imported'];

/**
 * The library's orders and the words its filter matches, worked out once per list of articles
 * (a new list comes with an import, a rename, an archive), so that choosing an order or typing in
 * the filter walks an array already in order. At 10,000 articles, sorting again with the collator
 * and folding every title again took most of the 200–600 ms a change took to repaint in Chromium
 * (see BENCHMARKS.md, `library_*`). `warmStep` does the work ahead, a piece at a time, while the
 * browser is idle.
 */
export class LibraryIndex {
  private readonly sorted = new Map<StoredOrder, ArticleSummary[]>();
  private names: Map<string, { folded: string; words: string[] }> | null = null;
  /** The last filtered rows: typing on narrows them instead of the whole library. */
  private last: { key: string; recent: readonly string[]; typed: string; rows: ArticleSummary[] } | null = null;

  constructor(readonly articles: readonly ArticleSummary[]) {}

  inOrder(order: StoredOrder): ArticleSummary[] {
    let list = this.sorted.get(order);
    if (!list) {
      // "Newest first" breaks ties by title, "recently imported" by date: each reuses the one before.
      list = order === 'date' ? sortArticles(this.articles, 'date') : order === 'title' ? sortArticles(this.articles, 'title') : stableSort(this.inOrder('date'), byImportedOnly);
      this.sorted.set(order, list);
    }
    return list;
  }

  /** Whether an article's title or outlet has a word beginning with each word typed (null: nothing typed). */
  matcher(typed: string): ((article: ArticleSummary) => boolean) | null {
    const words = queryWords(typed);
    if (words.length === 0) return null;
    const names = this.filterNames();
    const unspaced = words.map((word) => UNSPACED.test(word));
    // The filter's test (as nameScore's, without the score a list in its own order has no use for), in plain loops: it runs 10,000 times a keystroke.
    return (article) => {
      const name = names.get(article.id)!;
      for (let i = 0; i < words.length; i++) {
        const word = words[i]!;
        let found = false;
        for (const w of name.words) {
          if (w.startsWith(word)) {
            found = true;
            break;
          }
        }
        if (!found && !(unspaced[i] && name.folded.includes(word))) return false;
      }
      return true;
    };
  }

  rows({ shelf, order, recent = [], filter = '' }: RowsRequest): ArticleSummary[] {
    const archived = shelf === 'archived';
    const key = `${shelf} ${order}`;
    const typed = filter.trim() ? fold(filter) : '';
    const last = this.last;
    // More letters or words typed only ever narrow what matched.
    const narrowing = last !== null && last.key === key && (order !== 'recent' || last.recent === recent) && typed.startsWith(last.typed) && last.typed !== '';
    const base = narrowing ? last.rows : order === 'recent' ? recentFirst(this.inOrder('date'), recent, 'article', (a) => a.id) : this.inOrder(order);
    const matches = this.matcher(filter);
    const rows = base.filter((a) => (narrowing || a.archived === archived) && (!matches || matches(a)));
    this.last = { key, recent, typed, rows };
    return rows;
  }

  /** One piece of the work ahead (an order, or the filter's words); false once all is done. */
  warmStep(): boolean {
    const order = STORED_ORDERS.find((o) => !this.sorted.has(o));
    if (order) this.inOrder(order);
    else if (!this.names) this.filterNames();
    else return false;
    return true;
  }

  private filterNames(): Map<string, { folded: string; words: string[] }> {
    if (!this.names) {
      this.names = new Map();
      for (const a of this.articles) {
        const folded = fold(`${a.title} ${a.outlet ?? ''}`);
        this.names.set(a.id, { folded, words: folded.split(/[^\p{L}\p{N}]+/u).filter(Boolean) });
      }
    }
    return this.names;
  }
}

/** The latest import first; equal times keep the order given (newest first). */
function byImportedOnly(a: ArticleSummary, b: ArticleSummary): number {
  return a.importedAt === b.importedAt ? 0 : a.importedAt < b.importedAt ? 1 : -1;
}

function stableSort<T>(items: readonly T[], compare: (a: T, b: T) => number): T[] {
  // Array.prototype.sort is stable (ES2019): ties keep the order of `items`.
  return [...items].sort(compare);
}

/** What an article's second line says: its outlet (or that none is known) and its date. */
export function articleByline(article: Pick<ArticleSummary, 'outlet' | 'published'>, formatDate: (iso: string) => string = (iso) => iso): string {
  return articleBylineParts(article, formatDate).join(' · ');
}

/** The outlet and the date of the byline apart, for a list that isolates each (`<bdi>`) from the other's direction. */
export function articleBylineParts(article: Pick<ArticleSummary, 'outlet' | 'published'>, formatDate: (iso: string) => string = (iso) => iso): [string, string] {
  return [article.outlet ?? t('library:unknownSource'), article.published ? formatDate(article.published) : t('library:undated')];
}
