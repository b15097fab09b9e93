import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { NoteRevisionSummary } from '../../../electron/common/model/note';
import { wordDiff } from '../../../electron/common/notes/wordDiff';
import { queries } from '../data/queries';
import { keyMove } from '../ui/useListKeys';
import { errorMessage } from '../ui/useSaveStatus';
import { dates } from '../ui/formatDate';
import { useTranslation } from 'react-i18next';
import { countOf } from '../i18n/i18n';

interface Props {
  noteId: string;
  title: string;
  /** The note's text as the editor holds it now, what each version is compared with. */
  currentText: string;
  /** Puts the version back; rejects with what to tell the analyst. */
  onRestore(revision: NoteRevisionSummary): Promise<void>;
  onClose(): void;
}

const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

/** "5 minutes ago", "yesterday": the largest unit that fits. */
function ago(at: string, now: number): string {
  const elapsed = Date.parse(at) - now;
  for (const [unit, ms] of UNITS) if (Math.abs(elapsed) >= ms) return relative.format(Math.round(elapsed / ms), unit);
  return relative.format(0, 'minute');
}

/**
 * A note's earlier versions: the list on the left, on the right what changed since the chosen
 * one (words marked as <del>eted and <ins>erted, in words and not only in colour), and "Restore
 * this version".
 */
export function NoteHistoryDialog({ noteId, title, currentText, onRestore, onClose }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const list = useRef<HTMLUListElement>(null);
  const revisionsQuery = useQuery(queries.noteRevisions(noteId));
  const revisions = useMemo(() => revisionsQuery.data?.revisions ?? [], [revisionsQuery.data]);
  const [chosenId, setChosenId] = useState<string | null>(null);
  const chosen = revisions.find((r) => r.id === chosenId) ?? revisions[0] ?? null;
  const revisionQuery = useQuery({ ...queries.noteRevision(noteId, chosen?.id ?? ''), enabled: chosen !== null });
  const revision = revisionQuery.data?.revision.id === chosen?.id ? revisionQuery.data?.revision : undefined;
  const diff = useMemo(() => (revision ? wordDiff(revision.text, currentText) : null), [revision, currentText]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Read once: the relative times do not tick while the dialog is open.
  const [now] = useState(() => Date.now());

  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
  }, []);

  const choose = (index: number) => {
    const next = revisions[index];
    if (!next) return;
    setChosenId(next.id);
    list.current?.querySelector<HTMLElement>(`[data-index="${index}"]`)?.focus();
  };

  const onListKey = (event: KeyboardEvent<HTMLUListElement>) => {
    const current = chosen ? revisions.indexOf(chosen) : 0;
    const next = keyMove(event.key, current, revisions.length);
    if (next === null) return;
    event.preventDefault();
    choose(next);
  };

  const restore = async () => {
    if (!chosen) return;
    setBusy(true);
    setError(null);
    try {
      await onRestore(chosen);
      dialog.current?.close();
    } catch (e) {
      setError(errorMessage(e));
      setBusy(false);
    }
  };

  const loadError = revisionsQuery.error ?? revisionQuery.error;
  return (
    <dialog ref={dialog} className="note-history" aria-labelledby={`${id}-title`} onClose={onClose}>
      <h2 id={`${id}-title`} dir="auto">
        {t('notes:historyOf', { title })}
      </h2>
      <p className="note-history-hint">{t('notes:aVersionIsKeptWhen')}</p>
      {revisionsQuery.isPending ? (
        <p className="loading" aria-busy="true">
          {t('notes:readingTheVersions')}
        </p>
      ) : revisions.length === 0 ? (
        <p className="panel-empty">{t('notes:noEarlierVersionsYet')}</p>
      ) : (
        <div className="note-history-body">
          <ul ref={list} className="note-history-list" role="listbox" aria-label={t('notes:versions')} onKeyDown={onListKey}>
            {revisions.map((r, i) => {
              const selected = r === chosen;
              return (
                <li
                  key={r.id}
                  role="option"
                  aria-selected={selected}
                  tabIndex={selected ? 0 : -1}
                  data-index={i}
                  onClick={() => choose(i)}
                >
                  <time dateTime={r.at}>{dates().dateTime(r.at)}</time>
                  <span className="note-history-meta">
                    {ago(r.at, now)} · {countOf(r.words, 'word')}
                  </span>
                  <span className="note-history-excerpt" dir="auto">
                    {r.excerpt || t('notes:empty')}
                  </span>
                </li>
              );
            })}
          </ul>
          <section className="note-history-diff" aria-labelledby={`${id}-diff`}>
            <h3 id={`${id}-diff`}>{chosen ? t('notes:changesSince', { at: dates().dateTime(chosen.at) }) : t('notes:changes')}</h3>
            {diff ? (
              <>
                <p className="note-history-summary">
                  {diff.added === 0 && diff.removed === 0 ? t('notes:theTextIsTheSame') : t('notes:removedAndAddedSince', { countOf: countOf(diff.removed, 'word'), countOf2: countOf(diff.added, 'word') })}
                  {diff.tooDifferent && t('notes:theTextsAreTooDifferent')}
                </p>
                <p className="note-history-legend">
                  <del>{t('notes:struckThrough')}</del>{t('notes:onlyInThisVersion')}{' '}<ins>{t('notes:underlined')}</ins>{t('notes:writtenSinceRestoringBringsBack')}
                </p>
                <div className="note-history-text" dir="auto" tabIndex={0} role="region" aria-label={t('notes:theTextComparedWithThis')}>
                  {diff.parts.map((part, i) =>
                    part.kind === 'same' ? (
                      <span key={i}>{part.text}</span>
                    ) : part.kind === 'removed' ? (
                      <del key={i}>
                        <span className="visually-hidden">{t('notes:removed')}{' '}</span>
                        {part.text}
                        <span className="visually-hidden">]</span>
                      </del>
                    ) : (
                      <ins key={i}>
                        <span className="visually-hidden">{t('notes:added')}{' '}</span>
                        {part.text}
                        <span className="visually-hidden">]</span>
                      </ins>
                    ),
                  )}
                </div>
              </>
            ) : (
              !loadError && (
                <p className="loading" aria-busy="true">
                  {t('notes:comparing')}
                </p>
              )
            )}
          </section>
        </div>
      )}
      {(error ?? loadError) && (
        <p className="form-error" role="alert">
          {error ?? errorMessage(loadError)}
        </p>
      )}
      <div className="dialog-actions">
        <span className="spacer" />
        <button type="button" onClick={() => dialog.current?.close()}>
          {t('notes:close')}
        </button>
        <button type="button" className="primary" disabled={!revision || busy} onClick={() => void restore()}>
          {t('notes:restoreThisVersion')}
        </button>
      </div>
    </dialog>
  );
}
