import { describe, expect, it } from 'vitest';
import { parseQuery } from './parseQuery';
import { SearchIndex, type SearchDoc } from './searchIndex';

function doc(kind: SearchDoc['kind'], id: string, text: string, extra: Partial<SearchDoc> = {}): SearchDoc {
  return { kind, id, articleId: kind === 'article' ? id : null, title: id, fields: [{ text, weight: 2 }], date: null, tags: [], entityIds: [], color: null, grading: null, ...extra };
}

function ids(index: SearchIndex, query: string, filters = {}): string[] {
  return index.search(parseQuery(query), filters).hits.map((h) => h.meta.id);
}

function corpus(): SearchIndex {
  const index = new SearchIndex();
  index.put(doc('article', 'a1', 'Rajnath Singh met Gen Nakatani in New Delhi to discuss a logistics agreement.', { date: '2025-05-04' }));
  index.put(doc('article', 'a2', 'Japan and Australia held naval exercises; logistics were discussed.', { date: '2024-11-20' }));
  index.put(doc('annotation', 'h1', 'reciprocal logistics agreement', { articleId: 'a1', tags: ['RPSSA'], color: 'yellow', grading: 'B2', date: '2025-06-01' }));
  index.put(doc('annotation', 'h2', 'naval exercises off Darwin', { articleId: 'a2', color: 'red', grading: 'D4' }));
  index.put(doc('note', 'n1', 'Follow up on the Nakatani visit', { tags: ['followup'], entityIds: ['ent_naka'] }));
  index.put(doc('entity', 'e1', 'Gen Nakatani Japanese Minister of Defense', { entityIds: ['ent_naka'] }));
  index.put(doc('article', 'a3', '日本の防衛大臣が訪問した。الهِنْدُ و اليابان', { date: '2025-01-01' }));
  return index;
}

