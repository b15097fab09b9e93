import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import type { ArticleMention, EntitySummary, Suggestion } from '../../../electron/common/model/entity';
import { queries } from '../data/queries';
import { errorMessage } from '../ui/useSaveStatus';

export interface ArticleEntities {
  mentions: ArticleMention[];
  suggestions: Suggestion[];
  /** Suggestions naming no confirmed entity: what the review lists. */
  toReview: Suggestion[];
  /** Suggestions that name a confirmed entity, not linked yet: one click links them. */
  knownPending: Suggestion[];
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
  const suggestions = forArticle.data?.suggestions ?? NONE;
  const toReview = useMemo(() => suggestions.filter((s) => s.entityId === null), [suggestions]);
  const knownPending = useMemo(() => suggestions.filter((s) => s.entityId !== null), [suggestions]);
  return {
    mentions: forArticle.data?.mentions ?? NONE,
    suggestions,
    toReview,
    knownPending,
    known: known.data?.entities ?? NONE,
    loading: forArticle.isPending || known.isPending,
    error: error ? errorMessage(error) : null,
    reload,
  };
}
