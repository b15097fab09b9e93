import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isDossierError } from '../../../electron/common/errors';
import { api } from '../api';
import { errorMessage } from '../ui/useSaveStatus';
import './security.css';

interface Props {
  /** The encrypted workspace to unlock. */
  path: string;
  name: string;
  /** Back to the workspaces screen (open or create another instead). */
  onCancel?(): void;
  /** Inside the workspaces dialog (switching from an open workspace), not the whole window. */
  inDialog?: boolean;
  /** What the system keychain allows (`workspaces.recent` › rememberPassphrase); absent outside the desktop app. */
  remember?: 'available' | 'basic-text' | 'unavailable';
}

/**
 * Asks for an encrypted workspace's passphrase (or its recovery key) and opens it. The key
 * derivation takes about half a second on purpose, so the form shows that it is working; a wrong
 * passphrase is said so, changes nothing, and the core answers the next ones more slowly.
 */
export function UnlockScreen({ path, name, onCancel, inDialog = false, remember }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [secret, setSecret] = useState('');
  const [recovery, setRecovery] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [rememberIt, setRememberIt] = useState(false);

  const unlock = async (event: FormEvent) => {
    event.preventDefault();
    if (busy || secret === '') return;
    setBusy(true);
    setProblem(null);
    try {
      await api['workspaces.unlock']({ path, secret, ...(remember === 'available' && rememberIt ? { remember: true } : {}) });
      // Every window reloads on `workspace.switched`; this one too, should the event come late.
      location.reload();
    } catch (error) {
      const wrong = isDossierError(error) && error.code === 'locked' && /wrong passphrase/i.test(error.message);
      setProblem(wrong ? t(recovery ? 'security:wrongRecoveryKey' : 'security:wrongPassphrase') : errorMessage(error));
      setSecret('');
      setBusy(false);
      requestAnimationFrame(() => input.current?.focus());
    }
  };

  const Title = inDialog ? 'h2' : 'h1';
  const form = (
      <form className="sec-card" onSubmit={(e) => void unlock(e)} aria-busy={busy} aria-labelledby={`${id}-title`}>
        <Title id={`${id}-title`}>{t('security:unlockTitle')}</Title>
        <p>
          <strong dir="auto">{name}</strong>
          <span className="sec-path" title={path}>
            {path}
          </span>
        </p>
        <p className="sec-hint">{t('security:unlockWhy')}</p>
        <label>
          {recovery ? t('security:recoveryKey') : t('security:passphrase')}
          <input
            ref={input}
            key={recovery ? 'recovery' : 'passphrase'}
            type={recovery ? 'text' : 'password'}
            autoComplete={recovery ? 'off' : 'current-password'}
            spellCheck={false}
            autoFocus
            value={secret}
            disabled={busy}
            placeholder={recovery ? t('security:recoveryKeyPlaceholder') : undefined}
            onChange={(e) => setSecret(e.target.value)}
          />
        </label>
        {remember === 'available' && (
          <>
            <label className="sec-remember">
              <input type="checkbox" checked={rememberIt} disabled={busy} onChange={(e) => setRememberIt(e.target.checked)} aria-describedby={`${id}-remember`} />
              {t('security:rememberPassphrase')}
            </label>
            <p id={`${id}-remember`} className="sec-hint">
              {t('security:rememberPassphraseHint')}
            </p>
          </>
        )}
        {/* Said rather than hidden: the analyst may wonder why the desktop app does not offer it here. */}
        {remember === 'basic-text' && <p className="sec-hint">{t('security:rememberNotOfferedBasicText')}</p>}
        {remember === 'unavailable' && <p className="sec-hint">{t('security:rememberNotOfferedUnavailable')}</p>}
        <p className="sec-problem" role="alert">
          {problem}
        </p>
        <div className="sec-row">
          <button type="submit" className="primary" disabled={busy || secret === ''}>
            {busy ? t('security:unlocking') : t('security:unlock')}
          </button>
          {busy && <progress aria-label={t('security:unlocking')} />}
          <span className="spacer" />
          <button type="button" className="sec-link" disabled={busy} onClick={() => (setRecovery(!recovery), setSecret(''), setProblem(null))}>
            {recovery ? t('security:usePassphraseInstead') : t('security:useRecoveryKeyInstead')}
          </button>
        </div>
        {onCancel && (
          <button type="button" className="sec-link" disabled={busy} onClick={onCancel}>
            {t('security:otherWorkspace')}
          </button>
        )}
      </form>
  );
  if (inDialog) return form;
  return (
    <main className="sec-unlock" aria-labelledby={`${id}-title`}>
      {form}
    </main>
  );
}
