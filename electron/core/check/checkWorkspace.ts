import { createHash } from 'node:crypto';
import { createReadStream, promises as fs } from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { isDossierError } from '../../common/errors';
import { ID_SHAPE } from '../../common/ids';
import type { ArticleMeta } from '../../common/model/article';
import { BRIEFS } from '../briefs/briefDocuments';
import { ENTITIES, MENTIONS } from '../entities/entityDocuments';
import { NOTE_REVISIONS_DIR, NOTES_INDEX, noteBody, noteRevisions } from '../notes/noteDocuments';
import { GRAPH } from '../graph/graphDocuments';
import { RELATIONS } from '../relations/relationDocuments';
import { readIndexFile } from '../search/indexFile';
import { TEMP_FILE } from '../store/durableFile';
import { TIMELINE } from '../timeline/timelineDocuments';
import { AnnotationsFile, ArticleFile, FILE_NAMES, LibraryFile, TextFile, WorkspaceFile } from '../store/files';
import { parseSchemaFile, SCHEMA_VERSION } from '../store/schemaFile';
import { FOLDING_FILE, LOG_FILE, WriteAheadLog } from '../store/writeAheadLog';
import { Backups } from '../snapshots/backups';
import { isJsonObject } from '../store/jsonLines';
import { pathExists } from '../store/pathExists';
import { accessFor, filesOf } from '../store/fileAccess';

/** One thing wrong with a workspace, as `dossier check` reports it. */
export interface Problem {
  /** The file, relative to the workspace folder (forward slashes). */
  file: string;
  problem: string;
  /** What `dossier check --repair` does about it, or what the analyst can do. */
  repair: string;
}

/** How `--repair` mends a problem; 'none' when it cannot (the report says what the analyst can do). */
export type RepairAction =
  | 'none'
  | 'rebuild-library'
  | 'rebuild-annotations'
  | 'quarantine'
  | 'cut-history'
  | 'remove-temp'
  | 'rebuild-search'
  | 'restore-backup';

export interface Finding extends Problem {
  action: RepairAction;
  /** For 'restore-backup': the automatic backup holding a good copy. */
  backup?: string;
}

const SEARCH_INDEX = 'index.bin';

/**
 * Verifies every file of the workspace against its schema, every original against its SHA-256,
 * every history line, and that the library and the article folders agree. What the
 * write-ahead log holds counts as the file's content (it is what the workspace opens to).
 */
