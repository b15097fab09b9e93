import { useMemo } from 'react';
import type { ArticleSummary } from '../../../electron/common/model/article';
import { api } from '../api';
import { useAppActions } from '../app/AppActions';
import { useNotify } from '../ui/Toasts';
import { errorMessage } from '../ui/useSaveStatus';

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
  const notify = useNotify();
  const { undo } = useAppActions();
  return useMemo(() => {
    const failed = (what: string) => (error: unknown) => notify({ tone: 'error', message: `Could not ${what}: ${errorMessage(error)}` });
    const undoable = (message: string) => notify({ tone: 'info', message, action: { label: 'Undo', run: undo } });
    return {
      rename: (article, title) =>
        api['articles.rename']({ id: article.id, title }).then(
          ({ article: renamed }) => {
            undoable(`Renamed to “${renamed.title}”.`);
            return true;
          },
          (error: unknown) => {
            failed('rename the article')(error);
            return false;
          },
        ),
      archive: (article, archived) =>
        api['articles.archive']({ id: article.id, archived }).then(
          () => undoable(archived ? `“${article.title}” archived: it shows under Archived.` : `“${article.title}” is back in the library.`),
          failed(archived ? 'archive the article' : 'unarchive the article'),
        ),
      trash: (article) =>
        api['articles.trash']({ id: article.id }).then(() => undoable(`“${article.title}” moved to the trash.`), failed('move the article to the trash')),
      restore: (article) =>
        api['articles.restore']({ id: article.id }).then(() => undoable(`“${article.title}” restored to the library.`), failed('restore the article')),
      emptyTrash: (ids) =>
        api['articles.emptyTrash']({ ids }).then(
          ({ removed }) => notify({ tone: 'info', message: removed === 1 ? '1 article deleted for good.' : `${removed} articles deleted for good.` }),
          failed('empty the trash'),
        ),
    };
  }, [notify, undo]);
}
