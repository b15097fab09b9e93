import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import type { LexicalEditor } from 'lexical';
import type { Note, NoteContent, NoteSummary } from '../../../electron/common/model/note';
import type { CitationFields } from '../../../electron/common/notes/nodes/CitationNode';
import { api, onEvent } from '../api';
import { useNotify } from '../ui/Toasts';
import { errorMessage, type SaveTracker } from '../ui/useSaveStatus';
import { NoteEditor } from './NoteEditor';
import type { NoteSaveState } from './plugins/AutosavePlugin';
import { touches } from '../../../electron/common/changes';

interface Props {
  noteId: string;
  saves: SaveTracker;
  editorRef?: RefObject<LexicalEditor | null>;
  onOpenEntity(entityId: string): void;
  onOpenCitation(citation: CitationFields): void;
  onDeleted(): void;
  onUndo(): void;
  /** Back to the list (in narrow panels). */
  onClose?(): void;
  autoFocus?: boolean;
}

/** One open note: its title, pin, delete, saved state and the editor. */
export function NotePane({ noteId, saves, editorRef, onOpenEntity, onOpenCitation, onDeleted, onUndo, onClose, autoFocus }: Props) {
  const [note, setNote] = useState<Note | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [title, setTitle] = useState('');
  const [saveState, setSaveState] = useState<{ state: NoteSaveState; message?: string }>({ state: 'saved' });
  const notify = useNotify();
  const titleInput = useRef<HTMLInputElement>(null);

  const load = useCallback(async () => {
    try {
      const { note: loaded } = await api['notes.get']({ id: noteId });
      setNote(loaded);
      setTitle(loaded.title);
      setError(null);
    } catch (e) {
      setError(errorMessage(e));
    }
  }, [noteId]);

  useEffect(() => {
    void load();
    // Undo of a rename or pin changes the summary only; the editor keeps what is being typed.
    return onEvent('workspace.changed', (e) => {
      if (touches(e, 'note', { id: noteId })) {
        void api['notes.get']({ id: noteId }).then(
          ({ note: latest }) => {
            setNote((current) => (current ? { ...current, title: latest.title, pinned: latest.pinned } : current));
            setTitle(latest.title);
          },
          () => undefined,
        );
      }
    });
  }, [load, noteId]);

  const onSaved = useCallback((summary: NoteSummary) => {
    setNote((current) => (current ? { ...current, ...summary } : current));
    // An unnamed note takes its first line as title; never while the analyst is typing one.
    if (document.activeElement !== titleInput.current) setTitle(summary.title);
  }, []);
  const save = useCallback(
    async (content: NoteContent, baseRev: number) => {
      const { note: summary, contentRev } = await api['notes.save']({ id: noteId, content, baseRev });
      onSaved(summary);
      return contentRev;
    },
    [noteId, onSaved],
  );
  const onSaveState = useCallback((state: NoteSaveState, message?: string) => setSaveState({ state, message }), []);

  const rename = async () => {
    if (!note || title.trim() === note.title) return;
    try {
      const { note: updated } = await api['notes.update']({ id: noteId, patch: { title: title.trim() } });
      setNote({ ...note, ...updated });
      setTitle(updated.title);
    } catch (e) {
      notify({ tone: 'error', message: errorMessage(e) });
    }
  };

  const togglePin = async () => {
    if (!note) return;
    try {
      const { note: updated } = await api['notes.update']({ id: noteId, patch: { pinned: !note.pinned } });
      setNote({ ...note, ...updated });
    } catch (e) {
      notify({ tone: 'error', message: errorMessage(e) });
    }
  };

  const remove = async () => {
    try {
      await api['notes.delete']({ id: noteId });
      notify({ tone: 'info', message: `Note “${note?.title ?? ''}” deleted.`, action: { label: 'Undo', run: onUndo } });
      onDeleted();
    } catch (e) {
      notify({ tone: 'error', message: errorMessage(e) });
    }
  };

  if (error) return <div className="load-error" role="alert">{error}</div>;
  if (!note) return <div className="loading" aria-busy="true">Opening the note…</div>;

  return (
    <section className="note-pane" aria-label="Note" data-note-id={note.id}>
      <header className="note-header">
        {onClose && (
          <button type="button" className="link-button" onClick={onClose} aria-label="Back to notes">
            ← Notes
          </button>
        )}
        <input
          ref={titleInput}
          className="note-title"
          aria-label="Note title"
          dir="auto"
          value={title}
          maxLength={300}
          onChange={(e) => setTitle(e.target.value)}
          onBlur={() => void rename()}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              void rename();
              editorRef?.current?.focus();
            }
          }}
        />
        <span className={`note-save-state ${saveState.state}`} role="status" aria-live="polite" data-testid="note-save-state" title={saveState.message}>
          {saveState.state === 'saved' ? 'Saved' : saveState.state === 'saving' ? 'Saving…' : 'Not saved'}
        </span>
        <button type="button" className="tool" aria-pressed={note.pinned} aria-label={note.pinned ? 'Unpin note' : 'Pin note'} title={note.pinned ? 'Unpin' : 'Pin to the top of the list'} onClick={() => void togglePin()}>
          {note.pinned ? '★' : '☆'}
        </button>
        <button type="button" className="danger" onClick={() => void remove()} aria-label="Delete note">
          Delete
        </button>
      </header>
      {note.tags.length > 0 && (
        <div className="card-meta note-tags">
          {note.tags.map((t) => (
            <span key={t} className="chip tag">
              #{t}
            </span>
          ))}
        </div>
      )}
      <NoteEditor
        key={note.id}
        content={note.content}
        contentRev={note.contentRev}
        save={save}
        label={`Note: ${note.title}`}
        saves={saves}
        editorRef={editorRef}
        onSaveState={onSaveState}
        onOpenEntity={onOpenEntity}
        onOpenCitation={onOpenCitation}
        autoFocus={autoFocus}
      />
    </section>
  );
}
