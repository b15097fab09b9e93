import { useCallback, useEffect, useRef, useState } from 'react';
import { shortcutLabel } from '../ui/shortcuts';
import type { CitationFields } from '../../../electron/common/notes/nodes/CitationNode';
import { api, onEvent } from '../api';
import { useNotify } from '../ui/Toasts';
import { errorMessage, type SaveTracker } from '../ui/useSaveStatus';
import { NoteList } from './NoteList';
import { NotePane } from './NotePane';
import { useNoteList } from './useNoteList';
import { touches } from '../../../electron/common/changes';

interface Props {
  saves: SaveTracker;
  initialNoteId?: string | null;
  /** Changes each time the analyst asks for a new note (Ctrl+Alt+N, File › New note). */
  createRequest?: number;
  onOpenEntity(entityId: string): void;
  onOpenCitation(citation: CitationFields): void;
  onUndo(): void;
}

/** Every note of the workspace: find by words or #tag, create, open. */
export function NotesView({ saves, initialNoteId, createRequest, onOpenEntity, onOpenCitation, onUndo }: Props) {
  const [query, setQuery] = useState('');
  const [tag, setTag] = useState<string | null>(null);
  const [tags, setTags] = useState<{ tag: string; count: number }[]>([]);
  const [openId, setOpenId] = useState<string | null>(initialNoteId ?? null);
  const [fresh, setFresh] = useState<string | null>(null);
  const { notes, error } = useNoteList({ query: query.trim() || undefined, tag: tag ?? undefined });
  const notify = useNotify();

  useEffect(() => {
    const load = () => void api['notes.tags']({}).then(({ tags: t }) => setTags(t), () => undefined);
    load();
    return onEvent('workspace.changed', (e) => {
      if (touches(e, 'note')) load();
    });
  }, []);

  useEffect(() => {
    if (initialNoteId) setOpenId(initialNoteId);
  }, [initialNoteId]);

  const create = useCallback(async () => {
    try {
      const { note } = await api['notes.create']({});
      setQuery('');
      setTag(null);
      setFresh(note.id);
      setOpenId(note.id);
    } catch (e) {
      notify({ tone: 'error', message: errorMessage(e) });
    }
  }, [notify]);

  // One note per request, also when React runs effects twice (development).
  const handledRequest = useRef<number | undefined>(undefined);
  useEffect(() => {
    if (!createRequest || handledRequest.current === createRequest) return;
    handledRequest.current = createRequest;
    void create();
  }, [create, createRequest]);

  return (
    <div className="notes-view">
      <aside className="notes-index" aria-label="Notes">
        <div className="notes-index-head">
          <h1>Notes</h1>
          <button type="button" className="primary" onClick={() => void create()} title={`New note (${shortcutLabel('Alt+N', false)})`}>
            New note
          </button>
        </div>
        <input type="search" aria-label="Find notes" placeholder="Find in notes…" value={query} onChange={(e) => setQuery(e.target.value)} />
        {tags.length > 0 && (
          <div className="tag-filter" role="group" aria-label="Filter by tag">
            {tags.map(({ tag: t, count }) => (
              <button key={t} type="button" className="chip tag" aria-pressed={tag === t} onClick={() => setTag(tag === t ? null : t)}>
                #{t} <span className="count">{count}</span>
              </button>
            ))}
          </div>
        )}
        {error && <p role="alert">{error}</p>}
        <NoteList notes={notes} currentId={openId} onOpen={setOpenId} empty={query || tag ? 'No note matches.' : 'No notes yet. Press New note.'} />
      </aside>
      <div className="notes-editor-area">
        {openId ? (
          <NotePane
            key={openId}
            noteId={openId}
            saves={saves}
            onOpenEntity={onOpenEntity}
            onOpenCitation={onOpenCitation}
            onDeleted={() => setOpenId(null)}
            onUndo={onUndo}
            autoFocus={fresh === openId}
          />
        ) : (
          <p className="panel-empty">Open a note, or create one.</p>
        )}
      </div>
    </div>
  );
}
