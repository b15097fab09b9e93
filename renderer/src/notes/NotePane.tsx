import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useRef, useState, type RefObject } from 'react';
import type { LexicalEditor } from 'lexical';
import type { CallRequest } from '../../../electron/common/contract';
import { isUntitledNote, type Note, type NoteContent, type NoteRevisionSummary, type NoteSummary } from '../../../electron/common/model/note';
import { deriveNote } from '../../../electron/common/notes/deriveNote';
import { api } from '../api';
import { useAppActions } from '../app/AppActions';
import { useCommand } from '../commands/CommandProvider';
import { queries } from '../data/queries';
import { withShortcut } from '../ui/shortcuts';
import { useNotify } from '../ui/Toasts';
import { errorMessage } from '../ui/useSaveStatus';
import { NoteEditor } from './NoteEditor';
import { NoteHistoryDialog } from './NoteHistoryDialog';
import { flushPendingSaves } from './pendingSaves';
import type { NoteSaveState } from './plugins/AutosavePlugin';
import { dates } from '../ui/formatDate';
import { RecordAuthors } from '../ui/RecordAuthors';
import { useTranslation } from 'react-i18next';
import { useNoteTitle } from './noteTitle';

/** The undo step a restore makes (see NoteService.restoreRevision). */

interface Props {
  noteId: string;
  editorRef?: RefObject<LexicalEditor | null>;
  onDeleted(): void;
  /** Back to the list (in narrow panels). */
  onClose?(): void;
  autoFocus?: boolean;
}

/**
 * One open note: its title, pin, history, delete, saved state and the editor. The title, pin and
 * tags follow the store (a rename undone, a pin from elsewhere); the editor keeps what is being
 * typed, and so does the title field while the analyst types a new title. When the text changes
 * elsewhere (a version restored, that restore undone) while nothing typed here is waiting to be
 * saved, the editor reloads it, rather than refusing the next save as a conflict.
 */
