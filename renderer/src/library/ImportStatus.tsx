import { useEffect, useRef } from 'react';
import type { ImportProgress, ImportSummary } from './useImport';
import { failureParts } from '../../../electron/common/text/failureText';
import { useTranslation } from 'react-i18next';
import { countOf, errorText } from '../i18n/i18n';

export function ImportProgressBar({ progress }: { progress: ImportProgress }) {
  const { t } = useTranslation();
  return (
    <div className="import-progress" role="status" aria-live="polite">
      <span>
        {t('library:importingOf', { value: progress.done + 1, total: progress.total, current: progress.current })}
      </span>
      <progress max={progress.total} value={progress.done} aria-label={t('library:importProgress')} />
    </div>
  );
}

/** What a batch import did, file by file; stays until the analyst closes it. */
export function ImportSummaryDialog({ summary, onClose, onOpen }: { summary: ImportSummary; onClose(): void; onOpen(id: string): void }) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => dialog.current?.showModal(), []);
  const { imported, duplicates, failures, annotations } = summary;
  return (
    <dialog ref={dialog} className="import-summary" aria-labelledby="import-summary-title" onClose={onClose}>
      <h2 id="import-summary-title">
        {annotations.length > 0 && imported.length + duplicates.length === 0 ? t('library:importedAnnotationsFrom', { countOf: countOf(annotations.length, 'file') }) : t('library:importedOf', { length: imported.length, value: imported.length + duplicates.length + failures.length })}
      </h2>
      {imported.length > 0 && <ArticleLinks label={t('library:imported')} articles={imported} onOpen={onOpen} />}
      {duplicates.length > 0 && (
        <>
          <h3>{t('library:alreadyInTheWorkspace')}</h3>
          <ArticleLinks label={t('library:alreadyInTheWorkspace')} articles={duplicates} onOpen={onOpen} />
        </>
      )}
      {annotations.map((r) => (
        <section key={r.file} aria-label={t('library:annotationsFrom', { file: r.file })}>
          <h3>{t('library:annotationsFrom', { file: r.file })}</h3>
          <p>
            {t('library:ofAddedInPlaceMoved', { value: r.imported.anchored + r.imported.drifted + r.imported.orphaned, total: r.total, anchored: r.imported.anchored, drifted: r.imported.drifted, orphaned: r.imported.orphaned, value2: r.existing > 0 ? t('library:alreadyHere', { existing: r.existing }) : '', value3: r.replies > 0 ? t('library:replies', { count: r.replies }) : '' })}
          </p>
          {r.articles.length > 0 && (
            <ArticleLinks label={t('library:articlesAnnotatedFrom', { file: r.file })} articles={r.articles.map((a) => ({ id: a.id, title: `${a.title} (${a.annotations})`, sha256: '', duplicate: false }))} onOpen={onOpen} />
          )}
          {r.unmatched.length > 0 && (
            <ul aria-label={t('library:annotationsWithNoArticle')} className="failures">
              {r.unmatched.map((u) => (
                <li key={u.id}>
                  “{u.quote}” ({u.source}): {u.reason}
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
      {failures.length > 0 && (
        <>
          <h3>{t('library:notImported')}</h3>
          <ul aria-label={t('library:notImported')} className="failures">
            {failures.map((f, i) => {
              const { before, file, after } = failureParts({ file: f.file, message: errorText(f) });
              return (
                <li key={`${f.file}-${i}`}>
                  {before}
                  <strong>{file}</strong>
                  {after}
                </li>
              );
            })}
          </ul>
        </>
      )}
      <div className="dialog-actions">
        <span className="spacer" />
        <button type="button" className="primary" autoFocus onClick={onClose}>
          {t('library:close')}
        </button>
      </div>
    </dialog>
  );
}

function ArticleLinks({ label, articles, onOpen }: { label: string; articles: ImportSummary['imported']; onOpen(id: string): void }) {
  return (
    <ul aria-label={label}>
      {articles.map((a) => (
        <li key={a.id}>
          <button type="button" className="link" onClick={() => onOpen(a.id)}>
            {a.title}
          </button>
        </li>
      ))}
    </ul>
  );
}
