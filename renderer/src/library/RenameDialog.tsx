import { useEffect, useRef, useState } from 'react';
import './libraryManage.css';
import { useTranslation } from 'react-i18next';

interface Props {
  title: string;
  /** Resolves true once renamed (the dialog closes), false to keep it open on an error. */
  onRename(title: string): Promise<boolean>;
  onClose(): void;
}

/** "Rename article": the display title only; the text and where it came from stay as imported. */
export function RenameDialog({ title, onRename, onClose }: Props) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const [draft, setDraft] = useState(title);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    dialog.current?.showModal();
    const input = dialog.current?.querySelector('input');
    input?.select();
  }, []);
  const trimmed = draft.trim();
  return (
    <dialog ref={dialog} className="rename-dialog" aria-labelledby="rename-title" onClose={onClose}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!trimmed || trimmed === title) return onClose();
          setBusy(true);
          void onRename(trimmed).then((done) => (done ? onClose() : setBusy(false)));
        }}
      >
        <h2 id="rename-title">{t('library:renameArticle')}</h2>
        <label className="rename-field">
          {t('library:title')}
          <input value={draft} dir="auto" maxLength={500} onChange={(e) => setDraft(e.target.value)} />
        </label>
        <p className="dialog-hint">{t('library:onlyTheTitleShownIn')}</p>
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            {t('library:cancel')}
          </button>
          <button type="submit" className="primary" disabled={busy || !trimmed}>
            {t('library:rename')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
