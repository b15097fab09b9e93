import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { SearchRequest, SearchResult } from '../../../electron/common/model/search';
import { useAppActions } from '../app/AppActions';
import { useCommand } from '../commands/CommandProvider';
import { onEvent } from '../api';
import { queries } from '../data/queries';
import { withShortcut } from '../ui/shortcuts';
import { useDebounced } from '../ui/useDebounced';
import { errorMessage } from '../ui/useSaveStatus';
import { useVirtualList } from '../ui/useVirtualList';
import { SearchFilters } from './SearchFilters';
import { groupResults, searchRequest, SEARCH_KINDS, type SearchForm } from './searchRequest';
import { Snippet } from './Snippet';
import './searchResults.css';
import { useArticleLanguages } from '../library/useArticleLanguages';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../i18n/i18n';

const GROUP_HEIGHT = 36;
/** Title (1.5 lines) and two lines of passage (1.6 each), padding and the gap below: see searchResults.css. */
const RESULT_HEIGHT = 98;
/** Typing pauses this long before a search goes out. */
const DEBOUNCE_MS = 120;

interface Props {
  form: SearchForm;
  onChange(form: SearchForm): void;
}

const kindLabel = (kind: SearchResult['kind']) => SEARCH_KINDS.find((k) => k.kind === kind)!;

/**
 * Search across articles, highlights, notes, entities and relationships as the analyst types. Each answer is
 * cached under its own request, so a slow answer to an earlier query never replaces a newer one;
 * the last answer stays on screen while the next is on its way.
 */
