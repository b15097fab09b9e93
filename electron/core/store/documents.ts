import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { DurableDocument } from './durableDocument';
import type { KeyedQueue } from './durableFile';
import { DossierError } from '../../common/errors';
import { appendJournalLine, clearJournal, journalFileOf, readJournal, withRecord, type RecordList } from './recordJournal';
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
  /** A list of records by id whose single records may change through a journal (see recordJournal.ts). */
  records?: RecordList<T>;
}

/** How long a journal waits after its last line before it is folded into its file. */
const FOLD_AFTER_MS = 2_000;

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
  /** Per journaled file: the last journal sequence, and a pending fold. */
  private readonly journals = new Map<string, { seq: number; timer: NodeJS.Timeout | null; fold: () => Promise<void> }>();

  constructor(
    private readonly queue: KeyedQueue,
    private readonly listeners: DocumentListeners = {},
    /** Whether this store may write (a reader without the lock never mends a journal). */
    private readonly writable = true,
  ) {}

  async read<T extends Header>(file: string, kind: DocumentKind<T>, owner: string | null): Promise<T> {
    return (await this.document(file, kind, owner)).data;
  }

  async update<T extends Header, R>(file: string, kind: DocumentKind<T>, owner: string | null, change: (draft: T) => R): Promise<R> {
    const doc = await this.document(file, kind, owner);
    // Documents may live in sub-folders (notes/<id>.json) that a new workspace does not have yet.
    await fs.mkdir(path.dirname(file), { recursive: true });
    const records = kind.records;
    if (!records) return doc.update(change);
    // The whole file is written: it holds every journal line so far, and says so.
    const journal = this.journals.get(file)!;
    return doc.update(
      (draft) => {
        const result = change(draft);
        Object.assign(draft, records.withList(draft, records.list(draft), journal.seq));
        return result;
      },
      () => clearJournal(journalFileOf(file)),
    );
  }

  /**
   * Puts one record of a journaled document (null removes it): one durable line in its journal,
   * folded into the file when idle. The change is current once the line is on disk.
   */
  async putRecord<T extends Header>(file: string, kind: DocumentKind<T>, owner: string | null, id: string, record: { id: string } | null): Promise<void> {
    const records = kind.records;
    if (!records) throw new DossierError('internal', `${kind.kind} documents have no journal.`);
    const doc = await this.document(file, kind, owner);
    const journal = this.journals.get(file)!;
    await fs.mkdir(path.dirname(file), { recursive: true });
    await doc.journal(async (current) => {
      const seq = journal.seq + 1;
      await appendJournalLine(journalFileOf(file), { seq, id, record });
      journal.seq = seq;
      return withRecord(records, current, id, record, records.seq(current));
    });
    if (journal.timer) clearTimeout(journal.timer);
    journal.timer = setTimeout(() => {
      journal.timer = null;
      void journal.fold().catch((error: unknown) => console.error(`Dossier: ${journalFileOf(file)} could not be folded into ${file}; it is kept and read again on open:`, error));
    }, FOLD_AFTER_MS);
    journal.timer.unref();
  }

  /** Folds every journal into its file now (on close): the files alone then hold everything. */
  async flush(): Promise<void> {
    for (const journal of this.journals.values()) {
      if (!journal.timer) continue;
      clearTimeout(journal.timer);
      journal.timer = null;
      await journal.fold();
    }
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
    const records = kind.records;
    if (!records) return doc.replace(structuredClone(value));
    const journal = this.journals.get(file)!;
    await doc.replace(records.withList(structuredClone(value), records.list(value), journal.seq), () => clearJournal(journalFileOf(file)));
  }

  private document<T extends Header>(file: string, kind: DocumentKind<T>, owner: string | null): Promise<DurableDocument<T>> {
    let doc = this.open.get(file) as Promise<DurableDocument<T>> | undefined;
    if (!doc) {
      const adapter = new SchemaFileAdapter(file, kind.kind, kind.schema, this.listeners.onNewer);
      doc = this.load(file, kind, owner, adapter).then((value) => {
        const opened = DurableDocument.of(file, adapter, this.queue, value ?? kind.empty(owner));
        const records = kind.records;
        if (records) {
          const journal = this.journals.get(file)!;
          journal.fold = () => opened.replace((current) => records.withList(current, records.list(current), journal.seq), () => clearJournal(journalFileOf(file)));
        }
        return opened;
      });
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
    const base = await this.loadFile(file, kind, owner, adapter);
    const records = kind.records;
    if (!records) return base;
    // The journal's lines newer than the file are changes the file does not hold yet.
    const start = base ?? kind.empty(owner);
    const { lines, seq } = await readJournal(journalFileOf(file), records.seq(start), this.writable);
    if (!this.journals.has(file)) this.journals.set(file, { seq, timer: null, fold: async () => undefined });
    if (lines.length === 0) return base;
    let value = start;
    for (const line of lines) value = withRecord(records, value, line.id, line.record, records.seq(start));
    const parsed = kind.schema.safeParse(value);
    if (!parsed.success) {
      const journal = journalFileOf(file);
      throw new DossierError('corrupt-file', `${journal} is damaged and was left untouched (it does not fit ${path.basename(file)}).`, journal);
    }
    return parsed.data;
  }

  private async loadFile<T extends Header>(file: string, kind: DocumentKind<T>, owner: string | null, adapter: SchemaFileAdapter<T>): Promise<T | null> {
    const value = await adapter.read();
    if (value !== null || !kind.whenMissing) return value;
    const rebuilt = await kind.whenMissing(file, owner);
    if (!rebuilt) return null;
    this.listeners.onNotice?.(rebuilt.notice);
    return rebuilt.value;
  }
}
