/**
 * Lists of records by id (notes.json holds 20,000 note summaries) are changed copy-on-write, one
 * record at a time. A scan for the id on every save cost a millisecond at that size, so each list
 * keeps a map from id to position, built once and handed on to the list's next version where
 * positions do not move. A position is always checked against the list before it is used, so a
 * map shared by two versions never answers for a record one of them does not hold there.
 */
type Keyed = { id: string };

const positions = new WeakMap<readonly Keyed[], Map<string, number>>();

function positionsOf(list: readonly Keyed[]): Map<string, number> {
  let map = positions.get(list);
  if (!map) {
    map = new Map();
    for (let i = 0; i < list.length; i++) map.set(list[i]!.id, i);
    positions.set(list, map);
  }
  return map;
}

/** The position of the record with this id, or -1. */
export function indexById(list: readonly Keyed[], id: string): number {
  const at = positionsOf(list).get(id);
  return at !== undefined && list[at]?.id === id ? at : -1;
}

export function findById<R extends Keyed>(list: readonly R[], id: string): R | undefined {
  const at = indexById(list, id);
  return at === -1 ? undefined : list[at];
}

/** A list of records by id with one put (or, for null, removed), in place or at the end. */
export function withRecordById<R extends Keyed>(list: unknown, id: string, record: R | null): R[] {
  const records = Array.isArray(list) ? (list as R[]) : [];
  const at = indexById(records, id);
  if (at === -1) {
    if (!record) return records;
    const next = [...records, record];
    // Every earlier record keeps its position; the new one is checked against each list that asks.
    const map = positionsOf(records);
    // A claim on this id from another version of the list stays; this one builds its own map.
    if (map.has(id)) return next;
    map.set(id, records.length);
    positions.set(next, map);
    return next;
  }
  if (!record) return records.toSpliced(at, 1);
  const next = records.slice();
  next[at] = record;
  positions.set(next, positionsOf(records));
  return next;
}
