import { describe, expect, it } from 'vitest';
import type { ArticleSummary } from '../../../electron/common/model/article';
import { pushRecent } from './recentPlaces';
import { articleByline, articleFilter, LibraryIndex, libraryRows, sortArticles, type LibraryOrder } from './sortArticles';

const article = (id: string, title: string, published: string | null, outlet: string | null = null, importedAt = '2025-06-01T10:00:00.000Z', archived = false): ArticleSummary => ({
  id,
  title,
  published,
  outlet,
  source: `${id}.txt`,
  sha256: id,
  importedAt,
  archived,
  language: null,
});
const list = [
  article('a', 'Zambia trade', '2024-01-02', null, '2025-06-03T09:00:00.000Z'),
  article('b', 'Éclair supplies', null, 'Le Monde', '2025-06-01T09:00:00.000Z'),
  article('c', 'army logistics', '2025-05-04', null, '2025-06-02T09:00:00.000Z'),
  article('d', 'Brazil summit', '2024-01-02', null, '2025-06-02T09:00:00.000Z'),
];
const ids = (articles: ArticleSummary[]) => articles.map((a) => a.id);

describe('the library order', () => {
  it('sorts newest first, undated last, ties by title', () => {
    expect(ids(sortArticles(list, 'date'))).toEqual(['c', 'd', 'a', 'b']);
  });

  it('sorts by title ignoring case and accents', () => {
    expect(ids(sortArticles(list, 'title'))).toEqual(['c', 'd', 'b', 'a']);
  });

  it('sorts by date imported, latest first, ties newest published first', () => {
    expect(ids(sortArticles(list, 'imported'))).toEqual(['a', 'c', 'd', 'b']);
  });

  it('puts recently opened articles first, most recent first', () => {
    expect(ids(sortArticles(list, 'recent', ['article:b', 'note:x', 'article:a', 'article:gone']))).toEqual(['b', 'a', 'c', 'd']);
    expect(ids(sortArticles(list, 'recent'))).toEqual(ids(sortArticles(list, 'date')));
  });

  it('does not change the list it is given', () => {
    const copy = [...list];
    sortArticles(list, 'title');
    expect(list).toEqual(copy);
  });
});

describe('the library filter', () => {
  it('matches the start of words of the title or outlet, in any order', () => {
    const filter = (text: string) => ids(list.filter(articleFilter(text) ?? (() => true)));
    expect(filter('log army')).toEqual(['c']);
    expect(filter('eclair')).toEqual(['b']);
    expect(filter('monde')).toEqual(['b']);
    expect(filter('ogistics')).toEqual([]);
    expect(articleFilter('  ')).toBeNull();
  });
});

describe('the library rows', () => {
  const shelved = [...list, article('e', 'Archived army report', '2025-01-01', null, undefined, true)];

  it('show the articles in the library, or only the archived ones, filtered and sorted', () => {
    expect(ids(libraryRows(shelved, { shelf: 'library', order: 'title' }))).toEqual(['c', 'd', 'b', 'a']);
    expect(ids(libraryRows(shelved, { shelf: 'archived', order: 'title' }))).toEqual(['e']);
    expect(ids(libraryRows(shelved, { shelf: 'library', order: 'date', filter: 'army' }))).toEqual(['c']);
    expect(ids(libraryRows(shelved, { shelf: 'archived', order: 'date', filter: 'zambia' }))).toEqual([]);
  });

  it('say the outlet is unknown rather than show nothing (or a file name)', () => {
    expect(articleByline(list[0]!)).toBe('Unknown source · 2024-01-02');
    expect(articleByline(list[1]!)).toBe('Le Monde · Undated');
  });
});

describe('recent places', () => {
  it('moves a place to the front and keeps the list short', () => {
    expect(pushRecent(['a', 'b', 'c'], 'c')).toEqual(['c', 'a', 'b']);
    expect(pushRecent(['a', 'b'], 'x', 2)).toEqual(['x', 'a']);
  });
});

describe('the library index', () => {
  const shelved = [...list, article('e', 'Zanzibar port', '2025-01-01', 'The Citizen', '2025-06-04T09:00:00.000Z', true)];
  const orders: LibraryOrder[] = ['date', 'title', 'imported', 'recent'];

  it('gives the rows the plain sort and filter give, in every order, shelf and filter', () => {
    const index = new LibraryIndex(shelved);
    const recent = ['article:d', 'article:e'];
    for (const shelf of ['library', 'archived'] as const) {
      for (const order of orders) {
        for (const filter of ['', 'z', 'za', 'zam', 'zambia t', 'le', 'eclair', 'x']) {
          const expected = sortArticles(shelved, order, recent).filter((a) => a.archived === (shelf === 'archived') && (articleFilter(filter)?.(a) ?? true));
          expect(ids(index.rows({ shelf, order, recent, filter })), `${shelf} ${order} “${filter}”`).toEqual(ids(expected));
        }
      }
    }
  });

  it('narrows the last rows as more is typed, and starts again when the filter is changed otherwise', () => {
    const index = new LibraryIndex(shelved);
    expect(ids(index.rows({ shelf: 'library', order: 'title', filter: 'z' }))).toEqual(['a']);
    expect(ids(index.rows({ shelf: 'library', order: 'title', filter: 'za' }))).toEqual(['a']);
    expect(ids(index.rows({ shelf: 'library', order: 'title', filter: 'zx' }))).toEqual([]);
    // Not an extension of "zx": the whole shelf again.
    expect(ids(index.rows({ shelf: 'library', order: 'title', filter: 'a' }))).toEqual(['c']);
    expect(ids(index.rows({ shelf: 'archived', order: 'title', filter: 'za' }))).toEqual(['e']);
  });

  it('does its work ahead in pieces, then says it is done', () => {
    const index = new LibraryIndex(shelved);
    let steps = 0;
    while (index.warmStep()) steps++;
    expect(steps).toBe(4);
    expect(ids(index.inOrder('imported'))).toEqual(ids(sortArticles(shelved, 'imported')));
  });
});

describe('the library index filter', () => {
  it('matches as the plain filter does, scripts written without spaces by substring', () => {
    const texts = [article('j', '東京で防衛相会談', null), article('k', 'Tokyo talks', null, 'Asahi'), article('l', 'Café crème', null)];
    const index = new LibraryIndex(texts);
    for (const typed of ['防衛', '東京', 'tok', 'asa', 'talks tok', 'cafe cr', 'creme', 'afe', 'xyz']) {
      expect(ids(texts.filter((a) => index.matcher(typed)!(a))), typed).toEqual(ids(texts.filter(articleFilter(typed)!)));
    }
  });
});
