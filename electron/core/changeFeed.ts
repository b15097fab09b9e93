import type { EventPayload, RecordChange } from '../common/contract';
import type { EventBus } from './events';

export type ChangeCause = EventPayload<'workspace.changed'>['cause'];
export type ChangeListener = (change: EventPayload<'workspace.changed'>) => void;

/**
 * The core's one change feed: every write, once it is on disk, is published here with the
 * records it touched. Windows (through the event bus), the CLI and derived data listen to it.
 */
export class ChangeFeed {
  private readonly intents = new Set<(changes: readonly RecordChange[]) => void>();

  constructor(private readonly events: EventBus) {}

  /**
   * Says which records a write is about to change, before it reaches the disk: what keeps derived
   * data (the search index) from missing a save that landed just before the process died, when it
   * was never published. Listeners must treat it as a hint: the write may yet fail.
   */
  intend(changes: readonly RecordChange[]): void {
    if (changes.length === 0) return;
    for (const listener of this.intents) listener(changes);
  }

  onIntent(listener: (changes: readonly RecordChange[]) => void): () => void {
    this.intents.add(listener);
    return () => this.intents.delete(listener);
  }

  publish(cause: ChangeCause, changes: readonly RecordChange[]): void {
    if (changes.length === 0) return;
    this.events.emit('workspace.changed', { cause, changes: [...changes] });
  }

  subscribe(listener: ChangeListener): () => void {
    return this.events.subscribe((name, payload) => {
      if (name === 'workspace.changed') listener(payload as EventPayload<'workspace.changed'>);
    });
  }
}

/** The records that differ between two lists of records with ids, as created, updated or deleted. */
export function diffRecords<T extends { id: string }>(
  subject: RecordChange['subject'],
  articleId: string | null,
  before: readonly T[],
  after: readonly T[],
  idOf: (record: T) => string = (record) => record.id,
): RecordChange[] {
  const old = new Map(before.map((r) => [idOf(r), r]));
  const changes: RecordChange[] = [];
  const seen = new Set<string>();
  for (const record of after) {
    const id = idOf(record);
    if (seen.has(id)) continue;
    seen.add(id);
    const previous = old.get(id);
    if (previous === undefined) changes.push({ subject, kind: 'created', id, articleId });
    else if (previous !== record && JSON.stringify(previous) !== JSON.stringify(record)) changes.push({ subject, kind: 'updated', id, articleId });
  }
  for (const id of old.keys()) if (!seen.has(id)) changes.push({ subject, kind: 'deleted', id, articleId });
  return changes;
}
