import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { ArticleMention, EntitySummary, Suggestion } from '../../../electron/common/model/entity';
import { queries } from '../data/queries';
import { errorMessage } from '../ui/useSaveStatus';

export interface ArticleEntities {
  mentions: ArticleMention[];
  suggestions: Suggestion[];
  known: EntitySummary[];
  loading: boolean;
  error: string | null;
  /** Fetches the article's mentions and suggestions again (after a change made here). */
  reload(): Promise<void>;
}

const NONE: never[] = [];

/** An article's entity mentions and pending suggestions, plus the workspace's entities to merge into. */
export function useArticleEntities(articleId: string): ArticleEntities {
  const queryClient = useQueryClient();
  const forArticle = useQuery(queries.articleEntities(articleId));
  const known = useQuery(queries.entities());
  const reload = useCallback(async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: queries.articleEntities(articleId).queryKey }),
      queryClient.invalidateQueries({ queryKey: queries.entities().queryKey }),
    ]);
  }, [articleId, queryClient]);
  const error = forArticle.error ?? known.error;
  return {
    mentions: forArticle.data?.mentions ?? NONE,
    suggestions: forArticle.data?.suggestions ?? NONE,
    known: known.data?.entities ?? NONE,
    loading: forArticle.isPending || known.isPending,
    error: error ? errorMessage(error) : null,
    reload,
  };
}