export function SearchView({ form, onChange }: Props) {
  const { t } = useTranslation();
  const { openArticle, openAnnotation, openNote, openEntity } = useAppActions();
  const box = useRef<HTMLInputElement>(null);
  const listElement = useRef<HTMLUListElement>(null);
  const request = useMemo(() => searchRequest(form), [form]);
  const settledKey = useDebounced(request ? JSON.stringify(request) : null, DEBOUNCE_MS);
  const settled = useMemo(() => (settledKey ? (JSON.parse(settledKey) as SearchRequest) : null), [settledKey]);
  const languageOf = useArticleLanguages();
  const search = useQuery({ ...queries.search(settled ?? { query: '' }), enabled: settled !== null, placeholderData: keepPreviousData });
  const results = useMemo(() => (settled && search.data ? search.data.results : []), [settled, search.data]);
  const { rows, ordered } = useMemo(() => groupResults(results), [results]);
  const heights = useMemo(() => rows.map((r) => (r.type === 'group' ? GROUP_HEIGHT : RESULT_HEIGHT)), [rows]);
  const { attachScroller, window: rowWindow, offsets, reveal } = useVirtualList(heights);
  const rowOf = useMemo(() => {
    const map: number[] = [];
    for (const [i, r] of rows.entries()) if (r.type === 'result') map[r.index] = i;
    return map;
  }, [rows]);
  const [active, setActive] = useState(0);
  /** A result to move the keyboard focus to once it is rendered. */
  const [focusWanted, setFocusWanted] = useState<{ index: number } | null>(null);
  const current = Math.min(active, Math.max(ordered.length - 1, 0));

  useCommand('search', () => box.current?.select());
  useEffect(() => box.current?.focus(), []);
  // A workspace whose index is missing (new, or damaged) builds it on the first search: say how far.
  const [building, setBuilding] = useState<{ done: number; total: number } | null>(null);
  useEffect(() => onEvent('search.progress', (p) => setBuilding(p.done < p.total ? p : null)), []);
  useEffect(() => {
    if (!focusWanted) return;
    listElement.current?.querySelector<HTMLElement>(`[data-result-index="${focusWanted.index}"]`)?.focus();
  }, [focusWanted, rowWindow]);

  const moveTo = (index: number) => {
    const next = Math.max(0, Math.min(index, ordered.length - 1));
    setActive(next);
    reveal(rowOf[next]!);
    setFocusWanted({ index: next });
  };

  const open = (result: SearchResult) => {
    const at = result.start !== null && result.end !== null ? { start: result.start, end: result.end } : undefined;
    if (result.kind === 'article') openArticle(result.articleId ?? result.id, at && { ...at, flash: true });
    else if (result.kind === 'annotation' && result.articleId) openAnnotation(result.articleId, result.id, at);
    else if (result.kind === 'note') openNote(result.id);
    else if (result.kind === 'entity') openEntity(result.id);
    // A relationship opens on its evidence passage; with none left, on its from-entity's page.
    else if (result.kind === 'relation' && result.articleId && at) openArticle(result.articleId, { ...at, flash: true });
    else if (result.kind === 'relation' && result.entityId) openEntity(result.entityId);
  };

  const onBoxKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' && ordered.length > 0) {
      event.preventDefault();
      moveTo(current);
    } else if (event.key === 'Enter' && ordered[current]) {
      event.preventDefault();
      open(ordered[current]);
    }
  };

  const onListKey = (event: KeyboardEvent<HTMLUListElement>) => {
    const moves: Record<string, number> = { ArrowDown: current + 1, ArrowUp: current - 1, Home: 0, End: ordered.length - 1, PageDown: current + 8, PageUp: current - 8 };
    if (event.key === 'Escape' || (event.key === 'ArrowUp' && current === 0)) {
      event.preventDefault();
      setFocusWanted(null);
      box.current?.focus();
    } else if (event.key in moves) {
      event.preventDefault();
      moveTo(moves[event.key]!);
    }
  };

  const waiting = settled !== null && (search.isFetching || settledKey !== (request ? JSON.stringify(request) : null));
  const status = !request
    ? t('search:typeWordsToSearchArticles')
    : search.error
      ? t('search:searchFailed', { error: errorMessage(search.error) })
      : !search.data
        ? building
          ? t('search:buildingTheSearchIndexOf', { toLocaleString: formatNumber(building.done), toLocaleString2: formatNumber(building.total) })
          : t('search:searching')
        : results.length === 0
          ? t('search:nothingMatches')
          : t('search:resultSummary', {
              count: results.length,
              plus: results.length >= (settled?.limit ?? Infinity) ? '+' : '',
              kinds: SEARCH_KINDS.flatMap((k) => {
                const n = results.filter((r) => r.kind === k.kind).length;
                return n ? [t(`search:kindCount.${k.kind}`, { count: n })] : [];
              }).join(t('search:listSeparator')),
            });

  return (
    <div className="search-view">
      <div className="search-head">
        <h1>{t('search:search')}</h1>
        <input
          ref={box}
          type="search"
          className="search-box"
          aria-label={t('search:searchWords')}
          dir="auto"
          placeholder={t('search:wordsAPrefixOrA')}
          title={withShortcut(t('search:searchTheWorkspace'), 'search')}
          value={form.query}
          onChange={(e) => {
            setActive(0);
            onChange({ ...form, query: e.target.value });
          }}
          onKeyDown={onBoxKey}
          onFocus={() => setFocusWanted(null)}
        />
        <SearchFilters
          form={form}
          onChange={(next) => {
            setActive(0);
            onChange(next);
          }}
        />
        <p className="search-status" role="status" aria-live="polite" aria-busy={waiting}>
          {status}
        </p>
      </div>
      <div className="search-results" ref={attachScroller}>
        {/* Headings and results share one list so the keyboard and the window move over both. */}
        <ul ref={listElement} aria-label={t('search:searchResults')} aria-busy={waiting} style={{ height: offsets.at(-1) }} onKeyDown={onListKey}>
          {rows.slice(rowWindow.start, rowWindow.end).map((row, i) => {
            const top = offsets[rowWindow.start + i];
            if (row.type === 'group') {
              const k = kindLabel(row.kind);
              return (
                <li key={`group-${row.kind}`} className="result-group" style={{ top, height: GROUP_HEIGHT }}>
                  <h2>
                    {t(k.plural)} <span className="count">{row.count}</span>
                  </h2>
                </li>
              );
            }
            const { result, index } = row;
            // An article's title and text, and a highlight's quote, are the article's words; a note's or an entity's are not.
            const lang = result.kind === 'article' || result.kind === 'annotation' ? languageOf(result.articleId) : undefined;
            return (
              <li key={`${result.kind}-${result.id}`} style={{ top, height: RESULT_HEIGHT }} aria-setsize={ordered.length} aria-posinset={index + 1}>
                <button
                  type="button"
                  className={`search-result${index === current ? ' active' : ''}`}
                  data-result-index={index}
                  data-kind={result.kind}
                  tabIndex={index === current ? 0 : -1}
                  onFocus={() => setActive(index)}
                  onClick={() => open(result)}
                >
                  <span className="result-title">
                    <span className={`kind-badge kind-${result.kind}`}>{t(kindLabel(result.kind).label)}</span>
                    <span className="result-name" lang={lang} dir="auto">
                      {result.title}
                    </span>
                  </span>
                  <Snippet className="result-snippet" snippet={result.snippet} lang={result.kind === 'article' ? lang : undefined} />
                </button>
              </li>
            );
          })}
        </ul>
      </div>
    </div>
  );
}
