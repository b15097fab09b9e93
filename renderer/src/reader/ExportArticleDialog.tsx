import { useEffect, useRef, useState } from 'react';
import type { BriefFormat } from '../../../electron/common/model/brief';
import './exportArticle.css';
import { useTranslation } from 'react-i18next';

/** What one article can be exported as, with what each is for. */
export const ARTICLE_FORMATS: { value: BriefFormat; label: string; detail: string }[] = [
  { value: 'md', label: 'reader:markdown', detail: 'reader:plainTextWithTheHighlights' },
  { value: 'html', label: 'reader:htmlOneFile', detail: 'reader:opensInAnyBrowserHighlights' },
  { value: 'pdf', label: 'reader:pdf', detail: 'reader:toPrintOrSendAs' },
  { value: 'docx', label: 'reader:wordDocx', detail: 'reader:toEditOnWithThe' },
  { value: 'jsonld', label: 'reader:w3cWebAnnotationsJsonLd', detail: 'reader:theHighlightsAsDataFor' },
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
  const { t } = useTranslation();
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
        <h2 id="export-title">{t('reader:exportArticle')}</h2>
        <p className="export-hint export-of" dir="auto">
          {title}
        </p>
        <fieldset className="export-formats">
          <legend>{t('reader:format')}</legend>
          {ARTICLE_FORMATS.map((f) => (
            <label key={f.value}>
              <input type="radio" name="format" value={f.value} checked={format === f.value} onChange={() => setFormat(f.value)} aria-describedby={`format-${f.value}`} />
              <span>
                <span className="format-label">{t(f.label)}</span>
                <span className="format-detail" id={`format-${f.value}`}>
                  {t(f.detail)}
                </span>
              </span>
            </label>
          ))}
        </fieldset>
        <p className="export-hint">{t('reader:aBriefOfSeveralArticles')}</p>
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            {t('reader:cancel')}
          </button>
          <button type="submit" className="primary" disabled={busy}>
            {busy ? t('reader:exporting') : t('reader:export')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
