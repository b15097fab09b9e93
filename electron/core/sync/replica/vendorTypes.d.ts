// The few shapes of the level and PouchDB packages this folder uses; none of them ship types.

declare module 'functional-red-black-tree' {
  namespace createRBTree {
    interface Iterator<K, V> {
      readonly valid: boolean;
      readonly key: K;
      readonly value: V;
      next(): void;
      prev(): void;
    }
    interface Tree<K, V> {
      readonly length: number;
      readonly begin: Iterator<K, V>;
      readonly end: Iterator<K, V>;
      get(key: K): V | undefined;
      find(key: K): Iterator<K, V>;
      insert(key: K, value: V): Tree<K, V>;
      remove(key: K): Tree<K, V>;
      ge(key: K): Iterator<K, V>;
      gt(key: K): Iterator<K, V>;
      le(key: K): Iterator<K, V>;
      lt(key: K): Iterator<K, V>;
      forEach(visit: (key: K, value: V) => unknown, lo?: K, hi?: K): unknown;
    }
  }
  function createRBTree<K, V>(compare: (a: K, b: K) => number): createRBTree.Tree<K, V>;
  export = createRBTree;
}

declare module 'abstract-leveldown' {
  type Callback<T = void> = (error: Error | null | undefined, result?: T) => void;
  export type Key = Buffer;

  export interface IteratorOptions {
    gt?: Buffer; gte?: Buffer; lt?: Buffer; lte?: Buffer; start?: Buffer; end?: Buffer;
    reverse: boolean; keys: boolean; values: boolean; limit: number;
    keyAsBuffer: boolean; valueAsBuffer: boolean;
  }

  export interface BatchOp { type: 'put' | 'del'; key: Buffer; value?: Buffer }

  export class AbstractIterator {
    constructor(db: AbstractLevelDOWN);
    db: AbstractLevelDOWN;
    // Buffers or strings, as keyAsBuffer/valueAsBuffer asked: the caller knows which.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    next(callback: (error: Error | null, key?: any, value?: any) => void): void;
    seek(target: Buffer | string): void;
    end(callback: Callback): void;
    protected _next(callback: (error?: Error | null, key?: Buffer | string, value?: Buffer | string) => void): void;
    protected _seek(target: Buffer): void;
    protected _end(callback: (error?: Error | null) => void): void;
    protected _nextTick(fn: () => void): void;
  }

  export class AbstractLevelDOWN {
    constructor(manifest?: Record<string, unknown>);
    readonly status: string;
    readonly supports: Record<string, unknown>;
    open(options: Record<string, unknown>, callback: Callback): void;
    open(callback: Callback): void;
    close(callback: Callback): void;
    get(key: Buffer | string, callback: Callback<Buffer>): void;
    get(key: Buffer | string, options: { asBuffer?: boolean }, callback: Callback<Buffer | string>): void;
    put(key: Buffer | string, value: Buffer | string, callback: Callback): void;
    del(key: Buffer | string, callback: Callback): void;
    batch(ops: Array<{ type: 'put' | 'del'; key: Buffer | string; value?: Buffer | string }>, callback: Callback): void;
    iterator(options?: Partial<IteratorOptions> & { gt?: Buffer | string; gte?: Buffer | string; lt?: Buffer | string; lte?: Buffer | string }): AbstractIterator;
    protected _open(options: { createIfMissing?: boolean; errorIfExists?: boolean }, callback: Callback): void;
    protected _close(callback: Callback): void;
    protected _get(key: Buffer, options: { asBuffer?: boolean }, callback: Callback<Buffer | string>): void;
    protected _put(key: Buffer, value: Buffer, options: object, callback: Callback): void;
    protected _del(key: Buffer, options: object, callback: Callback): void;
    protected _batch(ops: BatchOp[], options: object, callback: Callback): void;
    protected _clear(options: IteratorOptions, callback: Callback): void;
    protected _iterator(options: IteratorOptions): AbstractIterator;
    protected _serializeKey(key: unknown): unknown;
    protected _serializeValue(value: unknown): unknown;
    protected _nextTick(fn: () => void): void;
  }
}

declare module 'abstract-leveldown/test/index.js' {
  function suite(options: { test: unknown; factory: () => unknown; [option: string]: unknown }): void;
  export = suite;
}

declare module 'pouchdb-adapter-leveldb-core' {
  function CoreLevelPouch(this: unknown, options: object, callback: (error: Error | null) => void): void;
  export = CoreLevelPouch;
}

declare module 'pouchdb-core' {
  // Typed where it is used (pouchTypes.ts): these declarations cannot import a local module.
  const PouchDB: unknown;
  export = PouchDB;
}

declare module 'pouchdb-adapter-http' {
  const plugin: unknown;
  export = plugin;
}

declare module 'pouchdb-replication' {
  const plugin: unknown;
  export = plugin;
}
