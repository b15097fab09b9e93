import { useEffect, useRef } from 'react';
import type { ImportProgress, ImportSummary } from './useImport';
import { countOf } from '../../../electron/common/text/plural';
import { failureParts } from '../../../electron/common/text/failureText';

export function ImportProgressBar({ progress }: { progress: ImportProgress }) {
  return (
    <div className="import-progress" role="status" aria-live="polite">
      <span>
        Importing {progress.done + 1} of {progress.total}: {progress.current}
      </span>
      <progress max={progress.total} value={progress.done} aria-label="Import progress" />
    </div>
  );
}

/** What a batch import did, file by file; stays until the analyst closes it. */
export function ImportSummaryDialog({ summary, onClose, onOpen }: { summary: ImportSummary; onClose(): void; onOpen(id: string): void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => dialog.current?.showModal(), []);
  const { imported, duplicates, failures, annotations } = summary;
  return (
    <dialog ref={dialog} className="import-summary" aria-labelledby="import-summary-title" onClose={onClose}>
      <h2 id="import-summary-title">
        {annotations.length > 0 && imported.length + duplicates.length === 0
          ? `Imported annotations from ${countOf(annotations.length, 'file')}`
          : `Imported ${imported.length} of ${imported.length + duplicates.length + failures.length}`}
      </h2>
      {imported.length > 0 && <ArticleLinks label="Imported" articles={imported} onOpen={onOpen} />}
      {duplicates.length > 0 && (
        <>
          <h3>Already in the workspace</h3>
          <ArticleLinks label="Already in the workspace" articles={duplicates} onOpen={onOpen} />
        </>
      )}
      {annotations.map((r) => (
        <section key={r.file} aria-label={`Annotations from ${r.file}`}>
          <h3>Annotations from {r.file}</h3>
          <p>
            {r.imported.anchored + r.imported.drifted + r.imported.orphaned} of {r.total} added ({r.imported.anchored} in place,{' '}
            {r.imported.drifted} moved, {r.imported.orphaned} not found in the current text){r.existing > 0 && `, ${r.existing} already here`}
            {r.replies > 0 && `, ${countOf(r.replies, 'reply', 'replies')}`}.
          </p>
          {r.articles.length > 0 && (
            <ArticleLinks label={`Articles annotated from ${r.file}`} articles={r.articles.map((a) => ({ id: a.id, title: `${a.title} (${a.annotations})`, sha256: '', duplicate: false }))} onOpen={onOpen} />
          )}
          {r.unmatched.length > 0 && (
            <ul aria-label="Annotations with no article" className="failures">
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
          <h3>Not imported</h3>
          <ul aria-label="Not imported" className="failures">
            {failures.map((f, i) => {
              const { before, file, after } = failureParts(f);
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
          Close
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
