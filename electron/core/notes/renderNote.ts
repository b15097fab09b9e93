import { createHeadlessEditor } from '@lexical/headless';
import { withDOM } from '@lexical/headless/dom';
import { $generateHtmlFromNodes } from '@lexical/html';
import { $convertToMarkdownString } from '@lexical/markdown';
import { $getRoot, type LexicalEditor } from 'lexical';
import { DossierError } from '../../common/errors';
import type { NoteContent } from '../../common/model/note';
import { NOTE_NAMESPACE, NOTE_NODES } from '../../common/notes/noteNodes';
import { $isEntityMentionNode } from '../../common/notes/nodes/EntityMentionNode';
import { inlineCitation, noteExportTransformers, type CitationWriter } from '../../common/notes/noteTransformers';

/**
 * Notes rendered in Node with Lexical's headless editor, using the very nodes the app's editor
 * registers, so exports say what the analyst saw.
 */

export interface RenderOptions {
  /** Current entity names by id (renames and merges since the note was saved). */
  entityName?: (entityId: string) => string | undefined;
  /** How citations are written in Markdown; inline “quote” (source) by default. */
  citation?: CitationWriter;
}

export function noteToMarkdown(content: NoteContent, options: RenderOptions = {}): string {
  const editor = loadNote(content, options);
  const transformers = noteExportTransformers(options.citation ?? inlineCitation);
  return editor.getEditorState().read(() => $convertToMarkdownString(transformers)).trim();
}

/** An HTML fragment: semantic elements only, no styles, no scripts (links are kept as written). */
export function noteToHtml(content: NoteContent, options: RenderOptions = {}): string {
  const editor = loadNote(content, options);
  return withDOM(() => editor.getEditorState().read(() => $generateHtmlFromNodes(editor, null)));
}

function loadNote(content: NoteContent, options: RenderOptions): LexicalEditor {
  const editor = createHeadlessEditor({
    namespace: NOTE_NAMESPACE,
    nodes: [...NOTE_NODES],
    onError: (error) => {
      throw error;
    },
  });
  try {
    editor.setEditorState(editor.parseEditorState(JSON.stringify(content)));
  } catch (error) {
    throw new DossierError('corrupt-file', `This note cannot be read: ${(error as Error).message}`);
  }
  if (options.entityName) {
    const nameOf = options.entityName;
    editor.update(
      () => {
        for (const node of $getRoot().getAllTextNodes()) {
          if (!$isEntityMentionNode(node)) continue;
          const name = nameOf(node.getEntityId());
          if (name && name !== node.getTextContent()) node.setTextContent(name);
        }
      },
      { discrete: true },
    );
  }
  return editor;
}
