import { describe, expect, it } from 'vitest';
import type { ArticleSummary } from '../../../electron/common/model/article';
import { pushRecent } from './recentPlaces';
import { articleByline, articleFilter, libraryRows, sortArticles } from './sortArticles';

const article = (id: string, title: string, published: string | null, outlet: string | null = null, importedAt = '2025-06-01T10:00:00.000Z', archived = false): ArticleSummary => ({
  id,
  title,
  published,
  outlet,
  source: `${id}.txt`,
  sha256: id,
  importedAt,
  archived,
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
