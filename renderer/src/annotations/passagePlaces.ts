import { useQueries } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import type { Annotation } from '../../../electron/common/model/annotation';
import { ParagraphNumbers } from '../../../electron/common/text/paragraphNumbers';
import { api } from '../api';

/**
 * Where each highlight is, in paragraphs as the reader shows them ("¶ 4", "¶ 4–5"). A highlight
 * lost in a new version is placed in the text of the version it was made on, fetched once (a
 * version's text never changes), and says which version: "v1 ¶ 3".
 */
export function usePassagePlaces(articleId: string, version: number, text: string, annotations: Annotation[]): (a: Annotation) => string {
  const current = useMemo(() => new ParagraphNumbers(text), [text]);
  const earlier = useMemo(
    () => [...new Set(annotations.filter((a) => a.status === 'orphaned' && a.target.version !== version).map((a) => a.target.version))].sort((a, b) => a - b),
    [annotations, version],
  );
  const loaded = useQueries({
    queries: earlier.map((v) => ({
      queryKey: ['articles.versionText', { id: articleId, version: v }] as const,
      queryFn: () => api['articles.versionText']({ id: articleId, version: v }),
      staleTime: Infinity,
    })),
    combine: textsOf,
  });
  const byVersion = useMemo(() => {
    const numbers = new Map<number, ParagraphNumbers>([[version, current]]);
    earlier.forEach((v, i) => {
      const earlierText = loaded[i];
      if (earlierText !== undefined) numbers.set(v, new ParagraphNumbers(earlierText));
    });
    return numbers;
  }, [current, version, earlier, loaded]);

  return useCallback(
    (a: Annotation) => {
      const orphan = a.status === 'orphaned';
      const numbers = byVersion.get(orphan ? a.target.version : version);
      const place = numbers?.label(a.target.position.start, a.target.position.end) ?? '';
      return orphan ? `v${a.target.version}${place ? ` ${place}` : ''}` : place;
    },
    [byVersion, version],
  );
}

/** Stable, so the list of texts is a new array only when a text arrives. */
function textsOf(results: { data?: { text: string } }[]): (string | undefined)[] {
  return results.map((r) => r.data?.text);
}
