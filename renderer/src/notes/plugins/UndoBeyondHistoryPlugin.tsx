import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import type { HistoryState } from '@lexical/history';
import { COMMAND_PRIORITY_LOW, UNDO_COMMAND } from 'lexical';
import { useEffect, useEffectEvent } from 'react';

interface Props {
  /** The editor's own history (shared with its HistoryPlugin). */
  history: HistoryState;
  /** What Ctrl/Cmd+Z does once the editor has nothing of its own to undo; nothing when absent. */
  onUndo?: () => void;
}

/**
 * Inside a note, Ctrl/Cmd+Z is the editor's undo. A note whose text was just replaced from
 * outside (a restored version) opens with an empty history, and there the same keys should undo
 * that replacement: this hands them on while the editor has nothing of its own to undo.
 */
export function UndoBeyondHistoryPlugin({ history, onUndo }: Props) {
  const [editor] = useLexicalComposerContext();
  const undo = useEffectEvent(() => onUndo?.());
  const enabled = onUndo !== undefined;
  useEffect(() => {
    if (!enabled) return;
    // Before the history plugin (which answers at editor priority, and would swallow the keys).
    return editor.registerCommand(
      UNDO_COMMAND,
      () => {
        if (history.undoStack.length > 0) return false;
        undo();
        return true;
      },
      COMMAND_PRIORITY_LOW,
    );
  }, [editor, enabled, history]);
  return null;
}
