import { promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { DossierError } from '../../common/errors';
import { ID_SHAPE } from '../../common/ids';
import { UNKNOWN_CREATOR } from '../../common/model/annotation';
import { NoteContent, NoteRevision, NoteSummary, UNTITLED_NOTE } from '../../common/model/note';
import { deriveNote, titleFromText } from '../../common/notes/deriveNote';
import type { DocumentKind } from '../store/documents';
import { moveToQuarantine, quarantineFolder } from '../store/quarantine';
import { SCHEMA_VERSION, SchemaFileAdapter } from '../store/schemaFile';

/**
 * notes.json lists every note's summary (titles, references, excerpts), so lists and backlinks
 * read one small file; notes/<id>.json holds one note's editor state and text, so an autosave
 * rewrites only the note being typed in; notes/revisions/<id>.json holds that note's earlier
 * versions, apart from its body, so an autosave does not carry them.
 */

export const NotesIndexFile = z.object({
  schemaVersion: z.number().int().positive(),
  kind: z.literal('notes'),
  rev: z.number().int().nonnegative(),
  notes: z.array(NoteSummary),
  /** The last line of the notes.journal.jsonl of earlier versions that this file holds (see recordJournal.ts). */
  journalSeq: z.number().int().nonnegative().optional(),
});
export type NotesIndexFile = z.infer<typeof NotesIndexFile>;

export const NOTES_INDEX: DocumentKind<NotesIndexFile> = {
  file: 'notes.json',
  kind: 'notes',
  schema: NotesIndexFile,
  empty: () => ({ schemaVersion: SCHEMA_VERSION, kind: 'notes', rev: 0, notes: [] }),
  whenMissing: (file) => rebuildNotesIndex(file),
  // An autosave changes one note's summary: a journal line, not a rewrite of every summary.
  records: {
    property: 'notes',
    list: (doc) => doc.notes,
    withList: (doc, notes, journalSeq) => ({ ...doc, notes: notes as NoteSummary[], journalSeq }),
    seq: (doc) => doc.journalSeq ?? 0,
    legacyJournal: true,
  },
};

export const NoteBodyFile = z.object({
  schemaVersion: z.number().int().positive(),
  kind: z.literal('note'),
  id: z.string(),
  rev: z.number().int().nonnegative(),
  content: NoteContent,
  text: z.string(),
});
export type NoteBodyFile = z.infer<typeof NoteBodyFile>;

/** The document kind of one note's body; the id is checked, since it becomes a file name. */
export function noteBody(id: string): DocumentKind<NoteBodyFile> {
  if (!id.startsWith('note_') || !ID_SHAPE.test(id)) throw new DossierError('bad-input', `Not a note id: ${id.slice(0, 60)}`);
  return {
    file: `notes/${id}.json`,
    kind: 'note',
    schema: NoteBodyFile,
    empty: () => ({ schemaVersion: SCHEMA_VERSION, kind: 'note', id, rev: 0, content: { root: { type: 'root', children: [] } }, text: '' }),
  };
}

export const NoteRevisionsFile = z.object({
  schemaVersion: z.number().int().positive(),
  kind: z.literal('note-revisions'),
  noteId: z.string(),
  /** Oldest first. */
  revisions: z.array(NoteRevision),
});
export type NoteRevisionsFile = z.infer<typeof NoteRevisionsFile>;

/** The folder of the revision files, inside the workspace. */
export const NOTE_REVISIONS_DIR = 'notes/revisions';

/** The document kind of one note's earlier versions; the id is checked, since it becomes a file name. */
export function noteRevisions(id: string): DocumentKind<NoteRevisionsFile> {
  noteBody(id);
  return {
    file: `${NOTE_REVISIONS_DIR}/${id}.json`,
    kind: 'note-revisions',
    schema: NoteRevisionsFile,
    empty: () => ({ schemaVersion: SCHEMA_VERSION, kind: 'note-revisions', noteId: id, revisions: [] }),
    // Earlier versions are a safety net, not the note: a damaged file must not stop the note from
    // being saved. It goes to quarantine/ (where it can still be read) and the history starts afresh.
    whenDamaged: async (file) => {
      const root = path.resolve(path.dirname(file), '..', '..');
      const quarantine = quarantineFolder(root);
      const moved = await moveToQuarantine(root, quarantine, file);
      const where = path.join(path.relative(root, quarantine), path.relative(root, file));
      return {
        value: { schemaVersion: SCHEMA_VERSION, kind: 'note-revisions', noteId: id, revisions: [] },
        notice: moved
          ? `${file} was damaged: it was moved to ${where}, and this note's list of earlier versions starts afresh.`
          : `${file} could not be read: this note's list of earlier versions starts afresh.`,
      };
    },
  };
}

/**
 * notes.json rebuilt from the notes' own files when it is missing but notes are there (an empty
 * index saved over them would make every note disappear). A note's file keeps its text, not its
 * title, pin or article: titles come from the first line, as for an unnamed note.
 */
async function rebuildNotesIndex(file: string): Promise<{ value: NotesIndexFile; notice: string } | null> {
  const dir = path.join(path.dirname(file), 'notes');
  const names = (await fs.readdir(dir).catch(() => [] as string[])).filter((n) => /^note_.+\.json$/.test(n));
  const notes: NoteSummary[] = [];
  let unreadable = 0;
  for (const name of names) {
    const id = name.slice(0, -'.json'.length);
    try {
      const body = await new SchemaFileAdapter(path.join(dir, name), 'note', NoteBodyFile).read();
      if (!body || body.id !== id) throw new Error('not this note');
      const stat = await fs.stat(path.join(dir, name));
      const derived = deriveNote(body.content);
      notes.push({
        id,
        rev: 1,
        title: titleFromText(derived.text) || UNTITLED_NOTE,
        titled: false,
        articleId: null,
        pinned: false,
        excerpt: derived.excerpt,
        entityIds: derived.entityIds,
        citations: derived.citations,
        tags: derived.tags,
        created: (stat.birthtimeMs > 0 ? stat.birthtime : stat.mtime).toISOString(),
        modified: stat.mtime.toISOString(),
        // A note's file keeps no names: who wrote it is not known here.
        createdBy: { ...UNKNOWN_CREATOR },
        modifiedBy: { ...UNKNOWN_CREATOR },
      });
    } catch {
      unreadable += 1;
    }
  }
  if (notes.length === 0 && unreadable === 0) return null;
  notes.sort((a, b) => a.created.localeCompare(b.created) || a.id.localeCompare(b.id));
  const skipped = unreadable === 0 ? '' : ` ${unreadable} note file${unreadable === 1 ? '' : 's'} could not be read and ${unreadable === 1 ? 'is' : 'are'} not listed.`;
  return {
    value: { schemaVersion: SCHEMA_VERSION, kind: 'notes', rev: 1, notes },
    notice:
      `${file} was missing; the list of notes was rebuilt from the ${notes.length} note file${notes.length === 1 ? '' : 's'} ` +
      `(titles are taken from each note's first line, pins and articles are cleared, deleted notes come back).${skipped}`,
  };
}
