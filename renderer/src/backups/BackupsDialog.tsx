import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { BackupFile, BackupReason, BackupSummary } from '../../../electron/common/model/backup';
import { api } from '../api';
import { queries } from '../data/queries';
import { errorMessage } from '../ui/useSaveStatus';
import { describeWorkspaceFile } from './fileLabels';
import { dates } from '../ui/formatDate';
import { useRestoreBackup, type RestoreOutcome } from './useRestoreBackup';
import { useTranslation } from 'react-i18next';
import { countOf } from '../i18n/i18n';
import { useNoteTitle } from '../notes/noteTitle';

/** Why a backup was taken, as the list says it: `backups:reason.<reason>` in the UI language. */
const reasonKey = (reason: BackupReason) => `backups:reason.${reason}` as const;
const CHANGES: Record<BackupFile['change'], string> = { added: 'backups:added', changed: 'backups:changed', removed: 'backups:removed', skipped: 'backups:damagedLeftOut2' };

export const backupTime = (b: Pick<BackupSummary, 'takenAt'>) => dates().dateTime(b.takenAt);

interface Props {
  onClose(): void;
}

/**
 * The workspace's automatic backups: pick one, see what it recorded, and put back one file or
 * the whole workspace as it was then. Every restore is preceded by a backup of what it replaces,
 * and the toast that confirms it offers to undo it.
 */
