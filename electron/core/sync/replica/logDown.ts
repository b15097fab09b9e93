import { mkdir, rm, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { AbstractLevelDOWN, type BatchOp, type IteratorOptions } from 'abstract-leveldown';
import { writeCompactedLog } from './compaction';
import { encodeRecord, opSize, type LogOp } from './logFormat';
import { logPath, generationOf, settleLogFolder, syncFolder } from './logFiles';
import { emptyIndex, type Entry, type Index } from './logIndex';
import { LogIterator } from './logIterator';
import { LogSegment } from './logSegment';

export interface LogDownOptions {
  /** Values up to this many bytes are kept in memory; larger ones are read from the log by offset. */
  inlineLimit?: number;
  /** No compaction below this file size: rewriting a small file saves nothing worth an fsync. */
  compactMinBytes?: number;
}

type Callback<T = void> = (error?: Error | null, result?: T) => void;

interface PendingWrite {
  ops: LogOp[];
  callback: Callback;
}

/** Folders open in this process: a second store on the same folder would append to the same log. */
const openFolders = new Set<string>();

/**
 * A pure-JavaScript, persistent abstract-leveldown (v6) store: an append-only log of batches,
 * each group of batches written as one record and fdatasync'd before any of their callbacks run,
 * plus an in-memory ordered index of the keys. The index changes only after the disk has the
 * batch, so memory never runs ahead of the disk. When more than half of the log is dead bytes
 * (overwritten or deleted values) it is rewritten into a fresh file.
 */
export class LogDown extends AbstractLevelDOWN {
  readonly location: string;
  private readonly inlineLimit: number;
  private readonly compactMinBytes: number;
  index: Index = emptyIndex();
  // Set by _open; every method that reads it runs only on an open store.
  segment!: LogSegment;
  private liveBytes = 0;
  private queue: PendingWrite[] = [];
  private busy = false;
  private compactRequests: Callback[] = [];
  private drained: Array<() => void> = [];
  private compactionError: Error | null = null;

  constructor(location: string, options: LogDownOptions = {}) {
    super({
      bufferKeys: true,
      snapshots: true,
      permanence: true,
      seek: true,
      clear: true,
      createIfMissing: true,
      errorIfExists: true,
      additionalMethods: { compact: true },
    });
    this.location = path.resolve(location);
    this.inlineLimit = options.inlineLimit ?? 4096;
    this.compactMinBytes = options.compactMinBytes ?? 8 << 20;
  }

  /** Removes a store's files (PouchDB's destroy calls this on the factory). */
  static async destroy(location: string): Promise<void> {
    const folder = path.resolve(location);
    if (openFolders.has(folder)) throw new Error(`The replica at ${folder} is open; close it before deleting it.`);
    await rm(folder, { recursive: true, force: true });
  }

  /** Bytes in the log that no key points to any more. */
  get deadBytes(): number {
    return this.segment.size - this.liveBytes;
  }

  protected override _serializeKey(key: unknown): Buffer {
    return Buffer.isBuffer(key) ? key : Buffer.from(String(key));
  }

  protected override _serializeValue(value: unknown): Buffer {
    return Buffer.isBuffer(value) ? value : Buffer.from(String(value));
  }

  protected override _open(options: { createIfMissing?: boolean; errorIfExists?: boolean }, callback: Callback): void {
    this.openStore(options.createIfMissing !== false, options.errorIfExists === true).then(() => callback(), callback);
  }

  private async openStore(createIfMissing: boolean, errorIfExists: boolean): Promise<void> {
    if (openFolders.has(this.location)) throw new Error(`The replica at ${this.location} is already open in this process.`);
    openFolders.add(this.location);
    try {
      const exists = await stat(this.location).then((s) => s.isDirectory(), () => false);
      if (!exists && !createIfMissing) throw new Error(`${this.location} does not exist (createIfMissing is false)`);
      await mkdir(this.location, { recursive: true });
      const generation = await settleLogFolder(this.location);
      if (generation !== null && errorIfExists) throw new Error(`${this.location} exists (errorIfExists is true)`);
      if (generation === null) {
        if (!createIfMissing) throw new Error(`${this.location} does not exist (createIfMissing is false)`);
        this.segment = await LogSegment.create(logPath(this.location, 1));
        await syncFolder(this.segment.path);
        this.index = emptyIndex();
        this.liveBytes = 0;
      } else {
        this.segment = await LogSegment.open(logPath(this.location, generation));
        await this.replay();
      }
      if (this.worthCompacting()) await this.compactNow();
    } catch (error) {
      await this.segment?.close().catch(() => undefined);
      openFolders.delete(this.location);
      throw error;
    }
  }

  private async replay(): Promise<void> {
    let index = emptyIndex();
    let live = 0;
    const segment = this.segment;
    await segment.replay((op, valueOffset) => {
      const previous = index.get(op.key);
      if (previous) {
        live -= opSize(op.key.length, previous.length);
        index = index.remove(op.key);
      }
      if (op.type === 'put' && op.value) {
        // Copies: the decoded views point into the reader's 1 MB window.
        const key = Buffer.from(op.key);
        const inline = op.value.length <= this.inlineLimit ? Buffer.from(op.value) : null;
        index = index.insert(key, { inline, segment, offset: valueOffset, length: op.value.length });
        live += opSize(key.length, op.value.length);
      }
    });
    this.index = index;
    this.liveBytes = live;
  }

  protected override _close(callback: Callback): void {
    this.closeStore().then(() => callback(), callback);
  }

  private async closeStore(): Promise<void> {
    await this.idle();
    this.segment.retire();
    await this.releaseIfIdle(this.segment, { deleteFile: false, force: true });
    openFolders.delete(this.location);
  }

  /** Resolves when no write or compaction is in flight. */
  private idle(): Promise<void> {
    if (!this.busy && this.queue.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.drained.push(resolve));
  }

  protected override _get(key: Buffer, options: { asBuffer?: boolean }, callback: Callback<Buffer | string>): void {
    const entry = this.index.get(key);
    if (!entry) {
      this._nextTick(() => callback(new Error('NotFound')));
      return;
    }
    const send = (value: Buffer): void => callback(null, options.asBuffer === false ? value.toString() : value);
    if (entry.inline) {
      const inline = entry.inline;
      this._nextTick(() => send(inline));
    } else {
      this.readValue(entry).then(send, callback);
    }
  }

  /** Reads a value kept on disk, holding its segment open for the read. */
  async readValue(entry: Entry): Promise<Buffer> {
    if (entry.inline) return entry.inline;
    this.pin(entry.segment);
    try {
      return await entry.segment.read(entry.offset, entry.length);
    } finally {
      this.unpin(entry.segment);
    }
  }

  pin(segment: LogSegment): void {
    segment.pins += 1;
  }

  unpin(segment: LogSegment): void {
    segment.pins -= 1;
    void this.releaseIfIdle(segment, { deleteFile: segment !== this.segment, force: false });
  }

  /** Closes a retired segment nobody reads any more; a compacted-away one is deleted too. */
  private async releaseIfIdle(segment: LogSegment, { deleteFile, force }: { deleteFile: boolean; force: boolean }): Promise<void> {
    if (!segment.idle && !(force && segment.isRetired)) return;
    await segment.close();
    // A leftover old generation is harmless: the next open removes it.
    if (deleteFile) await unlink(segment.path).catch(() => undefined);
  }

  protected override _put(key: Buffer, value: Buffer, _options: object, callback: Callback): void {
    this.enqueue([{ type: 'put', key, value }], callback);
  }

  protected override _del(key: Buffer, _options: object, callback: Callback): void {
    this.enqueue([{ type: 'del', key }], callback);
  }

  protected override _batch(ops: BatchOp[], _options: object, callback: Callback): void {
    const logOps: LogOp[] = ops.map((op) =>
      op.type === 'put' ? { type: 'put', key: op.key, value: op.value ?? Buffer.alloc(0) } : { type: 'del', key: op.key });
    if (logOps.length === 0) {
      this._nextTick(() => callback());
      return;
    }
    this.enqueue(logOps, callback);
  }

  /** Deletes a range as one batch (abstract-leveldown's default deletes key by key, one fsync each). */
  protected override _clear(options: IteratorOptions, callback: Callback): void {
    const range = new LogIterator(this, this, { ...options, keys: true, values: false });
    const keys: Buffer[] = [];
    for (let found = range.nextEntry(); found; found = range.nextEntry()) keys.push(found[0]);
    range.release();
    if (keys.length === 0) this._nextTick(() => callback());
    else this.enqueue(keys.map((key) => ({ type: 'del', key })), callback);
  }

  protected override _iterator(options: IteratorOptions): LogIterator {
    return new LogIterator(this, this, options);
  }

  private enqueue(ops: LogOp[], callback: Callback): void {
    this.queue.push({ ops, callback });
    void this.pump();
  }

  /**
   * The one loop that touches the file, so writes and compactions never overlap. Group commit:
   * everything queued while the previous fdatasync ran goes out as one record with one
   * fdatasync, so many small concurrent batches (PouchDB's replication writes) cost one sync.
   */
  private async pump(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      for (;;) {
        if (this.compactRequests.length > 0) {
          const requests = this.compactRequests;
          this.compactRequests = [];
          const failure = await this.compactNow().then(() => null, (error: Error) => error);
          for (const callback of requests) callback(failure);
          continue;
        }
        if (this.queue.length === 0) break;
        await this.writeGroup();
        if (this.worthCompacting()) {
          await this.compactNow().catch((error: Error) => {
            this.compactionError = error;
          });
        }
      }
    } finally {
      this.busy = false;
      const waiting = this.drained;
      this.drained = [];
      for (const resolve of waiting) resolve();
    }
  }

  private async writeGroup(): Promise<void> {
    const group = this.queue;
    this.queue = [];
    const ops = group.flatMap((write) => write.ops);
    let failure: Error | null = null;
    try {
      const record = encodeRecord(ops);
      const at = await this.segment.append(record.bytes);
      this.apply(ops, record.valueOffsets, at);
    } catch (error) {
      failure = error as Error;
    }
    for (const write of group) write.callback(failure);
  }

  private apply(ops: readonly LogOp[], valueOffsets: readonly number[], recordAt: number): void {
    const segment = this.segment;
    let index = this.index;
    ops.forEach((op, i) => {
      const previous = index.get(op.key);
      if (previous) {
        this.liveBytes -= opSize(op.key.length, previous.length);
        index = index.remove(op.key);
      }
      if (op.type === 'put') {
        // The caller may reuse its buffers; the index keeps its own copies of small ones.
        const key = Buffer.from(op.key);
        const inline = op.value.length <= this.inlineLimit ? Buffer.from(op.value) : null;
        index = index.insert(key, { inline, segment, offset: recordAt + (valueOffsets[i] ?? 0), length: op.value.length });
        this.liveBytes += opSize(key.length, op.value.length);
      }
    });
    this.index = index;
  }

  private worthCompacting(): boolean {
    return this.segment.size >= this.compactMinBytes && this.deadBytes > this.segment.size / 2;
  }

  /** Rewrites the log into a fresh file now, whatever its dead bytes. */
  compact(callback: Callback): void {
    this.compactRequests.push(callback);
    void this.pump();
  }

  private async compactNow(): Promise<void> {
    const old = this.segment;
    const next = await writeCompactedLog(this.index, (entry) => this.readValue(entry), logPath(this.location, generationOf(old.path) + 1), this.inlineLimit);
    this.segment = next.segment;
    this.index = next.index;
    this.liveBytes = next.liveBytes;
    old.retire();
    await this.releaseIfIdle(old, { deleteFile: true, force: false });
  }

  /** A compaction that failed in the background (the old log stays in use; nothing is lost). */
  get lastCompactionError(): Error | null {
    return this.compactionError;
  }
}
