import { z } from 'zod';
import { EntityType } from './entityType';
import { Authorship } from './annotation';

/**
 * A note is rich text written in Lexical. Its editor state is stored as Lexical's own JSON; what
 * backlinks, search and exports need (plain text, the entities it mentions, the passages it cites,
 * its #tags) is derived from that JSON on every save, never maintained by hand.
 */

export const NOTE_TITLE_MAX = 300;

/**
 * The title the core stores for a note with neither a name nor text. It is a stored placeholder,
 * not a word for people: the app shows its own translation in its place (`isUntitledNote`).
 */
export const UNTITLED_NOTE = 'Untitled note';

/** Whether a note has no title of its own: unnamed, and its text gave none either. */
export function isUntitledNote(note: { title: string; titled?: boolean }): boolean {
  return !note.titled && (note.title === '' || note.title === UNTITLED_NOTE);
}
/** Far above any real note; stops a runaway paste from filling the disk through autosave. */
export const NOTE_CONTENT_MAX_BYTES = 32 * 1024 * 1024;

/** The serialized form of an @mention: a token text node that knows which entity it names. */
export const SerializedEntityMention = z.object({
  type: z.literal('entity-mention'),
  version: z.literal(1),
  text: z.string(),
  entityId: z.string().min(1),
  entityType: EntityType,
});
export type SerializedEntityMentionFields = z.infer<typeof SerializedEntityMention>;

/**
 * The serialized form of a citation: enough to show the passage and its source even when the
 * annotation is later deleted (the citation then says "passage deleted").
 */
export const SerializedCitation = z.object({
  type: z.literal('citation'),
  version: z.literal(1),
  articleId: z.string().min(1),
  /** The cited annotation, or null when the passage was cited from a bare selection. */
  annotationId: z.string().nullable(),
  quote: z.string(),
  /** The article's title when cited. */
  source: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});
export type SerializedCitationFields = z.infer<typeof SerializedCitation>;

export const NoteCitation = z.object({
  articleId: z.string(),
  annotationId: z.string().nullable(),
  quote: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});
export type NoteCitation = z.infer<typeof NoteCitation>;

/** What a note refers to, derived from its content. */
export const NoteReferences = z.object({
  entityIds: z.array(z.string()),
  citations: z.array(NoteCitation),
  tags: z.array(z.string()),
});
export type NoteReferences = z.infer<typeof NoteReferences>;

/** Lexical's serialized editor state: `{ root: { type: 'root', children: [...] } }`. */
export const NoteContent = z
  .object({
    root: z.looseObject({ type: z.literal('root'), children: z.array(z.unknown()) }),
  })
  .loose();
export type NoteContent = z.infer<typeof NoteContent>;

export const NoteSummary = NoteReferences.extend({
  id: z.string(),
  rev: z.number().int().positive(),
  title: z.string().max(NOTE_TITLE_MAX),
  /** False while the title is taken from the first line; true once the analyst names the note. */
  titled: z.boolean().default(false),
  /** The article the note was written on, or null for a free-standing note. */
  articleId: z.string().nullable(),
  pinned: z.boolean(),
  /** The first words of the text, for lists. */
  excerpt: z.string(),
  created: z.string(),
  modified: z.string(),
  ...Authorship,
});
export type NoteSummary = z.infer<typeof NoteSummary>;

export const Note = NoteSummary.extend({
  content: NoteContent,
  /** Plain text of the content, paragraphs separated by blank lines. */
  text: z.string(),
  /** Revision of the content alone: an autosave based on an older one would overwrite newer text. */
  contentRev: z.number().int().nonnegative(),
});
export type Note = z.infer<typeof Note>;

export const NotePatch = z.object({
  title: z.string().trim().max(NOTE_TITLE_MAX).optional(),
  pinned: z.boolean().optional(),
  articleId: z.string().nullable().optional(),
});
export type NotePatch = z.infer<typeof NotePatch>;

/** Which notes to list; every given filter applies. */
export const NoteFilter = z.object({
  /** Notes written on this article, or citing it. */
  articleId: z.string().optional(),
  /** Notes citing this article (whether written on it or not). */
  citesArticleId: z.string().optional(),
  entityId: z.string().optional(),
  tag: z.string().optional(),
  /** Words that must all appear in the title or text (case- and accent-insensitive). */
  query: z.string().max(500).optional(),
});
export type NoteFilter = z.infer<typeof NoteFilter>;

/** Note content holding these blocks, in Lexical's serialized form (built without an editor). */
export function noteContentOf(blocks: unknown[]): NoteContent {
  return { root: { type: 'root', version: 1, direction: null, format: '', indent: 0, children: blocks } };
}

/** A serialized paragraph holding these inline nodes. */
export function serializedParagraph(children: unknown[] = []): Record<string, unknown> {
  return { type: 'paragraph', version: 1, direction: null, format: '', indent: 0, textFormat: 0, textStyle: '', children };
}

export function emptyNoteContent(): NoteContent {
  return noteContentOf([serializedParagraph()]);
}

/**
 * An earlier state of a note's text, kept so the analyst can see what changed and go back to it.
 * `at` is when it was recorded (the text stood like this until then); `contentRev` is the content
 * revision it was saved as.
 */
export const NoteRevision = z.object({
  id: z.string(),
  at: z.iso.datetime(),
  contentRev: z.number().int().nonnegative(),
  content: NoteContent,
  text: z.string(),
});
export type NoteRevision = z.infer<typeof NoteRevision>;

/** A revision as listed: no content, so a list of many stays small. */
export const NoteRevisionSummary = z.object({
  id: z.string(),
  at: z.iso.datetime(),
  contentRev: z.number().int().nonnegative(),
  words: z.number().int().nonnegative(),
  excerpt: z.string(),
});
export type NoteRevisionSummary = z.infer<typeof NoteRevisionSummary>;
