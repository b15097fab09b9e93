import { useMemo, useState, type KeyboardEvent } from 'react';
import { PickerInput } from '../ui/PickerInput';
import { usePickerDialog } from '../ui/usePickerDialog';
import { pickerFieldKey } from '../ui/useListKeys';
import type { NoteSummary } from '../../../electron/common/model/note';
import './citeNotePicker.css';
import { useTranslation } from 'react-i18next';
import { useNoteTitle } from './noteTitle';

interface Props {
  /** Every note; shown most recently changed first. */
  notes: readonly NoteSummary[];
  /** What was clicked (the Cite button), to open beside it; centred when unknown. */
  anchor: DOMRect | null;
  /** A note's id, or null for a new note. */
  onPick(noteId: string | null): void;
  onCancel(): void;
}

const changed = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const WIDTH = 360;

/** Lower case without accents, so "defence" finds "Défense". */
const fold = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLocaleLowerCase();

/**
 * Which note a cited passage goes into: "New note" first, then every note, most recently changed
 * first, narrowed by the words typed. Arrow keys move, Enter picks, Escape cancels.
 */
export function CiteNotePicker({ notes, anchor, onPick, onCancel }: Props) {
  const { t } = useTranslation();
  const titleOf = useNoteTitle();
  const [query, setQuery] = useState('');
  const options = useMemo(() => {
    const words = fold(query).split(/\s+/).filter(Boolean);
    const recent = [...notes].sort((a, b) => b.modified.localeCompare(a.modified));
    const matching = recent.filter((n) => words.every((w) => fold(`${n.title} ${n.excerpt}`).includes(w)));
    return [null, ...matching];
  }, [notes, query]);
  const picker = usePickerDialog(options.length);
  const { id, dialog, listRef, current, setActive, optionId } = picker;


  const pick = (index: number) => {
    const option = options[index];
    if (option === undefined) return;
    onPick(option === null ? null : option.id);
  };
  const onKey = (event: KeyboardEvent<HTMLInputElement>) => pickerFieldKey(event, current, options.length, setActive, () => pick(current));

  // Beside what was clicked, kept on screen; the dialog's own margin is dropped for that.
  const place = anchor
    ? { left: Math.max(8, Math.min(anchor.left, window.innerWidth - WIDTH - 8)), top: Math.max(8, Math.min(anchor.bottom + 6, window.innerHeight - 380)), margin: 0 }
    : undefined;

  return (
    <dialog
      ref={dialog}
      className="cite-picker"
      aria-labelledby={`${id}-title`}
      style={place}
      onClose={onCancel}
      onClick={(e) => e.target === dialog.current && dialog.current.close()}
    >
      <div className="cite-picker-body">
        <h2 id={`${id}-title`}>{t('notes:citeInNote')}</h2>
        <PickerInput picker={picker} count={options.length} label={t('notes:findANote')} placeholder={t('notes:findANote2')} query={query} onQuery={setQuery} onKeyDown={onKey} />
        <ul ref={listRef} id={`${id}-list`} role="listbox" aria-label={t('notes:notesMostRecentlyChangedFirst')}>
          {options.map((note, i) => (
            <li
              key={note?.id ?? '(new)'}
              id={optionId(i)}
              data-index={i}
              role="option"
              aria-selected={i === current}
              className={`${i === current ? 'active' : ''}${note === null ? ' new-note' : ''}`}
              onMouseMove={() => i !== current && setActive(i)}
              onClick={() => pick(i)}
            >
              {note === null ? (
                <span className="cite-note-title">{t('notes:newNote')}</span>
              ) : (
                <>
                  <span className="cite-note-title" dir="auto">
                    {titleOf(note)}
                  </span>
                  <span className="cite-note-detail">
                    <time dateTime={note.modified}>{changed.format(new Date(note.modified))}</time>
                  </span>
                </>
              )}
            </li>
          ))}
        </ul>
        {options.length === 1 && query.trim() !== '' && <p className="muted cite-picker-none">{t('notes:noNoteMatches', { trim: query.trim() })}</p>}
      </div>
    </dialog>
  );
}
