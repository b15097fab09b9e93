import { z } from 'zod';

/**
 * Words the core has to hand to the UI (the name of an undo step, what undoing it removes) go as
 * a catalog key and its parameters, never as English text: the window and the native menu word
 * them in the UI language (`electron/common/undoTitles.ts`). Parameters are what the words name
 * (an entity, a title, a count), never words of their own.
 */
export const STEP_KEYS = [
  'addHighlight',
  'editHighlight',
  'deleteHighlight',
  'reattachHighlight',
  'addReply',
  'editReply',
  'deleteReply',
  'importAnnotations',
  'renameColours',
  'renameWorkspace',
  'editArticleDetails',
  'renameArticle',
  'archiveArticle',
  'unarchiveArticle',
  'moveArticleToTrash',
  'restoreArticleFromTrash',
  'replaceWithNewVersion',
  'importArticle',
  'importArticles',
  'relate',
  'editRelationship',
  'deleteRelationship',
  'dismissSuggestedRelationship',
  'addRelationshipType',
  'newNote',
  'renameNote',
  'pinNote',
  'unpinNote',
  'moveNote',
  'deleteNote',
  'restoreNoteVersion',
  'confirmEvent',
  'dismissDate',
  'addEvent',
  'editEvent',
  'deleteEvent',
  'linkKnownEntities',
  'acceptEntity',
  'acceptAllEntities',
  'rejectEntity',
  'linkMention',
  'createEntity',
  'removeEntityLink',
  'editEntity',
  'mergeEntities',
  'createBrief',
  'editBrief',
  'deleteBrief',
  // Changes synced in from the team (never undo steps here; named in the history's audit lines).
  'syncedChanges',
  'syncedBriefs',
  'syncedNotes',
  'syncedEntities',
  'syncedArticle',
  'syncedHighlights',
  'syncedTimeline',
] as const;
export type StepKey = (typeof STEP_KEYS)[number];

/** What undoing a step would take away that only the analyst can judge (asked before it is done). */
export const LOSS_KEYS = ['importedArticle', 'importedArticles', 'noteWithText'] as const;
export type LossKey = (typeof LOSS_KEYS)[number];

/** A parameter: a name or title as it stands, a count, or a few titles (listed in the UI's own way). */
const PhraseParam = z.union([z.string().max(300), z.number(), z.array(z.string().max(300)).max(10)]);
export type PhraseParam = z.output<typeof PhraseParam>;
const PhraseParams = z.record(z.string().max(40), PhraseParam);

/** An undo step's name: `history:step.<key>` in the catalogs. */
export const StepLabel = z.object({ key: z.enum(STEP_KEYS), params: PhraseParams.optional() });
export type StepLabel = z.output<typeof StepLabel>;

/** One thing an undo would remove: `history:loss.<key>` in the catalogs. */
export const LossPhrase = z.object({ key: z.enum(LOSS_KEYS), params: PhraseParams.optional() });
export type LossPhrase = z.output<typeof LossPhrase>;

/** A step label, from services: `step('mergeEntities', { source, target })`. */
export function step(key: StepKey, params?: Record<string, PhraseParam>): StepLabel {
  return params ? { key, params } : { key };
}

/** Whether two labels name the same step (a key and equal parameters). */
export function sameStep(a: StepLabel | null | undefined, b: StepLabel | null | undefined): boolean {
  if (!a || !b) return a === b;
  return a.key === b.key && JSON.stringify(a.params ?? {}) === JSON.stringify(b.params ?? {});
}
