import { describe, expect, it } from 'vitest';
import { noteContentOf, serializedParagraph } from '../../../electron/common/model/note';
import { articleIdOf, comparedText, differingFields, fieldText, kindOf, mergeNotes, recordLabel, type Names } from './conflictRecords';

const names: Names = {
  entity: (id) => ({ ent_a: 'Gen Nakatani', ent_b: 'Ministry of Defence' })[id],
  article: (id) => (id === 'art_1' ? 'Defence talks in Tokyo' : undefined),
};

const paragraph = (words: string) => serializedParagraph([{ type: 'text', text: words, detail: 0, format: 0, mode: 'normal', style: '', version: 1 }]);

describe('conflict records', () => {
  it('label a record by what the analyst knows it by', () => {
    expect(recordLabel('note', 'note:n1', { title: 'Meeting notes', text: 'x' }, names)).toBe('Meeting notes');
    expect(recordLabel('annotation', 'annotation:art_1:a1', { target: { quote: { exact: 'Rajnath   Singh met' } } }, names)).toBe('“Rajnath Singh met”');
    expect(recordLabel('entity', 'entity:ent_a', { name: 'Gen Nakatani' }, names)).toBe('Gen Nakatani');
    expect(recordLabel('relation', 'relation:r1', { from: 'ent_a', to: 'ent_b' }, names)).toBe('Gen Nakatani – Ministry of Defence');
    expect(recordLabel('links', 'links:art_1', { mentions: [] }, names)).toBe('Defence talks in Tokyo');
    expect(recordLabel('something-new', 'x:1', { title: 'T' }, names)).toBe('');
    // Values from another machine may be anything: no throw, no label.
    expect(recordLabel('note', 'note:n1', null, names)).toBe('');
    expect(recordLabel('annotation', 'annotation:zzz:a1', 'garbage', names)).toBe('');
    expect(recordLabel('note', 'note:n1', { title: 'a'.repeat(200) }, names)).toHaveLength(80);
  });

  it('know kinds by name and articles by document id', () => {
    expect(kindOf('annotation')).toBe('annotation');
    expect(kindOf('constructor')).toBe('other');
    expect(articleIdOf('annotation:art_1:ann_2')).toBe('art_1');
    expect(articleIdOf('note:n1')).toBeNull();
  });

  it('compare notes and comments as text, and list the other fields that differ', () => {
    expect(comparedText('note', { text: 'a b' })).toBe('a b');
    expect(comparedText('annotation', { comment: 'c' })).toBe('c');
    expect(comparedText('article', { title: 't' })).toBeNull();
    const versions = [
      { rev: '2-a', value: { title: 'Ana’s title', author: 'X', modified: '1', tags: ['a'] } },
      { rev: '2-b', value: { title: 'Ben’s title', author: 'X', modified: '2', tags: ['a', 'b'] } },
    ];
    expect(differingFields(versions)).toEqual(['title', 'tags']);
    expect(fieldText(['a', 'b'])).toBe('a, b');
    expect(fieldText(null)).toBe('—');
    expect(fieldText({ key: 'A', label: 'x' })).toBe('{"key":"A","label":"x"}');
  });

  it('merge two notes into one holding both texts, their paragraphs and their references', () => {
    const ana = { title: 'Plan', text: 'First by Ana', content: noteContentOf([paragraph('First by Ana')]), entityIds: ['ent_a'], citations: [], tags: ['x'] };
    const ben = { title: 'Plan (Ben)', text: 'Second by Ben', content: noteContentOf([paragraph('Second by Ben')]), entityIds: ['ent_a', 'ent_b'], citations: [], tags: ['y'] };
    const merged = mergeNotes(ana, ben);
    expect(merged.title).toBe('Plan');
    expect(merged.text).toBe('First by Ana\n\nSecond by Ben');
    expect(merged.entityIds).toEqual(['ent_a', 'ent_b']);
    expect(merged.tags).toEqual(['x', 'y']);
    const children = (merged.content as { root: { children: { children: { text: string }[] }[] } }).root.children;
    expect(children.map((p) => p.children[0]!.text)).toEqual(['First by Ana', 'Second by Ben']);
  });
});
