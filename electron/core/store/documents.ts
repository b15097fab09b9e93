import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { DurableDocument } from './durableDocument';
import type { KeyedQueue } from './durableFile';
import { DossierError, isDossierError, phrase } from '../../common/errors';
import { journalFileOf, readJournal, withRecord, type RecordList } from './recordJournal';
import { assertReplaceable, SCHEMA_VERSION, SchemaFileAdapter, type NewerFileListener } from './schemaFile';
import type { LogWrite, WriteAheadLog } from './writeAheadLog';

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
  /**
   * What to do when the file is damaged (it does not parse or fit its schema): rebuild it from
   * elsewhere, having moved the damaged file aside, with a notice for the user. Only the writer
   * asks; without it, or when it answers null, the damage is an error naming the file.
   */
  whenDamaged?(file: string, owner: string | null): Promise<{ value: T; notice: string } | null>;
  /** A list of records by id whose single records may be saved alone (see recordJournal.ts). */
  records?: RecordList<T>;
}

export interface DocumentListeners {
  /** A file of a newer Dossier was read. */
  onNewer?: NewerFileListener;
  /** Something to tell the user once (a missing index rebuilt from the files it lists). */
  /** `file`: the damaged or missing file the notice is about, when there is one. */
  onNotice?: (notice: string, file?: string) => void;
}

type Header = { schemaVersion: number; kind: string };

/**
 * The workspace's JSON documents by path (entities.json, notes/<id>.json, an article's
 * mentions.json …): each read once, validated, then served from memory and changed copy-on-write.
 * A damaged file is not kept, so it is named again on the next use (and may have been repaired).
 */
export class DocumentStore {
  private readonly open = new Map<string, Promise<DurableDocument<unknown>>>();
  /** Journaled files known to exist (on disk or in the log), so a record change has a file to apply to. */
  private readonly persisted = new Set<string>();

  constructor(
    private readonly queue: KeyedQueue,
    private readonly log: WriteAheadLog,
    private readonly listeners: DocumentListeners = {},
    /** Whether this store may write (a reader without the lock never mends a journal). */
    private readonly writable = true,
  ) {}

  async read<T extends Header>(file: string, kind: DocumentKind<T>, owner: string | null): Promise<T> {
    return (await this.document(file, kind, owner)).data;
  }

  /** Changes the document on a copy and saves it, with `alongside` in the same transaction. */
  async update<T extends Header, R>(file: string, kind: DocumentKind<T>, owner: string | null, change: (draft: T) => R, alongside?: LogWrite[]): Promise<R> {
    const doc = await this.document(file, kind, owner);
    const result = await doc.update(change, alongside);
    this.persisted.add(file);
    return result;
  }

  /**
   * Puts one record of a journaled document (null removes it): a line naming that record, not a
   * rewrite of the whole file (notes.json holds every note's summary: 11 MB at 20,000 notes).
   */
  async putRecord<T extends Header>(file: string, kind: DocumentKind<T>, owner: string | null, id: string, record: { id: string } | null): Promise<void> {
    await this.putRecords(file, kind, owner, [{ id, record }]);
  }

  /** Puts several records, in order, with `alongside`, as one transaction. */
  async putRecords<T extends Header>(
    file: string,
    kind: DocumentKind<T>,
    owner: string | null,
    puts: readonly { id: string; record: { id: string } | null }[],
    alongside: LogWrite[] = [],
  ): Promise<void> {
    const records = kind.records;
    if (!records) throw new DossierError('internal', `${kind.kind} documents have no journal.`);
    const doc = await this.document(file, kind, owner);
    const apply = (value: T) => puts.reduce((next, { id, record }) => withRecord(records, next, id, record), value);
    if (!this.persisted.has(file) || doc.data.schemaVersion > SCHEMA_VERSION) {
      // The first save of a document that is not on disk yet writes it whole (and a newer
      // Dossier's file is refused by its adapter, which knows why).
      await this.update(file, kind, owner, (draft) => Object.assign(draft, apply(draft)), alongside);
      return;
    }
    await assertReplaceable(file);
    await doc.journal(async (current) => {
      await this.log.commit([...puts.map(({ id, record }) => ({ op: 'record' as const, file, property: records.property, id, record })), ...alongside]);
      return apply(current);
    });
  }

