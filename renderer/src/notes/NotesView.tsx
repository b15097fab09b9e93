import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import { api } from '../api';
import { useCommand } from '../commands/CommandProvider';
import { OrderSelect } from '../ui/OrderSelect';
import { recordRecent, useRecent } from '../library/recentPlaces';
import { queries } from '../data/queries';
import { withShortcut } from '../ui/shortcuts';
import { useNotify } from '../ui/Toasts';
import { errorMessage } from '../ui/useSaveStatus';
import { useStoredChoice } from '../ui/useStoredChoice';
import { useWorkspaceId } from '../ui/WorkspaceContext';
import { NoteList } from './NoteList';
import { NotePane } from './NotePane';
import { NOTE_ORDERS, sortNotes, type NoteOrder } from './sortNotes';
import { useNoteList } from './useNoteList';
import { useTranslation } from 'react-i18next';

interface Props {
  /** The note to open first (one just created, or opened from elsewhere). */
  initialNoteId?: string | null;
  /** Put the caret in that note (a new one). */
  focusNote?: boolean;
  /** Put the caret in the search field (Find in notes…). */
  focusSearch?: boolean;
}

/** Every note of the workspace: find by words or #tag, sort, create, open. */
export function NotesView({ initialNoteId, focusNote, focusSearch }: Props) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [tag, setTag] = useState<string | null>(null);
  const [openId, setOpenId] = useState<string | null>(initialNoteId ?? null);
  const [fresh, setFresh] = useState<string | null>(focusNote ? (initialNoteId ?? null) : null);
  const { notes, error } = useNoteList({ query: query.trim() || undefined, tag: tag ?? undefined });
  const tags = useQuery(queries.noteTags()).data?.tags ?? [];
  const workspaceId = useWorkspaceId();
  const [order, setOrder] = useStoredChoice<NoteOrder>('noteOrder', workspaceId, NOTE_ORDERS, 'modified');
  const recent = useRecent(workspaceId);
  const recentForOrder = order === 'recent' ? recent : null;
  // A note opened from this list counts as opened lately, like one opened from anywhere else.
  useEffect(() => {
    if (workspaceId && openId) recordRecent(workspaceId, `note:${openId}`);
  }, [workspaceId, openId]);
  const sorted = useMemo(() => sortNotes(notes, order, recentForOrder ?? []), [notes, order, recentForOrder]);
  const search = useRef<HTMLInputElement>(null);
  const notify = useNotify();

  const create = async () => {
    try {
      const { note } = await api['notes.create']({});
      setQuery('');
      setTag(null);
      setFresh(note.id);
      setOpenId(note.id);
    } catch (e) {
      notify({ tone: 'error', message: errorMessage(e) });
    }
  };

  // While this view is open, New note and Find act here, without opening it afresh.
  useCommand('new-note', () => void create());
  useCommand('find-notes', () => search.current?.focus());

  return (
    <div className="notes-view">
      <aside className="notes-index" aria-label={t('notes:notes')}>
        <div className="notes-index-head">
          <h1>{t('notes:notes')}</h1>
          <button type="button" className="primary" onClick={() => void create()} title={withShortcut(t('notes:newNote'), 'new-note')}>
            {t('notes:newNote')}
          </button>
        </div>
        <input
          ref={search}
          type="search"
          aria-label={t('notes:findNotes')}
          placeholder={t('notes:findInNotes')}
          value={query}
          autoFocus={focusSearch}
          onChange={(e) => setQuery(e.target.value)}
        />
        <OrderSelect className="notes-sort" label={t('notes:sortNotes')} value={order} orders={NOTE_ORDERS} onChange={setOrder} />
        {tags.length > 0 && (
          <div className="tag-filter" role="group" aria-label={t('notes:filterByTag')}>
            {tags.map(({ tag: t, count }) => (
              <button key={t} type="button" className="chip tag" aria-pressed={tag === t} onClick={() => setTag(tag === t ? null : t)}>
                #{t} <span className="count">{count}</span>
              </button>
            ))}
          </div>
        )}
        {error && <p role="alert">{error}</p>}
        <NoteList notes={sorted} currentId={openId} onOpen={setOpenId} empty={query || tag ? t('notes:noNoteMatches2') : t('notes:noNotesYetPressNew')} />
      </aside>
      <div className="notes-editor-area">
        {openId ? (
          <NotePane key={openId} noteId={openId} onDeleted={() => setOpenId(null)} autoFocus={fresh === openId} />
        ) : (
          <p className="panel-empty">{t('notes:openANoteOrCreate')}</p>
        )}
      </div>
    </div>
  );
}
