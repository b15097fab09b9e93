import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { RecentWorkspace } from '../../../electron/common/model/recentWorkspace';
import type { WorkspaceInfo } from '../../../electron/common/model/workspace';
import { api, chooseFolder } from '../api';
import { errorMessage } from '../ui/useSaveStatus';
import { finishSwitch, folderNameFor, joinPath, switchWorkspace } from './switchWorkspace';
import { isDossierError } from '../../../electron/common/errors';
import { errorText } from '../i18n/i18n';
import { NewPassphraseFields, passphraseReady } from './PassphraseFields';
import { RecoveryKeyDialog } from './RecoveryKeyDialog';
import { SecuritySection } from './SecuritySection';
import { JoinTeamDialog } from '../sync/JoinTeamDialog';
import { TeamSyncSection } from '../sync/TeamSyncSection';
import { UnlockScreen } from './UnlockScreen';
import './WorkspacesScreen.css';
import { useTranslation } from 'react-i18next';

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

interface Props {
  /** The open workspace; null when none could be opened: the screen then fills the window, with no way to close it. */
  current: WorkspaceInfo | null;
  onClose?(): void;
}

/**
 * The start screen: the open workspace (renamed here), the recent ones to switch to, and opening
 * or creating another. The desktop app picks folders with the system's dialog; in the browser
 * the folder is typed (the page cannot see the disk), with a suggestion under Documents.
 *
 * When the workspace the app started with could not be opened (locked by another Dossier, not a
 * workspace, damaged …) it is the whole window, and says why at the top.
 */
