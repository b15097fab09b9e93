import { z } from 'zod';

/**
 * Where a change belongs, so that Ctrl/Cmd+Z in one view undoes that view's own changes and never
 * reaches into another (in one article, undo never takes back the import of a different one).
 * A change belongs to every scope its operations touch: a highlight to its article, an entity
 * confirmed from an article's review to that article and to `entities`, an import to `library`
 * and to the articles it brought in.
 */
export const HistoryScope = z
  .string()
  .max(120)
  .regex(/^(article:[A-Za-z0-9_-]+|notes|entities|briefs|timeline|library|workspace)$/, 'Not a history scope.');
export type HistoryScope = z.output<typeof HistoryScope>;

export const articleScope = (articleId: string): HistoryScope => `article:${articleId}`;

/** One undo step of this run, as the history list shows it. */
export const HistoryEntry = z.object({
  id: z.number().int().positive(),
  /** Worded for the user: "add highlight". */
  label: z.string(),
  /** When the step was made (the last change of a merged group). */
  at: z.string(),
  articleId: z.string().nullable(),
  scopes: z.array(HistoryScope),
  /** Done (undo takes it back) or undone (redo does it again). */
  state: z.enum(['done', 'undone']),
  /** A later step changed the same things: that one has to be undone (or redone) first. Its label. */
  blockedBy: z.string().nullable(),
});
export type HistoryEntry = z.output<typeof HistoryEntry>;

/** Which step to undo or redo: the latest of a scope (or of everything), or one from the list by id. */
export const HistoryStepRequest = z.object({
  scope: HistoryScope.optional(),
  id: z.number().int().positive().optional(),
  /**
   * The analyst agreed to what the step removes (see `confirm` in the answer). Undoing the creation
   * of a note that has text, or an import, is never done without it.
   */
  confirm: z.boolean().optional(),
});

/** What undo or redo did; `label` is null when there was nothing to do. */
export const HistoryStepResponse = z.object({
  label: z.string().nullable(),
  articleId: z.string().nullable(),
  /** The step, for confirming it or redoing it by id. */
  id: z.number().int().positive().optional(),
  /** Not done: undoing it removes what this names. Ask, then call again with the id and `confirm`. */
  confirm: z.string().optional(),
  /** Not done: a later step (this label) changed the same things and has to be undone first. */
  blockedBy: z.string().optional(),
});
export type HistoryStepResponse = z.output<typeof HistoryStepResponse>;