  /**
   * The document as saved, without keeping it in memory when it is not open already: for reading
   * the whole workspace once (rebuilding the search index) without holding all of it.
   */
  async peek<T extends Header>(file: string, kind: DocumentKind<T>, owner: string | null): Promise<T> {
    const open = this.open.get(file) as Promise<DurableDocument<T>> | undefined;
    if (open) return (await open).data;
    return (await this.load(file, kind, owner, new SchemaFileAdapter(file, kind.kind, kind.schema, this.listeners.onNewer, this.log))).value ?? kind.empty(owner);
  }

  /** Puts a document back into a saved state (undo and redo of document-level changes). */
  async replace<T extends Header>(file: string, kind: DocumentKind<T>, owner: string | null, value: T): Promise<void> {
    const doc = await this.document(file, kind, owner);
    await doc.replace(structuredClone(value));
    this.persisted.add(file);
  }

  /**
   * Forgets documents whose saved state changed behind memory (a restore rewrote them, or a
   * transaction that changed them failed): the next use reads them as the disk and log say.
   * `written`: they are now saved whole (else whether they exist is found out again).
   */
  forget(files: Iterable<string>, written: boolean): void {
    for (const file of files) {
      this.open.delete(file);
      if (written) this.persisted.add(file);
      else this.persisted.delete(file);
    }
  }

  private document<T extends Header>(file: string, kind: DocumentKind<T>, owner: string | null): Promise<DurableDocument<T>> {
    let doc = this.open.get(file) as Promise<DurableDocument<T>> | undefined;
    if (!doc) {
      const adapter = new SchemaFileAdapter(file, kind.kind, kind.schema, this.listeners.onNewer, this.log);
      doc = this.load(file, kind, owner, adapter, this.writable).then(async (loaded) => {
        // A rebuilt value is not on disk yet: its first save writes it whole.
        if (await adapter.exists()) this.persisted.add(file);
        const opened = DurableDocument.of(file, adapter, this.queue, loaded.value ?? kind.empty(owner));
        if (loaded.rebuilt && this.writable) {
          // A rebuilt file is saved at once: the damaged one is no longer there to fall back on.
          await opened.replace(opened.data);
          this.persisted.add(file);
        }
        if (loaded.legacyJournal && this.writable) {
          // Lines of the journal beside the file (written by an earlier Dossier) are saved into
          // the file through the log, then that journal goes: its sequence numbers are in the file.
          await opened.replace(opened.data);
          this.persisted.add(file);
          await fs.rm(loaded.legacyJournal, { force: true });
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
   * `legacyJournal` names a journal of single records beside the file that still held lines.
   */
  private async load<T extends Header>(
    file: string,
    kind: DocumentKind<T>,
    owner: string | null,
    adapter: SchemaFileAdapter<T>,
    /** Whether a damaged file may be rebuilt (only for a document kept open, which saves it at once). */
    repair = false,
  ): Promise<{ value: T | null; legacyJournal: string | null; rebuilt?: boolean }> {
    let base: T | null;
    try {
      base = await this.loadFile(file, kind, owner, adapter);
    } catch (error) {
      const rebuilt = repair && isDossierError(error) && error.code === 'corrupt-file' && error.file === file ? await kind.whenDamaged?.(file, owner) : null;
      if (!rebuilt) throw error;
      this.listeners.onNotice?.(rebuilt.notice, file);
      return { value: rebuilt.value, legacyJournal: null, rebuilt: true };
    }
    const records = kind.records;
    if (!records) return { value: base, legacyJournal: null };
    const journal = journalFileOf(file);
    const start = base ?? kind.empty(owner);
    const { lines, seq } = records.legacyJournal ? await readJournal(journal, records.seq(start)) : { lines: [], seq: 0 };
    if (lines.length === 0) return { value: base, legacyJournal: null };
    let value = start;
    for (const line of lines) value = withRecord(records, value, line.id, line.record);
    const parsed = kind.schema.safeParse(records.withList(value, records.list(value), seq));
    if (!parsed.success) {
      throw new DossierError('corrupt-file', phrase('store.journalMisfit', { file: journal, name: path.basename(file) }), journal);
    }
    return { value: parsed.data, legacyJournal: journal };
  }

  private async loadFile<T extends Header>(file: string, kind: DocumentKind<T>, owner: string | null, adapter: SchemaFileAdapter<T>): Promise<T | null> {
    const value = await adapter.read();
    if (value !== null || !kind.whenMissing) return value;
    const rebuilt = await kind.whenMissing(file, owner);
    if (!rebuilt) return null;
    this.listeners.onNotice?.(rebuilt.notice, file);
    return rebuilt.value;
  }
}
