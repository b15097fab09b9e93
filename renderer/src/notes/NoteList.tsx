import type { NoteSummary } from '../../../electron/common/model/note';

/** The excerpt without the title it usually starts with (an unnamed note's title is its first line). */
export function excerptAfterTitle(note: Pick<NoteSummary, 'title' | 'excerpt'>): string {
  return note.excerpt.startsWith(note.title) ? note.excerpt.slice(note.title.length).trim() : note.excerpt;
}

interface Props {
  notes: NoteSummary[];
  currentId?: string | null;
  onOpen(id: string): void;
  empty: string;
}

/** Notes as a list: pinned first, then most recently changed (the order the core gives). */
export function NoteList({ notes, currentId, onOpen, empty }: Props) {
  if (notes.length === 0) return <p className="panel-empty">{empty}</p>;
  return (
    <ul className="note-list">
      {notes.map((n) => (
        <li key={n.id}>
          <button type="button" className={n.id === currentId ? 'current' : undefined} aria-current={n.id === currentId ? 'true' : undefined} onClick={() => onOpen(n.id)}>
            <span className="note-list-title" dir="auto">
              {n.pinned && <span aria-label="Pinned">★ </span>}
              {n.title}
            </span>
            {excerptAfterTitle(n) && (
              <span className="note-list-excerpt" dir="auto">
                {excerptAfterTitle(n)}
              </span>
            )}
            <span className="note-list-meta">
              {new Date(n.modified).toLocaleDateString()}
              {n.tags.map((t) => ` #${t}`).join('')}
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}
