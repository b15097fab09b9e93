import { z } from 'zod';
import { AnchorStatus, Authorship, Grading } from './annotation';
import { EntityType } from './entityType';
import { isCalendarDate } from './isoDate';

/**
 * Typed, directed relationships between entities (`India —partner in→ Quad`), each grounded in one
 * or more highlighted passages. Entities are stored by id and their names read when shown, so a
 * relationship follows renames and merges; its evidence is highlights, so it follows new versions
 * of an article through re-anchoring.
 */

const Label = z.string().trim().min(1).max(80);

/** A relationship type's key: lower-case words joined by hyphens (`partner-in`), what the CLI prints. */
export const RelationTypeKey = z
  .string()
  .min(1)
  .max(80)
  .regex(/^[\p{Ll}\p{Lo}\p{N}]+(-[\p{Ll}\p{Lo}\p{N}]+)*$/u, 'A type key is lower-case words joined by hyphens.');

/** A kind of relationship, read from→to as `label` and to→from as `inverse` ("partner in" / "has partner"). */
export const RelationType = z.object({ key: RelationTypeKey, label: Label, inverse: Label });
export type RelationType = z.infer<typeof RelationType>;

/** The vocabulary a new workspace starts with; the analyst adds to it. */
export const DEFAULT_RELATION_TYPES: readonly RelationType[] = [
  { key: 'defence-minister-of', label: 'defence minister of', inverse: 'has defence minister' },
  { key: 'partner-in', label: 'partner in', inverse: 'has partner' },
  { key: 'negotiating', label: 'negotiating', inverse: 'negotiated by' },
  { key: 'meets', label: 'meets', inverse: 'meets' },
  { key: 'signed', label: 'signed', inverse: 'signed by' },
  { key: 'deployed-to', label: 'deployed to', inverse: 'hosts deployment of' },
  { key: 'member-of', label: 'member of', inverse: 'has member' },
  { key: 'leads', label: 'leads', inverse: 'led by' },
];

/** The change feed's id for the vocabulary: a workspace setting (subject 'workspace'), like the palette. */
export const RELATION_TYPES_RECORD = 'relation-types';