export async function checkWorkspace(dir: string, onProgress?: (done: number, total: number) => void): Promise<Finding[]> {
  const root = path.resolve(dir);
  // An encrypted workspace is checked only once unlocked: its files are read as the store reads them.
  accessFor(root);
  const findings: Finding[] = [];
  const rel = (file: string) => path.relative(root, file).split(path.sep).join('/');
  const add = (file: string, problem: string, action: RepairAction, repair: string) => findings.push({ file: rel(file), problem, repair, action });

  let log: WriteAheadLog | null = null;
  try {
    log = await WriteAheadLog.open(root, { writable: false, foldNow: false });
  } catch (error) {
    add(path.join(root, LOG_FILE), describe(error), 'none', 'Restore the workspace from a backup (dossier restore).');
  }
  for (const name of [LOG_FILE, FOLDING_FILE]) {
    const torn = await tornTail(path.join(root, name));
    if (torn) add(path.join(root, name), 'ends with a save cut short by a crash (it was never reported as saved)', 'none', 'Cut back automatically the next time the workspace is opened.');
  }

  /** The file's JSON as the workspace opens it, or null when it is missing; a problem is recorded. */
  const readDoc = async <T>(file: string, kind: string, schema: z.ZodType<T>, onDamage: { action: RepairAction; repair: string }): Promise<T | null | 'damaged'> => {
    let raw: string | null;
    try {
      raw = (await log?.read(file)) ?? (await filesOf(file).readText(file));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      add(file, describe(error), onDamage.action, onDamage.repair);
      return 'damaged';
    }
    try {
      return parseSchemaFile(raw, file, kind, schema);
    } catch (error) {
      if (isDossierError(error) && error.code === 'read-only') {
        add(file, `written by a newer Dossier (this one reads schema ${SCHEMA_VERSION})`, 'none', 'Update Dossier; the workspace opens read-only meanwhile.');
      } else {
        add(file, describe(error), onDamage.action, onDamage.repair);
      }
      return 'damaged';
    }
  };
  const QUARANTINE = { action: 'quarantine' as const, repair: 'Move it to quarantine/ and restore it from a backup (dossier restore), or start it afresh.' };

  const workspace = await readDoc(path.join(root, FILE_NAMES.workspace), 'workspace', WorkspaceFile, { action: 'none', repair: 'Restore the workspace from a backup (dossier restore).' });
  if (workspace === null) add(path.join(root, FILE_NAMES.workspace), 'is missing: this folder is not a Dossier workspace', 'none', 'Restore the workspace from a backup (dossier restore).');

  const libraryFile = path.join(root, FILE_NAMES.library);
  const REBUILD_LIBRARY = { action: 'rebuild-library' as const, repair: 'Rebuild library.json from the article folders.' };
  const library = await readDoc(libraryFile, 'library', LibraryFile, REBUILD_LIBRARY);
  if (library === null) add(libraryFile, 'is missing', REBUILD_LIBRARY.action, REBUILD_LIBRARY.repair);
  // Trashed articles keep their folders until the trash is emptied: they are listed too.
  const listed = new Set(library && library !== 'damaged' ? [...library.articles, ...library.trash].map((a) => a.id) : []);

  const articlesDir = path.join(root, FILE_NAMES.articles);
  const folders = (await fs.readdir(articlesDir).catch(() => [] as string[])).filter((name) => !name.startsWith('.'));
  for (const id of listed) {
    if (!folders.includes(id)) add(path.join(articlesDir, id), 'is listed in library.json but its folder is missing', REBUILD_LIBRARY.action, 'Rebuild library.json from the article folders (the article is no longer listed); restore the folder from a backup to keep it.');
  }
  for (const [done, id] of folders.entries()) {
    onProgress?.(done, folders.length);
    const folder = path.join(articlesDir, id);
    if (!ID_SHAPE.test(id)) continue;
    await checkTempFiles(folder, add);
    const article = await readDoc(path.join(folder, FILE_NAMES.article), 'article', ArticleFile, QUARANTINE);
    if (article === null) add(path.join(folder, FILE_NAMES.article), 'is missing', 'none', 'Restore the article folder from a backup (dossier restore).');
    if (!listed.has(id) && article && article !== 'damaged' && library && library !== 'damaged') {
      add(folder, 'holds an article that library.json does not list', REBUILD_LIBRARY.action, REBUILD_LIBRARY.repair);
    }
    if (article && article !== 'damaged') await checkVersions(folder, article.article, readDoc, add);
    const annotationsFile = path.join(folder, FILE_NAMES.annotations);
    const REBUILD_ANNOTATIONS = { action: 'rebuild-annotations' as const, repair: "Move it to quarantine/ and rebuild the article's highlights from its history." };
    const annotations = await readDoc(annotationsFile, 'annotations', AnnotationsFile, REBUILD_ANNOTATIONS);
    if (annotations === null) add(annotationsFile, 'is missing', REBUILD_ANNOTATIONS.action, "Rebuild the article's highlights from its history.");
    await checkHistory(path.join(folder, FILE_NAMES.history), log, add);
    await readDoc(path.join(folder, MENTIONS.file), MENTIONS.kind, MENTIONS.schema, QUARANTINE);
    const timeline = await readDoc(path.join(folder, TIMELINE.file), TIMELINE.kind, TIMELINE.schema, QUARANTINE);
    if (timeline && timeline !== 'damaged' && timeline.articleId !== id) {
      add(path.join(folder, TIMELINE.file), `holds the timeline of another article (${timeline.articleId})`, 'quarantine', 'Move it to quarantine/; this article’s timeline starts afresh.');
    }
  }

  onProgress?.(folders.length, folders.length);
  await checkTempFiles(root, add);
  await readDoc(path.join(root, ENTITIES.file), ENTITIES.kind, ENTITIES.schema, QUARANTINE);
  await readDoc(path.join(root, BRIEFS.file), BRIEFS.kind, BRIEFS.schema, QUARANTINE);
  await readDoc(path.join(root, RELATIONS.file), RELATIONS.kind, RELATIONS.schema, QUARANTINE);
  await readDoc(path.join(root, GRAPH.file), GRAPH.kind, GRAPH.schema, QUARANTINE);
  const notes = await readDoc(path.join(root, NOTES_INDEX.file), NOTES_INDEX.kind, NOTES_INDEX.schema, { action: 'quarantine', repair: 'Move it to quarantine/; the list of notes is rebuilt from the note files.' });
  const notesDir = path.join(root, 'notes');
  await checkTempFiles(notesDir, add);
  for (const name of (await fs.readdir(notesDir).catch(() => [] as string[])).filter((n) => /^note_.+\.json$/.test(n))) {
    const kind = noteBody(name.slice(0, -'.json'.length));
    await readDoc(path.join(notesDir, name), kind.kind, kind.schema, QUARANTINE);
  }
  const revisionsDir = path.join(root, ...NOTE_REVISIONS_DIR.split('/'));
  await checkTempFiles(revisionsDir, add);
  for (const name of await fs.readdir(revisionsDir).catch(() => [] as string[])) {
    const id = name.slice(0, -'.json'.length);
    if (!name.endsWith('.json') || !id.startsWith('note_') || !ID_SHAPE.test(id)) continue;
    const kind = noteRevisions(id);
    const revisions = await readDoc(path.join(revisionsDir, name), kind.kind, kind.schema, {
      action: 'quarantine',
      repair: 'Move it to quarantine/; the note keeps its text, and its list of earlier versions starts afresh.',
    });
    if (revisions && revisions !== 'damaged' && revisions.noteId !== id) {
      add(path.join(revisionsDir, name), `holds the earlier versions of another note (${revisions.noteId})`, 'quarantine', 'Move it to quarantine/; this note’s list of earlier versions starts afresh.');
    }
  }
  if (notes && notes !== 'damaged') {
    for (const note of notes.notes) {
      const file = path.join(notesDir, `${note.id}.json`);
      if (!(await pathExists(file)) && !log?.has(file)) add(file, `is missing: the note "${note.title}" has no text`, 'none', 'Restore the file from a backup (dossier restore); until then the note opens empty.');
    }
  }

  const searchDir = path.join(root, FILE_NAMES.derived);
  if ((await pathExists(path.join(searchDir, SEARCH_INDEX))) && !(await readIndexFile(path.join(searchDir, SEARCH_INDEX)))) {
    add(path.join(searchDir, SEARCH_INDEX), 'is damaged (a derived file)', 'rebuild-search', 'Rebuild the search index from the workspace.');
  }
  await log?.close();
  return offerBackups(root, findings);
}

