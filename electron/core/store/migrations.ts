import { promises as fs } from 'node:fs';
import path from 'node:path';
import { DossierError, phrase } from '../../common/errors';
import { UNKNOWN_CREATOR, type Creator } from '../../common/model/annotation';
import { filesOf } from './fileAccess';
import { FILE_NAMES } from './files';
import { journalFileOf, readJournal } from './recordJournal';
import { withRecordById } from './recordsById';
import { SCHEMA_VERSION } from './schemaFile';

/**
 * Steps that bring a workspace written by an earlier Dossier up to the schema this one writes.
 * Each step is idempotent and rewrites workspace.json last: that file's schema version is the
 * commit point, so a step cut short by a crash simply runs again on the next open.
 */
export interface Migration {
  from: number;
  to: number;
  /** What changes, for the notice shown after migrating. */
  summary: string;
  run(dir: string): Promise<void>;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    from: 1,
    to: 2,
    summary: 'entities remember which entity each merged one went into (so notes keep pointing at it)',
    async run(dir) {
      // Marked version 2 so that a Dossier of schema 1 opens it read-only instead of dropping the field.
      await rewriteJson(path.join(dir, 'entities.json'), (doc) => ({ ...doc, schemaVersion: 2, mergedInto: doc.mergedInto ?? {} }));
    },
  },
  {
    from: 2,
    to: 3,
    summary: 'articles can be archived and moved to the trash',
    async run(dir) {
      // Marked version 3 so that a Dossier of schema 2, which would drop the trash from the
      // library (and list trashed articles again), opens it read-only instead.
      await rewriteJson(path.join(dir, FILE_NAMES.library), (doc) => ({ ...doc, schemaVersion: 3, trash: doc.trash ?? [] }));
    },
  },
  {
    from: 3,
    to: 4,
    summary: 'every highlight, note, entity, relationship, brief and timeline event says who created it and who changed it last',
    async run(dir) {
      // Before sync (schema 4 came with it) every record of a workspace was made on the machine
      // it lives on, by the name its highlights carry; a highlight names its own creator.
      const author = await workspaceAuthor(dir);
      // Marked version 4 so that a Dossier of schema 3, which would drop the names, opens it read-only.
      const named = (list: unknown) => (Array.isArray(list) ? list.map((record) => withNames(record, author)) : list);
      for (const [file, property] of [
        ['entities.json', 'entities'],
        ['relations.json', 'relations'],
        ['briefs.json', 'briefs'],
      ] as const) {
        await rewriteJson(path.join(dir, file), (doc) => ({ ...doc, schemaVersion: 4, [property]: named(doc[property]) }));
      }
      await migrateNotesIndex(path.join(dir, 'notes.json'), author);
      const languages = new Map<string, string>();
      for (const articleDir of await articleFolders(dir)) {
        const language = ((await readJson(path.join(articleDir, FILE_NAMES.article)))?.article as { language?: unknown } | undefined)?.language;
        if (typeof language === 'string') languages.set(path.basename(articleDir), language);
        await rewriteJson(path.join(articleDir, FILE_NAMES.annotations), (doc) => ({
          ...doc,
          schemaVersion: 4,
          annotations: Array.isArray(doc.annotations) ? doc.annotations.map(withChanger) : doc.annotations,
        }));
        await rewriteJson(path.join(articleDir, 'timeline.json'), (doc) => ({ ...doc, schemaVersion: 4, events: named(doc.events) }));
      }
      // The library's entries carry each article's language since this schema (lists set `lang`
      // on titles by it); read from the articles here, once, as every folder is visited anyway.
      await rewriteJson(path.join(dir, FILE_NAMES.library), (doc) => ({
        ...doc,
        articles: Array.isArray(doc.articles)
          ? doc.articles.map((entry: Record<string, unknown>) => (typeof entry.language === 'string' ? entry : { ...entry, language: languages.get(String(entry.id)) ?? null }))
          : doc.articles,
      }));
      // Not rewritten: an article's history.jsonl (an append-only audit trail; a highlight rebuilt
      // from it reads without names as unknown) and note revisions (texts, without names). The
      // write-ahead log was folded into the files before any step runs (WorkspaceStore.open).
    },
  },
];

/**
 * Who made the workspace's records before schema 4: the creator its highlights name most often
 * (the display name of the machine it lived on), or the unknown creator when it has none.
 */
