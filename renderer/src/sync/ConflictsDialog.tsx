import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConflictVersion, SyncConflict } from '../../../electron/common/model/sync';
import { wordDiff } from '../../../electron/common/notes/wordDiff';
import { api } from '../api';
import { queries } from '../data/queries';
import { useDates } from '../ui/formatDate';
import { keyMove } from '../ui/useListKeys';
import { errorMessage } from '../ui/useSaveStatus';
import { comparedText, differingFields, fieldText, kindOf, mergeNotes, recordLabel, type Names } from './conflictRecords';
import { SYNC_CONFLICTS_KEY, SYNC_STATUS_KEY } from './useSyncStatus';
import './conflicts.css';

/**
 * The records two analysts edited apart (docs/SYNC.md, Conflicts): the list on one side, and for
 * the chosen record every version side by side, who changed it and when, which one the workspace
 * shows now, words only one version has marked (in words, not only in colour), and "Keep this
 * version". A note can also keep both texts, one after the other. The choice syncs to the team.
 */
export function ConflictsDialog({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const list = useRef<HTMLUListElement>(null);
  const detail = useRef<HTMLElement>(null);
  const client = useQueryClient();
  const conflictsQuery = useQuery({ queryKey: SYNC_CONFLICTS_KEY, queryFn: () => api['sync.conflicts']({}), refetchOnMount: 'always' });
  const conflicts = useMemo(() => conflictsQuery.data?.conflicts ?? [], [conflictsQuery.data]);
  const entities = useQuery(queries.entities()).data?.entities;
  const articles = useQuery(queries.articles()).data?.articles;
  const names = useMemo<Names>(() => {
    const entityNames = new Map((entities ?? []).map((e) => [e.id, e.name]));
    const titles = new Map((articles ?? []).map((a) => [a.id, a.title]));
    return { entity: (key) => entityNames.get(key), article: (key) => titles.get(key) };
  }, [entities, articles]);
  const [chosenId, setChosenId] = useState<string | null>(null);
  const index = Math.max(0, conflicts.findIndex((c) => c.id === chosenId));
  const chosen = conflicts[index] ?? null;
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<string | null>(null);

  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
  }, []);

  const choose = (next: number) => {
    const conflict = conflicts[next];
    if (!conflict) return;
    setChosenId(conflict.id);
    list.current?.querySelector<HTMLElement>(`[data-index="${next}"]`)?.focus();
  };

  const onListKey = (event: KeyboardEvent<HTMLUListElement>) => {
    if (event.key === 'Enter') {
      // Into the chosen record's versions: its first "Keep this version".
      event.preventDefault();
      detail.current?.querySelector<HTMLElement>('button')?.focus();
      return;
    }
    const next = keyMove(event.key, index, conflicts.length);
    if (next === null) return;
    event.preventDefault();
    choose(next);
  };

  const label = (conflict: SyncConflict, version: ConflictVersion = conflict.versions[0]!) => recordLabel(conflict.kind, conflict.id, version.value, names);

  const resolve = async (conflict: SyncConflict, choice: { keep: string } | { value: unknown }, done: string) => {
    setBusy(true);
    setProblem(null);
    setOutcome(null);
    try {
      await api['sync.resolve']({ id: conflict.id, ...choice });
      setOutcome(done);
      // The next record takes the place of the one settled.
      const next = conflicts[index + 1] ?? conflicts[index - 1] ?? null;
      setChosenId(next?.id ?? null);
      await Promise.all([client.invalidateQueries({ queryKey: SYNC_CONFLICTS_KEY }), client.invalidateQueries({ queryKey: SYNC_STATUS_KEY })]);
      list.current?.querySelector<HTMLElement>('[aria-selected="true"]')?.focus();
    } catch (error) {
      setProblem(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <dialog ref={dialog} className="sync-conflicts" aria-labelledby={`${id}-title`} onClose={onClose}>
      <h2 id={`${id}-title`}>{t('sync:conflictsTitle')}</h2>
      <p className="sync-conflicts-hint">{t('sync:conflictsExplain')}</p>
      {conflictsQuery.isPending ? (
        <p className="loading" aria-busy="true">
          {t('sync:loading')}
        </p>
      ) : conflicts.length === 0 ? (
        <p className="panel-empty">{conflictsQuery.error ? errorMessage(conflictsQuery.error) : t('sync:noConflicts')}</p>
      ) : (
        <div className="sync-conflicts-body">
          <ul ref={list} className="sync-conflicts-list" role="listbox" aria-label={t('sync:conflictedRecords')} onKeyDown={onListKey}>
            {conflicts.map((conflict, i) => {
              const selected = conflict === chosen;
              const what = label(conflict);
              return (
                <li key={conflict.id} role="option" aria-selected={selected} tabIndex={selected ? 0 : -1} data-index={i} onClick={() => choose(i)}>
                  <span className="sync-conflict-kind">{t(`sync:kind.${kindOf(conflict.kind)}`)}</span>
                  <span className="sync-conflict-label" dir="auto">
                    {what || t('sync:noLabel')}
                  </span>
                  <span className="sync-conflict-meta">{t('sync:versionCount', { count: conflict.versions.length })}</span>
                </li>
              );
            })}
          </ul>
          {chosen && (
            <section ref={detail} className="sync-conflict-detail" aria-labelledby={`${id}-detail`}>
              <h3 id={`${id}-detail`} dir="auto">
                {t(`sync:kind.${kindOf(chosen.kind)}`)}
                {label(chosen) && `: ${label(chosen)}`}
              </h3>
              <Versions conflict={chosen} names={names} busy={busy} onKeep={(version, who) => void resolve(chosen, { keep: version.rev }, t('sync:keptVersion', { who }))} />
              {chosen.kind === 'note' && chosen.versions.length >= 2 && (
                <div className="sync-row">
                  <button
                    type="button"
                    disabled={busy}
                    onClick={() =>
                      void resolve(
                        chosen,
                        { value: chosen.versions.slice(1).reduce<unknown>((merged, v) => mergeNotes(merged, v.value), chosen.versions[0]!.value) },
                        t('sync:keptBoth'),
                      )
                    }
                  >
                    {t('sync:keepBoth')}
                  </button>
                  <span className="sync-conflicts-hint">{t('sync:keepBothExplain')}</span>
                </div>
              )}
            </section>
          )}
        </div>
      )}
      <p className="form-error" role="alert">
        {problem}
      </p>
      <p className="sync-conflicts-hint" role="status">
        {outcome}
      </p>
      <div className="dialog-actions">
        <span className="spacer" />
        <button type="button" onClick={() => dialog.current?.close()}>
          {t('sync:close')}
        </button>
      </div>
    </dialog>
  );
}

function Versions({ conflict, names, busy, onKeep }: { conflict: SyncConflict; names: Names; busy: boolean; onKeep(version: ConflictVersion, who: string): void }) {
  const { t } = useTranslation();
  const dates = useDates();
  const fields = differingFields(conflict.versions);
  const texts = conflict.versions.map((v) => comparedText(conflict.kind, v.value));
  return (
    <>
    <div className="sync-versions" style={{ gridTemplateColumns: `repeat(${conflict.versions.length}, minmax(0, 1fr))` }}>
      {conflict.versions.map((version, i) => {
        const who = version.changedBy || t('sync:someone');
        const when = version.changedAt ? dates.dateTime(version.changedAt) : null;
        const mine = texts[i];
        // Compared with the version shown now, or the shown one with the next.
        const other = texts[i === 0 ? 1 : 0];
        const own = mine !== null && mine !== undefined ? onlyIn(mine, other ?? '') : null;
        const heading = t('sync:versionBy', { who });
        return (
          <article key={version.rev} className={`sync-version${version.winner ? ' shown' : ''}`} aria-label={when ? t('sync:versionByAt', { who, when }) : heading} data-rev={version.rev}>
            <header>
              <strong dir="auto">{heading}</strong>
              {when && <time dateTime={version.changedAt}>{when}</time>}
              {version.winner && <span className="sync-shown-badge">{t('sync:shownNow')}</span>}
            </header>
            {fields.length > 0 && (
              <dl className="sync-fields">
                {fields.map((field) => (
                  <div key={field}>
                    <dt>{t(`sync:field.${field}`, { defaultValue: field })}</dt>
                    <dd dir="auto">{fieldText(fieldValue(version.value, field, conflict.kind, names))}</dd>
                  </div>
                ))}
              </dl>
            )}
            {own && (
              <div className="sync-text" dir="auto" tabIndex={0} role="region" aria-label={t(conflict.kind === 'note' ? 'sync:noteTextBy' : 'sync:commentBy', { who })}>
                {own.length === 0 ? (
                  <span className="sync-conflicts-hint">{t('sync:emptyText')}</span>
                ) : (
                  own.map((part, k) =>
                    part.only ? (
                      <mark key={k}>
                        <span className="visually-hidden">{t('sync:onlyHere')} </span>
                        {part.text}
                        <span className="visually-hidden">]</span>
                      </mark>
                    ) : (
                      <span key={k}>{part.text}</span>
                    ),
                  )
                )}
              </div>
            )}
            <button type="button" className="primary" disabled={busy} aria-label={t('sync:keepVersionBy', { who })} onClick={() => onKeep(version, who)}>
              {t('sync:keepThis')}
            </button>
          </article>
        );
      })}
    </div>
    {texts.some((text) => text !== null) && (
      <p className="sync-conflicts-hint">
        <mark>{t('sync:marked')}</mark> {t('sync:legend')}
      </p>
    )}
    </>
  );
}

/** This version's text in runs, each marked when the other version lacks it (read in order, the runs give the text). */
function onlyIn(mine: string, other: string): { text: string; only: boolean }[] {
  return wordDiff(other, mine)
    .parts.filter((part) => part.kind !== 'removed')
    .map((part) => ({ text: part.text, only: part.kind === 'added' }));
}

/** A field as the analyst knows it: a relationship's entities by name. */
function fieldValue(value: unknown, field: string, kind: string, names: Names): unknown {
  const v = (value ?? {}) as Record<string, unknown>;
  if (kind === 'relation' && (field === 'from' || field === 'to') && typeof v[field] === 'string') return names.entity(v[field]) ?? v[field];
  return v[field];
}
