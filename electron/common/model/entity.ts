import { z } from 'zod';
import { EntityType } from './entityType';
import { Authorship } from './annotation';
import { NoteSummary } from './note';

export { EntityType, ENTITY_TYPE_LABELS } from './entityType';

const Name = z.string().trim().min(1).max(200);

/**
 * The change feed's id for the rejected surface forms (subject 'workspace'): a rejection made
 * elsewhere, synced here, hides those forms from every article's review.
 */
export const ENTITY_REJECTIONS_RECORD = 'entity-rejections';

/** A canonical entity the analyst confirmed: what mentions, notes and passages link to. */
export const Entity = z.object({
  id: z.string(),
  rev: z.number().int().positive(),
  name: Name,
  type: EntityType,
  aliases: z.array(Name),
  description: z.string().max(2000),
  /** An identifier in an outside register, typed in by the analyst (e.g. Wikidata Q668). */
  externalId: z.string().max(100).nullable(),
  created: z.string(),
  modified: z.string(),
  ...Authorship,
});
export type Entity = z.infer<typeof Entity>;

export const EntityPatch = Entity.pick({ name: true, type: true, aliases: true, description: true, externalId: true }).partial();
export type EntityPatch = z.infer<typeof EntityPatch>;

/** Where an entity is named in an article's current text. */
export const Mention = z.object({
  id: z.string(),
  entityId: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().positive(),
  text: z.string(),
  /** detected: accepted from a suggestion; manual: the analyst linked a selection. */
  source: z.enum(['detected', 'manual']),
});
export type Mention = z.infer<typeof Mention>;

/** A detected entity waiting for the analyst's review in one article. */
export const Suggestion = z.object({
  key: z.string(),
  name: Name,
  type: EntityType,
  aliases: z.array(z.string()),
  mentions: z.array(z.object({ start: z.number().int().nonnegative(), end: z.number().int().positive(), text: z.string() })),
  /** A confirmed entity this suggestion already names (by name or alias), if any. */
  entityId: z.string().nullable(),
});
export type Suggestion = z.infer<typeof Suggestion>;

export const EntitySummary = Entity.pick({ id: true, name: true, type: true, aliases: true }).extend({
  mentionCount: z.number().int().nonnegative(),
  articleCount: z.number().int().nonnegative(),
});
export type EntitySummary = z.infer<typeof EntitySummary>;

/** UTF-16 offsets into the given text; `text === input.slice(start, end)`. */
export const DetectedMention = z.object({ start: z.number().int().nonnegative(), end: z.number().int().positive(), text: z.string() });
export type DetectedMention = z.infer<typeof DetectedMention>;

/** What detection finds in a text, before review: one entry per distinct entity. */
export const DetectedEntity = z.object({ name: z.string(), type: EntityType, aliases: z.array(z.string()), mentions: z.array(DetectedMention) });
export type DetectedEntity = z.infer<typeof DetectedEntity>;

export const ArticleMention = Mention.extend({ name: z.string(), type: EntityType });
export type ArticleMention = z.infer<typeof ArticleMention>;

export const EntityPage = z.object({
  entity: Entity,
  mentions: z.array(
    z.object({
      articleId: z.string(),
      title: z.string(),
      published: z.string().nullable(),
      start: z.number().int(),
      end: z.number().int(),
      text: z.string(),
      context: z.string(),
    }),
  ),
  annotations: z.array(z.object({ articleId: z.string(), id: z.string(), exact: z.string(), comment: z.string() })),
  cooccurring: z.array(z.object({ id: z.string(), name: z.string(), type: EntityType, articles: z.number().int() })),
  /** Notes that @mention the entity (or an entity merged into it): its backlinks. */
  notes: z.array(NoteSummary),
});
export type EntityPage = z.infer<typeof EntityPage>;
