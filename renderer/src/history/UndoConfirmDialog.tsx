import { useEffect, useId, useRef } from 'react';
import './history.css';
import { useTranslation } from 'react-i18next';

interface Props {
  /** The step: "new note". */
  label: string;
  /** What undoing it removes: "the note “Plan” and its text". */
  removes: string;
  onConfirm(): void;
  onCancel(): void;
}

/** "Undo new note? This removes the note “Plan” and its text." Cancel is the default: Enter or Escape keep it. */
export function UndoConfirmDialog({ label, removes, onConfirm, onCancel }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
    cancel.current?.focus();
  }, []);
  return (
    <dialog ref={dialog} className="undo-confirm" role="alertdialog" aria-labelledby={`${id}-title`} aria-describedby={`${id}-body`} onClose={onCancel}>
      <h2 id={`${id}-title`}>{t('history:undo', { label })}</h2>
      <p id={`${id}-body`}>
        {t('history:thisRemovesYouCanBring', { removes })}
      </p>
      <div className="dialog-actions">
        <span className="spacer" />
        <button ref={cancel} type="button" onClick={() => dialog.current?.close()}>
          {t('history:keepIt')}
        </button>
        <button type="button" className="danger-action" onClick={onConfirm}>
          {t('history:undoAndRemove')}
        </button>
      </div>
    </dialog>
  );
}
