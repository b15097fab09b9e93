import { withDOM } from '@lexical/headless/dom';
import { $generateHtmlFromNodes } from '@lexical/html';
import type { NoteContent } from '../../common/model/note';
import { loadNote } from './loadNote';
import { noteToMdast, type NoteMdastOptions } from './noteMdast';
import { writeMarkdown } from './writeMarkdown';

/**
 * Notes rendered in Node with Lexical's headless editor, using the very nodes the app's editor
 * registers, so exports say what the analyst saw.
 */

export type RenderOptions = NoteMdastOptions;

/** Markdown with `[[wikilinks]]` for mentions and citations inline (or as `options.citation` writes them). */
export function noteToMarkdown(content: NoteContent, options: RenderOptions = {}): string {
  return writeMarkdown({ type: 'root', children: noteToMdast(content, options) }).trim();
}

/** An HTML fragment: semantic elements only, no styles, no scripts (links are kept as written). */
export function noteToHtml(content: NoteContent, options: RenderOptions = {}): string {
  const editor = loadNote(content, options.entityName);
  return withDOM(() => editor.getEditorState().read(() => $generateHtmlFromNodes(editor, null)));
}
