import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import './security.css';

/**
 * The recovery key, shown once: it is stored nowhere (keys.json holds only what it wraps), so the
 * dialog closes only once the analyst says it is kept somewhere else.
 */
export function RecoveryKeyDialog({ recoveryKey, onDone }: { recoveryKey: string; onDone(): void }) {
  const { t } = useTranslation();
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const [stored, setStored] = useState(false);
  const [copied, setCopied] = useState(false);
  useEffect(() => dialog.current?.showModal(), []);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(recoveryKey);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };
  return (
    <dialog
      ref={dialog}
      className="sec-dialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-why`}
      // Escape would lose the key for good: only "I have stored it" closes this.
      onCancel={(e) => e.preventDefault()}
    >
      <h2 id={`${id}-title`}>{t('security:recoveryKeyTitle')}</h2>
      <p id={`${id}-why`}>{t('security:recoveryKeyWhy')}</p>
      <p className="sec-key" aria-label={t('security:recoveryKey')} data-recovery-key>
        {recoveryKey}
      </p>
      <div className="sec-row">
        <button type="button" onClick={() => void copy()}>
          {t('security:copy')}
        </button>
        <span role="status" className="sec-hint">
          {copied ? t('security:copied') : ''}
        </span>
      </div>
      <label className="sec-check">
        <input type="checkbox" checked={stored} onChange={(e) => setStored(e.target.checked)} />
        {t('security:iHaveStoredIt')}
      </label>
      <div className="dialog-actions">
        <span className="spacer" />
        <button type="button" className="primary" disabled={!stored} onClick={onDone}>
          {t('security:continue')}
        </button>
      </div>
    </dialog>
  );
}
