import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { TrashedArticle } from '../../../electron/common/model/article';
import { queries } from '../data/queries';
import { errorMessage } from '../ui/useSaveStatus';
import { articleByline } from './sortArticles';
import { useArticleActions } from './useArticleActions';
import './libraryManage.css';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../i18n/i18n';

const when = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/**
 * The articles moved to the trash, most recent first: each can be restored (an undoable step),
 * and "Empty trash…" deletes them for good after asking, the one change Undo cannot take back.
 */
export function TrashView() {
  const { t } = useTranslation();
  const trash = useQuery(queries.trashed());
  const actions = useArticleActions();
  const [confirming, setConfirming] = useState<{ articles: TrashedArticle[]; all: boolean } | null>(null);
  const articles = trash.data?.articles ?? [];
  return (
    <section className="trash-view" aria-labelledby="trash-title">
      <h1 id="trash-title">{t('library:trash2')}</h1>
      <p className="trash-intro">
        {t('library:articlesMovedHereAreOut')}
      </p>
      <div className="trash-toolbar">
        <button type="button" className="danger" disabled={articles.length === 0} onClick={() => setConfirming({ articles, all: true })}>
          {t('library:emptyTrash')}
        </button>
      </div>
      {trash.error && (
        <p role="alert" className="load-error">
          {errorMessage(trash.error)}
        </p>
      )}
      {trash.data && articles.length === 0 && <p className="panel-empty">{t('library:theTrashIsEmpty')}</p>}
      {articles.length > 0 && (
        <ul className="trash-list" aria-label={t('library:articlesInTheTrash')}>
          {articles.map((a) => (
            <li key={a.id}>
              <div className="trash-item">
                <span className="trash-title" lang={a.language ?? undefined} dir="auto">
                  {a.title}
                </span>
                <span className="trash-meta">
                  {t('library:movedToTheTrash', { articleByline: articleByline(a), format: when.format(new Date(a.trashedAt)) })}
                </span>
              </div>
              <button type="button" onClick={() => void actions.restore(a)} aria-label={t('library:restore2', { title: a.title })}>
                {t('library:restore')}
              </button>
              <button type="button" onClick={() => setConfirming({ articles: [a], all: false })} aria-label={t('library:deleteForGood', { title: a.title })}>
                {t('library:delete')}
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
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    dialog.current?.showModal();
    // The safe choice has the focus: Enter alone never deletes.
    dialog.current?.querySelector<HTMLButtonElement>('button[data-cancel]')?.focus();
  }, []);
  const what = articles.length === 1 ? t('ui:quoted', { text: articles[0]!.title }) : t('library:theseArticles', { count: articles.length, n: formatNumber(articles.length) });
  return (
    <dialog ref={dialog} className="confirm-dialog" aria-labelledby="confirm-title" aria-describedby="confirm-text" onClose={onClose}>
      <h2 id="confirm-title">{all ? t('library:emptyTheTrash') : t('library:deleteForGood2')}</h2>
      <div id="confirm-text">
        <p>
          {t('library:thisDeletesFromTheWorkspace', { what })}
        </p>
        <p className="warning">{t('library:thisCannotBeUndone')}</p>
      </div>
      <div className="dialog-actions">
        <button type="button" data-cancel onClick={onClose}>
          {t('library:cancel')}
        </button>
        <button type="button" className="danger" onClick={onConfirm}>
          {all ? t('library:emptyTrash2') : t('library:deleteForGood3')}
        </button>
      </div>
    </dialog>
  );
}
