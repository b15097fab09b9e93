import { z } from 'zod';
import { DossierError } from '../../common/errors';
import { ID_SHAPE } from '../../common/ids';
import { NoteContent, NoteSummary } from '../../common/model/note';
import type { DocumentKind } from '../store/documents';
import { SCHEMA_VERSION } from '../store/schemaFile';

/**
 * notes.json lists every note's summary (titles, references, excerpts), so lists and backlinks
 * read one small file; notes/<id>.json holds one note's editor state and text, so an autosave
 * rewrites only the note being typed in.
 */

export const NotesIndexFile = z.object({
  schemaVersion: z.number().int().positive(),
  kind: z.literal('notes'),
  rev: z.number().int().nonnegative(),
  notes: z.array(NoteSummary),
});
export type NotesIndexFile = z.infer<typeof NotesIndexFile>;

export const NOTES_INDEX: DocumentKind<NotesIndexFile> = {
  file: 'notes.json',
  kind: 'notes',
  schema: NotesIndexFile,
  empty: () => ({ schemaVersion: SCHEMA_VERSION, kind: 'notes', rev: 0, notes: [] }),
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
