import { useCallback, useEffect, useMemo, useState } from 'react';
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
import { articleBylineParts, LIBRARY_ORDERS, LIBRARY_SHELVES, LibraryIndex, type LibraryOrder, type LibraryShelf } from './sortArticles';
import { useArticleActions } from './useArticleActions';
import './libraryManage.css';
import { useDates } from '../ui/formatDate';
import { useTranslation } from 'react-i18next';

/** Each row is this tall (the stylesheet clamps the title to two lines), so the list can be windowed. */
/** Padding, two title lines tall enough for Arabic and Devanagari marks, and the byline (libraryManage.css). */
export const LIBRARY_ROW_HEIGHT = 78;

const libraryKeys = keymap('library', isMac);
const NO_RECENT: readonly string[] = [];

/** The index's work ahead, one piece per idle moment, so it never holds up the analyst's input; returns the cancel. */
function warmWhenIdle(index: LibraryIndex): () => void {
  const idle = window.requestIdleCallback ?? ((run: () => void) => window.setTimeout(run, 50));
  const cancel = window.cancelIdleCallback ?? window.clearTimeout;
  let handle = idle(function step() {
    if (index.warmStep()) handle = idle(step);
  });
  return () => cancel(handle);
}

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
  const { t } = useTranslation();
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
  // Every order and the filter's words are worked out once per list, ahead of need while the browser is idle.
  const index = useMemo(() => new LibraryIndex(articles), [articles]);
  useEffect(() => warmWhenIdle(index), [index]);
  const shown = useMemo(() => index.rows({ shelf, order, recent: recentForOrder ?? NO_RECENT, filter }), [index, shelf, order, recentForOrder, filter]);
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
        {shelf === 'archived' ? t('library:archived') : t('library:articles')} <span className="count">{filter.trim() ? t('library:of', { length: shown.length, shelfSize }) : shelfSize}</span>
      </h2>
      <div className="library-controls">
        <input
          type="search"
          className="library-filter"
          placeholder={t('library:filterByTitleOrOutlet')}
          aria-label={t('library:filterArticles')}
          value={filter}
          onChange={(e) => {
            setFilter(e.target.value);
            reveal(0);
          }}
        />
        <div className="library-choices">
          <OrderSelect label={t('library:sortArticles')} value={order} orders={LIBRARY_ORDERS} onChange={choose} />
          <OrderSelect
            label={t('library:showArticles')}
            value={shelf}
            orders={LIBRARY_SHELVES.map((s) => (s.value === 'archived' ? { ...s, label: t('library:archived2', { archivedCount }) } : s))}
            onChange={(next) => {
              setShelf(next);
              reveal(0);
            }}
          />
        </div>
      </div>
      <div className="library-scroll" ref={attachScroller} data-testid="library-scroll">
        <ul aria-label={shelf === 'archived' ? t('library:archivedArticles') : t('library:articlesInTheLibrary')} style={{ height: offsets.at(-1) }}>
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
                  <span className="title" lang={a.language ?? undefined} dir="auto">
                    {a.title}
                  </span>
                  <span className="date" dir="auto">
                    {/* Isolated: an Arabic date's right-to-left marks ("04‏/05‏/2025") would reorder its digits around a Latin outlet. */}
                    <bdi>{articleBylineParts(a, date)[0]}</bdi> · <bdi>{articleBylineParts(a, date)[1]}</bdi>
                  </span>
                </button>
                <button
                  type="button"
                  className="row-menu"
                  aria-label={t('library:actionsFor', { title: a.title })}
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
        {loaded && articles.length === 0 && <p className="panel-empty">{t('library:noArticlesYetPressImport')}</p>}
        {shelf === 'archived' && archivedCount === 0 && <p className="panel-empty">{t('library:noArchivedArticlesArchiveOne')}</p>}
        {shelfSize > 0 && shown.length === 0 && <p className="panel-empty">{t('library:noArticleMatches', { trim: filter.trim() })}</p>}
      </div>
      <button type="button" className={`trash-link${trash.open ? ' current' : ''}`} onClick={trash.onOpen} aria-current={trash.open ? 'page' : undefined}>
        {t('library:trash', { value: trash.count > 0 ? ` (${trash.count})` : '' })}
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
