import { z } from 'zod';
import { LossPhrase, StepLabel } from './phrase';

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
  /** The step's name, a catalog key the UI words ("add highlight"). */
  label: StepLabel,
  /** When the step was made (the last change of a merged group). */
  at: z.string(),
  articleId: z.string().nullable(),
  scopes: z.array(HistoryScope),
  /** Done (undo takes it back) or undone (redo does it again). */
  state: z.enum(['done', 'undone']),
  /** A later step changed the same things: that one has to be undone (or redone) first. Its label. */
  blockedBy: StepLabel.nullable(),
});
export type HistoryEntry = z.output<typeof HistoryEntry>;

/**
 * A change a teammate made that sync wrote into this workspace during this run: shown in the
 * history as theirs, never undone here (an undo of it would be a new change of one's own).
 */
export const RemoteHistoryEntry = z.object({
  label: StepLabel,
  /** Their display name, as their workspace knew it. */
  by: z.string(),
  /** When they made it (their clock). */
  at: z.string(),
  /** When it arrived here. */
  arrived: z.string(),
  articleId: z.string().nullable(),
});
export type RemoteHistoryEntry = z.output<typeof RemoteHistoryEntry>;

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
  label: StepLabel.nullable(),
  articleId: z.string().nullable(),
  /** The step, for confirming it or redoing it by id. */
  id: z.number().int().positive().optional(),
  /** Not done: undoing it removes what these name. Ask, then call again with the id and `confirm`. */
  confirm: z.array(LossPhrase).min(1).optional(),
  /** Not done: a later step (this label) changed the same things and has to be undone first. */
  blockedBy: StepLabel.optional(),
});
export type HistoryStepResponse = z.output<typeof HistoryStepResponse>;
