import { z } from 'zod';
import { Authorship, Grading } from './annotation';
import { NoteContent } from './note';

/**
 * A brief: what the analyst hands over. It is saved in the workspace and can be exported again
 * later in any format; its sections are chosen content in the order the analyst arranged them.
 */

export const BRIEF_TEXT_MAX = 500;

/** Which annotations of an article go into a brief; every given filter applies. */
export const AnnotationFilter = z.object({
  colors: z.array(z.string()).optional(),
  tags: z.array(z.string()).optional(),
  /** Only annotations graded at least this well (A1 best, F6 worst), e.g. { reliability: 'C', credibility: 3 }. */
  minGrading: Grading.optional(),
  /** Leave out annotations whose passage is no longer found in the current version. */
  placedOnly: z.boolean().optional(),
});
export type AnnotationFilter = z.infer<typeof AnnotationFilter>;

export const BriefSection = z.discriminatedUnion('kind', [
  z.object({ id: z.string(), kind: z.literal('article'), articleId: z.string(), filter: AnnotationFilter.default({}) }),
  z.object({ id: z.string(), kind: z.literal('note'), noteId: z.string() }),
  /** The entity index: the given entities, or every entity named in the brief's articles and notes. */
  z.object({ id: z.string(), kind: z.literal('entities'), entityIds: z.array(z.string()).nullable() }),
]);
export type BriefSection = z.infer<typeof BriefSection>;

export const BriefAppendices = z.object({ relations: z.boolean().optional(), timeline: z.boolean().optional() }).strict();
export type BriefAppendices = z.infer<typeof BriefAppendices>;

export const Brief = z.object({
  id: z.string(),
  rev: z.number().int().positive(),
  title: z.string().trim().min(1).max(BRIEF_TEXT_MAX),
  author: z.string().max(BRIEF_TEXT_MAX),
  /** Classification / handling line, shown in the header and footer of every page. */
  handling: z.string().max(BRIEF_TEXT_MAX),
  /** "Bottom line up front", written in Lexical like a note. */
  summary: NoteContent.nullable(),
  sections: z.array(BriefSection),
  /**
   * Which appendices the exported brief ends with; each is included unless set to false. Optional,
   * so briefs saved before appendices existed read unchanged and need no migration.
   */
  appendices: BriefAppendices.optional(),
  created: z.string(),
  modified: z.string(),
  ...Authorship,
});
export type Brief = z.infer<typeof Brief>;

export const BriefPatch = Brief.pick({ title: true, author: true, handling: true, summary: true, sections: true, appendices: true }).partial();
export type BriefPatch = z.infer<typeof BriefPatch>;
export type BriefPatchInput = z.input<typeof BriefPatch>;

/** Every export format; `jsonld` is the W3C Web Annotation collection. */
export const BriefFormat = z.enum(['md', 'html', 'pdf', 'docx', 'jsonld']);
export type BriefFormat = z.infer<typeof BriefFormat>;

/** What a new brief needs: a title; the rest starts empty. */
export const BriefDraft = Brief.pick({ title: true, author: true, handling: true, summary: true, sections: true }).partial({
  author: true,
  handling: true,
  summary: true,
  sections: true,
});
export type BriefDraft = z.infer<typeof BriefDraft>;
/** As sent: an article section's filter may be left out. */
export type BriefDraftInput = z.input<typeof BriefDraft>;

/** A brief in lists: without its summary and sections. */
export const BriefSummary = Brief.pick({ id: true, rev: true, title: true, author: true, handling: true, created: true, modified: true, createdBy: true, modifiedBy: true }).extend({
  sectionCount: z.number().int().nonnegative(),
});
export type BriefSummary = z.infer<typeof BriefSummary>;

/** What to export: one article with everything on it, a saved brief, or the whole workspace. */
export const ExportSource = z.union([
  z.object({ articleId: z.string().min(1) }).strict(),
  z.object({ briefId: z.string().min(1) }).strict(),
  z.object({ all: z.literal(true) }).strict(),
]);
export type ExportSource = z.infer<typeof ExportSource>;

/** An exported file as it crosses the contract: text as is, binary formats (PDF, DOCX) in base64. */
export const ExportedFile = z.object({
  filename: z.string(),
  mediaType: z.string(),
  encoding: z.enum(['utf8', 'base64']),
  content: z.string(),
});
export type ExportedFile = z.infer<typeof ExportedFile>;
