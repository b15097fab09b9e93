/**
 * The part of PouchDB's API that sync uses, typed here because the pouchdb-* packages ship no
 * types (the DefinitelyTyped ones describe PouchDB 6 and would be a new dependency). Extend it
 * as the sync service needs more.
 */
export interface PouchDoc {
  _id: string;
  _rev?: string;
  _deleted?: boolean;
  _conflicts?: string[];
  _attachments?: Record<string, PouchAttachment>;
  [field: string]: unknown;
}

export interface PouchAttachment {
  content_type: string;
  /** Base64 string or Buffer when sent; Buffer when read with `binary: true`. */
  data?: string | Buffer;
  digest?: string;
  length?: number;
  revpos?: number;
  stub?: boolean;
}

export interface PutResult { ok: boolean; id: string; rev: string }
export interface BulkResult { ok?: boolean; id?: string; rev?: string; error?: string; reason?: string; status?: number }

export interface PouchInfo { db_name: string; doc_count: number; update_seq: number | string; [field: string]: unknown }

export interface AllDocsResult {
  total_rows: number;
  offset: number;
  /** With `keys`, a row for an id never stored has `error` and no value; a deleted one a null doc. */
  rows: Array<{ id: string; key: string; value?: { rev: string; deleted?: boolean }; doc?: PouchDoc | null; error?: string }>;
}

export interface ChangesResult {
  results: Array<{ id: string; seq: number | string; changes: Array<{ rev: string }>; deleted?: boolean; doc?: PouchDoc }>;
  last_seq: number | string;
}

export interface ReplicationResult {
  ok: boolean;
  status?: string;
  docs_read: number;
  docs_written: number;
  doc_write_failures: number;
  errors: unknown[];
  last_seq?: number | string;
  start_time?: string;
  end_time?: string;
}

export interface SyncResult { push?: ReplicationResult; pull?: ReplicationResult }

export interface ReplicateOptions {
  live?: boolean;
  retry?: boolean;
  batch_size?: number;
  batches_limit?: number;
  checkpoint?: 'source' | 'target' | false;
  [option: string]: unknown;
}

/** An event emitter and a promise at once, as PouchDB's replicate and sync return. */
export interface Replication<R> extends PromiseLike<R> {
  on(event: 'change' | 'paused' | 'active' | 'denied' | 'complete' | 'error', listener: (info: unknown) => void): this;
  cancel(): void;
  catch<T = never>(onRejected: (reason: unknown) => T | PromiseLike<T>): Promise<R | T>;
}

export interface PouchDatabase {
  readonly name: string;
  info(): Promise<PouchInfo>;
  /** Every leaf revision (`open_revs: 'all'`), deleted ones too, each as `{ ok: doc }`. */
  get(id: string, options: { open_revs: 'all'; revs?: boolean }): Promise<{ ok?: PouchDoc }[]>;
  get(id: string, options?: { conflicts?: boolean; attachments?: boolean; binary?: boolean; rev?: string; revs?: boolean }): Promise<PouchDoc>;
  put(doc: PouchDoc, options?: { new_edits?: boolean }): Promise<PutResult>;
  remove(doc: PouchDoc): Promise<PutResult>;
  bulkDocs(docs: PouchDoc[], options?: { new_edits?: boolean }): Promise<BulkResult[]>;
  allDocs(options?: { include_docs?: boolean; conflicts?: boolean; attachments?: boolean; binary?: boolean; keys?: string[]; startkey?: string; endkey?: string; limit?: number; skip?: number }): Promise<AllDocsResult>;
  changes(options?: {
    since?: number | string;
    include_docs?: boolean;
    limit?: number;
    live?: false;
    conflicts?: boolean;
    attachments?: boolean;
    binary?: boolean;
  }): Promise<ChangesResult>;
  getAttachment(docId: string, attachmentId: string, options?: { rev?: string }): Promise<Buffer>;
  putAttachment(docId: string, attachmentId: string, rev: string, data: Buffer, type: string): Promise<PutResult>;
  compact(): Promise<unknown>;
  close(): Promise<void>;
  destroy(): Promise<unknown>;
  replicate: {
    to(target: PouchDatabase | string, options?: ReplicateOptions): Replication<ReplicationResult>;
    from(source: PouchDatabase | string, options?: ReplicateOptions): Replication<ReplicationResult>;
  };
  sync(other: PouchDatabase | string, options?: ReplicateOptions): Replication<SyncResult>;
}

export interface PouchStatic {
  new (name: string, options?: { adapter?: string; auth?: { username: string; password: string }; skip_setup?: boolean; [option: string]: unknown }): PouchDatabase;
  plugin(plugin: unknown): PouchStatic;
  adapter(name: string, adapter: unknown, addToPreferredAdapters?: boolean): void;
  adapters: Record<string, unknown>;
  /** The fetch the http adapter uses (Node's), for a custom fetch that adds headers. */
  fetch(url: string | Request, options?: RequestInit): Promise<Response>;
  replicate(source: PouchDatabase | string, target: PouchDatabase | string, options?: ReplicateOptions): Replication<ReplicationResult>;
  sync(a: PouchDatabase | string, b: PouchDatabase | string, options?: ReplicateOptions): Replication<SyncResult>;
}
