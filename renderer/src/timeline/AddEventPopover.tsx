import { useState } from 'react';
import { precisionOf } from '../../../electron/common/model/timeline';

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
      aria-label="Add to timeline"
      style={{ top: rect.bottom + 8, left: rect.left + rect.width / 2 }}
      onSubmit={submit}
      onKeyDown={(e) => e.key === 'Escape' && onCancel()}
    >
      <p className="muted small" dir="auto">
        Add “{excerpt}” to the timeline
      </p>
      <label className="small">
        Date
        <input value={date} onChange={(e) => setDate(e.target.value)} placeholder="the date named in it" aria-invalid={!dateOk} aria-describedby="add-event-date-help" autoFocus />
      </label>
      <span id="add-event-date-help" className="muted small">
        YYYY, YYYY-MM or YYYY-MM-DD; empty: the date the passage names
      </span>
      <label className="small">
        Label
        <input value={label} onChange={(e) => setLabel(e.target.value)} placeholder="suggested from the passage" maxLength={200} dir="auto" />
      </label>
      <div className="event-actions">
        <button type="submit" className="primary small" disabled={!dateOk}>
          Add
        </button>
        <button type="button" className="small" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
