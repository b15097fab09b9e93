import type { EventPayload, RecordChange } from './contract';

export type WorkspaceChange = EventPayload<'workspace.changed'>;

/** Whether a change-feed event touched a record of `subject` (matching every field given in `where`). */
export function touches(event: WorkspaceChange, subject: RecordChange['subject'], where: Partial<Omit<RecordChange, 'subject'>> = {}): boolean {
  return event.changes.some(
    (c) => c.subject === subject && Object.entries(where).every(([key, value]) => c[key as keyof RecordChange] === value),
  );
}
