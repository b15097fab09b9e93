import type { Adapter } from 'lowdb';
import type { KeyedQueue } from './durableFile';
import type { LogWrite } from './writeAheadLog';

/** lowdb's adapter, able to save other writes of the same change with the file. */
export interface TransactionalAdapter<T> extends Adapter<T> {
  write(data: T, alongside?: LogWrite[]): Promise<void>;
}

/**
 * One JSON file held in memory, changed copy-on-write: the next value is built on a copy, written
 * durably through the file's lowdb adapter, and only then becomes the value readers see. Memory
 * therefore never runs ahead of the disk: a failed write leaves both as they were. Changes to one
 * file are serialised through the store's one queue, keyed by the file's path.
 */
export class DurableDocument<T> {
  private constructor(
    readonly file: string,
    private readonly adapter: TransactionalAdapter<T>,
    private readonly queue: KeyedQueue,
    private value: T,
  ) {}

  /** Reads the file (its empty state when there is none yet); a damaged file raises an error naming it. */
  static async open<T>(file: string, adapter: TransactionalAdapter<T>, queue: KeyedQueue, empty: () => T): Promise<DurableDocument<T>> {
    return new DurableDocument(file, adapter, queue, (await adapter.read()) ?? empty());
  }

  /** A document whose current value is already known (just read or just written). */
  static of<T>(file: string, adapter: TransactionalAdapter<T>, queue: KeyedQueue, value: T): DurableDocument<T> {
    return new DurableDocument(file, adapter, queue, value);
  }

  /** The saved value. Treat it as read-only: changes go through `update`. */
  get data(): T {
    return this.value;
  }

  /**
   * Applies `change` to a copy, saves the copy durably (with `alongside`, in one transaction),
   * then makes it current; answers what `change` returned.
   */
  update<R>(change: (draft: T) => R, alongside?: LogWrite[]): Promise<R> {
    return this.queue.run(this.file, async () => {
      const draft = structuredClone(this.value);
      const result = change(draft);
      await this.adapter.write(draft, alongside);
      this.value = draft;
      return result;
    });
  }

  /** Saves the whole document as `next(current)` (built without changing the current value). */
  replace(next: T | ((current: T) => T)): Promise<void> {
    return this.queue.run(this.file, async () => {
      const value = typeof next === 'function' ? (next as (current: T) => T)(this.value) : next;
      await this.adapter.write(value);
      this.value = value;
    });
  }

  /** Takes a value that was made durable elsewhere (a restore's one transaction) as the current one. */
  adopt(value: T): Promise<void> {
    return this.queue.run(this.file, async () => {
      this.value = value;
    });
  }

  /**
   * A change saved somewhere other than the file (a journal line beside it): `save` makes it
   * durable and answers the new value, which becomes current only then.
   */
  journal(save: (current: T) => Promise<T>): Promise<void> {
    return this.queue.run(this.file, async () => {
      this.value = await save(this.value);
    });
  }
}
