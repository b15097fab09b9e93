import { z } from 'zod';
import { IsoDate } from './isoDate';

export const SearchKind = z.enum(['article', 'annotation', 'note', 'entity', 'relation']);
export type SearchKind = z.output<typeof SearchKind>;

export const SearchRequest = z.object({
  query: z.string().max(1000),
  kinds: z.array(SearchKind).max(5).optional(),
  limit: z.number().int().positive().max(500).optional(),
  /** Only records linked to any of these entities. */
  entityIds: z.array(z.string().min(1)).max(100).optional(),
  tag: z.string().max(100).optional(),
  color: z.string().max(40).optional(),
  /** Admiralty grading at least this good, e.g. "B2" (reliability A–B, credibility 1–2). */
  minGrading: z.string().regex(/^[A-Fa-f][1-6]$/, 'A grading such as B2.').optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  articleId: z.string().min(1).optional(),
});
export type SearchRequest = z.input<typeof SearchRequest>;

export const SearchResult = z.object({
  kind: SearchKind,
  /** The article's, annotation's, note's, entity's or relationship's id. */
  id: z.string(),
  /** Set for articles and annotations, and for a relationship whose evidence passage is still in its article. */
  articleId: z.string().nullable(),
  title: z.string(),
  /** The matching passage; matched words between <mark> and </mark>, the rest escaped (&lt; &gt; &amp;). */
  snippet: z.string(),
  score: z.number(),
  /** UTF-16 offsets of the first match in the article text, where there is one. */
  start: z.number().int().nonnegative().nullable(),
  end: z.number().int().nonnegative().nullable(),
  /** For a relationship: its from-entity, to open when no evidence passage is left. */
  entityId: z.string().nullable().optional(),
});
export type SearchResult = z.output<typeof SearchResult>;
