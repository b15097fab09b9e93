import { useMemo, useState } from 'react';
import type { ArticleSummary } from '../../../electron/common/model/article';
import { OrderSelect } from '../ui/OrderSelect';
import { useStoredChoice } from '../ui/useStoredChoice';
import { useVirtualList } from '../ui/useVirtualList';
import { useRecent } from './recentPlaces';
import { articleFilter, LIBRARY_ORDERS, sortArticles, type LibraryOrder } from './sortArticles';
import { useDates } from '../ui/formatDate';

/** Each row is this tall (the stylesheet clamps the title to two lines), so the list can be windowed. */
export const LIBRARY_ROW_HEIGHT = 68;

interface Props {
  workspaceId: string | null;
  articles: readonly ArticleSummary[];
  /** The article being read, if one is. */
  currentId: string | null;
  loaded: boolean;
  onOpen(articleId: string): void;
}

/**
 * Every article of the workspace, sorted and filtered as the analyst asks. Only the rows in view
 * (plus a few on each side) are in the DOM, so 10,000 articles scroll like 10.
 */
export function ArticleLibrary({ workspaceId, articles, currentId, loaded, onOpen }: Props) {
  const { date } = useDates();
  const [order, setOrder] = useStoredChoice<LibraryOrder>('libraryOrder', workspaceId, LIBRARY_ORDERS, 'date');
  const [filter, setFilter] = useState('');
  const recent = useRecent(workspaceId);
  // Only the "recently opened" order changes as articles open.
  const recentForOrder = order === 'recent' ? recent : null;
  const shown = useMemo(() => {
    const sorted = sortArticles(articles, order, recentForOrder ?? []);
    const matches = articleFilter(filter);
    return matches ? sorted.filter(matches) : sorted;
  }, [articles, order, recentForOrder, filter]);
  const heights = useMemo(() => shown.map(() => LIBRARY_ROW_HEIGHT), [shown]);
  const { attachScroller, window: rowWindow, offsets, reveal } = useVirtualList(heights);

  const choose = (next: LibraryOrder) => {
    setOrder(next);
    reveal(0);
  };

  return (
    <section className="article-library" aria-labelledby="library-title">
      <h2 id="library-title" className="library-head">
        Articles <span className="count">{filter.trim() ? `${shown.length} of ${articles.length}` : articles.length}</span>
      </h2>
      <div className="library-controls">
        <input
          type="search"
          className="library-filter"
          placeholder="Filter articles"
          aria-label="Filter articles"
          value={filter}
          onChange={(e) => {
            setFilter(e.target.value);
            reveal(0);
          }}
        />
        <OrderSelect label="Sort articles" value={order} orders={LIBRARY_ORDERS} onChange={choose} />
      </div>
      <div className="library-scroll" ref={attachScroller} data-testid="library-scroll">
        <ul aria-label="Articles in the library" style={{ height: offsets.at(-1) }}>
          {shown.slice(rowWindow.start, rowWindow.end).map((a, i) => {
            const index = rowWindow.start + i;
            const current = a.id === currentId;
            return (
              <li key={a.id} style={{ top: offsets[index], height: LIBRARY_ROW_HEIGHT }} aria-setsize={shown.length} aria-posinset={index + 1}>
                <button type="button" className={current ? 'current' : undefined} aria-current={current ? 'page' : undefined} onClick={() => onOpen(a.id)} title={a.title}>
                  <span className="title" dir="auto">
                    {a.title}
                  </span>
                  <span className="date">{[a.outlet, a.published ? date(a.published) : 'Undated'].filter(Boolean).join(' · ')}</span>
                </button>
              </li>
            );
          })}
        </ul>
        {loaded && articles.length === 0 && <p className="panel-empty">No articles yet. Press Import… or drop files here.</p>}
        {articles.length > 0 && shown.length === 0 && <p className="panel-empty">No article matches “{filter.trim()}”.</p>}
      </div>
    </section>
  );
}
