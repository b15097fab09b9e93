import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { isDossierError } from '../../common/errors';
import { BRIEFS } from '../briefs/briefDocuments';
import { ENTITIES, MENTIONS } from '../entities/entityDocuments';
import { GRAPH } from '../graph/graphDocuments';
import { NOTES_INDEX, NoteBodyFile, NoteRevisionsFile } from '../notes/noteDocuments';
import { RELATIONS } from '../relations/relationDocuments';
import { TEMP_FILE } from '../store/durableFile';
import { AnnotationsFile, ArticleFile, FILE_NAMES, LibraryFile, TextFile, WorkspaceFile } from '../store/files';
import { parseSchemaFile } from '../store/schemaFile';
import { TIMELINE } from '../timeline/timelineDocuments';
import { FOLDING_FILE, LOG_FILE } from '../store/writeAheadLog';
import { BACKUPS_DIR } from './snapshotManifest';
import { isJsonObject } from '../store/jsonLines';

/**
 * An encrypted workspace's key file and record of file versions: a backup restoring an older one
 * would bring back a passphrase changed since, or forget newer versions (docs/ENCRYPTION.md).
 */
const ENCRYPTION_FILES = ['keys.json', 'generations.json', 'convert.json'];

/** A file of the workspace as the folder shows it now. */
export interface FileStat {
  size: number;
  mtimeMs: number;
  ino: number;
  mode: number;
}

/**
 * Top-level entries that backups leave out: backups themselves, quarantined files, derived data
 * (rebuilt from the rest), the lock and the write-ahead logs (folded into the files before a
 * backup reads them).
 */
const LEFT_OUT = new Set([BACKUPS_DIR, 'quarantine', FILE_NAMES.derived, FILE_NAMES.sync, FILE_NAMES.lock, LOG_FILE, FOLDING_FILE, ...ENCRYPTION_FILES]);

/** Every file a backup keeps, by '/'-separated path relative to the workspace. */
export async function scanWorkspace(root: string): Promise<Map<string, FileStat>> {
  const files = new Map<string, FileStat>();
  const walk = async (rel: string): Promise<void> => {
    const entries = await fs.readdir(path.join(root, rel), { withFileTypes: true }).catch(() => []);
    const folders: string[] = [];
    const names: string[] = [];
    for (const entry of entries) {
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      if ((!rel && LEFT_OUT.has(entry.name)) || TEMP_FILE.test(entry.name)) continue;
      if (entry.isDirectory()) folders.push(child);
      else if (entry.isFile()) names.push(child);
    }
    await Promise.all(
      names.map(async (name) => {
        const stat = await fs.stat(path.join(root, name)).catch(() => null);
        if (stat) files.set(name, { size: stat.size, mtimeMs: stat.mtimeMs, ino: stat.ino, mode: stat.mode & 0o777 });
      }),
    );
    // Folders a few at a time: 10,000 article folders at once would open too many files.
    for (let i = 0; i < folders.length; i += 32) await Promise.all(folders.slice(i, i + 32).map(walk));
  };
  await walk('');
  return files;
}

export function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Files whose bytes the store never rewrites once written (originals): large, so a backup clones them where it can. */
export function isImmutable(rel: string): boolean {
  return /^articles\/[^/]+\/v\d+\/(?!text\.json$)[^/]+$/.test(rel);
}

type Schema = { kind: string; schema: z.ZodType<unknown> };

/** The schema each kind of workspace file must fit, by its path. */
function schemaOf(rel: string): Schema | null {
  if (rel === FILE_NAMES.workspace) return { kind: 'workspace', schema: WorkspaceFile };
  if (rel === FILE_NAMES.library) return { kind: 'library', schema: LibraryFile };
  if (rel === ENTITIES.file) return ENTITIES;
  if (rel === BRIEFS.file) return BRIEFS;
  if (rel === RELATIONS.file) return RELATIONS;
  if (rel === GRAPH.file) return GRAPH;
  if (rel === NOTES_INDEX.file) return NOTES_INDEX;
  if (/^notes\/note_[^/]+\.json$/.test(rel)) return { kind: 'note', schema: NoteBodyFile };
  if (/^notes\/revisions\/note_[^/]+\.json$/.test(rel)) return { kind: 'note-revisions', schema: NoteRevisionsFile };
  const inArticle = /^articles\/[^/]+\/(.+)$/.exec(rel)?.[1];
  if (inArticle === FILE_NAMES.article) return { kind: 'article', schema: ArticleFile };
  if (inArticle === FILE_NAMES.annotations) return { kind: 'annotations', schema: AnnotationsFile };
  if (inArticle === MENTIONS.file) return MENTIONS;
  if (inArticle === TIMELINE.file) return TIMELINE;
  if (inArticle && /^v\d+\/text\.json$/.test(inArticle)) return { kind: 'text', schema: TextFile };
  return null;
}

/**
 * What is wrong with a file's bytes, or null when a backup may keep them: each JSON file must fit
 * its schema, every history line must be whole, and an article's original must still match the
 * SHA-256 recorded when it was imported (`recordedSha256`, when known).
 */
export function problemWith(rel: string, bytes: Buffer, recordedSha256?: string | null): string | null {
  const schema = schemaOf(rel);
  const file = rel;
  if (schema) {
    try {
      parseSchemaFile(bytes.toString('utf8'), file, schema.kind, schema.schema);
      return null;
    } catch (error) {
      // A newer Dossier's file is not damaged, but this one cannot vouch for it either.
      return isDossierError(error) ? error.message : String(error);
    }
  }
  if (rel.endsWith('.jsonl')) {
    const text = bytes.toString('utf8');
    if (text !== '' && !text.endsWith('\n')) return 'ends with a line cut short by a crash';
    const bad = text.split('\n').slice(0, -1).findIndex((line) => !isJsonObject(line));
    return bad === -1 ? null : `line ${bad + 1} is not a JSON record`;
  }
  if (rel.endsWith('.json')) {
    try {
      JSON.parse(bytes.toString('utf8'));
      return null;
    } catch (error) {
      return `is not valid JSON (${(error as Error).message})`;
    }
  }
  if (recordedSha256 && sha256Of(bytes) !== recordedSha256) return 'does not match the SHA-256 recorded when it was imported';
  return null;
}
