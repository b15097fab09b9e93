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

export const AnchorStatus = z.enum(['anchored', 'drifted', 'orphaned']);
export type AnchorStatus = z.infer<typeof AnchorStatus>;

export const Motivation = z.enum(['highlighting', 'commenting', 'tagging', 'identifying', 'linking']);
export type Motivation = z.infer<typeof Motivation>;

export const Annotation = z.object({
  id: z.string(),
  rev: z.number().int().positive(),
  articleId: z.string(),
  motivation: Motivation,
  target: z.object({
    quote: TextQuoteSelector,
    position: TextPositionSelector,
  }),
  comment: z.string(),
  status: AnchorStatus,
  created: z.string(),
  modified: z.string(),
});
export type Annotation = z.infer<typeof Annotation>;

/** Comments are capped so one runaway paste cannot bloat an article's annotation file. */
export const MAX_COMMENT_LENGTH = 20_000;
export const Comment = z.string().max(MAX_COMMENT_LENGTH);
