import { useCallback, useMemo, useState } from 'react';
import type { ArticleSummary } from '../../../electron/common/model/article';
import { useCommand } from '../commands/CommandProvider';
import { keymap } from '../commands/keymap';
import { OrderSelect } from '../ui/OrderSelect';
import { isMac } from '../ui/shortcuts';
import { useStoredChoice } from '../ui/useStoredChoice';
import { useVirtualList } from '../ui/useVirtualList';
import { ArticleMenu } from './ArticleMenu';
import { useRecent } from './recentPlaces';
import { RenameDialog } from './RenameDialog';
import { articleByline, LIBRARY_ORDERS, LIBRARY_SHELVES, libraryRows, type LibraryOrder, type LibraryShelf } from './sortArticles';
import { useArticleActions } from './useArticleActions';
import './libraryManage.css';
import { useDates } from '../ui/formatDate';

/** Each row is this tall (the stylesheet clamps the title to two lines), so the list can be windowed. */
export const LIBRARY_ROW_HEIGHT = 68;

const libraryKeys = keymap('library', isMac);

interface Props {
  workspaceId: string | null;
  articles: readonly ArticleSummary[];
  /** The article being read, if one is. */
  currentId: string | null;
  loaded: boolean;
  onOpen(articleId: string): void;
  /** How many articles are in the trash, and whether the Trash view is the one shown. */
  trash: { count: number; open: boolean; onOpen(): void };
}

/**
 * Every article of the workspace, sorted and filtered as the analyst asks, archived ones on their
 * own shelf. Only the rows in view (plus a few on each side) are in the DOM, so 10,000 articles
 * scroll like 10. Each row has its actions (Rename…, Archive, Move to trash) in a menu, on
 * right-click, and on F2 and Delete.
 */
