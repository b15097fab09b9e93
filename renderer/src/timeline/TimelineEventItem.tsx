import { useState } from 'react';
import { precisionOf, type DatePart, type DatePrecision, type EventEntity, type TimelineEntry } from '../../../electron/common/model/timeline';
import { useAppActions } from '../app/AppActions';
import { formatEventDate } from './eventDates';
import { useTimelineChanges } from './useTimelineChanges';

/** Whether the words named every part of the date shown, or some came from the publication date. */
export function inferred(precision: DatePrecision, certain: readonly DatePart[]): boolean {
  if (precision === 'year') return !certain.includes('year');
  if (precision === 'month') return !certain.includes('year') || !certain.includes('month');
  return !certain.includes('year') || !certain.includes('month') || !certain.includes('day');
}

/** The date as shown on an event or a suggestion: as precise as known, saying when it was inferred. */
export function EventDateLabel({ date, precision, certain }: { date: string; precision: DatePrecision; certain: readonly DatePart[] }) {
  const guessed = inferred(precision, certain);
  return (
    <span className="event-date">
      <time dateTime={date}>{formatEventDate(date, precision)}</time>
      {guessed && (
        <span className="inferred" title={certain.length ? `The text names the ${certain.join(' and ')}; the rest comes from the publication date.` : 'Counted from the publication date.'}>
          {' '}
          (inferred)
        </span>
      )}
    </span>
  );
}

export function EntityNames({ entities }: { entities: readonly EventEntity[] }) {
  const { openEntity } = useAppActions();
  if (entities.length === 0) return null;
  return (
    <ul className="event-entities" aria-label="Entities">
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
  const { openArticle } = useAppActions();
  const changes = useTimelineChanges();
  const [editing, setEditing] = useState(false);
  const open = () => openArticle(event.articleId, { start: event.evidence.start, end: event.evidence.end, flash: true });
  const orphaned = event.status === 'orphaned';
  return (
    <li className="timeline-event" data-precision={event.precision}>
      <span className="event-marker" aria-hidden="true" />
      <EventDateLabel date={event.date} precision={event.precision} certain={event.certain} />
      {editing ? (
        <EventEditor event={event} onDone={() => setEditing(false)} onSave={(patch) => changes.update({ articleId: event.articleId, id: event.id, patch, baseRev: event.rev })} />
      ) : (
        <>
          <button type="button" className="event-label link" onClick={open} disabled={orphaned} title={orphaned ? undefined : `Open the passage in “${event.articleTitle}”`} dir="auto">
            {event.label}
          </button>
          <p className="event-source muted small">
            <span dir="auto">{event.articleTitle}</span>
            {orphaned && <span className="badge warn"> Passage not found in the current version</span>}
          </p>
          <EntityNames entities={event.entities} />
          <div className="event-actions">
            <button type="button" className="small" onClick={() => setEditing(true)} aria-label={`Edit event: ${event.label}`}>
              Edit
            </button>
            <button type="button" className="small" onClick={() => void changes.remove({ articleId: event.articleId, id: event.id })} aria-label={`Remove event: ${event.label}`}>
              Remove
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
    <form className="event-editor" onSubmit={(e) => void submit(e)} onKeyDown={(e) => e.key === 'Escape' && onDone()} aria-label="Edit event">
      <label>
        Label
        <input value={label} onChange={(e) => setLabel(e.target.value)} maxLength={200} autoFocus required dir="auto" />
      </label>
      <label>
        Date
        <input value={date} onChange={(e) => setDate(e.target.value)} aria-invalid={!dateOk} aria-describedby={`date-help-${event.id}`} inputMode="numeric" />
      </label>
      <span id={`date-help-${event.id}`} className="muted small">
        YYYY, YYYY-MM or YYYY-MM-DD
      </span>
      <div className="event-actions">
        <button type="submit" className="primary small" disabled={!label.trim() || !dateOk}>
          Save
        </button>
        <button type="button" className="small" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
