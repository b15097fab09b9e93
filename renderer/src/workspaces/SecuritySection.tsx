import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isDossierError } from '../../../electron/common/errors';
import { api, onEvent } from '../api';
import { flushPendingSaves } from '../notes/pendingSaves';
import { errorMessage } from '../ui/useSaveStatus';
import { NewPassphraseFields, passphraseReady } from './PassphraseFields';
import { RecoveryKeyDialog } from './RecoveryKeyDialog';
import { lockWorkspace } from './workspaceLock';
import './security.css';

type Mode = null | 'encrypt' | 'change' | 'decrypt';

/**
 * The open workspace's encryption: turn it on (with progress; the recovery key shown once), change
 * the passphrase, turn it off, lock now. Here rather than in Settings: it belongs to this
 * workspace's folder, and Settings holds the app's own choices, the same for every workspace.
 */
export function SecuritySection({ encrypted, readOnly, remembered = false }: { encrypted: boolean; readOnly: boolean; remembered?: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const id = useId();
  const [mode, setMode] = useState<Mode>(null);
  const [first, setFirst] = useState('');
  const [again, setAgain] = useState('');
  const [current, setCurrent] = useState('');
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [recoveryKey, setRecoveryKey] = useState<string | null>(null);

  useEffect(() => onEvent('workspace.convertProgress', ({ done, total }) => setProgress({ done, total })), []);

  const choose = (next: Mode) => {
    setMode(next);
    setFirst('');
    setAgain('');
    setCurrent('');
    setProblem(null);
    setStatus(null);
  };

  const run = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    try {
      await flushPendingSaves();
      if (mode === 'encrypt') {
        setProgress({ done: 0, total: 1 });
        setRecoveryKey((await api['workspaces.encrypt']({ passphrase: first })).recoveryKey);
      } else if (mode === 'decrypt') {
        setProgress({ done: 0, total: 1 });
        await api['workspaces.decrypt']({ passphrase: current });
        location.reload();
      } else if (mode === 'change') {
        await api['workspaces.changePassphrase']({ current, next: first });
        choose(null);
        setStatus(t(remembered ? 'security:passphraseChangedForgotten' : 'security:passphraseChanged'));
        void queryClient.invalidateQueries({ queryKey: ['workspaces.recent'] });
      }
    } catch (error) {
      const wrong = isDossierError(error) && error.code === 'locked' && /wrong passphrase/i.test(error.message);
      setProblem(wrong ? t('security:wrongPassphrase') : errorMessage(error));
      setProgress(null);
    } finally {
      setBusy(false);
    }
  };

  const forget = async () => {
    setProblem(null);
    try {
      await api['workspaces.forgetPassphrase']({});
      setStatus(t('security:passphraseForgotten'));
      void queryClient.invalidateQueries({ queryKey: ['workspaces.recent'] });
    } catch (error) {
      setProblem(errorMessage(error));
    }
  };

  const currentField = (
    <label>
      {t('security:currentPassphrase')}
      <input type="password" autoComplete="current-password" value={current} onChange={(e) => setCurrent(e.target.value)} required autoFocus />
    </label>
  );
  const ready = mode === 'encrypt' ? passphraseReady(first, again) : mode === 'change' ? current !== '' && passphraseReady(first, again) : current !== '';

  return (
    <section aria-labelledby={`${id}-h`} className="sec-section">
      <h3 id={`${id}-h`}>{t('security:security')}</h3>
      <p className="sec-hint">{encrypted ? t('security:isEncrypted') : t('security:isNotEncrypted')}</p>
      {encrypted && remembered && <p className="sec-hint">{t('security:isRemembered')}</p>}
      <div className="sec-row">
        {encrypted ? (
          <>
            <button type="button" disabled={busy} onClick={() => void lockWorkspace().catch((e: unknown) => setProblem(errorMessage(e)))}>
              {t('security:lockNow')}
            </button>
            <button type="button" disabled={busy || readOnly} aria-expanded={mode === 'change'} onClick={() => choose(mode === 'change' ? null : 'change')}>
              {t('security:changePassphrase')}
            </button>
            <button type="button" disabled={busy || readOnly} aria-expanded={mode === 'decrypt'} onClick={() => choose(mode === 'decrypt' ? null : 'decrypt')}>
              {t('security:decrypt')}
            </button>
            {remembered && (
              <button type="button" disabled={busy} onClick={() => void forget()}>
                {t('security:forgetPassphrase')}
              </button>
            )}
          </>
        ) : (
          <button type="button" disabled={busy || readOnly} aria-expanded={mode === 'encrypt'} onClick={() => choose(mode === 'encrypt' ? null : 'encrypt')}>
            {t('security:encrypt')}
          </button>
        )}
      </div>
      {mode && (
        <form className="sec-form" onSubmit={(e) => void run(e)} aria-label={t(`security:${mode}Form`)}>
          {mode === 'encrypt' && <p className="sec-hint">{t('security:encryptExplained')}</p>}
          {mode === 'decrypt' && <p className="sec-warning">{t('security:decryptWarning')}</p>}
          {mode !== 'encrypt' && currentField}
          {mode !== 'decrypt' && <NewPassphraseFields value={first} confirm={again} onChange={(a, b) => (setFirst(a), setAgain(b))} label={mode === 'change' ? t('security:newPassphrase') : undefined} />}
          <div className="sec-row">
            <button type="submit" className="primary" disabled={busy || !ready}>
              {t(`security:${mode}Submit`)}
            </button>
            <button type="button" disabled={busy} onClick={() => choose(null)}>
              {t('security:cancel')}
            </button>
            {busy && progress && <progress aria-label={t('security:converting')} value={progress.done} max={Math.max(progress.total, 1)} />}
          </div>
        </form>
      )}
      <p className="sec-problem" role="alert">
        {problem}
      </p>
      <p role="status" className="sec-hint">
        {status}
      </p>
      {recoveryKey && <RecoveryKeyDialog recoveryKey={recoveryKey} onDone={() => location.reload()} />}
    </section>
  );
}
