import { isDeepStrictEqual } from 'node:util';
import type { Creator } from '../../common/model/annotation';
import type { Operation } from './operation';

/**
 * Who changed a record last and when (`modifiedBy`, `modified`), as undo and redo leave it.
 *
 * An undo or a redo is a new change made by whoever undid or redid it, now: it is stamped like
 * an edit rather than putting back the name and date the record had. The record's content goes
 * back; its provenance says who put it back. Otherwise a colleague's workspace, receiving the
 * undone record through sync, would record in its history a change "by" the person whose edit was
 * restored, dated when they made it, and the record would claim a date older than its last
 * change. `createdBy` and `created` never change: a deleted record brought back by undo is still
 * the one its creator made.
 */
export function stampOperation(op: Operation, by: Creator, at: string): Operation {
  switch (op.kind) {
    case 'annotation':
      return op.after === null ? op : { ...op, after: stamp(op.after, by, at) };
    case 'record':
      // A note's entry carries names; a note's content (the text alone) does not, and its entry
      // is stamped where the text is written (NoteService).
      return hasAuthorship(op.after) ? { ...op, after: stamp(op.after, by, at) } : op;
    case 'doc':
      return { ...op, after: stampDocument(op.before, op.after, by, at) };
    default:
      return op;
  }
}

/** `record` changed now by `by`. */
export function stamp<T extends object>(record: T, by: Creator, at: string): T {
  return { ...record, modifiedBy: { name: by.name }, modified: at };
}

function hasAuthorship(value: unknown): value is { modifiedBy: Creator; modified: string } {
  return value !== null && typeof value === 'object' && 'modifiedBy' in value && 'modified' in value;
}

/**
 * A whole document (entities.json, relations.json, briefs.json, an article's timeline.json) put
 * back: the records in its lists that differ from the state it replaces are stamped; the others
 * are left as they are, since nothing changed them.
 */
function stampDocument(current: unknown, next: unknown, by: Creator, at: string): unknown {
  if (next === null || typeof next !== 'object' || Array.isArray(next)) return next;
  const out: Record<string, unknown> = { ...(next as Record<string, unknown>) };
  const was = (current ?? {}) as Record<string, unknown>;
  for (const [key, list] of Object.entries(out)) {
    if (!Array.isArray(list) || !list.some(hasAuthorship)) continue;
    const before = new Map<string, unknown>();
    for (const item of Array.isArray(was[key]) ? (was[key] as unknown[]) : []) {
      const id = idOf(item);
      if (id !== null) before.set(id, item);
    }
    out[key] = list.map((item) => {
      const id = idOf(item);
      if (!hasAuthorship(item) || id === null) return item;
      return isDeepStrictEqual(withoutRev(before.get(id)), withoutRev(item)) ? item : stamp(item, by, at);
    });
  }
  return out;
}

function idOf(item: unknown): string | null {
  return item !== null && typeof item === 'object' && typeof (item as { id?: unknown }).id === 'string' ? (item as { id: string }).id : null;
}

/** A record's content: its revision number is this workspace's counter, not a change. */
function withoutRev(item: unknown): unknown {
  if (item === null || typeof item !== 'object') return item;
  const { rev: _rev, ...rest } = item as Record<string, unknown>;
  return rest;
}
