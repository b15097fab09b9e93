import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { queries } from '../data/queries';
import { errorMessage } from '../ui/useSaveStatus';
import { FilterSelect } from '../ui/FilterSelect';
import { useStoredChoice } from '../ui/useStoredChoice';
import { useDates } from '../ui/formatDate';
import { useWorkspaceId } from '../ui/WorkspaceContext';
import { useAppActions } from '../app/AppActions';
import { groupByDate, ZOOMS, type DateGroup, type Zoom } from './eventDates';
import { TimelineAxis } from './TimelineAxis';
import { TimelineEventItem } from './TimelineEventItem';
import { TimelineSuggestions } from './TimelineSuggestions';
import { useTranslation } from 'react-i18next';
import { countOf } from '../i18n/i18n';

interface Props {
  /** The article last open in the reader: its detected dates are offered when no article is chosen. */
  currentArticleId: string | null;
}

const ZOOM_VALUES = ZOOMS.map((z) => ({ value: z.zoom }));

/**
 * The workspace's confirmed events, earliest first, under headings from decades to days, narrowed
 * to an article or an entity; beside them, the dates found in one article to confirm or dismiss.
 * Clicking an event opens its passage in the reader.
 */
export function TimelineView({ currentArticleId }: Props) {
  const { t } = useTranslation();
  const workspaceId = useWorkspaceId();
  const [articleId, setArticleId] = useState('');
  const [entityId, setEntityId] = useState('');
  const [zoom, setZoom] = useStoredChoice<Zoom>('timelineZoom', workspaceId, ZOOM_VALUES, 'month');
  const articlesAnswer = useQuery(queries.articles()).data;
  const articles = useMemo(() => articlesAnswer?.articles ?? [], [articlesAnswer]);
  const articleOptions = useMemo(() => articles.map((a) => ({ id: a.id, name: a.title })), [articles]);
  const entities = useQuery(queries.entities()).data?.entities ?? [];
  const list = useQuery(queries.timeline({ ...(articleId ? { articleId } : {}), ...(entityId ? { entityId } : {}) }));
  const reviewId = articleId || (currentArticleId && articles.some((a) => a.id === currentArticleId) ? currentArticleId : '');
  const suggestions = useQuery({ ...queries.timelineSuggestions(reviewId), enabled: reviewId !== '' });
  const events = list.data?.events ?? null;
  const { choice: dateFormat } = useDates();
  const groups = useMemo(() => groupByDate(events ?? [], zoom, undefined, dateFormat), [events, zoom, dateFormat]);
  const { openArticle } = useAppActions();
  const shownSuggestions = useMemo(() => {
    const all = suggestions.data?.suggestions ?? null;
    return all && entityId ? all.filter((s) => s.entities.some((e) => e.id === entityId)) : all;
  }, [suggestions.data, entityId]);
  const reviewTitle = articles.find((a) => a.id === reviewId)?.title ?? '';


  return (
    <div className="entity-page-scroll timeline-page">
      <div className="timeline-layout">
        <section className="timeline" aria-labelledby="timeline-title">
          <div className="list-title">
            <h1 id="timeline-title">{t('timeline:timeline')}</h1>
            <span className="count" data-testid="timeline-count">
              {events ? countOf(events.length, 'event') : ''}
            </span>
          </div>
          <div className="filters timeline-filters">
            <div className="filter-row">
              <FilterSelect label={t('timeline:article')} value={articleId} any={t('timeline:allArticles')} options={articleOptions} onChange={setArticleId} />
              <FilterSelect label={t('timeline:entity')} value={entityId} any={t('timeline:allEntities')} options={entities} onChange={setEntityId} />
            </div>
            <div role="group" aria-label={t('timeline:zoom')}>
              {ZOOMS.map((z) => (
                <button key={z.zoom} type="button" aria-pressed={zoom === z.zoom} onClick={() => setZoom(z.zoom)}>
                  {t(z.label)}
                </button>
              ))}
            </div>
          </div>
          {events && events.length > 0 && <TimelineAxis events={events} onOpen={(e) => openArticle(e.articleId, { start: e.evidence.start, end: e.evidence.end, flash: true })} />}
          {list.error && !events ? (
            <div className="load-error" role="alert">
              {errorMessage(list.error)}
            </div>
          ) : !events ? (
            <div className="loading" aria-busy="true">
              {t('timeline:loadingTheTimeline')}
            </div>
          ) : events.length === 0 ? (
            <p className="panel-empty">
              {articleId || entityId ? t('timeline:noConfirmedEventMatches') : t('timeline:noEventsYetConfirmThe')}
            </p>
          ) : (
            <ol className="timeline-groups">
              {groups.map((group) => (
                <li key={group.key} className="timeline-group">
                  <h2 id={headingId(group)} tabIndex={-1}>
                    {group.heading}
                  </h2>
                  <ol className="timeline-events" aria-labelledby={headingId(group)}>
                    {group.items.map((event) => (
                      <TimelineEventItem key={event.id} event={event} />
                    ))}
                  </ol>
                </li>
              ))}
            </ol>
          )}
        </section>
        {reviewId ? (
          <TimelineSuggestions
            articleTitle={reviewTitle}
            suggestions={shownSuggestions}
            error={suggestions.error ? errorMessage(suggestions.error) : null}
          />
        ) : (
          <aside className="panel timeline-suggestions" aria-label={t('timeline:datesFound')}>
            <p className="panel-empty">{t('timeline:chooseAnArticleToReview')}</p>
          </aside>
        )}
      </div>
    </div>
  );
}

function headingId(group: DateGroup<unknown>): string {
  return `timeline-${group.key}`;
}
