import { createHeadlessEditor } from '@lexical/headless';
import { $getRoot, type LexicalEditor } from 'lexical';
import { DossierError, phrase, wordsOf } from '../../common/errors';
import type { NoteContent } from '../../common/model/note';
import { NOTE_NAMESPACE, NOTE_NODES } from '../../common/notes/noteNodes';
import { $isEntityMentionNode } from '../../common/notes/nodes/EntityMentionNode';

/**
 * A note in Lexical's headless editor, with the very nodes the app's editor registers (so exports
 * say what the analyst saw) and every mention showing the entity's current name.
 */
export function loadNote(content: NoteContent, entityName?: (entityId: string) => string | undefined): LexicalEditor {
  const editor = createHeadlessEditor({
    namespace: NOTE_NAMESPACE,
    nodes: [...NOTE_NODES],
    onError: (error) => {
      throw error;
    },
  });
  // A note with nothing in it (its body not written yet, or its file gone) is an empty note:
  // Lexical refuses to set a state without blocks, and the editor starts empty anyway.
  if ((content.root.children as unknown[] | undefined)?.length === 0) return editor;
  try {
    editor.setEditorState(editor.parseEditorState(JSON.stringify(content)));
  } catch (error) {
    throw new DossierError('corrupt-file', phrase('note.unreadable', { reason: wordsOf(error) }));
  }
  if (entityName) {
    editor.update(
      () => {
        for (const node of $getRoot().getAllTextNodes()) {
          if (!$isEntityMentionNode(node)) continue;
          const name = entityName(node.getEntityId());
          if (name && name !== node.getTextContent()) node.setTextContent(name);
        }
      },
      { discrete: true },
    );
  }
  return editor;
}
