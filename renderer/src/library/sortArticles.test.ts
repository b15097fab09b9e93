import { describe, expect, it } from 'vitest';
import type { ArticleSummary } from '../../../electron/common/model/article';
import { pushRecent } from './recentPlaces';
import { articleFilter, sortArticles } from './sortArticles';

const article = (id: string, title: string, published: string | null, outlet: string | null = null): ArticleSummary => ({
  id,
  title,
  published,
  outlet,
  source: `${id}.txt`,
  sha256: id,
});
const list = [
  article('a', 'Zambia trade', '2024-01-02'),
  article('b', 'Éclair supplies', null, 'Le Monde'),
  article('c', 'army logistics', '2025-05-04'),
  article('d', 'Brazil summit', '2024-01-02'),
];
const ids = (articles: ArticleSummary[]) => articles.map((a) => a.id);

describe('the library order', () => {
  it('sorts newest first, undated last, ties by title', () => {
    expect(ids(sortArticles(list, 'date'))).toEqual(['c', 'd', 'a', 'b']);
  });

  it('sorts by title ignoring case and accents', () => {
    expect(ids(sortArticles(list, 'title'))).toEqual(['c', 'd', 'b', 'a']);
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

describe('recent places', () => {
  it('moves a place to the front and keeps the list short', () => {
    expect(pushRecent(['a', 'b', 'c'], 'c')).toEqual(['c', 'a', 'b']);
    expect(pushRecent(['a', 'b'], 'x', 2)).toEqual(['x', 'a']);
  });
});
