import { useEffect, useId, useRef } from 'react';
import './history.css';

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
      <h2 id={`${id}-title`}>Undo “{label}”?</h2>
      <p id={`${id}-body`}>
        This removes {removes}. You can bring it back with Redo, or from Undo history.
      </p>
      <div className="dialog-actions">
        <span className="spacer" />
        <button ref={cancel} type="button" onClick={() => dialog.current?.close()}>
          Keep it
        </button>
        <button type="button" className="danger-action" onClick={onConfirm}>
          Undo and remove
        </button>
      </div>
    </dialog>
  );
}
