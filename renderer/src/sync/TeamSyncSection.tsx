import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncStatus, SyncTarget } from '../../../electron/common/model/sync';
import { api, onEvent } from '../api';
import { useCommands } from '../commands/CommandProvider';
import { flushPendingSaves } from '../notes/pendingSaves';
import { useDates } from '../ui/formatDate';
import { errorMessage } from '../ui/useSaveStatus';
import { errorText } from '../i18n/i18n';
import { CredentialFields, NO_CREDENTIALS, ProgressLine, targetOf, type Progress } from './syncParts';
import { stateSentence, shownState } from './syncWords';
import { needsCredentials, SYNC_STATUS_KEY, useSyncStatus } from './useSyncStatus';
import './teamSync.css';

/**
 * The workspace's link to the team's CouchDB database (docs/SYNC.md): the form that links it and
 * syncs the first time, then where sync stands and "Sync now". The password travels with the call
 * and the core keeps it in memory only; after a restart, or when the server refuses it, it is
 * asked again. Whether the workspace may sync at all is the core's to say (its refusal is shown).
 */
export function TeamSyncSection() {
  const { t } = useTranslation();
  const id = useId();
  const client = useQueryClient();
  const status = useSyncStatus('always');
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<string | null>(null);
  /** The server refused the sign-in, or the analyst chose to give the password again. */
  const [asking, setAsking] = useState(false);

  useEffect(() => onEvent('sync.progress', (p) => setProgress(p)), []);

  const run = async (target: SyncTarget): Promise<boolean> => {
    setBusy(true);
    setProblem(null);
    setOutcome(null);
    setProgress(null);
    try {
      // What is being typed in a note goes with this run, not the next.
      await flushPendingSaves();
      const counts = await api['sync.run'](target);
      setAsking(false);
      setOutcome(t('sync:ranCounts', { pushed: counts.pushed, pulled: counts.pulled }));
      return true;
    } catch (error) {
      if (needsCredentials(error)) {
        setAsking(true);
        setProblem(t('sync:credentialsRefused'));
      } else {
        setProblem(errorMessage(error));
      }
      return false;
    } finally {
      setBusy(false);
      setProgress(null);
      void client.invalidateQueries({ queryKey: SYNC_STATUS_KEY });
    }
  };

  /** Stop syncing (confirmed): the core forgets the link; this section shows the form again. */
  const unlink = async (): Promise<void> => {
    setBusy(true);
    setProblem(null);
    setOutcome(null);
    try {
      client.setQueryData(SYNC_STATUS_KEY, await api['sync.unlink']({}));
      setAsking(false);
      setOutcome(t('sync:unlinked'));
    } catch (error) {
      setProblem(errorMessage(error));
    } finally {
      setBusy(false);
      void client.invalidateQueries({ queryKey: SYNC_STATUS_KEY });
    }
  };

  const s = status.data;
  return (
    <section aria-labelledby={`${id}-h`} className="sync-section" data-testid="team-sync">
      <h3 id={`${id}-h`}>{t('sync:teamSync')}</h3>
      {!s ? (
        <p className="sync-hint">{status.error ? errorMessage(status.error) : t('sync:loading')}</p>
      ) : s.refusal && s.state === 'unlinked' ? (
        <p className="sync-refusal">{errorText({ message: s.refusal, phrase: s.refusalPhrase })}</p>
      ) : s.state === 'unlinked' ? (
        <LinkForm busy={busy} onLink={(target) => void run(target)} />
      ) : (
        <Linked status={s} busy={busy} asking={asking} onSync={(target) => void run(target)} onAsk={setAsking} onUnlink={() => void unlink()} />
      )}
      {busy && <ProgressLine progress={progress} />}
      <p className="sync-problem" role="alert">
        {problem}
      </p>
      <p className="sync-hint" role="status">
        {outcome}
      </p>
    </section>
  );
}

function LinkForm({ busy, onLink }: { busy: boolean; onLink(target: SyncTarget): void }) {
  const { t } = useTranslation();
  const [url, setUrl] = useState('');
  const [credentials, setCredentials] = useState(NO_CREDENTIALS);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onLink({ remote: url.trim(), ...targetOf(credentials) });
  };
  return (
    <form className="sync-form" onSubmit={submit} aria-label={t('sync:linkForm')}>
      <p className="sync-hint">{t('sync:explain')}</p>
      <label>
        {t('sync:databaseUrl')}
        <input type="text" inputMode="url" spellCheck={false} autoComplete="url" value={url} onChange={(e) => setUrl(e.target.value)} required placeholder={t('sync:urlExample')} dir="ltr" />
      </label>
      <CredentialFields value={credentials} onChange={setCredentials} />
      <p className="sync-hint">{t('sync:notStored')}</p>
      <div className="sync-row">
        <button type="submit" className="primary" disabled={busy}>
          {t('sync:linkAndSync')}
        </button>
      </div>
    </form>
  );
}

