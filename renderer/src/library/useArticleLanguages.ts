import { useQuery } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import type { ArticleSummary } from '../../../electron/common/model/article';
import { queries } from '../data/queries';

/** Article id → its language, from a list the library already holds. */
export function languagesOf(articles: readonly Pick<ArticleSummary, 'id' | 'language'>[] | undefined): ReadonlyMap<string, string> {
  const map = new Map<string, string>();
  for (const a of articles ?? []) if (a.language) map.set(a.id, a.language);
  return map;
}

/**
 * The language of an article's own words (its title, quotes, passages) where another screen shows
 * them: as `lang`, so the browser picks the script's fonts and shaping (an Arabic title in an
 * English window, Traditional against Simplified Chinese glyphs). Read from the library's list,
 * which every screen shares; undefined for an article it does not know, so no `lang` is written.
 */
export function useArticleLanguages(): (articleId: string | null | undefined) => string | undefined {
  const articles = useQuery(queries.articles()).data?.articles;
  const languages = useMemo(() => languagesOf(articles), [articles]);
  return useCallback((articleId) => (articleId ? languages.get(articleId) : undefined), [languages]);
}
