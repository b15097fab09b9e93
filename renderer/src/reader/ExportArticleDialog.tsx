import { useEffect, useRef, useState } from 'react';
import type { BriefFormat } from '../../../electron/common/model/brief';
import './exportArticle.css';

/** What one article can be exported as, with what each is for. */
export const ARTICLE_FORMATS: { value: BriefFormat; label: string; detail: string }[] = [
  { value: 'md', label: 'Markdown', detail: 'Plain text with the highlights as quotes; for notes and wikis.' },
  { value: 'html', label: 'HTML (one file)', detail: 'Opens in any browser, highlights marked in the text.' },
  { value: 'pdf', label: 'PDF', detail: 'To print or send as it is.' },
  { value: 'docx', label: 'Word (DOCX)', detail: 'To edit on, with the comments as Word comments.' },
  { value: 'jsonld', label: 'W3C Web Annotations (JSON-LD)', detail: 'The highlights as data, for another annotation tool.' },
];

const LAST_FORMAT = 'dossier.exportArticleFormat';

interface Props {
  title: string;
  onExport(format: BriefFormat): Promise<void>;
  onClose(): void;
}

/**
 * "Export article…": one article with its highlights, in the format chosen (the last one is
 * remembered). Briefs of several articles are exported from their composer.
 */
export function ExportArticleDialog({ title, onExport, onClose }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [format, setFormat] = useState<BriefFormat>(() => {
    const last = localStorage.getItem(LAST_FORMAT);
    return ARTICLE_FORMATS.find((f) => f.value === last)?.value ?? 'md';
  });
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    dialog.current?.showModal();
    dialog.current?.querySelector<HTMLInputElement>('input:checked')?.focus();
  }, []);
  return (
    <dialog ref={dialog} className="export-dialog" aria-labelledby="export-title" onClose={onClose}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          localStorage.setItem(LAST_FORMAT, format);
          setBusy(true);
          void onExport(format).finally(() => onClose());
        }}
      >
        <h2 id="export-title">Export article</h2>
        <p className="export-hint export-of" dir="auto">
          {title}
        </p>
        <fieldset className="export-formats">
          <legend>Format</legend>
          {ARTICLE_FORMATS.map((f) => (
            <label key={f.value}>
              <input type="radio" name="format" value={f.value} checked={format === f.value} onChange={() => setFormat(f.value)} aria-describedby={`format-${f.value}`} />
              <span>
                <span className="format-label">{f.label}</span>
                <span className="format-detail" id={`format-${f.value}`}>
                  {f.detail}
                </span>
              </span>
            </label>
          ))}
        </fieldset>
        <p className="export-hint">A brief of several articles and notes is exported from its page under Briefs.</p>
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={busy}>
            {busy ? 'Exporting…' : 'Export'}
          </button>
        </div>
      </form>
    </dialog>
  );
}
