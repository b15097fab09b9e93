import { useMemo } from 'react';
import type { ArticleSummary } from '../../../electron/common/model/article';
import { api } from '../api';
import { useAppActions } from '../app/AppActions';
import { useNotify } from '../ui/Toasts';
import { errorMessage } from '../ui/useSaveStatus';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../i18n/i18n';

type Article = Pick<ArticleSummary, 'id' | 'title'>;

export interface ArticleActions {
  rename(article: Article, title: string): Promise<boolean>;
  archive(article: Article, archived: boolean): Promise<void>;
  trash(article: Article): Promise<void>;
  restore(article: Article): Promise<void>;
  /** Deletes the trashed articles for good (all when none are named): the caller has asked first. */
  emptyTrash(ids?: string[]): Promise<void>;
}

/**
 * Renaming, archiving and the trash, with what each says afterwards: every step but emptying the
 * trash is an operation of the workspace, so its toast offers Undo. The lists refresh from the
 * change feed, not from here.
 */
export function useArticleActions(): ArticleActions {
  const { t } = useTranslation();
  const notify = useNotify();
  const { undo } = useAppActions();
  return useMemo(() => {
    const failed = (what: 'rename' | 'archive' | 'unarchive' | 'trash' | 'restore' | 'emptyTrash') => (error: unknown) =>
      notify({ tone: 'error', message: t(`library:couldNotDo.${what}`, { error: errorMessage(error) }) });
    const undoable = (message: string) => notify({ tone: 'info', message, action: { label: t('library:undo'), run: undo } });
    return {
      rename: (article, title) =>
        api['articles.rename']({ id: article.id, title }).then(
          ({ article: renamed }) => {
            undoable(t('library:renamedTo', { title: renamed.title }));
            return true;
          },
          (error: unknown) => {
            failed('rename')(error);
            return false;
          },
        ),
      archive: (article, archived) =>
        api['articles.archive']({ id: article.id, archived }).then(
          () => undoable(archived ? t('library:archivedItShowsUnderArchived', { title: article.title }) : t('library:isBackInTheLibrary', { title: article.title })),
          failed(archived ? 'archive' : 'unarchive'),
        ),
      trash: (article) =>
        api['articles.trash']({ id: article.id }).then(() => undoable(t('library:movedToTheTrash2', { title: article.title })), failed('trash')),
      restore: (article) =>
        api['articles.restore']({ id: article.id }).then(() => undoable(t('library:restoredToTheLibrary', { title: article.title })), failed('restore')),
      emptyTrash: (ids) =>
        api['articles.emptyTrash']({ ids }).then(
          ({ removed }) => notify({ tone: 'info', message: t('library:deletedForGood', { count: removed, n: formatNumber(removed) }) }),
          failed('emptyTrash'),
        ),
    };
  }, [notify, undo, t]);
}
