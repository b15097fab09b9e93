import { useEffect, useId, useRef, useState } from 'react';
import './settings.css';
import { useTranslation } from 'react-i18next';

interface Props {
  /** The system's full name for the analyst, or '' when it has none (then a name must be typed). */
  suggested: string;
  onSave(name: string): void;
}

/**
 * Asked once, on the first start: the name put on replies, Word comments, JSON-LD `creator` and
 * "Prepared by". Prefilled with the full name the system knows, never the login; it cannot be
 * left empty, and is changed later in Settings.
 */
export function FirstRunName({ suggested, onSave }: Props) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const [name, setName] = useState(suggested);
  const id = useId();
  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
  }, []);
  const trimmed = name.trim();
  return (
    <dialog
      ref={dialog}
      className="first-run-name"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-why`}
      // Escape would leave every record unattributed: the name is needed before anything else.
      onCancel={(e) => e.preventDefault()}
    >
      <form
        method="dialog"
        onSubmit={(e) => {
          e.preventDefault();
          if (trimmed) onSave(trimmed);
        }}
      >
        <h2 id={`${id}-title`}>{t('settings:welcomeToDossier')}</h2>
        <p id={`${id}-why`} className="settings-hint">
          {t('settings:yourNameGoesOnYour')}
        </p>
        <label className="settings-field">
          {t('settings:yourName')}
          <input value={name} onChange={(e) => setName(e.target.value)} autoFocus required maxLength={200} dir="auto" autoComplete="name" />
        </label>
        <div className="dialog-actions">
          <button type="submit" className="primary" disabled={!trimmed}>
            {t('settings:continue')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
