import { describe, expect, it } from 'vitest';
import type { NoteSummary } from '../../../electron/common/model/note';
import { sortNotes } from './sortNotes';

const note = (id: string, title: string, modified: string, pinned = false): NoteSummary =>
  ({ id, rev: 1, title, titled: true, articleId: null, pinned, excerpt: '', created: modified, modified, tags: [] }) as unknown as NoteSummary;
const list = [
  note('a', 'Zambia readout', '2025-01-03T10:00:00.000Z'),
  note('b', 'éclair supplies', '2025-01-05T10:00:00.000Z'),
  note('c', 'Army logistics', '2025-01-01T10:00:00.000Z', true),
  note('d', 'Brazil summit', '2025-01-05T10:00:00.000Z'),
];
const ids = (notes: NoteSummary[]) => notes.map((n) => n.id);

describe('the note list order', () => {
  it('puts pinned notes first, then the last changed, ties by title', () => {
    expect(ids(sortNotes(list, 'modified'))).toEqual(['c', 'd', 'b', 'a']);
  });

  it('sorts by title ignoring case and accents, pinned first', () => {
    expect(ids(sortNotes(list, 'title'))).toEqual(['c', 'd', 'b', 'a']);
    expect(ids(sortNotes(list.map((n) => ({ ...n, pinned: false })), 'title'))).toEqual(['c', 'd', 'b', 'a']);
    expect(ids(sortNotes([list[0]!, list[1]!, list[3]!], 'title'))).toEqual(['d', 'b', 'a']);
  });

  it('puts the notes opened lately first, most recent first, then the others by last change', () => {
    expect(ids(sortNotes(list, 'recent', ['note:a', 'entity:d', 'note:b', 'note:gone']))).toEqual(['a', 'b', 'c', 'd']);
    expect(ids(sortNotes(list, 'recent'))).toEqual(ids(sortNotes(list, 'modified')));
  });

  it('does not change the list it is given', () => {
    const copy = [...list];
    sortNotes(list, 'title');
    expect(list).toEqual(copy);
  });
});