interface LinkedProps {
  status: SyncStatus;
  busy: boolean;
  asking: boolean;
  onSync(target: SyncTarget): void;
  onAsk(asking: boolean): void;
  onUnlink(): void;
}

function Linked({ status, busy, asking, onSync, onAsk, onUnlink }: LinkedProps) {
  const { t } = useTranslation();
  const id = useId();
  /** "Stop syncing" asks first, saying what is kept for linking again and what goes (the password). */
  const [confirming, setConfirming] = useState(false);
  const dates = useDates();
  const commands = useCommands();
  const [credentials, setCredentials] = useState(NO_CREDENTIALS);
  const state = shownState(status);
  return (
    <>
      <dl className="sync-facts">
        <div>
          <dt>{t('sync:database')}</dt>
          <dd className="sync-url" dir="ltr">
            {status.remote}
          </dd>
        </div>
        <div>
          <dt>{t('sync:state')}</dt>
          <dd data-testid="sync-state" data-state={state}>
            <span className={`sync-dot ${state}`} aria-hidden="true" />
            {stateSentence(status, t)}
            {status.error && <span className="sync-error">{errorText({ message: status.error, phrase: status.errorPhrase })}</span>}
          </dd>
        </div>
        <div>
          <dt>{t('sync:lastSynced')}</dt>
          <dd>{status.lastSyncedAt ? dates.dateTime(status.lastSyncedAt) : t('sync:never')}</dd>
        </div>
        <div>
          <dt>{t('sync:waiting')}</dt>
          <dd>{t('sync:pendingCount', { count: status.pending })}</dd>
        </div>
        <div>
          <dt>{t('sync:conflicts')}</dt>
          <dd>
            {t('sync:conflictCount', { count: status.conflicts })}
            {status.conflicts > 0 && (
              <button type="button" className="sync-inline" aria-haspopup="dialog" onClick={() => commands.run('sync-conflicts')}>
                {t('sync:showConflicts')}
              </button>
            )}
          </dd>
        </div>
      </dl>
      {status.refusal && <p className="sync-refusal">{errorText({ message: status.refusal, phrase: status.refusalPhrase })}</p>}
      {asking ? (
        <form className="sync-form" aria-label={t('sync:signInForm')} onSubmit={(e) => (e.preventDefault(), onSync(targetOf(credentials)))}>
          <p className="sync-hint">{t('sync:signInAgain')}</p>
          <CredentialFields value={credentials} onChange={setCredentials} />
          <div className="sync-row">
            <button type="submit" className="primary" disabled={busy}>
              {t('sync:signInAndSync')}
            </button>
            <button type="button" disabled={busy} onClick={() => onAsk(false)}>
              {t('sync:cancel')}
            </button>
          </div>
        </form>
      ) : confirming ? (
        <div className="sync-confirm" role="group" aria-labelledby={`${id}-stop`}>
          <p id={`${id}-stop`} className="sync-confirm-title">
            {t('sync:stopTitle')}
          </p>
          <p className="sync-hint">{t('sync:stopExplain', { pending: t('sync:pendingCount', { count: status.pending }), conflicts: t('sync:conflictCount', { count: status.conflicts }) })}</p>
          <div className="sync-row">
            <button type="button" className="danger" disabled={busy} onClick={() => (setConfirming(false), onUnlink())}>
              {t('sync:stopSyncing')}
            </button>
            <button type="button" disabled={busy} onClick={() => setConfirming(false)} autoFocus>
              {t('sync:keepSyncing')}
            </button>
          </div>
        </div>
      ) : (
        <div className="sync-row">
          <button type="button" className="primary" disabled={busy || !!status.refusal} onClick={() => onSync({})}>
            {t('sync:syncNow')}
          </button>
          <button type="button" disabled={busy} onClick={() => onAsk(true)}>
            {t('sync:changeCredentials')}
          </button>
          <span className="spacer" />
          <button type="button" disabled={busy} onClick={() => setConfirming(true)}>
            {t('sync:stopSyncingAsk')}
          </button>
        </div>
      )}
    </>
  );
}
