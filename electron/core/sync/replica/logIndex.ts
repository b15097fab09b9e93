import createRBTree from 'functional-red-black-tree';
import type { LogSegment } from './logSegment';

/**
 * Where a key's value lives: small values are kept in memory (PouchDB reads its metadata far more
 * often than attachments), larger ones stay in the log and are read by offset, so a replica
 * holding hundreds of MB of article texts and originals costs a few MB of memory.
 */
export interface Entry {
  /** The value itself when it is small, else null. */
  readonly inline: Buffer | null;
  readonly segment: LogSegment;
  readonly offset: number;
  readonly length: number;
}

/**
 * The ordered index: a persistent (immutable) red-black tree, as memdown uses, so an iterator's
 * snapshot is simply the tree it started on.
 */
export type Index = createRBTree.Tree<Buffer, Entry>;
export type IndexIterator = createRBTree.Iterator<Buffer, Entry>;

export function emptyIndex(): Index {
  return createRBTree<Buffer, Entry>(Buffer.compare);
}
