import { useState } from 'react';
import { precisionOf, type DatePart, type DatePrecision, type EventEntity, type TimelineEntry } from '../../../electron/common/model/timeline';
import { useAppActions } from '../app/AppActions';
import { useDates } from '../ui/formatDate';
import { RecordAuthors } from '../ui/RecordAuthors';
import { formatEventDate } from './eventDates';
import { useTimelineChanges } from './useTimelineChanges';
import { useArticleLanguages } from '../library/useArticleLanguages';
import { useTranslation } from 'react-i18next';

/** Whether the words named every part of the date shown, or some came from the publication date. */
export function inferred(precision: DatePrecision, certain: readonly DatePart[]): boolean {
  if (precision === 'year') return !certain.includes('year');
  if (precision === 'month') return !certain.includes('year') || !certain.includes('month');
  return !certain.includes('year') || !certain.includes('month') || !certain.includes('day');
}

/** The date as shown on an event or a suggestion: as precise as known, saying when it was inferred. */
export function EventDateLabel({ date, precision, certain }: { date: string; precision: DatePrecision; certain: readonly DatePart[] }) {
  const { t } = useTranslation();
  const guessed = inferred(precision, certain);
  // Read from the setting here, so a new date format shows at once.
  const { choice } = useDates();
  return (
    <span className="event-date">
      <time dateTime={date}>{formatEventDate(date, precision, undefined, choice)}</time>
      {guessed && (
        <span className="inferred" title={certain.length ? t('timeline:theTextNamesTheThe', { join: certain.join(' and ') }) : t('timeline:countedFromThePublicationDate')}>
          {t('timeline:inferred')}
        </span>
      )}
    </span>
  );
}

export function EntityNames({ entities }: { entities: readonly EventEntity[] }) {
  const { t } = useTranslation();
  const { openEntity } = useAppActions();
  if (entities.length === 0) return null;
  return (
    <ul className="event-entities" aria-label={t('timeline:entities')}>
      {entities.map((e) => (
        <li key={e.id}>
          <button type="button" className="chip" onClick={() => openEntity(e.id)} dir="auto">
            {e.name}
          </button>
        </li>
      ))}
    </ul>
  );
}

/** One confirmed event: open its passage, edit its label and date, or remove it. */
export function TimelineEventItem({ event }: { event: TimelineEntry }) {
  const { t } = useTranslation();
  const { openArticle } = useAppActions();
  const changes = useTimelineChanges();
  const [editing, setEditing] = useState(false);
  const open = () => openArticle(event.articleId, { start: event.evidence.start, end: event.evidence.end, flash: true });
  const orphaned = event.status === 'orphaned';
  const languageOf = useArticleLanguages();
  return (
    <li className="timeline-event" data-precision={event.precision}>
      <span className="event-marker" aria-hidden="true" />
      <EventDateLabel date={event.date} precision={event.precision} certain={event.certain} />
      {editing ? (
        <EventEditor event={event} onDone={() => setEditing(false)} onSave={(patch) => changes.update({ articleId: event.articleId, id: event.id, patch, baseRev: event.rev })} />
      ) : (
        <>
          <button type="button" className="event-label link" onClick={open} disabled={orphaned} title={orphaned ? undefined : t('timeline:openThePassageIn', { articleTitle: event.articleTitle })} dir="auto">
            {event.label}
          </button>
          <p className="event-source muted small">
            <span lang={languageOf(event.articleId)} dir="auto">
              {event.articleTitle}
            </span>
            {orphaned && <span className="badge warn">{' '}{t('timeline:passageNotFoundInThe')}</span>}
          </p>
          <EntityNames entities={event.entities} />
          <RecordAuthors createdBy={event.createdBy} modifiedBy={event.modifiedBy} created={event.created} modified={event.modified} />
          <div className="event-actions">
            <button type="button" className="small" onClick={() => setEditing(true)} aria-label={t('timeline:editEvent', { label: event.label })}>
              {t('timeline:edit')}
            </button>
            <button type="button" className="small" onClick={() => void changes.remove({ articleId: event.articleId, id: event.id })} aria-label={t('timeline:removeEvent', { label: event.label })}>
              {t('timeline:remove')}
            </button>
          </div>
        </>
      )}
    </li>
  );
}

function EventEditor({
  event,
  onSave,
  onDone,
}: {
  event: TimelineEntry;
  onSave(patch: { label?: string; date?: string }): Promise<unknown>;
  onDone(): void;
}) {
  const { t } = useTranslation();
  const [label, setLabel] = useState(event.label);
  const [date, setDate] = useState(event.date);
  const dateOk = precisionOf(date.trim()) !== null;
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!label.trim() || !dateOk) return;
    const patch = { ...(label.trim() !== event.label ? { label: label.trim() } : {}), ...(date.trim() !== event.date ? { date: date.trim() } : {}) };
    if (Object.keys(patch).length === 0 || (await onSave(patch))) onDone();
  };
  return (
    <form className="event-editor" onSubmit={(e) => void submit(e)} onKeyDown={(e) => e.key === 'Escape' && onDone()} aria-label={t('timeline:editEvent2')}>
      <label>
        {t('timeline:label')}
        <input value={label} onChange={(e) => setLabel(e.target.value)} maxLength={200} autoFocus required dir="auto" />
      </label>
      <label>
        {t('timeline:date')}
        <input value={date} onChange={(e) => setDate(e.target.value)} aria-invalid={!dateOk} aria-describedby={`date-help-${event.id}`} inputMode="numeric" />
      </label>
      <span id={`date-help-${event.id}`} className="muted small">
        {t('timeline:yyyyYyyyMmOrYyyy')}
      </span>
      <div className="event-actions">
        <button type="submit" className="primary small" disabled={!label.trim() || !dateOk}>
          {t('timeline:save')}
        </button>
        <button type="button" className="small" onClick={onDone}>
          {t('timeline:cancel')}
        </button>
      </div>
    </form>
  );
}
