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
    private readonly onNewer?: NewerFileListener,
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
    return (await new SchemaFileAdapter(file, kind.kind, kind.schema, this.onNewer).read()) ?? kind.empty(owner);
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
      doc = DurableDocument.open(file, new SchemaFileAdapter(file, kind.kind, kind.schema, this.onNewer), this.queue, () => kind.empty(owner));
      doc.catch(() => this.open.delete(file));
      this.open.set(file, doc as Promise<DurableDocument<unknown>>);
    }
    return doc;
  }
}
