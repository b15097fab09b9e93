import { promises as fs } from 'node:fs';
import type { Adapter } from 'lowdb';
import { z } from 'zod';
import { DossierError, phrase, type Words, wordsOf } from '../../common/errors';
import { filesOf } from './fileAccess';
import type { LogWrite, WriteAheadLog } from './writeAheadLog';

/** The schema version this Dossier writes. Every bump ships a migration and a fixture test. */
export const SCHEMA_VERSION = 4;

export const FileHeader = z.object({ schemaVersion: z.number().int().positive(), kind: z.string() });

/** Told when a file written by a newer Dossier is read: the workspace goes read-only. */
export type NewerFileListener = (file: string, schemaVersion: number) => void;

/** Why a file written by a newer Dossier is not changed: it may hold what this one cannot read. */
export function newerFileReason(file: string, schemaVersion: number): Words {
  return phrase('workspace.newerFile', { file, schema: schemaVersion, ours: SCHEMA_VERSION });
}

/**
 * A lowdb adapter for one workspace file: validates on read (a file that fails to parse or
 * validate raises an error naming it and is never written over) and writes durably. A file of a
 * newer schema is read but never written: its fields this Dossier does not know would be lost.
 * Writes are serialised by the DurableDocument that owns the file, not here.
 */
export class SchemaFileAdapter<T extends { schemaVersion: number; kind: string }> implements Adapter<T> {
  /** The schema version of the file as read, when it is newer than this Dossier's. */
  private newer: number | null = null;

  constructor(
    readonly file: string,
    private readonly kind: string,
    private readonly schema: z.ZodType<T>,
    private readonly onNewer?: NewerFileListener,
    /** The workspace's write-ahead log: saves go through it, and reads see what it holds. */
    private readonly log?: WriteAheadLog,
  ) {}

  async read(): Promise<T | null> {
    let raw: string;
    try {
      raw = (await this.log?.read(this.file)) ?? (await filesOf(this.file).readText(this.file));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      if (error instanceof DossierError) throw error;
      throw new DossierError('corrupt-file', phrase('store.cannotRead', { file: this.file, reason: wordsOf(error) }), this.file);
    }
    const data = parseSchemaFile(raw, this.file, this.kind, this.schema);
    if (data.schemaVersion > SCHEMA_VERSION) {
      this.newer = data.schemaVersion;
      this.onNewer?.(this.file, data.schemaVersion);
    }
    return data;
  }

  /** Saves the file, and `alongside` in the same transaction (a history line of the same change). */
  write(data: T, alongside: LogWrite[] = []): Promise<void> {
    const newer = Math.max(this.newer ?? 0, data.schemaVersion);
    if (newer > SCHEMA_VERSION) return Promise.reject(new DossierError('read-only', newerFileReason(this.file, newer), this.file));
    const text = `${JSON.stringify(data, null, 2)}\n`;
    return assertReplaceable(this.file).then(() => {
      if (this.log) return this.log.commit([{ op: 'put', file: this.file, text }, ...alongside]);
      if (alongside.length > 0) return Promise.reject(new DossierError('internal', `${this.file} is written without a journal, so nothing can be saved with it.`));
      return filesOf(this.file).writeFileDurable(this.file, text);
    });
  }

  /** Whether the file is on disk or in the log (a record change needs a file to apply to). */
  async exists(): Promise<boolean> {
    if (this.log?.has(this.file)) return true;
    return fs.access(this.file).then(
      () => true,
      () => false,
    );
  }
}

/**
 * The schema version the file on disk says it has, if newer than this Dossier's: for files
 * rewritten whole without being held in memory (article.json), and the workspace's documents
 * looked at when it opens. Only the start of the file is read: Dossier writes `schemaVersion`
 * first, and a file that does not is read in full when it is used, as ever.
 */
export async function newerSchemaOnDisk(file: string): Promise<number | null> {
  let head: string;
  const files = filesOf(file);
  if (files.sealed) {
    // A sealed file authenticates only whole; its start decrypts alone, unchecked, which is enough
    // for this hint: the file is read whole and checked (its version too) when it is used.
    try {
      head = (await files.peekText?.(file, 512)) ?? (await files.readText(file)).slice(0, 512);
    } catch {
      return null;
    }
    const version = /^\s*\{\s*"schemaVersion"\s*:\s*(\d+)/.exec(head);
    return version && Number(version[1]) > SCHEMA_VERSION ? Number(version[1]) : null;
  }
  try {
    const handle = await fs.open(file, 'r');
    try {
      const buffer = Buffer.alloc(512);
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
      head = buffer.subarray(0, bytesRead).toString('utf8');
    } finally {
      await handle.close();
    }
  } catch {
    return null;
  }
  const version = /^\s*\{\s*"schemaVersion"\s*:\s*(\d+)/.exec(head);
  return version && Number(version[1]) > SCHEMA_VERSION ? Number(version[1]) : null;
}

export function parseSchemaFile<T>(raw: string, file: string, kind: string, schema: z.ZodType<T>): T {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (error) {
    // V8 quotes the offending text, line breaks included; an error message stays one line.
    const detail = (error as Error).message.replace(/\s+/g, ' ');
    throw new DossierError('corrupt-file', phrase('store.notJson', { file, detail }), file);
  }
  const header = FileHeader.safeParse(json);
  if (!header.success || header.data.kind !== kind) {
    throw new DossierError('corrupt-file', phrase('store.notKind', { file, kind }), file);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    if (header.data.schemaVersion > SCHEMA_VERSION) {
      // Newer files that still validate are read (read-only); ones that do not are never touched.
      throw new DossierError(
        'read-only',
        phrase('workspace.newerUnreadable', { file, schema: header.data.schemaVersion, ours: SCHEMA_VERSION }),
        file,
      );
    }
    const issue = parsed.error.issues[0];
    const where = issue ? `${issue.path.join('.') || '(root)'}: ${issue.message}` : 'invalid content';
    throw new DossierError('corrupt-file', phrase('store.damaged', { file, why: where }), file);
  }
  return parsed.data;
}

/**
 * A file the analyst made read-only (chmod 444, the read-only attribute) is never replaced: the
 * permission bits are read rather than asked of the system, which lets an administrator write anything.
 */
export async function assertReplaceable(file: string): Promise<void> {
  const stat = await fs.stat(file).catch(() => null);
  if (stat && (stat.mode & 0o222) === 0) {
    throw new DossierError('read-only', phrase('store.fileReadOnly', { file }), file);
  }
}
