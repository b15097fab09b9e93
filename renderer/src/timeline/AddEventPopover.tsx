import { useState } from 'react';
import { precisionOf } from '../../../electron/common/model/timeline';
import { useTranslation } from 'react-i18next';

interface Props {
  rect: DOMRect;
  selectedText: string;
  onAdd(fields: { date?: string; label?: string }): void;
  onCancel(): void;
}

/**
 * Adding a selected passage to the timeline. Both fields may stay empty: the core then takes the
 * first date named in the passage and suggests a label from it, and says so when there is none.
 */
export function AddEventPopover({ rect, selectedText, onAdd, onCancel }: Props) {
  const { t } = useTranslation();
  const [date, setDate] = useState('');
  const [label, setLabel] = useState('');
  const dateOk = date.trim() === '' || precisionOf(date.trim()) !== null;
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (!dateOk) return;
    onAdd({ ...(date.trim() ? { date: date.trim() } : {}), ...(label.trim() ? { label: label.trim() } : {}) });
  };
  const excerpt = selectedText.trim().length > 80 ? `${selectedText.trim().slice(0, 79)}…` : selectedText.trim();
  return (
    <form
      className="link-popover add-event"
      role="dialog"
      aria-label={t('timeline:addToTimeline')}
      style={{ top: rect.bottom + 8, left: rect.left + rect.width / 2 }}
      onSubmit={submit}
      onKeyDown={(e) => e.key === 'Escape' && onCancel()}
    >
      <p className="muted small" dir="auto">
        {t('timeline:addToTheTimeline', { excerpt })}
      </p>
      <label className="small">
        {t('timeline:date')}
        <input value={date} onChange={(e) => setDate(e.target.value)} placeholder={t('timeline:theDateNamedInIt')} aria-invalid={!dateOk} aria-describedby="add-event-date-help" autoFocus />
      </label>
      <span id="add-event-date-help" className="muted small">
        {t('timeline:yyyyYyyyMmOrYyyy2')}
      </span>
      <label className="small">
        {t('timeline:label')}
        <input value={label} onChange={(e) => setLabel(e.target.value)} placeholder={t('timeline:suggestedFromThePassage')} maxLength={200} dir="auto" />
      </label>
      <div className="event-actions">
        <button type="submit" className="primary small" disabled={!dateOk}>
          {t('timeline:add')}
        </button>
        <button type="button" className="small" onClick={onCancel}>
          {t('timeline:cancel')}
        </button>
      </div>
    </form>
  );
}
