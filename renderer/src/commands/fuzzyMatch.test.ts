import { describe, expect, it } from 'vitest';
import { fuzzyMatch, rankByFuzzy } from './fuzzyMatch';

const TITLES = [
  'New note',
  'Import articles…',
  'Undo',
  'Redo',
  'Open the entities',
  'Open the notes',
  'Open the briefs',
  'Open the timeline',
  'Open the link chart',
  'Find in notes…',
  'Find in the article…',
  'Search the workspace…',
  'Note history…',
  'Backups…',
];

const rank = (query: string) => rankByFuzzy(TITLES, query, (t) => [t]).map((r) => r.item);

describe('fuzzyMatch', () => {
  it('needs every letter, in order', () => {
    expect(fuzzyMatch('olc', 'Open the link chart')).not.toBeNull();
    expect(fuzzyMatch('clo', 'Open the link chart')).toBeNull();
    expect(fuzzyMatch('xyz', 'Open the link chart')).toBeNull();
    expect(fuzzyMatch('undoo', 'Undo')).toBeNull();
  });

  it('ignores case, accents and spaces in the query', () => {
    expect(fuzzyMatch('LINK CH', 'Open the link chart')).not.toBeNull();
    expect(fuzzyMatch('resume', 'Résumé')?.positions).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('lines the letters up with whole words rather than scattered letters', () => {
    expect(fuzzyMatch('chart', 'Open the link chart')?.positions).toEqual([14, 15, 16, 17, 18]);
    // The n and t of "note", then "hi" together, rather than the earliest letters that fit.
    expect(fuzzyMatch('nhi', 'Note history…')?.positions).toEqual([0, 5, 6]);
  });

  it('marks word starts for initials', () => {
    expect(fuzzyMatch('olc', 'Open the link chart')?.positions).toEqual([0, 9, 14]);
  });
});

describe('rankByFuzzy', () => {
  it('ranks a name starting with the query first', () => {
    expect(rank('undo')[0]).toBe('Undo');
    expect(rank('no')[0]).toBe('Note history…');
    expect(rank('new')[0]).toBe('New note');
  });

  it('ranks word-start matches above letters inside words', () => {
    const r = rank('time');
    expect(r[0]).toBe('Open the timeline');
    expect(rank('chart')[0]).toBe('Open the link chart');
    // "fin" starts a word in both finds; "in the article" is nearer than "in notes" for "fina".
    expect(rank('find art')[0]).toBe('Find in the article…');
    expect(rank('olc')[0]).toBe('Open the link chart');
  });

  it('prefers the shorter name when two match alike, and keeps the given order otherwise', () => {
    const r = rankByFuzzy(['Open the notes', 'Open the notes and more'], 'notes', (t) => [t]);
    expect(r.map((x) => x.item)).toEqual(['Open the notes', 'Open the notes and more']);
    expect(rankByFuzzy(['b', 'a'], '', (t) => [t]).map((x) => x.item)).toEqual(['b', 'a']);
  });

  it('matches any of an item’s names, and marks letters only in the one shown', () => {
    const items = [{ title: 'Open the link chart', id: 'open-graph' }];
    const r = rankByFuzzy(items, 'graph', (i) => [i.title, i.id]);
    expect(r).toHaveLength(1);
    expect(r[0]!.positions).toEqual([]);
    expect(rankByFuzzy(items, 'link', (i) => [i.title, i.id])[0]!.positions).toEqual([9, 10, 11, 12]);
  });

  it('leaves out what does not match', () => {
    expect(rank('zz')).toEqual([]);
  });
});
