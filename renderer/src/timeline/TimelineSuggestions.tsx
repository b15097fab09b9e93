import type { TimelineSuggestion } from '../../../electron/common/model/timeline';
import { useAppActions } from '../app/AppActions';
import { useDates } from '../ui/formatDate';
import { formatEventDate } from './eventDates';
import { EntityNames, EventDateLabel } from './TimelineEventItem';
import { useTimelineChanges } from './useTimelineChanges';
import { useTranslation } from 'react-i18next';

interface Props {
  articleTitle: string;
  suggestions: readonly TimelineSuggestion[] | null;
  error: string | null;
}

/** The dates found in one article, to confirm as events or dismiss. */
export function TimelineSuggestions({ articleTitle, suggestions, error }: Props) {
  const { t } = useTranslation();
  const { openArticle } = useAppActions();
  const changes = useTimelineChanges();
  const { choice } = useDates();
  return (
    <aside className="panel timeline-suggestions" aria-label={t('timeline:datesFoundIn', { articleTitle })}>
      <h2>{t('timeline:datesToReview')}</h2>
      <p className="suggestions-source small" dir="auto" title={articleTitle}>
        {t('timeline:foundIn')}{' '}<span className="source-title">{articleTitle}</span>
      </p>
      {error ? (
        <p className="load-error" role="alert">
          {error}
        </p>
      ) : !suggestions ? (
        <p className="loading" aria-busy="true">
          {t('timeline:readingTheDates')}
        </p>
      ) : suggestions.length === 0 ? (
        <p className="panel-empty">{t('timeline:noDatesLeftToReview')}</p>
      ) : (
        <ul className="suggestion-list">
          {suggestions.map((s) => {
            const when = formatEventDate(s.date, s.precision, undefined, choice);
            return (
              <li key={s.key} className="timeline-suggestion">
                <EventDateLabel date={s.date} precision={s.precision} certain={s.certain} />
                <span className="muted small" dir="auto">
                  {t('timeline:from', { exact: s.phrase.exact })}
                </span>
                <p className="suggestion-label" dir="auto">
                  {s.label}
                </p>
                <EntityNames entities={s.entities} />
                <div className="event-actions">
                  <button type="button" className="primary small" onClick={() => void changes.confirm({ articleId: s.articleId, key: s.key })} aria-label={t('timeline:confirm2', { when, label: s.label })}>
                    {t('timeline:confirm')}
                  </button>
                  <button type="button" className="small" onClick={() => void changes.dismiss({ articleId: s.articleId, key: s.key })} aria-label={t('timeline:dismiss2', { when, label: s.label })}>
                    {t('timeline:dismiss')}
                  </button>
                  <button
                    type="button"
                    className="small"
                    onClick={() => openArticle(s.articleId, { start: s.evidence.start, end: s.evidence.end, flash: true })}
                    aria-label={t('timeline:showInTheArticle', { when, label: s.label })}
                  >
                    {t('timeline:show')}
                  </button>
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </aside>
  );
}