/** The key a label gives when the analyst names a new type ("Supplies arms to" → supplies-arms-to). */
export function relationTypeKey(label: string): string {
  return label
    .normalize('NFKC')
    .toLocaleLowerCase()
    .replace(/[^\p{Ll}\p{Lo}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * An ISO 8601 date at the precision the source gives: a year (`2024`), a month (`2024-11`) or a
 * day (`2024-11-20`). "Signed in November 2024" should not be stored as the 1st of November.
 */
export const RelationDate = z.string().refine(
  (value) => /^\d{4}$/.test(value) || (/^\d{4}-(0[1-9]|1[0-2])$/.test(value)) || (/^\d{4}-\d{2}-\d{2}$/.test(value) && isCalendarDate(value)),
  'A date as YYYY, YYYY-MM or YYYY-MM-DD.',
);
export type DatePrecision = 'year' | 'month' | 'day';

export function datePrecision(date: string): DatePrecision {
  return date.length === 4 ? 'year' : date.length === 7 ? 'month' : 'day';
}

/**
 * A passage supporting a relationship: a highlight in an article. `quote` is the words when they
 * were linked, kept so the evidence still reads when its highlight is deleted (a tombstone, as a
 * note's citation keeps its quote).
 */
export const Evidence = z.object({ articleId: z.string().min(1), annotationId: z.string().min(1), quote: z.string() });
export type Evidence = z.infer<typeof Evidence>;

export const Relation = z.object({
  id: z.string(),
  rev: z.number().int().positive(),
  /** Entity ids; an id merged away stands for the entity it was merged into. */
  from: z.string().min(1),
  to: z.string().min(1),
  type: RelationTypeKey,
  /** When the relationship held (from, until); either may be unknown. */
  start: RelationDate.nullable(),
  end: RelationDate.nullable(),
  /** Admiralty grading of the relationship as a whole (its evidence highlights carry their own). */
  grading: Grading.nullable(),
  evidence: z.array(Evidence).min(1),
  created: z.string(),
  modified: z.string(),
  ...Authorship,
});
export type Relation = z.infer<typeof Relation>;

/**
 * Evidence as a request names it: an existing highlight, words of an article to highlight, or the
 * place of a passage the renderer shows (a selection, a suggested sentence) with the words it
 * believes are there, checked against the text so a passage that moved is refused, not misplaced.
 */
export const EvidenceInput = z.union([
  z.object({ articleId: z.string().min(1), annotationId: z.string().min(1) }).strict(),
  z.object({ articleId: z.string().min(1), quote: z.string().min(1).max(5000), occurrence: z.number().int().positive().optional() }).strict(),
  z.object({ articleId: z.string().min(1), start: z.number().int().nonnegative(), end: z.number().int().positive(), exact: z.string().min(1).max(5000) }).strict(),
]);
export type EvidenceInput = z.infer<typeof EvidenceInput>;

/** What a new relationship needs. `from`/`to`: entity ids, or names or aliases; `type`: a key or label. */
export const RelationDraft = z.object({
  from: z.string().trim().min(1).max(200),
  to: z.string().trim().min(1).max(200),
  type: z.string().trim().min(1).max(80),
  evidence: z.array(EvidenceInput).min(1).max(50),
  start: RelationDate.nullable().optional(),
  end: RelationDate.nullable().optional(),
  grading: Grading.nullable().optional(),
});
export type RelationDraft = z.infer<typeof RelationDraft>;

/** What an edit may change; evidence is added and removed by highlight. */
export const RelationPatch = z.object({
  type: z.string().trim().min(1).max(80).optional(),
  start: RelationDate.nullable().optional(),
  end: RelationDate.nullable().optional(),
  grading: Grading.nullable().optional(),
  addEvidence: z.array(EvidenceInput).max(50).optional(),
  /** Highlight ids to unlink (the highlights themselves stay). */
  removeEvidence: z.array(z.string().min(1)).max(50).optional(),
});
export type RelationPatch = z.infer<typeof RelationPatch>;

/**
 * Where a piece of evidence stands now: its highlight's anchoring, or `deleted` when the highlight
 * (or its article) is gone. Offsets are UTF-16 code units into the article's current text, null
 * when the passage has no place in it.
 */
export const EvidenceView = z.object({
  articleId: z.string(),
  annotationId: z.string(),
  /** The article's title, or null when the article is no longer in the library. */
  articleTitle: z.string().nullable(),
  status: z.union([AnchorStatus, z.literal('deleted')]),
  start: z.number().int().nonnegative().nullable(),
  end: z.number().int().nonnegative().nullable(),
  exact: z.string(),
});
export type EvidenceView = z.infer<typeof EvidenceView>;

/** An end of a relationship as shown: the entity it names today (null name: the entity is gone). */
export const RelationEnd = z.object({ id: z.string(), name: z.string().nullable(), type: EntityType.nullable() });
export type RelationEnd = z.infer<typeof RelationEnd>;

/** A relationship as lists show it: names read now, evidence with its status. */
export const RelationView = Relation.omit({ from: true, to: true, evidence: true }).extend({
  from: RelationEnd,
  to: RelationEnd,
  label: z.string(),
  inverse: z.string(),
  evidence: z.array(EvidenceView),
  /** Every evidence passage is orphaned or deleted: nothing in the articles supports it any more. */
  flagged: z.boolean(),
});
export type RelationView = z.infer<typeof RelationView>;

/** True when no evidence passage still has a place in its article. */
export function isUnsupported(evidence: readonly Pick<EvidenceView, 'status'>[]): boolean {
  return evidence.every((e) => e.status === 'orphaned' || e.status === 'deleted');
}

/**
 * A relationship the text seems to state: two confirmed entities in one sentence joined by a cue
 * of a type ("X, defence minister of Y"), the sentence as proposed evidence. `key` stays the same
 * while the sentence's words, the two entities and the type do, across versions of the article.
 */
export const RelationSuggestion = z.object({
  key: z.string(),
  from: RelationEnd,
  to: RelationEnd,
  type: RelationTypeKey,
  label: z.string(),
  inverse: z.string(),
  articleTitle: z.string(),
  /** The sentence: UTF-16 offsets into the article's current text, and its words. */
  evidence: z.object({ articleId: z.string(), start: z.number().int().nonnegative(), end: z.number().int().nonnegative(), exact: z.string() }),
});
export type RelationSuggestion = z.infer<typeof RelationSuggestion>;
