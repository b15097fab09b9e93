import { Low } from 'lowdb';
import type { z } from 'zod';
import type { KeyedQueue } from './durableFile';
import { SchemaFileAdapter } from './schemaFile';

/** A kind of JSON document the store keeps: its file name, its `kind` header, its schema, its empty state. */
export interface DocumentKind<T extends { schemaVersion: number; kind: string }> {
  file: string;
  kind: string;
  schema: z.ZodType<T>;
  empty(owner: string | null): T;
}

/**
 * Open lowdb documents by path: read once, validated, then served from memory; a damaged file is
 * not cached, so it is named again on the next use.
 */
export class DocumentCache {
  private readonly open = new Map<string, Promise<Low<unknown>>>();

  constructor(private readonly queue: KeyedQueue) {}

  get<T extends { schemaVersion: number; kind: string }>(path: string, kind: DocumentKind<T>, owner: string | null): Promise<Low<T>> {
    let db = this.open.get(path) as Promise<Low<T>> | undefined;
    if (!db) {
      const low = new Low<T>(new SchemaFileAdapter(path, kind.kind, kind.schema, this.queue), kind.empty(owner));
      db = low.read().then(() => low);
      db.catch(() => this.open.delete(path));
      this.open.set(path, db as Promise<Low<unknown>>);
    }
    return db;
  }
}
