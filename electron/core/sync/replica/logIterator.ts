import { AbstractIterator, type IteratorOptions } from 'abstract-leveldown';
import type { Entry, Index, IndexIterator } from './logIndex';
import type { LogSegment } from './logSegment';

export interface IteratorSource {
  readonly index: Index;
  readonly segment: LogSegment;
  readValue(entry: Entry): Promise<Buffer>;
  pin(segment: LogSegment): void;
  unpin(segment: LogSegment): void;
}

/**
 * An iterator over a snapshot of the index (the persistent tree as it was when the iterator was
 * made). It pins the log segment of that snapshot, so a compaction meanwhile does not close the
 * file its values are read from.
 */
export class LogIterator extends AbstractIterator {
  private readonly tree: Index;
  private readonly segment: LogSegment;
  private cursor: IndexIterator;
  private readonly reverse: boolean;
  private readonly limit: number;
  private readonly options: IteratorOptions;
  private readonly lower: Buffer | undefined;
  private readonly lowerInclusive: boolean;
  private readonly upper: Buffer | undefined;
  private readonly upperInclusive: boolean;
  private returned = 0;
  private released = false;

  constructor(private readonly source: IteratorSource, db: ConstructorParameters<typeof AbstractIterator>[0], options: IteratorOptions) {
    super(db);
    this.options = options;
    this.tree = source.index;
    this.segment = source.segment;
    source.pin(this.segment);
    this.reverse = options.reverse;
    this.limit = options.limit < 0 ? Infinity : options.limit;
    // Legacy `start`/`end` name the first and last key in iteration order, so they swap with `reverse`.
    const start = options.reverse ? options.end : options.start;
    const end = options.reverse ? options.start : options.end;
    this.lower = bound(options.gt) ?? bound(options.gte) ?? bound(start);
    this.lowerInclusive = bound(options.gt) === undefined;
    this.upper = bound(options.lt) ?? bound(options.lte) ?? bound(end);
    this.upperInclusive = bound(options.lt) === undefined;
    this.cursor = this.startAt(this.reverse ? this.upper : this.lower);
  }

  private startAt(target: Buffer | undefined): IndexIterator {
    if (this.reverse) {
      if (target === undefined) return this.tree.end;
      return this.upperInclusive && target === this.upper ? this.tree.le(target) : this.tree.lt(target);
    }
    if (target === undefined) return this.tree.begin;
    return this.lowerInclusive && target === this.lower ? this.tree.ge(target) : this.tree.gt(target);
  }

  private inRange(key: Buffer): boolean {
    if (this.lower !== undefined) {
      const c = Buffer.compare(key, this.lower);
      if (c < 0 || (c === 0 && !this.lowerInclusive)) return false;
    }
    if (this.upper !== undefined) {
      const c = Buffer.compare(key, this.upper);
      if (c > 0 || (c === 0 && !this.upperInclusive)) return false;
    }
    return true;
  }

  /** The next key in range and its entry, or null at the end (the store's clear walks ranges with it). */
  nextEntry(): [Buffer, Entry] | null {
    const cursor = this.cursor;
    if (this.returned >= this.limit || !cursor.valid || !this.inRange(cursor.key)) return null;
    this.returned += 1;
    const found: [Buffer, Entry] = [cursor.key, cursor.value];
    if (this.reverse) cursor.prev();
    else cursor.next();
    return found;
  }

  protected override _next(callback: (error?: Error | null, key?: Buffer | string, value?: Buffer | string) => void): void {
    const found = this.nextEntry();
    if (!found) {
      this._nextTick(() => callback());
      return;
    }
    const [key, entry] = found;
    const keyOut = this.options.keys ? (this.options.keyAsBuffer ? key : key.toString()) : undefined;
    const send = (value: Buffer | undefined): void => {
      const valueOut = value === undefined ? undefined : this.options.valueAsBuffer ? value : value.toString();
      callback(null, keyOut, valueOut);
    };
    if (!this.options.values) {
      this._nextTick(() => send(undefined));
    } else if (entry.inline) {
      const inline = entry.inline;
      this._nextTick(() => send(inline));
    } else {
      this.source.readValue(entry).then(send, (error: Error) => callback(error));
    }
  }

  protected override _seek(target: Buffer): void {
    // Seeking outside the range leaves the cursor where _next's range check ends the iteration.
    this.cursor = this.reverse ? this.tree.le(target) : this.tree.ge(target);
  }

  protected override _end(callback: (error?: Error | null) => void): void {
    this.release();
    this._nextTick(() => callback());
  }

  /** Lets go of the pinned segment (ending the iterator does it). */
  release(): void {
    if (this.released) return;
    this.released = true;
    this.source.unpin(this.segment);
  }
}

/** Empty range options mean "no bound" (abstract-leveldown passes them through serialized). */
function bound(value: Buffer | undefined): Buffer | undefined {
  return value === undefined || value.length === 0 ? undefined : value;
}
