import { describe, expect, it } from 'vitest';
import { $createListItemNode, $createListNode } from '@lexical/list';
import { $createParagraphNode, $createTextNode, $getRoot } from 'lexical';
import { deriveNote, titleFromText } from './deriveNote';
import { $createCitationNode } from './nodes/CitationNode';
import { $createEntityMentionNode } from './nodes/EntityMentionNode';
import { buildNote, everyNodeNote, SAMPLE_CITATION } from './testing/noteFixtures';
import { emptyNoteContent } from '../model/note';

describe('deriveNote', () => {
  it('lists each mentioned entity once, in order of first mention', () => {
    const note = buildNote(() =>
      $getRoot().append(
        $createParagraphNode().append(
          $createEntityMentionNode('e2', 'place', 'Japan'),
          $createTextNode(' and '),
          $createEntityMentionNode('e1', 'place', 'India'),
          $createTextNode(' and '),
          $createEntityMentionNode('e2', 'place', 'Japan'),
        ),
      ),
    );
    expect(deriveNote(note).entityIds).toEqual(['e2', 'e1']);
  });

  it('finds mentions and citations nested in lists, links and quotes', () => {
    const derived = deriveNote(everyNodeNote());
    expect(derived.entityIds).toEqual(['ent_rajnath', 'ent_japan']);
    expect(derived.citations).toEqual([
      { articleId: SAMPLE_CITATION.articleId, annotationId: 'ann_1', quote: SAMPLE_CITATION.quote, start: 120, end: 166 },
    ]);
  });

  it('counts a passage cited twice once', () => {
    const note = buildNote(() =>
      $getRoot().append($createParagraphNode().append($createCitationNode(SAMPLE_CITATION), $createCitationNode(SAMPLE_CITATION))),
    );
    expect(deriveNote(note).citations).toHaveLength(1);
  });

  it('takes #tags with letters, lower-cased, and ignores numbers, anchors and mid-word hashes', () => {
    const note = buildNote(() =>
      $getRoot().append(
        $createParagraphNode().append($createTextNode('#Navy and #follow-up, not #2025 nor C# nor a/#b nor x#y; #海軍 #navy')),
      ),
    );
    expect(deriveNote(note).tags).toEqual(['follow-up', 'navy', '海軍']);
  });

  it('writes plain text with blank lines between blocks and one line per list item', () => {
    const note = buildNote(() =>
      $getRoot().append(
        $createParagraphNode().append($createTextNode('Intro')),
        $createListNode('bullet').append($createListItemNode().append($createTextNode('a')), $createListItemNode().append($createTextNode('b'))),
        $createParagraphNode().append($createTextNode('End')),
      ),
    );
    expect(deriveNote(note).text).toBe('Intro\n\na\nb\n\nEnd');
  });

  it('gives an empty note empty text and no references', () => {
    expect(deriveNote(emptyNoteContent())).toEqual({ text: '', excerpt: '', entityIds: [], citations: [], tags: [] });
  });

  it('ignores a malformed citation rather than failing the save', () => {
    const note = emptyNoteContent();
    (note.root.children[0] as { children: unknown[] }).children.push({ type: 'citation', version: 1, quote: 42 });
    expect(deriveNote(note).citations).toEqual([]);
  });

  it('cuts long excerpts at a word', () => {
    const words = Array.from({ length: 100 }, (_, i) => `word${i}`).join(' ');
    const note = buildNote(() => $getRoot().append($createParagraphNode().append($createTextNode(words))));
    const { excerpt } = deriveNote(note);
    expect(excerpt.length).toBeLessThanOrEqual(161);
    expect(excerpt.endsWith('…')).toBe(true);
    expect(words.startsWith(excerpt.slice(0, -1))).toBe(true);
  });
});

describe('titleFromText', () => {
  it('takes the first non-empty line, shortened', () => {
    expect(titleFromText('\n  Readout  \nmore')).toBe('Readout');
    expect(titleFromText('x'.repeat(100))).toHaveLength(80);
  });
});
