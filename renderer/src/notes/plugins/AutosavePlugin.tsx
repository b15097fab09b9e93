import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useEffect, useRef } from 'react';
import type { NoteContent } from '../../../../electron/common/model/note';
import type { SaveTracker } from '../../ui/useSaveStatus';
import { registerPendingSave } from '../pendingSaves';

/**
 * Quiet time after the last keystroke before a save; unbroken typing still saves every MAX_WAIT.
 * Serialising a long note takes tens of milliseconds, so it waits for a pause rather than landing
 * between two keystrokes (closing or hiding the window saves at once).
 */
const DEBOUNCE_MS = 500;
const MAX_WAIT_MS = 10_000;

export type NoteSaveState = 'saved' | 'saving' | 'error';

/** Stores the editor's content; resolves to the new content revision. */
export type SaveContent = (content: NoteContent, baseRev: number) => Promise<number>;

interface Props {
  save: SaveContent;
  /** The content revision the editor was loaded from. */
  baseRev: number;
  saves: SaveTracker;
  onState(state: NoteSaveState, message?: string): void;
}

/**
 * Saves the note as the analyst types: debounced, one save in flight at a time, the latest state
 * always the one that lands, and a final save when the editor closes or the window is hidden.
 */
/** After the current frame's work, so a save never delays the paint of a keystroke. */
function whenIdle(run: () => void): void {
  if ('requestIdleCallback' in window) window.requestIdleCallback(run, { timeout: 1000 });
  else setTimeout(run, 0);
}

export function AutosavePlugin({ save: store, baseRev, saves, onState }: Props) {
  const [editor] = useLexicalComposerContext();
  const callbacks = useRef({ onState, store });
  callbacks.current = { onState, store };

  useEffect(() => {
    let rev = baseRev;
    let timer: ReturnType<typeof setTimeout> | null = null;
    let firstDirtyAt = 0;
    let dirty = false;
    let inFlight: Promise<void> | null = null;

    const save = async (): Promise<void> => {
      if (timer) clearTimeout(timer);
      timer = null;
      if (inFlight) await inFlight;
      if (!dirty) return;
      dirty = false;
      firstDirtyAt = 0;
      const content = editor.getEditorState().toJSON() as unknown as NoteContent;
      callbacks.current.onState('saving');
      inFlight = saves
        .track(callbacks.current.store(content, rev))
        .then(
          (contentRev) => {
            rev = contentRev;
            if (!dirty) callbacks.current.onState('saved');
          },
          (error: unknown) => {
            // Keep the edit pending so the next keystroke (or closing) tries again.
            dirty = true;
            callbacks.current.onState('error', error instanceof Error ? error.message : String(error));
          },
        )
        .finally(() => {
          inFlight = null;
        });
      await inFlight;
    };

    const schedule = () => {
      // Only the first keystroke after a save tells anyone: a re-render per keystroke costs frames.
      if (!dirty) {
        saves.markDirty();
        callbacks.current.onState('saving');
      }
      dirty = true;
      const now = Date.now();
      if (!firstDirtyAt) firstDirtyAt = now;
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => whenIdle(() => void save()), now - firstDirtyAt >= MAX_WAIT_MS ? 0 : DEBOUNCE_MS);
    };

    const unregisterPending = registerPendingSave(() => (dirty || inFlight ? save() : null));
    const unregisterUpdates = editor.registerUpdateListener(({ dirtyElements, dirtyLeaves, prevEditorState, tags }) => {
      // Selection moves and the initial load change nothing worth saving.
      if ((dirtyElements.size === 0 && dirtyLeaves.size === 0) || prevEditorState.isEmpty() || tags.has('dossier-load')) return;
      schedule();
    });
    return () => {
      unregisterUpdates();
      unregisterPending();
      if (dirty || timer) void save();
    };
  }, [baseRev, editor, saves]);

  return null;
}
