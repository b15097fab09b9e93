import { z } from 'zod';

const Count = z.number().int().nonnegative();

/** An annotation of an imported W3C collection that found no place in this workspace, and why. */
export const UnmatchedAnnotation = z.object({
  /** The annotation's id in the file (a URN or any IRI). */
  id: z.string(),
  /** Its quoted words, so the user can recognise it. */
  quote: z.string(),
  /** The article it was made on, as the file describes it. */
  source: z.string(),
  reason: z.string(),
});
export type UnmatchedAnnotation = z.infer<typeof UnmatchedAnnotation>;

/** What importing one W3C Web Annotation file did. */
export const AnnotationImportReport = z.object({
  file: z.string(),
  /** Annotations in the file, replies not counted. */
  total: Count,
  /** Annotations added, by how they were placed on the article's current text. */
  imported: z.object({ anchored: Count, drifted: Count, orphaned: Count }),
  /** Already in the workspace (same id): left as they were. */
  existing: Count,
  /** Replies added, to new annotations or to ones already there. */
  replies: Count,
  articles: z.array(z.object({ id: z.string(), title: z.string(), annotations: Count })),
  unmatched: z.array(UnmatchedAnnotation),
});
export type AnnotationImportReport = z.infer<typeof AnnotationImportReport>;