/**
 * A damaged or missing file that an automatic backup holds a good copy of is restored from it
 * (after the damaged one goes to quarantine) rather than left to the analyst. What can be rebuilt
 * exactly from what the workspace still holds (highlights from their history, the library from
 * the article folders) is rebuilt instead: that is newer than any backup.
 */
async function offerBackups(root: string, findings: Finding[]): Promise<Finding[]> {
  const backups = new Backups(root);
  if ((await backups.list()).length === 0) return findings;
  for (const finding of findings) {
    if (finding.action !== 'none' && finding.action !== 'quarantine') continue;
    if (finding.problem.startsWith('written by a newer Dossier')) continue;
    const held = await backups.newestHolding(finding.file);
    if (!held) continue;
    finding.action = 'restore-backup';
    finding.backup = held.id;
    finding.repair = `${/missing/.test(finding.problem) ? 'Restore it' : 'Move it to quarantine/ and restore it'} from the automatic backup of ${held.takenAt} (dossier backups restore ${held.id} --file ${finding.file}).`;
  }
  return findings;
}

type Add = (file: string, problem: string, action: RepairAction, repair: string) => void;
type ReadDoc = <T>(file: string, kind: string, schema: z.ZodType<T>, onDamage: { action: RepairAction; repair: string }) => Promise<T | null | 'damaged'>;

