import { z } from 'zod';

/** W3C Web Annotation TextQuoteSelector: the quoted words plus ~32 chars of context either side. */
export const TextQuoteSelector = z.object({
  type: z.literal('TextQuoteSelector'),
  exact: z.string().min(1),
  prefix: z.string(),
  suffix: z.string(),
});
export type TextQuoteSelector = z.infer<typeof TextQuoteSelector>;

/** W3C TextPositionSelector; offsets are UTF-16 code units into the article's normalised text. */
export const TextPositionSelector = z
  .object({
    type: z.literal('TextPositionSelector'),
    start: z.number().int().nonnegative(),
    end: z.number().int().nonnegative(),
  })
  .refine((p) => p.end > p.start, 'end must be after start');
export type TextPositionSelector = z.infer<typeof TextPositionSelector>;

/**
 * anchored: on its exact words with their context (even if the passage moved). drifted: placed
 * with confidence, but its words or their context changed. orphaned: not confidently placed in the
 * current version; never guessed onto other words.
 */
export const AnchorStatus = z.enum(['anchored', 'drifted', 'orphaned']);
export type AnchorStatus = z.infer<typeof AnchorStatus>;

export const Motivation = z.enum(['highlighting', 'commenting', 'tagging', 'identifying', 'linking']);
export type Motivation = z.infer<typeof Motivation>;

/** Admiralty code: how reliable the source is (A–F) and how credible this information is (1–6). */
export const SourceReliability = z.enum(['A', 'B', 'C', 'D', 'E', 'F']);
export const InformationCredibility = z.union([
  z.literal(1),
  z.literal(2),
  z.literal(3),
  z.literal(4),
  z.literal(5),
  z.literal(6),
]);
export const Grading = z.object({ reliability: SourceReliability, credibility: InformationCredibility });
export type Grading = z.infer<typeof Grading>;

export const RELIABILITY_LABELS: Record<z.infer<typeof SourceReliability>, string> = {
  A: 'Completely reliable',
  B: 'Usually reliable',
  C: 'Fairly reliable',
  D: 'Not usually reliable',
  E: 'Unreliable',
  F: 'Reliability cannot be judged',
};
export const CREDIBILITY_LABELS: Record<z.infer<typeof InformationCredibility>, string> = {
  1: 'Confirmed by other sources',
  2: 'Probably true',
  3: 'Possibly true',
  4: 'Doubtful',
  5: 'Improbable',
  6: 'Truth cannot be judged',
};

export const Creator = z.object({ name: z.string().min(1).max(200) });
export type Creator = z.infer<typeof Creator>;

/**
 * Who a record is attributed to when nothing says: a record read from a workspace of schema 3
 * that was not upgraded (opened without the lock, or read-only), a notes list rebuilt from the
 * note files, a synced record from an older Dossier without names or provenance. Shown as
 * nobody in particular, never as a person.
 */
export const UNKNOWN_CREATOR: Creator = Object.freeze({ name: '(unknown)' });

export function isUnknownCreator(creator: Creator): boolean {
  return creator.name === UNKNOWN_CREATOR.name;
}

/**
 * Who created or last changed a record (the display name from Settings when it was done).
 * Defaulted, not required, so records written before schema 4 still read where they are not
 * upgraded (see UNKNOWN_CREATOR); a workspace opened by its writer is upgraded with real names.
 */
export const RecordAuthor = Creator.default(() => ({ ...UNKNOWN_CREATOR }));

/** The two names every record carries beside its `created` and `modified` timestamps. */
export const Authorship = { createdBy: RecordAuthor, modifiedBy: RecordAuthor };

/** Comments are capped so one runaway paste cannot bloat an article's annotation file. */
export const MAX_COMMENT_LENGTH = 20_000;
export const Comment = z.string().max(MAX_COMMENT_LENGTH);

export const Tag = z
  .string()
  .trim()
  .min(1)
  .max(60)
  .regex(/^[^\s,#][^,]*$/u, 'Tags cannot contain commas or start with #.');

export const Reply = z.object({
  id: z.string(),
  body: Comment.min(1),
  creator: Creator,
  created: z.string(),
  modified: z.string(),
});
export type Reply = z.infer<typeof Reply>;

export const Annotation = z.object({
  id: z.string(),
  rev: z.number().int().positive(),
  articleId: z.string(),
  motivation: Motivation,
  target: z.object({
    /** The article version these selectors point into (an orphan keeps its old version's). */
    version: z.number().int().positive(),
    quote: TextQuoteSelector,
    position: TextPositionSelector,
  }),
  comment: z.string(),
  /** A key of the workspace palette (whose labels the analyst names), or null for the default. */
  color: z.string().nullable(),
  tags: z.array(Tag),
  grading: Grading.nullable(),
  replies: z.array(Reply),
  /** Who made the highlight (the W3C export's `creator`): an annotation's `createdBy`. */
  creator: Creator,
  /** Who changed it last (its comment, colour, tags, grading, replies, place), at `modified`. */
  modifiedBy: RecordAuthor,
  status: AnchorStatus,
  created: z.string(),
  modified: z.string(),
});
export type Annotation = z.infer<typeof Annotation>;

/** What an edit may change on an annotation; absent fields stay as they are. */
export const AnnotationPatch = z.object({
  comment: Comment.optional(),
  color: z.string().max(40).nullable().optional(),
  tags: z.array(Tag).max(50).optional(),
  grading: Grading.nullable().optional(),
});
export type AnnotationPatch = z.infer<typeof AnnotationPatch>;
