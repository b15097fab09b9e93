import type { NoteSummary } from '../../../electron/common/model/note';
import { collator, recentFirst } from '../ui/listOrder';

export type NoteOrder = 'modified' | 'title' | 'recent';

export const NOTE_ORDERS: { value: NoteOrder; label: string }[] = [
  { value: 'modified', label: 'notes:lastChanged' },
  { value: 'title', label: 'notes:title' },
  { value: 'recent', label: 'notes:recentlyOpened' },
];

const byModified = (a: NoteSummary, b: NoteSummary) => (a.modified === b.modified ? collator.compare(a.title, b.title) : a.modified < b.modified ? 1 : -1);
const pinnedFirst = (a: NoteSummary, b: NoteSummary) => Number(b.pinned) - Number(a.pinned);

/**
 * The notes in the chosen order: pinned first, then last changed first or by title; or those opened
 * lately first (most recent first), then the others as "last changed" orders them. `recent` holds
 * place keys ("note:<id>").
 */
export function sortNotes(notes: readonly NoteSummary[], order: NoteOrder, recent: readonly string[] = []): NoteSummary[] {
  if (order === 'title') return [...notes].sort((a, b) => pinnedFirst(a, b) || collator.compare(a.title, b.title) || byModified(a, b));
  const changed = [...notes].sort((a, b) => pinnedFirst(a, b) || byModified(a, b));
  return order === 'recent' ? recentFirst(changed, recent, 'note', (n) => n.id) : changed;
}
