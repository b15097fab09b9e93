import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { HistoryEntry, HistoryScope } from '../../../electron/common/model/history';
import { queries } from '../data/queries';
import { shortcutLabel } from '../ui/shortcuts';
import { capitalised, describeScope } from './scopes';
import type { StepTarget } from './useHistorySteps';
import './history.css';
import { useTranslation } from 'react-i18next';
import { listed, stepName, uiLocale, undoTitle } from '../i18n/i18n';

interface Props {
  /** The current view's scope; without one (the search view) only everything is listed. */
  scope: HistoryScope | undefined;
  /** Its name, for the choice between this view and everything. */
  scopeName: string;
  onUndo(target: StepTarget): void;
  onRedo(target: StepTarget): void;
  onClose(): void;
}

/** An article's long title cut at a word, for the one-line choice of what to list. */
const shortName = (name: string) => (name.length <= 48 ? name : `${name.slice(0, 48).replace(/\s+\S*$/, '')}…`);

/**
 * The steps of this session, newest first: those of this view or of everything. Each step that
 * can be taken back now has its Undo (or, once undone, its Redo); one that a later step depends on
 * says which to undo first.
 */
export function HistoryDialog({ scope, scopeName, onUndo, onRedo, onClose }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const [everywhere, setEverywhere] = useState(scope === undefined);
  const list = useQuery(queries.historyList());
  const articles = useQuery(queries.articles()).data?.articles;
  const titles = useMemo(() => new Map((articles ?? []).map((a) => [a.id, a.title])), [articles]);
  const entries = (list.data?.entries ?? []).filter((e) => everywhere || (scope !== undefined && e.scopes.includes(scope)));
  // The team's changes synced in: of this article in its view, all of them everywhere.
  const remote = (list.data?.remote ?? []).filter((e) => everywhere || (e.articleId !== null && scope === `article:${e.articleId}`));
  // What Ctrl/Cmd+Z and the menu would take back in this view, named as they name it.
  const next = useQuery(queries.history(scope)).data ?? { undo: null, redo: null };

  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
  }, []);

  return (
    <dialog ref={dialog} className="history-dialog" aria-labelledby={`${id}-title`} onClose={onClose}>
      <h2 id={`${id}-title`}>{t('history:undoHistory')}</h2>
      {scope !== undefined && (
        <fieldset className="history-where">
          <legend className="visually-hidden">{t('history:showTheChangesOf')}</legend>
          <label>
            <input type="radio" name={`${id}-where`} checked={!everywhere} onChange={() => setEverywhere(false)} />
            {t('history:thisView', { shortName: shortName(scopeName) })}
          </label>
          <label>
            <input type="radio" name={`${id}-where`} checked={everywhere} onChange={() => setEverywhere(true)} />
            {t('history:everywhere')}
          </label>
        </fieldset>
      )}
      <div className="history-next" role="group" aria-label={scope === undefined ? t('history:theLatestChange') : t('history:theLatestChangeInThisView')}>
        <button type="button" disabled={!next.undo} onClick={() => onUndo({ scope })}>
          {undoTitle('undo', next.undo)} <kbd>{shortcutLabel('undo')}</kbd>
        </button>
        <button type="button" disabled={!next.redo} onClick={() => onRedo({ scope })}>
          {undoTitle('redo', next.redo)} <kbd>{shortcutLabel('redo')}</kbd>
        </button>
      </div>
      <p className="muted">{t('history:changesMadeSinceDossierOpened')}</p>
      {entries.length === 0 ? (
        <p className="panel-empty">{list.isLoading ? t('history:loading') : t('history:noChangesYet')}</p>
      ) : (
        <ol className="history-list" aria-label={everywhere ? t('history:changesEverywhereNewestFirst') : t('history:changesInNewestFirst', { scopeName })}>
          {entries.map((entry) => (
            <HistoryRow key={entry.id} entry={entry} titles={titles} onUndo={onUndo} onRedo={onRedo} />
          ))}
        </ol>
      )}
      {remote.length > 0 && (
        <section className="history-remote" aria-labelledby={`${id}-remote`}>
          <h3 id={`${id}-remote`}>{t('history:fromTheTeam')}</h3>
          <p className="muted">{t('history:fromTheTeamHint')}</p>
          <ol className="history-list" aria-labelledby={`${id}-remote`}>
            {remote.map((entry, index) => (
              <li key={`${entry.arrived}-${index}`} className="history-entry remote">
                <div className="history-what">
                  <strong>{capitalised(stepName(entry.label))}</strong>
                  <span className="muted">
                    {entry.by ? t('history:syncedFrom', { by: entry.by }) : t('history:syncedFromTheTeam')} ·{' '}
                    <time dateTime={entry.at}>{new Intl.DateTimeFormat(uiLocale(), { dateStyle: 'short', timeStyle: 'short' }).format(new Date(entry.at))}</time>
                    {entry.articleId && titles.has(entry.articleId) && ` · ${titles.get(entry.articleId)}`}
                  </span>
                </div>
              </li>
            ))}
          </ol>
        </section>
      )}
      <div className="dialog-actions">
        <span className="spacer" />
        <button type="button" onClick={() => dialog.current?.close()}>
          {t('history:close')}
        </button>
      </div>
    </dialog>
  );
}

function HistoryRow({ entry, titles, onUndo, onRedo }: { entry: HistoryEntry; titles: ReadonlyMap<string, string>; onUndo(t: StepTarget): void; onRedo(t: StepTarget): void }) {
  const { t } = useTranslation();
  const name = stepName(entry.label);
  const label = capitalised(name);
  const where = entry.scopes.filter((s) => s !== 'library' || entry.scopes.length === 1).map((s) => describeScope(s, titles));
  return (
    <li className={`history-entry ${entry.state}`}>
      <div className="history-what">
        <strong>{label}</strong>
        {entry.state === 'undone' && <span className="chip">{t('history:undone')}</span>}
        <span className="muted">
          <time dateTime={entry.at}>{new Intl.DateTimeFormat(uiLocale(), { timeStyle: 'short' }).format(new Date(entry.at))}</time>
          {where.length > 0 && ` · ${listed(where)}`}
        </span>
      </div>
      {entry.blockedBy ? (
        <span className="muted history-blocked">
          {t('history:first', { value: entry.state === 'done' ? t('history:undo2') : t('history:redo'), blockedBy: stepName(entry.blockedBy) })}
        </span>
      ) : entry.state === 'done' ? (
        <button type="button" onClick={() => onUndo({ id: entry.id })} aria-label={t('history:undo3', { label: name })}>
          {t('history:undo2')}
        </button>
      ) : (
        <button type="button" onClick={() => onRedo({ id: entry.id })} aria-label={t('history:redo2', { label: name })}>
          {t('history:redo')}
        </button>
      )}
    </li>
  );
}
