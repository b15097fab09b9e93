import { describe, expect, it } from 'vitest';
import type { SearchResult } from '../../../electron/common/model/search';
import { EMPTY_SEARCH, filterCount, groupResults, searchRequest } from './searchRequest';

describe('the search request', () => {
  it('asks nothing for an empty form', () => {
    expect(searchRequest(EMPTY_SEARCH)).toBeNull();
    expect(searchRequest({ ...EMPTY_SEARCH, query: '   ' })).toBeNull();
  });

  it('sends the words, trimmed', () => {
    expect(searchRequest({ ...EMPTY_SEARCH, query: ' navy ' })).toEqual({ query: 'navy', limit: 200 });
  });

  it('sends the filters chosen, even without words', () => {
    expect(
      searchRequest({ ...EMPTY_SEARCH, kinds: ['note', 'article'], entityId: 'e1', tag: '#logistics', color: 'red', from: '2025-01-01', to: '2025-12-31', articleId: 'a1' }),
    ).toEqual({ query: '', limit: 200, kinds: ['article', 'note'], entityIds: ['e1'], tag: 'logistics', color: 'red', from: '2025-01-01', to: '2025-12-31', articleId: 'a1' });
  });

  it('leaves kinds out when all or none are chosen', () => {
    expect(searchRequest({ ...EMPTY_SEARCH, query: 'x', kinds: ['article', 'annotation', 'note', 'entity', 'relation'] })).toEqual({ query: 'x', limit: 200 });
    expect(searchRequest({ ...EMPTY_SEARCH, query: 'x', kinds: ['relation', 'entity'] })?.kinds).toEqual(['entity', 'relation']);
  });

  it('fills the half of a grading left open with the loosest value', () => {
    expect(searchRequest({ ...EMPTY_SEARCH, reliability: 'B' })?.minGrading).toBe('B6');
    expect(searchRequest({ ...EMPTY_SEARCH, credibility: '2' })?.minGrading).toBe('F2');
    expect(searchRequest({ ...EMPTY_SEARCH, reliability: 'A', credibility: '1' })?.minGrading).toBe('A1');
  });

  it('counts the filters set', () => {
    expect(filterCount(EMPTY_SEARCH)).toBe(0);
    expect(filterCount({ ...EMPTY_SEARCH, query: 'x', color: 'red', reliability: 'B', credibility: '2' })).toBe(2);
  });
});

describe('grouped results', () => {
  const result = (kind: SearchResult['kind'], id: string): SearchResult => ({ kind, id, articleId: null, title: id, snippet: id, score: 1, start: null, end: null });

  it('groups by kind in a fixed order, with counts, keeping the rank inside a group', () => {
    const { rows, ordered } = groupResults([result('note', 'n1'), result('article', 'a1'), result('note', 'n2'), result('entity', 'e1')]);
    expect(rows.map((r) => (r.type === 'group' ? `${r.kind}:${r.count}` : r.result.id))).toEqual(['article:1', 'a1', 'note:2', 'n1', 'n2', 'entity:1', 'e1']);
    expect(ordered.map((r) => r.id)).toEqual(['a1', 'n1', 'n2', 'e1']);
    expect(rows.filter((r) => r.type === 'result').map((r) => (r.type === 'result' ? r.index : -1))).toEqual([0, 1, 2, 3]);
  });
});