/** Each version's text, and its original bytes against the SHA-256 recorded at import. */
async function checkVersions(folder: string, meta: ArticleMeta, readDoc: ReadDoc, add: Add): Promise<void> {
  for (const version of meta.versions) {
    const textFile = path.join(folder, FILE_NAMES.versionDir(version.version), FILE_NAMES.text);
    const text = await readDoc(textFile, 'text', TextFile, { action: 'none', repair: 'Restore the article folder from a backup (dossier restore).' });
    if (text === null) add(textFile, 'is missing', 'none', 'Restore the article folder from a backup (dossier restore).');
    const original = path.join(folder, version.original);
    const sha = await sha256OfFile(original);
    if (sha === null) add(original, 'is missing (the original bytes of the article)', 'none', 'Restore the article folder from a backup (dossier restore).');
    else if (sha !== version.sha256) add(original, 'does not match the SHA-256 recorded when it was imported', 'none', 'Restore the file from a backup (dossier restore), or import the original again.');
  }
}

/** The history must be whole lines of JSON; a torn last line (a crash) is cut back by --repair. */
async function checkHistory(file: string, log: WriteAheadLog | null, add: Add): Promise<void> {
  const raw = await fs.readFile(file, 'utf8').catch(() => null);
  if (raw === null) {
    if (!log?.has(file)) add(file, 'is missing (the article’s audit trail)', 'none', 'Restore the article folder from a backup (dossier restore).');
    return;
  }
  const lines = raw.split('\n');
  const last = lines.pop()!;
  if (last !== '') {
    add(file, 'ends with a line cut short by a crash', 'cut-history', 'Cut the torn last line back.');
  }
  const files = filesOf(file);
  const bad = lines.findIndex((stored) => {
    const line = files.openLine(file, stored)?.line;
    return line === undefined || !isJsonObject(line);
  });
  if (bad !== -1) add(file, `line ${bad + 1} is not a history record`, 'none', 'Restore the article folder from a backup (dossier restore).');
}

async function checkTempFiles(dir: string, add: Add): Promise<void> {
  for (const name of await fs.readdir(dir).catch(() => [] as string[])) {
    if (TEMP_FILE.test(name) && !name.startsWith(`.${FILE_NAMES.lock}.`)) add(path.join(dir, name), 'is a temporary file a crash left behind', 'remove-temp', 'Remove it.');
  }
}

async function tornTail(file: string): Promise<boolean> {
  const raw = await fs.readFile(file, 'utf8').catch(() => null);
  if (!raw) return false;
  const lines = raw.split('\n');
  const files = filesOf(file);
  return lines.some((stored, i) => {
    const line = stored === '' ? '{}' : files.openLine(file, stored)?.line;
    return (line === undefined || !isJsonObject(line)) && i >= lines.length - 2;
  });
}

async function sha256OfFile(file: string): Promise<string | null> {
  const files = filesOf(file);
  if (files.sealed) {
    try {
      return createHash('sha256').update(await files.readFile(file)).digest('hex');
    } catch (error) {
      // A sealed original that does not open is as damaged as one whose bytes changed.
      return (error as NodeJS.ErrnoException).code === 'ENOENT' ? null : 'damaged';
    }
  }
  try {
    const hash = createHash('sha256');
    for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
    return hash.digest('hex');
  } catch {
    return null;
  }
}


/** The reason in a damage error, without the path the report already shows. */
function describe(error: unknown): string {
  const message = (error as Error)?.message ?? String(error);
  const reason = /\((not valid JSON: .*|[^()]*: [^()]*)\)\.?$/.exec(message)?.[1] ?? /left untouched \((.*)\)/.exec(message)?.[1];
  if (reason) return `is damaged (${reason})`;
  if (/is not a Dossier .* file/.test(message)) return message.slice(message.indexOf(' is ') + 1).replace(/; it was left untouched\.$/, '');
  return `cannot be read (${message})`;
}