export function WorkspacesScreen({ current, onClose }: Props) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const id = useId();
  const queryClient = useQueryClient();
  // Asked again at every opening: folders come and go behind Dossier's back (the lock state keeps this query alive).
  const recent = useQuery({ queryKey: ['workspaces.recent'], queryFn: () => api['workspaces.recent']({}), gcTime: 0, refetchOnMount: 'always' });
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  /** The encrypted workspace whose passphrase is asked for; 'dismissed' goes back to this screen. */
  const [unlocking, setUnlocking] = useState<{ path: string; name: string } | 'dismissed' | null>(null);
  const [recoveryKey, setRecoveryKey] = useState<string | null>(null);
  const [joining, setJoining] = useState(false);

  useEffect(() => {
    // Only the dialog: the full-window screen is the page itself.
    dialog.current?.showModal();
  }, []);

  /** Runs a switch; on success the window reloads, so only a failure comes back here. */
  const go = async (how: Parameters<typeof switchWorkspace>[0]) => {
    setBusy(true);
    setProblem(null);
    try {
      const created = await switchWorkspace(how);
      if (created.recoveryKey) setRecoveryKey(created.recoveryKey);
    } catch (error) {
      // An encrypted workspace not unlocked yet (its key file named): ask for the passphrase.
      if ('open' in how && isDossierError(error) && error.code === 'locked' && /keys\.json$/.test(error.file ?? '')) {
        setUnlocking({ path: how.open, name: how.open.split(/[\\/]/).filter(Boolean).pop() ?? how.open });
        setBusy(false);
        return;
      }
      setProblem(errorMessage(error));
      setBusy(false);
      void queryClient.invalidateQueries({ queryKey: ['workspaces.recent'] });
    }
  };

  const forget = async (w: RecentWorkspace) => {
    try {
      await api['workspaces.forget']({ path: w.path });
    } catch (error) {
      setProblem(errorMessage(error));
    }
    void queryClient.invalidateQueries({ queryKey: ['workspaces.recent'] });
  };

  const others = (recent.data?.workspaces ?? []).filter((w) => w.path !== current?.path);
  const startup = current === null ? (recent.data?.problem ?? null) : null;
  const encrypted = new Set(recent.data?.encrypted ?? []);
  // Their passphrase is remembered on this computer: they open without asking.
  const remembered = new Set(recent.data?.remembered ?? []);
  const rememberOffer = recent.data?.rememberPassphrase;
  const asked = unlocking === 'dismissed' ? null : (unlocking ?? (current === null ? (recent.data?.locked ?? null) : null));

  if (recoveryKey) return <RecoveryKeyDialog recoveryKey={recoveryKey} onDone={finishSwitch} />;
  if (asked && current === null) return <UnlockScreen path={asked.path} name={asked.name} remember={rememberOffer} onCancel={() => setUnlocking('dismissed')} />;

  const content = asked ? (
    <UnlockScreen path={asked.path} name={asked.name} inDialog remember={rememberOffer} onCancel={() => setUnlocking('dismissed')} />
  ) : (
    <>
      {current === null ? (
        <h1 id={`${id}-title`}>Dossier</h1>
      ) : (
        <h2 id={`${id}-title`}>{t('workspaces:workspaces')}</h2>
      )}
      {startup && (
        <section className="ws-startup-problem" role="alert" aria-labelledby={`${id}-startup`}>
          <h2 id={`${id}-startup`}>{t('workspaces:couldNotOpenTheWorkspace')}</h2>
          <p className="ws-path" title={startup.path}>
            {startup.path}
          </p>
          <p>{errorText(startup)}</p>
          <p className="muted">{t('workspaces:openItAgainOnceFixed')}</p>
        </section>
      )}
      {current && (
        <section aria-labelledby={`${id}-current`} className="ws-current">
          <h3 id={`${id}-current`}>{t('workspaces:openNow')}</h3>
          <CurrentWorkspace workspace={current} />
        </section>
      )}
      {current && <SecuritySection encrypted={recent.data?.currentEncrypted === true} readOnly={current.readOnly} remembered={remembered.has(current.path)} />}
      {current && <TeamSyncSection />}

      <section aria-labelledby={`${id}-recent`}>
        <h3 id={`${id}-recent`}>{t('workspaces:recentWorkspaces')}</h3>
        {recent.isLoading ? (
          <p className="muted">{t('workspaces:loading')}</p>
        ) : others.length === 0 ? (
          <p className="muted">{t('workspaces:noOtherWorkspaceOpenedYet')}</p>
        ) : (
          <ul className="ws-recent" aria-label={t('workspaces:recentWorkspaces')}>
            {others.map((w) => (
              <li key={w.path} className={w.missing ? 'missing' : undefined}>
                <div className="ws-what">
                  <strong dir="auto">{w.name}</strong>
                  <span className="ws-path" title={w.path}>
                    {w.path}
                  </span>
                  <span className="muted">{w.missing ? t('workspaces:folderNotFoundMovedDeleted') : t('workspaces:lastOpened', { format: dateTime.format(new Date(w.lastOpened)) })}</span>
                </div>
                {w.missing ? (
                  <button type="button" onClick={() => void forget(w)} aria-label={t('workspaces:removeFromTheList', { name: w.name })}>
                    {t('workspaces:removeFromList')}
                  </button>
                ) : (
                  <button type="button" disabled={busy} onClick={() => (encrypted.has(w.path) && !remembered.has(w.path) ? setUnlocking({ path: w.path, name: w.name }) : void go({ open: w.path }))} aria-label={t('workspaces:open2', { name: w.name })}>
                    {t('workspaces:open')}
                  </button>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>

      <div className="ws-forms">
        <OpenForm busy={busy} onOpen={(path) => void go({ open: path })} />
        <CreateForm busy={busy} parent={recent.data?.newWorkspaceParent ?? null} onCreate={(path, name, sample, passphrase) => void go({ create: path, name, sample, passphrase })} />
      </div>
      <section aria-labelledby={`${id}-join`} className="ws-form ws-join">
        <h3 id={`${id}-join`}>{t('workspaces:joinATeamWorkspace')}</h3>
        <p className="muted">{t('workspaces:joinExplain')}</p>
        <button type="button" disabled={busy} aria-haspopup="dialog" onClick={() => setJoining(true)}>
          {t('workspaces:joinATeamWorkspaceEllipsis')}
        </button>
      </section>
      {joining && <JoinTeamDialog onClose={() => setJoining(false)} />}

      <p className="ws-problem" role="alert">
        {problem}
      </p>
      <div className="dialog-actions">
        {busy && <span className="muted">{t('workspaces:opening')}</span>}
        <span className="spacer" />
        {current && (
          <button type="button" onClick={() => dialog.current?.close()}>
            {t('workspaces:close')}
          </button>
        )}
      </div>
    </>
  );

  if (current === null) {
    return (
      <main className="workspaces-screen ws-start-screen" aria-labelledby={`${id}-title`}>
        <div className="ws-start-body">{content}</div>
      </main>
    );
  }
  return (
    <dialog ref={dialog} className="workspaces-screen" aria-labelledby={`${id}-title`} onClose={onClose}>
      {content}
    </dialog>
  );
}

/** The open workspace's name, renamed in place (its folder keeps its name). */
function CurrentWorkspace({ workspace }: { workspace: WorkspaceInfo }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(workspace.name);
  const [error, setError] = useState<string | null>(null);
  const queryClient = useQueryClient();

  const save = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await api['workspace.rename']({ name });
      setEditing(false);
      setError(null);
      // The change feed refreshes workspace.info; the recent list is this screen's own.
      void queryClient.invalidateQueries({ queryKey: ['workspaces.recent'] });
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  if (editing) {
    return (
      <form className="ws-rename" onSubmit={(e) => void save(e)}>
        <label>
          {t('workspaces:workspaceName')}
          <input value={name} onChange={(e) => setName(e.target.value)} maxLength={120} required dir="auto" autoFocus />
        </label>
        <button type="submit" className="primary">
          {t('workspaces:saveName')}
        </button>
        <button type="button" onClick={() => (setEditing(false), setName(workspace.name), setError(null))}>
          {t('workspaces:cancel')}
        </button>
        {error && (
          <span className="ws-problem" role="alert">
            {error}
          </span>
        )}
      </form>
    );
  }
  return (
    <div className="ws-open-now">
      <div className="ws-what">
        <strong dir="auto">{workspace.name}</strong>
        <span className="ws-path" title={workspace.path}>
          {workspace.path}
        </span>
        <span className="muted">
          {t('workspaces:articleCount', { count: workspace.articleCount, readOnly: workspace.readOnly ? t('workspaces:readOnly') : '' })}
        </span>
      </div>
      <button type="button" disabled={workspace.readOnly} onClick={() => setEditing(true)}>
        {t('workspaces:rename')}
      </button>
    </div>
  );
}

function OpenForm({ busy, onOpen }: { busy: boolean; onOpen(path: string): void }) {
  const { t } = useTranslation();
  const id = useId();
  const [path, setPath] = useState('');
  if (chooseFolder) {
    return (
      <section aria-labelledby={`${id}-h`} className="ws-form">
        <h3 id={`${id}-h`}>{t('workspaces:openAWorkspace')}</h3>
        <p className="muted">{t('workspaces:aFolderThatHoldsA')}</p>
        <button type="button" disabled={busy} onClick={() => void chooseFolder!('open').then((chosen) => chosen && onOpen(chosen))}>
          {t('workspaces:chooseFolder')}
        </button>
      </section>
    );
  }
  return (
    <form aria-labelledby={`${id}-h`} className="ws-form" onSubmit={(e) => (e.preventDefault(), onOpen(path))}>
      <h3 id={`${id}-h`}>{t('workspaces:openAWorkspace')}</h3>
      <label>
        {t('workspaces:workspaceFolder')}
        <input value={path} onChange={(e) => setPath(e.target.value)} required spellCheck={false} placeholder={t('workspaces:theFolderHoldingItsWorkspace')} />
      </label>
      <button type="submit" disabled={busy}>
        {t('workspaces:openWorkspace')}
      </button>
    </form>
  );
}

function CreateForm({ busy, parent, onCreate }: { busy: boolean; parent: string | null; onCreate(path: string, name: string, sample: boolean, passphrase?: string): void }) {
  const { t } = useTranslation();
  const id = useId();
  const [name, setName] = useState('');
  // The folder follows the name until the analyst types or picks one.
  const [folder, setFolder] = useState<string | null>(null);
  const [sample, setSample] = useState(false);
  const [encrypt, setEncrypt] = useState(false);
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const suggested = parent ? joinPath(parent, folderNameFor(name)) : '';
  const path = folder ?? suggested;
  return (
    <form aria-labelledby={`${id}-h`} className="ws-form" onSubmit={(e) => (e.preventDefault(), onCreate(path, name.trim(), sample, encrypt ? passphrase : undefined))}>
      <h3 id={`${id}-h`}>{t('workspaces:createAWorkspace')}</h3>
      <label>
        {t('workspaces:name')}
        <input value={name} onChange={(e) => setName(e.target.value)} required maxLength={120} dir="auto" placeholder={t('workspaces:eGIndoPacificDefence')} />
      </label>
      <label>
        {t('workspaces:folder')}
        <span className="ws-folder">
          <input value={path} onChange={(e) => setFolder(e.target.value)} required spellCheck={false} />
          {chooseFolder && (
            <button type="button" onClick={() => void chooseFolder!('create').then((chosen) => chosen && setFolder(joinPath(chosen, folderNameFor(name))))}>
              {t('workspaces:choose')}
            </button>
          )}
        </span>
      </label>
      <p className="muted">{t('workspaces:aNewOrEmptyFolder')}</p>
      <label className="ws-check">
        <input type="checkbox" checked={sample} onChange={(e) => setSample(e.target.checked)} />
        {t('workspaces:includeTheSampleArticle')}
      </label>
      <label className="ws-check">
        <input type="checkbox" checked={encrypt} onChange={(e) => setEncrypt(e.target.checked)} />
        {t('security:encryptThisWorkspace')}
      </label>
      {encrypt && <NewPassphraseFields value={passphrase} confirm={confirm} onChange={(a, b) => (setPassphrase(a), setConfirm(b))} />}
      <button type="submit" className="primary" disabled={busy || name.trim() === '' || path.trim() === '' || (encrypt && !passphraseReady(passphrase, confirm))}>
        {t('workspaces:createWorkspace')}
      </button>
    </form>
  );
}
