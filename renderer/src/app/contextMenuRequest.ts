import type { CommandId } from '../../../electron/common/commands';
import type { ShellMessage } from '../../../electron/common/contract';

/** What a right-click on the article's selected words offers, when the reader has bound them. */
export const READER_COMMANDS: readonly CommandId[] = ['highlight', 'cite', 'link-entity', 'link-entities'];

/** The reader's text (ArticleView): the one place highlight, cite and link apply. */
export const READER_TEXT = '.reader-scroll';

/**
 * What a right-click in a note offers, when its editor has bound them: linking needs words selected
 * (the editor binds it only then), citing a passage goes in at the caret.
 */
export const NOTE_COMMANDS: readonly CommandId[] = ['note-link-entity', 'note-cite-passage'];

/** A note's editor (NoteEditor). */
export const NOTE_TEXT = '.note-content';

/**
 * What the window tells the desktop shell for a right-click at `target`: a text field or not,
 * selected text or not, and the reader's commands when the click is on the article with words
 * selected there. Pure, so the decision is tested without a browser.
 */
export function contextMenuRequest(
  target: { editable: boolean; inReader: boolean; inNote?: boolean; selectedText: string },
  available: (id: CommandId) => boolean,
): Extract<ShellMessage, { kind: 'contextMenu' }> {
  const selection = target.selectedText.trim() !== '';
  const commands =
    target.inReader && selection && !target.editable
      ? READER_COMMANDS.filter(available)
      : target.inNote && target.editable
        ? NOTE_COMMANDS.filter(available)
        : [];
  return { kind: 'contextMenu', editable: target.editable, selection, commands };
}
