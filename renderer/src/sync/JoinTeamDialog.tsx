import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, chooseFolder, onEvent } from '../api';
import { useCommand } from '../commands/CommandProvider';
import { errorMessage } from '../ui/useSaveStatus';
import { createAndHold, finishSwitch, folderNameFor, joinPath } from '../workspaces/switchWorkspace';
import { CredentialFields, NO_CREDENTIALS, ProgressLine, targetOf, type Progress } from './syncParts';
import { needsCredentials } from './useSyncStatus';
import './teamSync.css';
import './joinTeam.css';

/**
 * Joins a workspace the team shares (docs/SYNC.md › In the app): a new, empty workspace is created
 * in the folder and opened, and its first sync takes the team's documents in, its name with them.
 * The window stays on this dialog meanwhile (the switch is held), showing the run's progress, and
 * reloads onto the new workspace once it has synced. When the run fails, the new workspace stays,
 * empty, and "Join" tries the sync again on it; closing the dialog then opens it as it is.
 */
export function JoinTeamDialog({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const recent = useQuery({ queryKey: ['workspaces.recent'], queryFn: () => api['workspaces.recent']({}) });
  const [url, setUrl] = useState('');
  const [credentials, setCredentials] = useState(NO_CREDENTIALS);
  // The folder follows the database's name until the analyst types or picks one.
  const [folder, setFolder] = useState<string | null>(null);
  /** The workspace this dialog created (the sync then only needs trying again), and the address last tried on it. */
  const [created, setCreated] = useState<{ path: string; triedUrl: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => dialog.current?.showModal(), []);
  useEffect(() => onEvent('sync.progress', (p) => setProgress(p)), []);

  const name = databaseName(url) ?? t('sync:teamWorkspace');
  const parent = recent.data?.newWorkspaceParent ?? null;
  const path = created?.path ?? folder ?? (parent ? joinPath(parent, folderNameFor(name)) : '');

  const join = async (event: FormEvent) => {
    event.preventDefault();
    const remote = url.trim();
    setBusy(true);
    setProblem(null);
    setProgress(null);
    try {
      if (!created) {
        // Named after the database until the first sync brings the team's name.
        await createAndHold(path.trim(), name);
        setCreated({ path: path.trim(), triedUrl: remote });
      } else if (created.triedUrl !== remote) {
        // The new workspace holds nothing of its own yet: a link to the address tried before
        // (when that server answered) is dropped, so the corrected one can be taken.
        await api['sync.unlink']({});
        setCreated({ ...created, triedUrl: remote });
      }
      await api['sync.run']({ remote, ...targetOf(credentials) });
      finishSwitch();
    } catch (error) {
      setProblem(needsCredentials(error) ? t('sync:credentialsRefused') : errorMessage(error));
      setBusy(false);
      setProgress(null);
    }
  };

  const close = () => {
    // Created but not synced: the window opens the new (empty) workspace, which the core has open.
    if (created) finishSwitch();
    else onClose();
  };

  return (
    <dialog
      ref={dialog}
      className="join-team"
      aria-labelledby={`${id}-title`}
      onCancel={(e) => {
        e.preventDefault();
        if (!busy) close();
      }}
    >
      <h2 id={`${id}-title`}>{t('sync:joinTitle')}</h2>
      <p className="sync-hint">{t('sync:joinExplain')}</p>
      <form className="sync-form join-team-form" aria-label={t('sync:joinTitle')} onSubmit={(e) => void join(e)}>
        <label>
          {t('sync:databaseUrl')}
          <input type="text" inputMode="url" spellCheck={false} autoComplete="url" value={url} onChange={(e) => setUrl(e.target.value)} required placeholder={t('sync:urlExample')} dir="ltr" autoFocus />
        </label>
        <CredentialFields value={credentials} onChange={setCredentials} />
        <label>
          {t('sync:folder')}
          <span className="join-team-folder">
            <input value={path} onChange={(e) => setFolder(e.target.value)} required spellCheck={false} readOnly={created !== null} dir="ltr" />
            {chooseFolder && created === null && (
              <button type="button" disabled={busy} onClick={() => void chooseFolder!('create').then((chosen) => chosen && setFolder(joinPath(chosen, folderNameFor(name))))}>
                {t('sync:choose')}
              </button>
            )}
          </span>
        </label>
        <p className="sync-hint">{created ? t('sync:joinCreated', { path: created.path }) : t('sync:joinFolderHint')}</p>
        {busy && <ProgressLine progress={progress} />}
        <p className="sync-problem" role="alert">
          {problem}
        </p>
        <div className="dialog-actions">
          <span className="spacer" />
          <button type="button" disabled={busy} onClick={close}>
            {created ? t('sync:openAsItIs') : t('sync:cancel')}
          </button>
          <button type="submit" className="primary" disabled={busy || path.trim() === ''}>
            {created ? t('sync:tryAgain') : t('sync:joinAndSync')}
          </button>
        </div>
      </form>
    </dialog>
  );
}

/** Binds "Join a team workspace…" and shows the dialog while it is open. */
export function JoinTeamWorkspace() {
  const [open, setOpen] = useState(false);
  useCommand('join-team-workspace', () => setOpen(true));
  return open ? <JoinTeamDialog onClose={() => setOpen(false)} /> : null;
}

/** The database's name, the URL's last path segment ("team-dossier"), for the folder and the first name. */
export function databaseName(url: string): string | null {
  try {
    const segment = new URL(url.trim()).pathname.split('/').filter(Boolean).pop();
    return segment ? decodeURIComponent(segment) : null;
  } catch {
    return null;
  }
}
