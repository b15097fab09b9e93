import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { TrashedArticle } from '../../../electron/common/model/article';
import { queries } from '../data/queries';
import { errorMessage } from '../ui/useSaveStatus';
import { articleByline } from './sortArticles';
import { useArticleActions } from './useArticleActions';
import './libraryManage.css';

const when = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/**
 * The articles moved to the trash, most recent first: each can be restored (an undoable step),
 * and "Empty trash…" deletes them for good after asking, the one change Undo cannot take back.
 */
export function TrashView() {
  const trash = useQuery(queries.trashed());
  const actions = useArticleActions();
  const [confirming, setConfirming] = useState<{ articles: TrashedArticle[]; all: boolean } | null>(null);
  const articles = trash.data?.articles ?? [];
  return (
    <section className="trash-view" aria-labelledby="trash-title">
      <h1 id="trash-title">Trash</h1>
      <p className="trash-intro">
        Articles moved here are out of the library, search, entity pages, the timeline and the link chart, with their highlights kept. Restore one to bring it
        back as it was; empty the trash to delete them for good.
      </p>
      <div className="trash-toolbar">
        <button type="button" className="danger" disabled={articles.length === 0} onClick={() => setConfirming({ articles, all: true })}>
          Empty trash…
        </button>
      </div>
      {trash.error && (
        <p role="alert" className="load-error">
          {errorMessage(trash.error)}
        </p>
      )}
      {trash.data && articles.length === 0 && <p className="panel-empty">The trash is empty.</p>}
      {articles.length > 0 && (
        <ul className="trash-list" aria-label="Articles in the trash">
          {articles.map((a) => (
            <li key={a.id}>
              <div className="trash-item">
                <span className="trash-title" dir="auto">
                  {a.title}
                </span>
                <span className="trash-meta">
                  {articleByline(a)} · moved to the trash {when.format(new Date(a.trashedAt))}
                </span>
              </div>
              <button type="button" onClick={() => void actions.restore(a)} aria-label={`Restore ${a.title}`}>
                Restore
              </button>
              <button type="button" onClick={() => setConfirming({ articles: [a], all: false })} aria-label={`Delete ${a.title} for good`}>
                Delete…
              </button>
            </li>
          ))}
        </ul>
      )}
      {confirming && (
        <ConfirmDelete
          articles={confirming.articles}
          all={confirming.all}
          onConfirm={() => void actions.emptyTrash(confirming.articles.map((a) => a.id)).then(() => setConfirming(null))}
          onClose={() => setConfirming(null)}
        />
      )}
    </section>
  );
}

function ConfirmDelete({ articles, all, onConfirm, onClose }: { articles: TrashedArticle[]; all: boolean; onConfirm(): void; onClose(): void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    dialog.current?.showModal();
    // The safe choice has the focus: Enter alone never deletes.
    dialog.current?.querySelector<HTMLButtonElement>('button[data-cancel]')?.focus();
  }, []);
  const what = articles.length === 1 ? `“${articles[0]!.title}”` : `these ${articles.length} articles`;
  return (
    <dialog ref={dialog} className="confirm-dialog" aria-labelledby="confirm-title" aria-describedby="confirm-text" onClose={onClose}>
      <h2 id="confirm-title">{all ? 'Empty the trash?' : 'Delete for good?'}</h2>
      <div id="confirm-text">
        <p>
          This deletes {what} from the workspace for good: the text, the original file, its highlights and its history. Notes keep the passages they quote.
        </p>
        <p className="warning">This cannot be undone.</p>
      </div>
      <div className="dialog-actions">
        <button type="button" data-cancel onClick={onClose}>
          Cancel
        </button>
        <button type="button" className="danger" onClick={onConfirm}>
          {all ? 'Empty trash' : 'Delete for good'}
        </button>
      </div>
    </dialog>
  );
}