async function workspaceAuthor(dir: string): Promise<Creator> {
  const counts = new Map<string, number>();
  for (const articleDir of await articleFolders(dir)) {
    const doc = await readJson(path.join(articleDir, FILE_NAMES.annotations));
    const annotations = Array.isArray(doc?.annotations) ? (doc.annotations as { creator?: { name?: unknown } }[]) : [];
    for (const a of annotations) {
      const name = a?.creator?.name;
      if (typeof name === 'string' && name) counts.set(name, (counts.get(name) ?? 0) + 1);
    }
  }
  const [name] = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0] ?? [];
  return name === undefined ? { ...UNKNOWN_CREATOR } : { name };
}

/** A record with `createdBy` and `modifiedBy` where it has none (a step run again changes nothing). */
function withNames(record: unknown, author: Creator): unknown {
  if (record === null || typeof record !== 'object') return record;
  const r = record as Record<string, unknown>;
  return { ...r, createdBy: r.createdBy ?? { ...author }, modifiedBy: r.modifiedBy ?? { ...author } };
}

/** A highlight's last changer, where it names none: its creator (the only one who could change it). */
function withChanger(record: unknown): unknown {
  if (record === null || typeof record !== 'object') return record;
  const r = record as Record<string, unknown>;
  return { ...r, modifiedBy: r.modifiedBy ?? r.creator ?? { ...UNKNOWN_CREATOR } };
}

/**
 * notes.json, with the lines an earlier Dossier left in notes.journal.jsonl folded in first (see
 * recordJournal.ts): those records need names too, and once the file's `journalSeq` holds them
 * the journal is not needed.
 */
async function migrateNotesIndex(file: string, author: Creator): Promise<void> {
  const doc = await readJson(file);
  const seq = typeof doc?.journalSeq === 'number' ? doc.journalSeq : 0;
  const journal = await readJournal(journalFileOf(file), seq);
  if (!doc && journal.lines.length === 0) return;
  await rewriteJson(
    file,
    (current) => {
      let notes = (Array.isArray(current.notes) ? current.notes : []) as { id: string }[];
      for (const line of journal.lines) notes = withRecordById(notes, line.id, line.record);
      return { ...current, schemaVersion: 4, notes: notes.map((n) => withNames(n, author)), ...(journal.lines.length > 0 ? { journalSeq: journal.seq } : {}) };
    },
    // No notes.json yet, only a journal (a workspace whose first notes were never folded).
    { schemaVersion: 4, kind: 'notes', rev: 1, notes: [] },
  );
  // notes.json now holds every line of it (a crash before this leaves lines it skips by journalSeq).
  if (journal.lines.length > 0) await fs.rm(journalFileOf(file), { force: true });
}

/** Every article folder, in the library or the trash. */
async function articleFolders(dir: string): Promise<string[]> {
  const root = path.join(dir, FILE_NAMES.articles);
  const names = await fs.readdir(root).catch(() => [] as string[]);
  return names.filter((name) => name.startsWith('art_')).map((name) => path.join(root, name));
}

async function readJson(file: string): Promise<Record<string, unknown> | null> {
  try {
    return JSON.parse(await filesOf(file).readText(file)) as Record<string, unknown>;
  } catch {
    // Missing or damaged: rewriteJson says which when it comes to it.
    return null;
  }
}

/** Runs every step from `version` to `target`; returns what was done, for the notice. */
export async function migrateWorkspace(dir: string, version: number, target: number): Promise<string[]> {
  const done: string[] = [];
  let current = version;
  while (current < target) {
    const step = MIGRATIONS.find((m) => m.from === current);
    if (!step) throw new DossierError('internal', `No migration from workspace schema ${current}; this Dossier cannot open it.`);
    await step.run(dir);
    await rewriteJson(path.join(dir, FILE_NAMES.workspace), (doc) => ({ ...doc, schemaVersion: step.to }));
    done.push(`schema ${step.from} → ${step.to}: ${step.summary}`);
    current = step.to;
  }
  return done;
}

/**
 * Rewrites a JSON file if it exists (a workspace without entities has no entities.json), or
 * writes `missing` changed when it does not and one is given.
 */
async function rewriteJson(file: string, change: (doc: Record<string, unknown>) => Record<string, unknown>, missing?: Record<string, unknown>): Promise<void> {
  let raw: string;
  try {
    raw = await filesOf(file).readText(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    if (!missing) return;
    raw = JSON.stringify(missing);
  }
  let doc: Record<string, unknown>;
  try {
    doc = JSON.parse(raw) as Record<string, unknown>;
  } catch {
    throw new DossierError('corrupt-file', phrase('store.cannotUpgrade', { file }), file);
  }
  // A file a newer Dossier wrote is never rewritten down; reading it later makes the workspace read-only.
  if (typeof doc.schemaVersion === 'number' && doc.schemaVersion > SCHEMA_VERSION) return;
  await filesOf(file).writeFileDurable(file, `${JSON.stringify(change(doc), null, 2)}\n`);
}
