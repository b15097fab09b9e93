import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { DurableDocument } from './durableDocument';
import type { KeyedQueue } from './durableFile';
import { SchemaFileAdapter, type NewerFileListener } from './schemaFile';

/** A kind of JSON document the store keeps: its file name, its `kind` header, its schema, its empty state. */
export interface DocumentKind<T extends { schemaVersion: number; kind: string }> {
  file: string;
  kind: string;
  schema: z.ZodType<T>;
  empty(owner: string | null): T;
  /**
   * What to do when the file does not exist, for a file other files say should: rebuild it (with
   * a notice for the user), or throw a 'corrupt-file' error naming it. Answers null when nothing
   * says it should exist, so the empty state is right. Without it, a missing file is empty.
   */
  whenMissing?(file: string, owner: string | null): Promise<{ value: T; notice: string } | null>;
}

export interface DocumentListeners {
  /** A file of a newer Dossier was read. */
  onNewer?: NewerFileListener;
  /** Something to tell the user once (a missing index rebuilt from the files it lists). */
  onNotice?: (notice: string) => void;
}

type Header = { schemaVersion: number; kind: string };

/**
 * The workspace's JSON documents by path (entities.json, notes/<id>.json, an article's
 * mentions.json …): each read once, validated, then served from memory and changed copy-on-write.
 * A damaged file is not kept, so it is named again on the next use (and may have been repaired).
 */
export class DocumentStore {
  private readonly open = new Map<string, Promise<DurableDocument<unknown>>>();

  constructor(
    private readonly queue: KeyedQueue,
    private readonly listeners: DocumentListeners = {},
  ) {}

  async read<T extends Header>(file: string, kind: DocumentKind<T>, owner: string | null): Promise<T> {
    return (await this.document(file, kind, owner)).data;
  }

  async update<T extends Header, R>(file: string, kind: DocumentKind<T>, owner: string | null, change: (draft: T) => R): Promise<R> {
    const doc = await this.document(file, kind, owner);
    // Documents may live in sub-folders (notes/<id>.json) that a new workspace does not have yet.
    await fs.mkdir(path.dirname(file), { recursive: true });
    return doc.update(change);
  }

  /**
   * The document as saved, without keeping it in memory when it is not open already: for reading
   * the whole workspace once (rebuilding the search index) without holding all of it.
   */
  async peek<T extends Header>(file: string, kind: DocumentKind<T>, owner: string | null): Promise<T> {
    const open = this.open.get(file) as Promise<DurableDocument<T>> | undefined;
    if (open) return (await open).data;
    return (await this.load(file, kind, owner, new SchemaFileAdapter(file, kind.kind, kind.schema, this.listeners.onNewer))) ?? kind.empty(owner);
  }

  /** Puts a document back into a saved state (undo and redo of document-level changes). */
  async replace<T extends Header>(file: string, kind: DocumentKind<T>, owner: string | null, value: T): Promise<void> {
    const doc = await this.document(file, kind, owner);
    await fs.mkdir(path.dirname(file), { recursive: true });
    await doc.replace(structuredClone(value));
  }

  private document<T extends Header>(file: string, kind: DocumentKind<T>, owner: string | null): Promise<DurableDocument<T>> {
    let doc = this.open.get(file) as Promise<DurableDocument<T>> | undefined;
    if (!doc) {
      const adapter = new SchemaFileAdapter(file, kind.kind, kind.schema, this.listeners.onNewer);
      doc = this.load(file, kind, owner, adapter).then((value) => DurableDocument.of(file, adapter, this.queue, value ?? kind.empty(owner)));
      doc.catch(() => this.open.delete(file));
      this.open.set(file, doc as Promise<DurableDocument<unknown>>);
    }
    return doc;
  }

  /**
   * The file's value; a missing file is rebuilt, reported, or null (its empty state). A rebuilt
   * value is saved by the next change, never by reading: a reader may be one without the lock.
   */
  private async load<T extends Header>(file: string, kind: DocumentKind<T>, owner: string | null, adapter: SchemaFileAdapter<T>): Promise<T | null> {
    const value = await adapter.read();
    if (value !== null || !kind.whenMissing) return value;
    const rebuilt = await kind.whenMissing(file, owner);
    if (!rebuilt) return null;
    this.listeners.onNotice?.(rebuilt.notice);
    return rebuilt.value;
  }
}
