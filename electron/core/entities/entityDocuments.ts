import { z } from 'zod';
import { Entity, Mention, Suggestion } from '../../common/model/entity';
import type { DocumentKind } from '../store/documents';
import { SCHEMA_VERSION } from '../store/schemaFile';

/** entities.json: the workspace's confirmed entities, rejected surface forms, and where each entity is named. */
export const EntitiesFile = z.object({
  schemaVersion: z.number().int().positive(),
  kind: z.literal('entities'),
  rev: z.number().int().nonnegative(),
  entities: z.array(Entity),
  /** Surface forms the analyst rejected, lower-cased: never suggested again. */
  rejected: z.array(z.string()),
  /** entity id → article id → number of mentions: entity pages without reading every article. */
  presence: z.record(z.string(), z.record(z.string(), z.number().int().positive())),
  /** Merged-away entity id → the entity it was merged into: notes keep pointing at the survivor. */
  mergedInto: z.record(z.string(), z.string()).default({}),
});
export type EntitiesFile = z.infer<typeof EntitiesFile>;

/** articles/<id>/mentions.json: confirmed mentions and pending suggestions in the article's current text. */
export const MentionsFile = z.object({
  schemaVersion: z.number().int().positive(),
  kind: z.literal('mentions'),
  articleId: z.string(),
  rev: z.number().int().nonnegative(),
  /**
   * The text version the offsets point into; another version means detection runs again. 0: not
   * detected yet, and any mentions (linked as the text came in) point into the current text.
   */
  version: z.number().int().nonnegative(),
  mentions: z.array(Mention),
  suggestions: z.array(Suggestion),
});
export type MentionsFile = z.infer<typeof MentionsFile>;

export const ENTITIES: DocumentKind<EntitiesFile> = {
  file: 'entities.json',
  kind: 'entities',
  schema: EntitiesFile,
  empty: () => ({ schemaVersion: SCHEMA_VERSION, kind: 'entities', rev: 0, entities: [], rejected: [], presence: {}, mergedInto: {} }),
};

export const MENTIONS: DocumentKind<MentionsFile> = {
  file: 'mentions.json',
  kind: 'mentions',
  schema: MentionsFile,
  empty: (articleId) => ({ schemaVersion: SCHEMA_VERSION, kind: 'mentions', articleId: articleId ?? '', rev: 0, version: 0, mentions: [], suggestions: [] }),
};

/** The entity an id names now: itself, or what it was merged into (directly or through earlier merges). */
export function followMerges(mergedInto: Record<string, string>, id: string): string {
  let current = id;
  // Bounded: a cycle cannot be made through the UI, but a hand-edited file could hold one.
  for (let i = 0; i < 100 && mergedInto[current] !== undefined; i++) current = mergedInto[current]!;
  return current;
}
