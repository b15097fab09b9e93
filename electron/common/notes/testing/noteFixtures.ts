import { $createCodeNode } from '@lexical/code';
import { createHeadlessEditor } from '@lexical/headless';
import { $createLinkNode } from '@lexical/link';
import { $createListItemNode, $createListNode } from '@lexical/list';
import { $createHeadingNode, $createQuoteNode } from '@lexical/rich-text';
import { $createParagraphNode, $createTextNode, $getRoot } from 'lexical';
import type { NoteContent } from '../../model/note';
import { NOTE_NAMESPACE, NOTE_NODES } from '../../notes/noteNodes';
import { $createCitationNode, type CitationFields } from '../../notes/nodes/CitationNode';
import { $createEntityMentionNode } from '../../notes/nodes/EntityMentionNode';

/** Builds note content the way the editor would, for tests and benchmarks. */
export function buildNote(build: () => void): NoteContent {
  const editor = createHeadlessEditor({ namespace: NOTE_NAMESPACE, nodes: [...NOTE_NODES], onError: (e) => { throw e; } });
  editor.update(() => {
    $getRoot().clear();
    build();
  }, { discrete: true });
  return editor.getEditorState().toJSON() as unknown as NoteContent;
}

export const SAMPLE_CITATION: CitationFields = {
  articleId: 'art_sample',
  annotationId: 'ann_1',
  quote: 'the two ministers agreed to deepen cooperation',
  source: 'India and Japan defence ministers meet',
  start: 120,
  end: 166,
};

/** A note with every node type a note can hold. */
export function everyNodeNote(): NoteContent {
  return buildNote(() => {
    const root = $getRoot();
    root.append($createHeadingNode('h1').append($createTextNode('Meeting readout')));
    const p = $createParagraphNode();
    p.append(
      $createTextNode('Talks with '),
      $createEntityMentionNode('ent_rajnath', 'person', 'Rajnath Singh'),
      $createTextNode(' were '),
      $createTextNode('productive').toggleFormat('bold'),
      $createTextNode(' and '),
      $createTextNode('cordial').toggleFormat('italic'),
      $createTextNode(' #followup see '),
      $createLinkNode('https://example.org/readout').append($createTextNode('the readout')),
      $createTextNode('. Cited: '),
      $createCitationNode(SAMPLE_CITATION),
    );
    root.append(p);
    root.append(
      $createListNode('bullet').append(
        $createListItemNode().append($createTextNode('First point')),
        $createListItemNode().append($createEntityMentionNode('ent_japan', 'place', 'Japan')),
      ),
    );
    root.append($createListNode('number').append($createListItemNode().append($createTextNode('Step one'))));
    root.append($createQuoteNode().append($createTextNode('A quoted remark')));
    root.append($createCodeNode().append($createTextNode('UNIFIED-2025')));
    root.append($createParagraphNode().append($createTextNode('Underlined').toggleFormat('underline')));
  });
}