export function BackupsDialog({ onClose }: Props) {
  const { t } = useTranslation();
  const titleOf = useNoteTitle();
  const dialog = useRef<HTMLDialogElement>(null);
  const listId = useId();
  const queryClient = useQueryClient();
  const restore = useRestoreBackup();
  const list = useQuery({ queryKey: ['backups.list'], queryFn: () => api['backups.list']({}), gcTime: 0 });
  const backups = list.data?.backups ?? [];
  const [selected, setSelected] = useState<string | null>(null);
  const current = backups.find((b) => b.id === selected) ?? backups[0] ?? null;
  const files = useQuery({ queryKey: ['backups.files', current?.id], enabled: current !== null, queryFn: () => api['backups.files']({ id: current!.id }), gcTime: 0 });
  // Which backup the analyst is confirming a whole restore from: choosing another one cancels it.
  const [confirmFor, setConfirmFor] = useState<string | null>(null);
  const confirmWhole = current !== null && confirmFor === current.id;
  const [busy, setBusy] = useState(false);
  // Shown here, not as a toast: the rest of the window is inert while this dialog is open.
  const [outcome, setOutcome] = useState<RestoreOutcome | null>(null);

  const articles = useQuery(queries.articles()).data?.articles;
  const notes = useQuery(queries.notes()).data?.notes;
  const titles = useMemo(() => new Map<string, string>([...(articles ?? []).map((a) => [a.id, a.title] as const), ...(notes ?? []).map((n) => [n.id, titleOf(n)] as const)]), [articles, notes, titleOf]);

  useEffect(() => {
    dialog.current?.showModal();
  }, []);

  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['backups.list'] });
  const run = async (task: () => Promise<unknown>) => {
    setBusy(true);
    try {
      await task();
    } finally {
      setBusy(false);
      refresh();
    }
  };
  const backUpNow = () =>
    run(async () => {
      try {
        const { backup } = await api['backups.take']({});
        setOutcome({ tone: 'info', message: backup ? t('backups:backedUp', { countOf: countOf(backup.changed, 'changedFile') }) : t('backups:nothingChangedSinceTheLast') });
        if (backup) setSelected(backup.id);
      } catch (error) {
        setOutcome({ tone: 'error', message: t('backups:couldNotBackUp', { error: errorMessage(error) }) });
      }
    });

  const onListKey = (event: KeyboardEvent<HTMLUListElement>) => {
    const at = backups.findIndex((b) => b.id === current?.id);
    const next = event.key === 'ArrowDown' ? at + 1 : event.key === 'ArrowUp' ? at - 1 : event.key === 'Home' ? 0 : event.key === 'End' ? backups.length - 1 : null;
    if (next === null || !backups[next]) return;
    event.preventDefault();
    setSelected(backups[next].id);
  };

  const restorable = (files.data?.files ?? []).filter((f) => f.change === 'added' || f.change === 'changed');
  const other = (files.data?.files ?? []).filter((f) => f.change !== 'added' && f.change !== 'changed');

  return (
    <dialog ref={dialog} className="backups-dialog" aria-labelledby={`${listId}-title`} onClose={onClose}>
      <h2 id={`${listId}-title`}>{t('backups:backups')}</h2>
      <p className="muted">
        {t('backups:dossierBacksUpWhatChanged')}
      </p>
      <div className="backups-body">
        {backups.length === 0 ? (
          <p className="panel-empty">{list.isLoading ? t('backups:loading') : t('backups:noBackupsYetTheFirst')}</p>
        ) : (
          <ul className="backups-list" role="listbox" aria-label={t('backups:backupsNewestFirst')} tabIndex={0} aria-activedescendant={current ? `${listId}-${current.id}` : undefined} onKeyDown={onListKey}>
            {backups.map((b) => (
              <li key={b.id} id={`${listId}-${b.id}`} role="option" aria-selected={b.id === current?.id} className={b.id === current?.id ? 'current' : undefined} onClick={() => setSelected(b.id)}>
                <strong>{backupTime(b)}</strong>
                <span className="muted">
                  {t(reasonKey(b.reason))} · {countOf(b.changed, 'file')}
                  {b.skipped > 0 && t('backups:damagedLeftOut', { skipped: b.skipped })}
                </span>
              </li>
            ))}
          </ul>
        )}
        {current && (
          <section className="backup-detail" aria-label={t('backups:backupOf', { backupTime: backupTime(current) })}>
            <h3>{t('backups:backupOf', { backupTime: backupTime(current) })}</h3>
            {confirmWhole ? (
              <div className="confirm" role="group" aria-label={t('backups:confirmRestoringTheWholeWorkspace')}>
                <p>
                  {t('backups:everyFileGoesBackTo', { backupTime: backupTime(current) })}
                </p>
                <button
                  type="button"
                  className="primary"
                  disabled={busy}
                  onClick={() =>
                    void run(async () => {
                      setOutcome(await restore(current, undefined));
                      setConfirmFor(null);
                    })
                  }
                >
                  {t('backups:restoreEverything')}
                </button>
                <button type="button" onClick={() => setConfirmFor(null)}>
                  {t('backups:cancel')}
                </button>
              </div>
            ) : (
              <button type="button" disabled={busy} onClick={() => setConfirmFor(current.id)}>
                {t('backups:restoreTheWholeWorkspaceTo')}
              </button>
            )}
            <h4>{t('backups:whatChangedSinceTheBackup')}</h4>
            {files.isLoading && <p className="muted">{t('backups:loading')}</p>}
            {files.data && files.data.files.length === 0 && <p className="muted">{t('backups:nothingThisBackupWasTaken')}</p>}
            <ul className="backup-files" aria-label={t('backups:filesInThisBackup')}>
              {[...restorable, ...other].map((f) => (
                <li key={f.file}>
                  <span className={`change ${f.change}`}>{t(CHANGES[f.change])}</span>
                  <span className="file" title={f.problem ? `${f.file}: ${f.problem}` : f.file}>
                    {describeWorkspaceFile(f.file, titles)}
                  </span>
                  {(f.change === 'added' || f.change === 'changed') && (
                    <button type="button" disabled={busy} aria-label={t('backups:restore2', { describeWorkspaceFile: describeWorkspaceFile(f.file, titles) })} onClick={() => void run(async () => setOutcome(await restore(current, [f.file])))}>
                      {t('backups:restore')}
                    </button>
                  )}
                </li>
              ))}
            </ul>
          </section>
        )}
      </div>
      <p className={`restore-outcome ${outcome?.tone ?? ''}`} role="status" aria-live="polite">
        {outcome?.message}
        {outcome?.undo && (
          <button type="button" disabled={busy} onClick={() => void run(async () => setOutcome(await outcome.undo!()))}>
            {t('backups:undo')}
          </button>
        )}
      </p>
      <div className="dialog-actions">
        <button type="button" disabled={busy} onClick={() => void backUpNow()}>
          {t('backups:backUpNow')}
        </button>
        <span className="spacer" />
        <button type="button" onClick={() => dialog.current?.close()}>
          {t('backups:close')}
        </button>
      </div>
    </dialog>
  );
}
