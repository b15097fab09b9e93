import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useEffect, useEffectEvent, useState } from 'react';
import type { NoteContent } from '../../../../electron/common/model/note';
import { useAppActions } from '../../app/AppActions';
import { registerPendingSave } from '../pendingSaves';
import { errorMessage } from '../../ui/useSaveStatus';

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
  /** The content revision the editor was loaded from; later revisions come from the saves themselves. */
  baseRev: number;
  onState(state: NoteSaveState, message?: string): void;
}

/** After the current frame's work, so a save never delays the paint of a keystroke. */
function whenIdle(run: () => void): void {
  if ('requestIdleCallback' in window) window.requestIdleCallback(run, { timeout: 1000 });
  else setTimeout(run, 0);
}

/**
 * Saves the note as the analyst types: debounced, one save in flight at a time, the latest state
 * always the one that lands, and a final save when the editor closes or the window is hidden.
 */
export function AutosavePlugin({ save: store, baseRev, onState }: Props) {
  const [editor] = useLexicalComposerContext();
  const { saves } = useAppActions();
  // The revision the editor was loaded at, once: a refreshed note (after its own save) must not
  // restart the autosave while a save is under way.
  const [loadedRev] = useState(baseRev);
  const report = useEffectEvent((state: NoteSaveState, message?: string) => onState(state, message));
  const send = useEffectEvent((content: NoteContent, rev: number) => store(content, rev));

  useEffect(() => {
    let rev = loadedRev;
    // What the store holds, as this editor writes it: saving the same again is no save. Plugins
    // registering their node transforms mark every node of their kind dirty once the note is
    // open, and that save would race a change made elsewhere (a restored version undone) and fail
    // as a conflict. Serialised at the first save, not on opening.
    const loaded = editor.getEditorState();
    let stored: string | null = null;
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
      const json = JSON.stringify(content);
      stored ??= JSON.stringify(loaded.toJSON());
      if (json === stored) {
        await saves.track(Promise.resolve());
        if (!dirty) report('saved');
        return;
      }
      report('saving');
      inFlight = saves
        .track(send(content, rev))
        .then(
          (contentRev) => {
            rev = contentRev;
            stored = json;
            if (!dirty) report('saved');
          },
          (error: unknown) => {
            // Keep the edit pending so the next keystroke (or closing) tries again.
            dirty = true;
            report('error', errorMessage(error));
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
        report('saving');
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
  }, [editor, loadedRev, saves]);

  return null;
}
