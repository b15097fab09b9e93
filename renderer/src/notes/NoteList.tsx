import { useMemo } from 'react';
import type { NoteSummary } from '../../../electron/common/model/note';
import { useListKeys } from '../ui/useListKeys';
import { useVirtualList } from '../ui/useVirtualList';
import { useDates } from '../ui/formatDate';
import { useTranslation } from 'react-i18next';
import { useNoteTitle } from './noteTitle';

/** The excerpt without the title it usually starts with (an unnamed note's title is its first line). */
export function excerptAfterTitle(note: Pick<NoteSummary, 'title' | 'excerpt'>): string {
  return note.excerpt.startsWith(note.title) ? note.excerpt.slice(note.title.length).trim() : note.excerpt;
}

/** Every row is this tall (title, one line of excerpt, date and tags), so the list can be windowed. */
export const NOTE_ROW_HEIGHT = 74;

interface Props {
  /** In the order to show them. */
  notes: readonly NoteSummary[];
  currentId?: string | null;
  onOpen(id: string): void;
  empty: string;
}

/**
 * Notes as a list, in the order given. Only the rows in view (plus a few) are in the DOM; the list
 * is one tab stop, and the arrow keys, Home and End move through it.
 */
export function NoteList({ notes, currentId, onOpen, empty }: Props) {
  const { t } = useTranslation();
  const titleOf = useNoteTitle();
  const { date } = useDates();
  const heights = useMemo(() => notes.map(() => NOTE_ROW_HEIGHT), [notes]);
  const { attachScroller, window: rowWindow, offsets, reveal } = useVirtualList(heights);
  const { rowProps, onKeyDown, attachList } = useListKeys(notes.length, reveal);
  if (notes.length === 0) return <p className="panel-empty">{empty}</p>;
  return (
    <div className="note-list-scroll" ref={attachScroller}>
      <ul
        className="note-list"
        aria-label={t('notes:notes')}
        ref={attachList}
        style={{ height: offsets.at(-1) }}
        onKeyDown={onKeyDown}
      >
        {notes.slice(rowWindow.start, rowWindow.end).map((n, i) => {
          const index = rowWindow.start + i;
          const excerpt = excerptAfterTitle(n);
          return (
            <li key={n.id} style={{ top: offsets[index], height: NOTE_ROW_HEIGHT }} aria-setsize={notes.length} aria-posinset={index + 1}>
              <button
                type="button"
                className={n.id === currentId ? 'current' : undefined}
                aria-current={n.id === currentId ? 'true' : undefined}
                onClick={() => onOpen(n.id)}
                {...rowProps(index)}
              >
                <span className="note-list-title" dir="auto">
                  {n.pinned && <span aria-label={t('notes:pinned')}>★ </span>}
                  {titleOf(n)}
                </span>
                {excerpt && (
                  <span className="note-list-excerpt" dir="auto">
                    {excerpt}
                  </span>
                )}
                <span className="note-list-meta">
                  {date(n.modified)}
                  {n.tags.map((t) => ` #${t}`).join('')}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