export function ArticleLibrary({ workspaceId, articles, currentId, loaded, onOpen, trash }: Props) {
  const { date } = useDates();
  const [order, setOrder] = useStoredChoice<LibraryOrder>('libraryOrder', workspaceId, LIBRARY_ORDERS, 'date');
  const [shelf, setShelf] = useState<LibraryShelf>('library');
  const [filter, setFilter] = useState('');
  const [menu, setMenu] = useState<{ article: ArticleSummary; at: { x: number; y: number } } | null>(null);
  const [renaming, setRenaming] = useState<ArticleSummary | null>(null);
  const actions = useArticleActions();
  const recent = useRecent(workspaceId);
  // Only the "recently opened" order changes as articles open.
  const recentForOrder = order === 'recent' ? recent : null;
  const shown = useMemo(() => libraryRows(articles, { shelf, order, recent: recentForOrder ?? [], filter }), [articles, shelf, order, recentForOrder, filter]);
  const archivedCount = useMemo(() => articles.reduce((n, a) => n + (a.archived ? 1 : 0), 0), [articles]);
  const heights = useMemo(() => shown.map(() => LIBRARY_ROW_HEIGHT), [shown]);
  const { attachScroller, window: rowWindow, offsets, reveal } = useVirtualList(heights);
  const shelfSize = shelf === 'archived' ? archivedCount : articles.length - archivedCount;

  const choose = (next: LibraryOrder) => {
    setOrder(next);
    reveal(0);
  };

  // After the focused row goes (trashed, archived), focus moves to its neighbour, so Delete can go on.
  const focusRow = useCallback((index: number) => {
    requestAnimationFrame(() => document.querySelector<HTMLElement>(`.article-library li[aria-posinset="${index + 1}"] .library-row`)?.focus());
  }, []);
  const trashArticle = (article: ArticleSummary, index?: number) => {
    void actions.trash(article).then(() => index !== undefined && focusRow(Math.min(index, shown.length - 2)));
  };
  const toggleArchive = (article: ArticleSummary, index?: number) => {
    void actions.archive(article, !article.archived).then(() => index !== undefined && focusRow(Math.min(index, shown.length - 2)));
  };

  // The registry's commands (the menu, the palette) act on the article being read.
  const current = currentId ? articles.find((a) => a.id === currentId) : undefined;
  useCommand('article-rename', () => current && setRenaming(current), current !== undefined);
  useCommand('article-archive', () => current && toggleArchive(current), current !== undefined);
  useCommand('article-trash', () => current && trashArticle(current), current !== undefined);

  const onRowKey = (event: React.KeyboardEvent, article: ArticleSummary, index: number) => {
    if (event.key === 'ContextMenu' || (event.shiftKey && event.key === 'F10')) {
      event.preventDefault();
      const rect = (event.currentTarget as HTMLElement).getBoundingClientRect();
      setMenu({ article, at: { x: rect.left + 24, y: rect.bottom - 8 } });
      return;
    }
    const command = libraryKeys(event);
    if (command === 'article-rename') setRenaming(article);
    else if (command === 'article-trash') trashArticle(article, index);
    else return;
    event.preventDefault();
  };

  return (
    <section className="article-library" aria-labelledby="library-title">
      <h2 id="library-title" className="library-head">
        {shelf === 'archived' ? 'Archived' : 'Articles'} <span className="count">{filter.trim() ? `${shown.length} of ${shelfSize}` : shelfSize}</span>
      </h2>
      <div className="library-controls">
        <input
          type="search"
          className="library-filter"
          placeholder="Filter by title or outlet"
          aria-label="Filter articles"
          value={filter}
          onChange={(e) => {
            setFilter(e.target.value);
            reveal(0);
          }}
        />
        <div className="library-choices">
          <OrderSelect label="Sort articles" value={order} orders={LIBRARY_ORDERS} onChange={choose} />
          <OrderSelect
            label="Show articles"
            value={shelf}
            orders={LIBRARY_SHELVES.map((s) => (s.value === 'archived' ? { ...s, label: `Archived (${archivedCount})` } : s))}
            onChange={(next) => {
              setShelf(next);
              reveal(0);
            }}
          />
        </div>
      </div>
      <div className="library-scroll" ref={attachScroller} data-testid="library-scroll">
        <ul aria-label={shelf === 'archived' ? 'Archived articles' : 'Articles in the library'} style={{ height: offsets.at(-1) }}>
          {shown.slice(rowWindow.start, rowWindow.end).map((a, i) => {
            const index = rowWindow.start + i;
            const isCurrent = a.id === currentId;
            return (
              <li
                key={a.id}
                style={{ top: offsets[index], height: LIBRARY_ROW_HEIGHT }}
                aria-setsize={shown.length}
                aria-posinset={index + 1}
                onContextMenu={(e) => {
                  e.preventDefault();
                  setMenu({ article: a, at: { x: e.clientX, y: e.clientY } });
                }}
              >
                <button
                  type="button"
                  className={`library-row${isCurrent ? ' current' : ''}`}
                  aria-current={isCurrent ? 'page' : undefined}
                  onClick={() => onOpen(a.id)}
                  onKeyDown={(e) => onRowKey(e, a, index)}
                  title={a.title}
                >
                  <span className="title" dir="auto">
                    {a.title}
                  </span>
                  <span className="date">{articleByline(a, date)}</span>
                </button>
                <button
                  type="button"
                  className="row-menu"
                  aria-label={`Actions for ${a.title}`}
                  aria-haspopup="menu"
                  aria-expanded={menu?.article.id === a.id}
                  onClick={(e) => {
                    const rect = e.currentTarget.getBoundingClientRect();
                    setMenu({ article: a, at: { x: rect.left, y: rect.bottom + 2 } });
                  }}
                >
                  …
                </button>
              </li>
            );
          })}
        </ul>
        {loaded && articles.length === 0 && <p className="panel-empty">No articles yet. Press Import… or drop files here.</p>}
        {shelf === 'archived' && archivedCount === 0 && <p className="panel-empty">No archived articles. Archive one from its “…” menu to hide it from the library.</p>}
        {shelfSize > 0 && shown.length === 0 && <p className="panel-empty">No article matches “{filter.trim()}”.</p>}
      </div>
      <button type="button" className={`trash-link${trash.open ? ' current' : ''}`} onClick={trash.onOpen} aria-current={trash.open ? 'page' : undefined}>
        Trash{trash.count > 0 ? ` (${trash.count})` : ''}
      </button>
      {menu && (
        <ArticleMenu
          article={menu.article}
          at={menu.at}
          onRename={() => setRenaming(menu.article)}
          onArchive={() => toggleArchive(menu.article)}
          onTrash={() => trashArticle(menu.article)}
          onClose={(restoreFocus) => {
            const id = menu.article.id;
            setMenu(null);
            if (restoreFocus) {
              const index = shown.findIndex((a) => a.id === id);
              if (index !== -1) focusRow(index);
            }
          }}
        />
      )}
      {renaming && <RenameDialog title={renaming.title} onRename={(title) => actions.rename(renaming, title)} onClose={() => setRenaming(null)} />}
    </section>
  );
}
