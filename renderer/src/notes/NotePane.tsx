import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useState, type RefObject } from 'react';
import type { LexicalEditor } from 'lexical';
import type { CallRequest } from '../../../electron/common/contract';
import type { Note, NoteContent, NoteSummary } from '../../../electron/common/model/note';
import { api } from '../api';
import { useAppActions } from '../app/AppActions';
import { queries } from '../data/queries';
import { useNotify } from '../ui/Toasts';
import { errorMessage } from '../ui/useSaveStatus';
import { NoteEditor } from './NoteEditor';
import type { NoteSaveState } from './plugins/AutosavePlugin';

interface Props {
  noteId: string;
  editorRef?: RefObject<LexicalEditor | null>;
  onDeleted(): void;
  /** Back to the list (in narrow panels). */
  onClose?(): void;
  autoFocus?: boolean;
}

/**
 * One open note: its title, pin, delete, saved state and the editor. The title, pin and tags
 * follow the store (a rename undone, a pin from elsewhere); the editor keeps what is being typed,
 * and so does the title field while the analyst types a new title.
 */
export function NotePane({ noteId, editorRef, onDeleted, onClose, autoFocus }: Props) {
  const { undo } = useAppActions();
  const noteQuery = useQuery(queries.note(noteId));
  const note = noteQuery.data?.note ?? null;
  /** The title being typed, until it is stored. */
  const [titleDraft, setTitleDraft] = useState<string | null>(null);
  const [saveState, setSaveState] = useState<{ state: NoteSaveState; message?: string }>({ state: 'saved' });
  const notify = useNotify();
  const queryClient = useQueryClient();

  /** What the store said about the note after a change made here, shown before the feed's refresh. */
  const merge = useCallback(
    (summary: NoteSummary) =>
      queryClient.setQueryData<{ note: Note }>(queries.note(noteId).queryKey, (current) => (current ? { note: { ...current.note, ...summary } } : current)),
    [noteId, queryClient],
  );

  const save = useCallback(
    async (content: NoteContent, baseRev: number) => {
      const { note: summary, contentRev } = await api['notes.save']({ id: noteId, content, baseRev });
      // An unnamed note takes its first line as title (the field keeps a title being typed).
      merge(summary);
      return contentRev;
    },
    [merge, noteId],
  );
  const onSaveState = useCallback((state: NoteSaveState, message?: string) => setSaveState({ state, message }), []);

  const update = useMutation({
    mutationFn: (patch: CallRequest<'notes.update'>['patch']) => api['notes.update']({ id: noteId, patch }),
    onSuccess: ({ note: updated }, patch) => {
      merge(updated);
      if (patch.title !== undefined) setTitleDraft(null);
    },
    onError: (e) => notify({ tone: 'error', message: errorMessage(e) }),
  });

  const rename = () => {
    if (!note || titleDraft === null) return;
    if (titleDraft.trim() === note.title) setTitleDraft(null);
    else update.mutate({ title: titleDraft.trim() });
  };

  const remove = useMutation({
    mutationFn: () => api['notes.delete']({ id: noteId }),
    onSuccess: () => {
      notify({ tone: 'info', message: `Note “${note?.title ?? ''}” deleted.`, action: { label: 'Undo', run: undo } });
      onDeleted();
    },
    onError: (e) => notify({ tone: 'error', message: errorMessage(e) }),
  });

  if (noteQuery.error && !note) return <div className="load-error" role="alert">{errorMessage(noteQuery.error)}</div>;
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
          className="note-title"
          aria-label="Note title"
          dir="auto"
          value={titleDraft ?? note.title}
          maxLength={300}
          onChange={(e) => setTitleDraft(e.target.value)}
          onBlur={rename}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              rename();
              editorRef?.current?.focus();
            }
          }}
        />
        <span className={`note-save-state ${saveState.state}`} role="status" aria-live="polite" data-testid="note-save-state" title={saveState.message}>
          {saveState.state === 'saved' ? 'Saved' : saveState.state === 'saving' ? 'Saving…' : 'Not saved'}
        </span>
        <button
          type="button"
          className="tool"
          aria-pressed={note.pinned}
          aria-label={note.pinned ? 'Unpin note' : 'Pin note'}
          title={note.pinned ? 'Unpin' : 'Pin to the top of the list'}
          onClick={() => update.mutate({ pinned: !note.pinned })}
        >
          {note.pinned ? '★' : '☆'}
        </button>
        <button type="button" className="danger" onClick={() => remove.mutate()} aria-label="Delete note">
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
        editorRef={editorRef}
        onSaveState={onSaveState}
        autoFocus={autoFocus}
      />
    </section>
  );
}