export function NotePane({ noteId, editorRef, onDeleted, onClose, autoFocus }: Props) {
  const { t } = useTranslation();
  const titleOf = useNoteTitle();
  const { undo } = useAppActions();
  const noteQuery = useQuery(queries.note(noteId));
  const note = noteQuery.data?.note ?? null;
  /** The title being typed, until it is stored. */
  const [titleDraft, setTitleDraft] = useState<string | null>(null);
  const [saveState, setSaveState] = useState<{ state: NoteSaveState; message?: string }>({ state: 'saved' });
  /** The save state as the restore reads it, after waiting for the last saves. */
  const lastSaveState = useRef<NoteSaveState>('saved');
  /** The content revision the editor holds, once it has saved (before: the one it loaded). */
  const [editorRev, setEditorRev] = useState<number | null>(null);
  /** Bumped to load the stored text into a new editor. */
  const [generation, setGeneration] = useState(0);
  /** The editor a restore loaded: Ctrl/Cmd+Z there, before anything is typed, undoes the restore. */
  const [restoredGeneration, setRestoredGeneration] = useState<number | null>(null);
  const [focusOnLoad, setFocusOnLoad] = useState(false);
  /** The history dialog, with the text it compares versions with. */
  const [history, setHistory] = useState<{ text: string } | null>(null);
  const ownEditor = useRef<LexicalEditor | null>(null);
  const editor = editorRef ?? ownEditor;
  const notify = useNotify();
  const queryClient = useQueryClient();

  const shownRev = editorRev ?? note?.contentRev ?? 0;
  if (note && note.contentRev > shownRev && saveState.state === 'saved') {
    // Changed elsewhere, and nothing here to lose: show the stored text.
    setEditorRev(note.contentRev);
    setGeneration(generation + 1);
  }

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
      setEditorRev(contentRev);
      return contentRev;
    },
    [merge, noteId],
  );
  const onSaveState = useCallback((state: NoteSaveState, message?: string) => {
    lastSaveState.current = state;
    setSaveState({ state, message });
  }, []);

  /** Undoes the restore if it is still the last step (asked now: the cached answer may be behind). */
  const undoRestore = async () => {
    const { undo: last } = await api['history.state']({ scope: 'notes' });
    if (last?.key === 'restoreNoteVersion') undo('notes');
  };

  const openHistory = () => {
    if (!note) return;
    // What the editor holds now, typing not yet saved included, derived as a save would store it.
    const state = editor.current?.getEditorState();
    setHistory({ text: state ? deriveNote(state.toJSON() as unknown as NoteContent).text : note.text });
  };
  useCommand('note-history', openHistory, note !== null && history === null);

  const restore = async (revision: NoteRevisionSummary) => {
    // What was typed is saved first: the restore keeps it as a version, so nothing is lost.
    await flushPendingSaves();
    if (lastSaveState.current === 'error') throw new Error(t('notes:theLatestChangesToThis'));
    const { contentRev } = await api['notes.restoreRevision']({ id: noteId, revisionId: revision.id });
    await queryClient.refetchQueries({ queryKey: queries.note(noteId).queryKey });
    setEditorRev(contentRev);
    setRestoredGeneration(generation + 1);
    setGeneration(generation + 1);
    setFocusOnLoad(true);
    notify({ tone: 'info', message: t('notes:restoredTheVersionOf', { at: dates().dateTime(revision.at) }), action: { label: t('notes:undo'), run: () => undo('notes') } });
  };

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
    if (titleDraft.trim() === (isUntitledNote(note) ? '' : note.title)) setTitleDraft(null);
    else update.mutate({ title: titleDraft.trim() });
  };

  const remove = useMutation({
    mutationFn: () => api['notes.delete']({ id: noteId }),
    onSuccess: () => {
      notify({ tone: 'info', message: t('notes:noteDeleted', { value: note ? titleOf(note) : '' }), action: { label: t('notes:undo'), run: () => undo('notes') } });
      onDeleted();
    },
    onError: (e) => notify({ tone: 'error', message: errorMessage(e) }),
  });

  if (noteQuery.error && !note) return <div className="load-error" role="alert">{errorMessage(noteQuery.error)}</div>;
  if (!note) return <div className="loading" aria-busy="true">{t('notes:openingTheNote')}</div>;

  return (
    <section className="note-pane" aria-label={t('notes:note2')} data-note-id={note.id}>
      <header className="note-header">
        {onClose && (
          <button type="button" className="link-button" onClick={onClose} aria-label={t('notes:backToNotes')}>
            {t('notes:notes2')}
          </button>
        )}
        <input
          className="note-title"
          aria-label={t('notes:noteTitle')}
          dir="auto"
          value={titleDraft ?? (isUntitledNote(note) ? '' : note.title)}
          placeholder={t('notes:untitledNote')}
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
          {saveState.state === 'saved' ? t('notes:saved') : saveState.state === 'saving' ? t('notes:saving') : t('notes:notSaved')}
        </span>
        <button
          type="button"
          className="tool"
          aria-pressed={note.pinned}
          aria-label={note.pinned ? t('notes:unpinNote') : t('notes:pinNote')}
          title={note.pinned ? t('notes:unpin') : t('notes:pinToTheTopOf')}
          onClick={() => update.mutate({ pinned: !note.pinned })}
        >
          {note.pinned ? '★' : '☆'}
        </button>
        <button type="button" onClick={openHistory} title={withShortcut(t('notes:earlierVersionsOfThisNote'), 'note-history')} aria-haspopup="dialog">
          {t('notes:history')}
        </button>
        <button type="button" className="danger" onClick={() => remove.mutate()} aria-label={t('notes:deleteNote')}>
          {t('notes:delete')}
        </button>
      </header>
      <RecordAuthors createdBy={note.createdBy} modifiedBy={note.modifiedBy} created={note.created} modified={note.modified} />
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
        key={`${note.id}:${generation}`}
        content={note.content}
        contentRev={note.contentRev}
        save={save}
        label={t('notes:note', { title: titleOf(note) })}
        editorRef={editor}
        articleId={note.articleId}
        onSaveState={onSaveState}
        autoFocus={autoFocus || focusOnLoad}
        onUndoBeyondHistory={restoredGeneration === generation ? () => void undoRestore() : undefined}
      />
      {history && (
        <NoteHistoryDialog
          noteId={note.id}
          title={titleOf(note)}
          currentText={history.text}
          onRestore={restore}
          onClose={() => {
            setHistory(null);
            editor.current?.focus();
          }}
        />
      )}
    </section>
  );
}
