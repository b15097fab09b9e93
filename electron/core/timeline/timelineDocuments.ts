import { z } from 'zod';
import { TimelineEvent } from '../../common/model/timeline';
import type { DocumentKind } from '../store/documents';
import { SCHEMA_VERSION } from '../store/schemaFile';

/**
 * articles/<id>/timeline.json: the article's confirmed events and the detected dates the analyst
 * dismissed. Beside annotations.json rather than one workspace file, so confirming an event saves
 * one small file; detected dates are not stored (they are found again from the text on demand).
 */
export const TimelineFile = z.object({
  schemaVersion: z.number().int().positive(),
  kind: z.literal('timeline'),
  articleId: z.string(),
  rev: z.number().int().nonnegative(),
  /** The text version the events' positions point into; another version means they are re-anchored. */
  version: z.number().int().nonnegative(),
  events: z.array(TimelineEvent),
  /** Keys of detected dates the analyst dismissed: not suggested again while their sentence stands. */
  dismissed: z.array(z.string()),
});
export type TimelineFile = z.infer<typeof TimelineFile>;

export const TIMELINE: DocumentKind<TimelineFile> = {
  file: 'timeline.json',
  kind: 'timeline',
  schema: TimelineFile,
  empty: (articleId) => ({ schemaVersion: SCHEMA_VERSION, kind: 'timeline', articleId: articleId ?? '', rev: 0, version: 0, events: [], dismissed: [] }),
};
