import { useCallback, useEffect, useState } from 'react';
import type { ArticleMention, EntitySummary, Suggestion } from '../../../electron/common/model/entity';
import { api, onEvent } from '../api';
import { errorMessage } from '../ui/useSaveStatus';
import { touches } from '../../../electron/common/changes';

export interface ArticleEntities {
  mentions: ArticleMention[];
  suggestions: Suggestion[];
  known: EntitySummary[];
  loading: boolean;
  error: string | null;
  reload(): Promise<void>;
}

/** An article's entity mentions and pending suggestions, plus the workspace's entities to merge into. */
export function useArticleEntities(articleId: string): ArticleEntities {
  const [state, setState] = useState<Omit<ArticleEntities, 'reload'>>({ mentions: [], suggestions: [], known: [], loading: true, error: null });

  const reload = useCallback(async () => {
    try {
      const [{ mentions, suggestions }, { entities }] = await Promise.all([
        api['entities.forArticle']({ articleId }),
        api['entities.list']({}),
      ]);
      setState({ mentions, suggestions, known: entities, loading: false, error: null });
    } catch (error) {
      setState((s) => ({ ...s, loading: false, error: errorMessage(error) }));
    }
  }, [articleId]);

  useEffect(() => {
    void reload();
    return onEvent('workspace.changed', (event) => {
      if (touches(event, 'entity') || event.changes.some((c) => c.articleId === articleId)) void reload();
    });
  }, [articleId, reload]);

  return { ...state, reload };
}