describe('SearchIndex', () => {
  it('finds documents holding every word (AND), best matches first', () => {
    const index = corpus();
    expect(ids(index, 'logistics agreement ')).toEqual(expect.arrayContaining(['a1', 'h1']));
    expect(ids(index, 'logistics agreement ')).not.toContain('a2');
    expect(ids(index, 'nakatani ').sort()).toEqual(['a1', 'e1', 'n1']);
    expect(ids(index, 'nakatani darwin ')).toEqual([]);
  });

  it('completes the last word as a prefix, and only the last', () => {
    const index = corpus();
    expect(ids(index, 'naka').sort()).toEqual(['a1', 'e1', 'n1']);
    expect(ids(index, 'naka ')).toEqual([]);
    expect(ids(index, 'logis agreement')).toEqual([]);
    expect(ids(index, 'agreement logis').sort()).toEqual(['a1', 'h1']);
  });

  it('forgives one typo in words of 5+ letters and two in words of 9+, none in shorter ones', () => {
    const index = corpus();
    expect(ids(index, 'nakatami ').sort()).toEqual(['a1', 'e1', 'n1']);
    expect(ids(index, 'logsitics ').sort()).toEqual(['a1', 'a2', 'h1']);
    expect(ids(index, 'reciprocla ')).toEqual(['h1']);
    expect(ids(index, 'jpan ')).toEqual([]);
    expect(ids(index, 'nkatami ')).toEqual([]);
  });

  it('finds words inside Chinese and Japanese text and Arabic with or without tashkeel', () => {
    const index = corpus();
    expect(ids(index, '防衛 ')).toEqual(['a3']);
    expect(ids(index, 'الهند ')).toEqual(['a3']);
    expect(ids(index, 'الهِنْدُ ')).toEqual(['a3']);
  });

  it('filters by kind, article, tag, colour, minimum grading, entity and date', () => {
    const index = corpus();
    expect(ids(index, 'logistics ', { kinds: ['annotation'] })).toEqual(['h1']);
    expect(ids(index, 'logistics ', { articleId: 'a2' })).toEqual(['a2']);
    expect(ids(index, 'logistics ', { tag: '#rpssa' })).toEqual(['h1']);
    expect(ids(index, 'naval ', { color: 'red' })).toEqual(['h2']);
    expect(ids(index, 'logistics ', { minGrading: 'C3' })).toEqual(['h1']);
    expect(ids(index, 'naval ', { minGrading: 'C3' })).toEqual([]);
    expect(ids(index, 'nakatani ', { entityIds: ['ent_naka'] }).sort()).toEqual(['e1', 'n1']);
    expect(ids(index, 'logistics ', { from: '2025-01-01', to: '2025-05-31' })).toEqual(['a1']);
    expect(ids(index, '', { kinds: ['article'] })).toEqual(['a1', 'a3', 'a2']);
  });

  it('follows edits and deletions, and keeps answering the same after compaction and a snapshot round trip', () => {
    const index = corpus();
    index.put(doc('note', 'n1', 'Nothing about him any more'));
    expect(ids(index, 'nakatani ').sort()).toEqual(['a1', 'e1']);
    index.remove('article', 'a1');
    expect(ids(index, 'nakatani ')).toEqual(['e1']);
    index.removeArticle('a2');
    expect(ids(index, 'naval ')).toEqual([]);
    const before = ['logistics', 'naka', 'nakatami ', '防衛 '].map((q) => ids(index, q));
    const copy = SearchIndex.fromSnapshot(index.toSnapshot());
    expect(['logistics', 'naka', 'nakatami ', '防衛 '].map((q) => ids(copy, q))).toEqual(before);
    copy.put(doc('note', 'n2', 'Nakatani again'));
    expect(ids(copy, 'nakatani ').sort()).toEqual(['e1', 'n2']);
    expect(copy.size).toBe(index.size + 1);
  });

  it('still finds a document by all its words after it was saved again and again (its old versions not yet compacted)', () => {
    // A small workspace: the article re-saved as its entities and metadata settle, one highlight.
    const index = new SearchIndex();
    for (let version = 0; version < 4; version++) index.put(doc('article', 'a1', `India and Japan agreed to further deepen bilateral defence cooperation (${version}).`));
    index.put(doc('annotation', 'h1', 'further deepen bilateral defence cooperation', { articleId: 'a1' }));
    expect(ids(index, 'bilateral defence').sort()).toEqual(['a1', 'h1']);
    expect(ids(index, 'bilateral defence', { kinds: ['annotation'] })).toEqual(['h1']);
    expect(index.search(parseQuery('bilateral defence'), {}).hits.every((h) => h.score > 0)).toBe(true);
  });
});

describe('SearchIndex after its lookups are built', () => {
  it('finds a new word by prefix and with a typo once a saved document brings it', () => {
    const index = corpus();
    expect(ids(index, 'nakatami ')).toHaveLength(3);
    expect(ids(index, 'naka')).toHaveLength(3);
    index.put(doc('note', 'n9', 'Zumwalt destroyers'));
    expect(ids(index, 'zumw')).toEqual(['n9']);
    expect(ids(index, 'zumwalk ')).toEqual(['n9']);
    expect(ids(index, 'destroyer')).toEqual(['n9']);
  });
});

describe('parseQuery', () => {
  it('reads words, phrases, the word being typed, and typo allowances', () => {
    expect(parseQuery('Nakatani "logistics agreement" navi')).toEqual({
      terms: [
        { text: 'logistics', prefix: false, typos: 0 },
        { text: 'agreement', prefix: false, typos: 0 },
        { text: 'nakatani', prefix: false, typos: 1 },
        { text: 'navi', prefix: true, typos: 0 },
      ],
      phrases: [['logistics', 'agreement']],
    });
    expect(parseQuery('interoperability ').terms).toEqual([{ text: 'interoperability', prefix: false, typos: 2 }]);
    expect(parseQuery('').terms).toEqual([]);
  });
});
