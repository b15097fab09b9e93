import { z } from 'zod';

/** ISO calendar date (YYYY-MM-DD) that really exists. */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, 'not a calendar date');

export const ArticleMeta = z.object({
  id: z.string(),
  rev: z.number().int().positive(),
  title: z.string().min(1),
  /** Where the article came from: original file name or URL. */
  source: z.string(),
  published: IsoDate.nullable(),
  importedAt: z.string(),
  /** SHA-256 of the original bytes, hex. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** Length of the normalised text in UTF-16 code units. */
  length: z.number().int().nonnegative(),
  /** File name of the read-only copy of the original bytes, inside the article folder. */
  original: z.string(),
  mediaType: z.string(),
});
export type ArticleMeta = z.infer<typeof ArticleMeta>;

export const ArticleSummary = ArticleMeta.pick({ id: true, title: true, published: true, sha256: true, source: true });
export type ArticleSummary = z.infer<typeof ArticleSummary>;
