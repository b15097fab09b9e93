import { promises as fs } from 'node:fs';
import type { Adapter } from 'lowdb';
import { z } from 'zod';
import { DossierError } from '../../common/errors';
import { writeFileDurable } from './durableFile';

/** The schema version this Dossier writes. Every bump ships a migration and a fixture test. */
export const SCHEMA_VERSION = 2;

export const FileHeader = z.object({ schemaVersion: z.number().int().positive(), kind: z.string() });

/**
 * A lowdb adapter for one workspace file: validates on read (a file that fails to parse or
 * validate raises an error naming it and is never written over) and writes durably. Writes are
 * serialised by the DurableDocument that owns the file, not here.
 */
export class SchemaFileAdapter<T extends { schemaVersion: number; kind: string }> implements Adapter<T> {
  constructor(
    readonly file: string,
    private readonly kind: string,
    private readonly schema: z.ZodType<T>,
  ) {}

  async read(): Promise<T | null> {
    let raw: string;
    try {
      raw = await fs.readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw new DossierError('corrupt-file', `Cannot read ${this.file}: ${(error as Error).message}`, this.file);
    }
    return parseSchemaFile(raw, this.file, this.kind, this.schema);
  }

  write(data: T): Promise<void> {
    return writeFileDurable(this.file, `${JSON.stringify(data, null, 2)}\n`);
  }
}

export function parseSchemaFile<T>(raw: string, file: string, kind: string, schema: z.ZodType<T>): T {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (error) {
    // V8 quotes the offending text, line breaks included; an error message stays one line.
    const detail = (error as Error).message.replace(/\s+/g, ' ');
    throw new DossierError('corrupt-file', `${file} is damaged and was left untouched (not valid JSON: ${detail}).`, file);
  }
  const header = FileHeader.safeParse(json);
  if (!header.success || header.data.kind !== kind) {
    throw new DossierError('corrupt-file', `${file} is not a Dossier ${kind} file; it was left untouched.`, file);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    if (header.data.schemaVersion > SCHEMA_VERSION) {
      // Newer files that still validate are read (read-only); ones that do not are never touched.
      throw new DossierError(
        'read-only',
        `${file} was written by a newer Dossier (schema ${header.data.schemaVersion}; this one reads up to ${SCHEMA_VERSION}). Update Dossier to open it.`,
        file,
      );
    }
    const issue = parsed.error.issues[0];
    const where = issue ? `${issue.path.join('.') || '(root)'}: ${issue.message}` : 'invalid content';
    throw new DossierError('corrupt-file', `${file} is damaged and was left untouched (${where}).`, file);
  }
  return parsed.data;
}
