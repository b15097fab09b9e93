import type { TimelineSuggestion } from '../../../electron/common/model/timeline';
import { useAppActions } from '../app/AppActions';
import { formatEventDate } from './eventDates';
import { EntityNames, EventDateLabel } from './TimelineEventItem';
import { useTimelineChanges } from './useTimelineChanges';

interface Props {
  articleTitle: string;
  suggestions: readonly TimelineSuggestion[] | null;
  error: string | null;
}

/** The dates found in one article, to confirm as events or dismiss. */
export function TimelineSuggestions({ articleTitle, suggestions, error }: Props) {
  const { openArticle } = useAppActions();
  const changes = useTimelineChanges();
  return (
    <aside className="panel timeline-suggestions" aria-label={`Dates found in “${articleTitle}”`}>
      <h2>Dates to review</h2>
      <p className="suggestions-source small" dir="auto" title={articleTitle}>
        Found in <span className="source-title">{articleTitle}</span>
      </p>
      {error ? (
        <p className="load-error" role="alert">
          {error}
        </p>
      ) : !suggestions ? (
        <p className="loading" aria-busy="true">
          Reading the dates…
        </p>
      ) : suggestions.length === 0 ? (
        <p className="panel-empty">No dates left to review in this article.</p>
      ) : (
        <ul className="suggestion-list">
          {suggestions.map((s) => {
            const when = formatEventDate(s.date, s.precision);
            return (
              <li key={s.key} className="timeline-suggestion">
                <EventDateLabel date={s.date} precision={s.precision} certain={s.certain} />
                <span className="muted small" dir="auto">
                  {' '}
                  from “{s.phrase.exact}”
                </span>
                <p className="suggestion-label" dir="auto">
                  {s.label}
                </p>
                <EntityNames entities={s.entities} />
                <div className="event-actions">
                  <button type="button" className="primary small" onClick={() => void changes.confirm({ articleId: s.articleId, key: s.key })} aria-label={`Confirm ${when}: ${s.label}`}>
                    Confirm
                  </button>
                  <button type="button" className="small" onClick={() => void changes.dismiss({ articleId: s.articleId, key: s.key })} aria-label={`Dismiss ${when}: ${s.label}`}>
                    Dismiss
                  </button>
                  <button
                    type="button"
                    className="small"
                    onClick={() => openArticle(s.articleId, { start: s.evidence.start, end: s.evidence.end, flash: true })}
                    aria-label={`Show ${when} in the article: ${s.label}`}
                  >
                    Show
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
