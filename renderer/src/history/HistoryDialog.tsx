import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { HistoryEntry, HistoryScope } from '../../../electron/common/model/history';
import { queries } from '../data/queries';
import { capitalised, describeScope } from './scopes';
import type { StepTarget } from './useHistorySteps';
import './history.css';

interface Props {
  /** The current view's scope; without one (the search view) only everything is listed. */
  scope: HistoryScope | undefined;
  /** Its name, for the choice between this view and everything. */
  scopeName: string;
  onUndo(target: StepTarget): void;
  onRedo(target: StepTarget): void;
  onClose(): void;
}

const time = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' });

/** An article's long title cut at a word, for the one-line choice of what to list. */
const shortName = (name: string) => (name.length <= 48 ? name : `${name.slice(0, 48).replace(/\s+\S*$/, '')}…`);

/**
 * The steps of this session, newest first: those of this view or of everything. Each step that
 * can be taken back now has its Undo (or, once undone, its Redo); one that a later step depends on
 * says which to undo first.
 */
export function HistoryDialog({ scope, scopeName, onUndo, onRedo, onClose }: Props) {
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const [everywhere, setEverywhere] = useState(scope === undefined);
  const list = useQuery(queries.historyList());
  const articles = useQuery(queries.articles()).data?.articles;
  const titles = useMemo(() => new Map((articles ?? []).map((a) => [a.id, a.title])), [articles]);
  const entries = (list.data?.entries ?? []).filter((e) => everywhere || (scope !== undefined && e.scopes.includes(scope)));

  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
  }, []);

  return (
    <dialog ref={dialog} className="history-dialog" aria-labelledby={`${id}-title`} onClose={onClose}>
      <h2 id={`${id}-title`}>Undo history</h2>
      {scope !== undefined && (
        <fieldset className="history-where">
          <legend className="visually-hidden">Show the changes of</legend>
          <label>
            <input type="radio" name={`${id}-where`} checked={!everywhere} onChange={() => setEverywhere(false)} />
            This view ({shortName(scopeName)})
          </label>
          <label>
            <input type="radio" name={`${id}-where`} checked={everywhere} onChange={() => setEverywhere(true)} />
            Everywhere
          </label>
        </fieldset>
      )}
      <p className="muted">Changes made since Dossier opened. Typing inside a note or a comment is undone in that box itself.</p>
      {entries.length === 0 ? (
        <p className="panel-empty">{list.isLoading ? 'Loading…' : 'No changes yet.'}</p>
      ) : (
        <ol className="history-list" aria-label={everywhere ? 'Changes everywhere, newest first' : `Changes in ${scopeName}, newest first`}>
          {entries.map((entry) => (
            <HistoryRow key={entry.id} entry={entry} titles={titles} onUndo={onUndo} onRedo={onRedo} />
          ))}
        </ol>
      )}
      <div className="dialog-actions">
        <span className="spacer" />
        <button type="button" onClick={() => dialog.current?.close()}>
          Close
        </button>
      </div>
    </dialog>
  );
}

function HistoryRow({ entry, titles, onUndo, onRedo }: { entry: HistoryEntry; titles: ReadonlyMap<string, string>; onUndo(t: StepTarget): void; onRedo(t: StepTarget): void }) {
  const label = capitalised(entry.label);
  const where = entry.scopes.filter((s) => s !== 'library' || entry.scopes.length === 1).map((s) => describeScope(s, titles));
  return (
    <li className={`history-entry ${entry.state}`}>
      <div className="history-what">
        <strong>{label}</strong>
        {entry.state === 'undone' && <span className="chip">Undone</span>}
        <span className="muted">
          <time dateTime={entry.at}>{time.format(new Date(entry.at))}</time>
          {where.length > 0 && ` · ${where.join(', ')}`}
        </span>
      </div>
      {entry.blockedBy ? (
        <span className="muted history-blocked">
          {entry.state === 'done' ? 'Undo' : 'Redo'} “{entry.blockedBy}” first
        </span>
      ) : entry.state === 'done' ? (
        <button type="button" onClick={() => onUndo({ id: entry.id })} aria-label={`Undo ${entry.label}`}>
          Undo
        </button>
      ) : (
        <button type="button" onClick={() => onRedo({ id: entry.id })} aria-label={`Redo ${entry.label}`}>
          Redo
        </button>
      )}
    </li>
  );
}
