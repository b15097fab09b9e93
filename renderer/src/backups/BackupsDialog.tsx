import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { BackupFile, BackupReason, BackupSummary } from '../../../electron/common/model/backup';
import { api } from '../api';
import { queries } from '../data/queries';
import { errorMessage } from '../ui/useSaveStatus';
import { describeWorkspaceFile } from './fileLabels';
import { dates } from '../ui/formatDate';
import { useRestoreBackup, type RestoreOutcome } from './useRestoreBackup';
import { countOf } from '../../../electron/common/text/plural';

const REASONS: Record<BackupReason, string> = {
  open: 'after opening',
  activity: 'while working',
  exit: 'on closing',
  manual: 'backed up by you',
  'before-restore': 'before a restore',
};
const CHANGES: Record<BackupFile['change'], string> = { added: 'Added', changed: 'Changed', removed: 'Removed', skipped: 'Damaged, left out' };

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
  const titles = useMemo(() => new Map<string, string>([...(articles ?? []).map((a) => [a.id, a.title] as const), ...(notes ?? []).map((n) => [n.id, n.title] as const)]), [articles, notes]);

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
        setOutcome({ tone: 'info', message: backup ? `Backed up ${countOf(backup.changed, 'changed file')}.` : 'Nothing changed since the last backup.' });
        if (backup) setSelected(backup.id);
      } catch (error) {
        setOutcome({ tone: 'error', message: `Could not back up: ${errorMessage(error)}` });
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
      <h2 id={`${listId}-title`}>Backups</h2>
      <p className="muted">
        Dossier backs up what changed after opening this workspace, every ten minutes while you work, and when you close it. It keeps every backup of the last hour, one an hour for a
        day, and one a day for a month. Damaged files are never backed up.
      </p>
      <div className="backups-body">
        {backups.length === 0 ? (
          <p className="panel-empty">{list.isLoading ? 'Loading…' : 'No backups yet. The first is taken a few seconds after the workspace opens.'}</p>
        ) : (
          <ul className="backups-list" role="listbox" aria-label="Backups, newest first" tabIndex={0} aria-activedescendant={current ? `${listId}-${current.id}` : undefined} onKeyDown={onListKey}>
            {backups.map((b) => (
              <li key={b.id} id={`${listId}-${b.id}`} role="option" aria-selected={b.id === current?.id} className={b.id === current?.id ? 'current' : undefined} onClick={() => setSelected(b.id)}>
                <strong>{backupTime(b)}</strong>
                <span className="muted">
                  {REASONS[b.reason]} · {countOf(b.changed, 'file')}
                  {b.skipped > 0 && ` · ${b.skipped} damaged left out`}
                </span>
              </li>
            ))}
          </ul>
        )}
        {current && (
          <section className="backup-detail" aria-label={`Backup of ${backupTime(current)}`}>
            <h3>Backup of {backupTime(current)}</h3>
            {confirmWhole ? (
              <div className="confirm" role="group" aria-label="Confirm restoring the whole workspace">
                <p>
                  Every file goes back to how it was at {backupTime(current)}. What you did since is backed up first, so you can undo this restore.
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
                  Restore everything
                </button>
                <button type="button" onClick={() => setConfirmFor(null)}>
                  Cancel
                </button>
              </div>
            ) : (
              <button type="button" disabled={busy} onClick={() => setConfirmFor(current.id)}>
                Restore the whole workspace to this point…
              </button>
            )}
            <h4>What changed since the backup before</h4>
            {files.isLoading && <p className="muted">Loading…</p>}
            {files.data && files.data.files.length === 0 && <p className="muted">Nothing: this backup was taken before a restore, of files as they were.</p>}
            <ul className="backup-files" aria-label="Files in this backup">
              {[...restorable, ...other].map((f) => (
                <li key={f.file}>
                  <span className={`change ${f.change}`}>{CHANGES[f.change]}</span>
                  <span className="file" title={f.problem ? `${f.file}: ${f.problem}` : f.file}>
                    {describeWorkspaceFile(f.file, titles)}
                  </span>
                  {(f.change === 'added' || f.change === 'changed') && (
                    <button type="button" disabled={busy} aria-label={`Restore ${describeWorkspaceFile(f.file, titles)}`} onClick={() => void run(async () => setOutcome(await restore(current, [f.file])))}>
                      Restore
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
            Undo
          </button>
        )}
      </p>
      <div className="dialog-actions">
        <button type="button" disabled={busy} onClick={() => void backUpNow()}>
          Back up now
        </button>
        <span className="spacer" />
        <button type="button" onClick={() => dialog.current?.close()}>
          Close
        </button>
      </div>
    </dialog>
  );
}
