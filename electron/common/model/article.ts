import { z } from 'zod';
import { IsoDate } from './isoDate';

/**
 * Emphasis the source gave a run of the text (Markdown `**bold**` / `*italic*`, HTML <strong> /
 * <em>): offsets into the version's text, painted by the reader. The text itself stays plain.
 */
export const TextMark = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().positive(),
  kind: z.enum(['strong', 'emphasis']),
});
export type TextMark = z.infer<typeof TextMark>;

/** One imported version of an article's text. A correction after publication is a new version. */
export const ArticleVersion = z.object({
  version: z.number().int().positive(),
  /** SHA-256 of the original bytes, hex. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  importedAt: z.string(),
  /** Original file name (or URL) this version came from. */
  source: z.string(),
  /** Path of the read-only copy of the original bytes, relative to the article folder. */
  original: z.string(),
  mediaType: z.string(),
  /** Length of the normalised text in UTF-16 code units. */
  length: z.number().int().nonnegative(),
  /**
   * Bold and italic runs, when the source had any. Optional, so files without it (every version
   * imported before it existed, and plain text) stay valid as they are: no schema change.
   */
  marks: z.array(TextMark).optional(),
  /**
   * The text encoding the original was read in (a WHATWG name such as `windows-1256`), when it
   * was not UTF-8. Absent for UTF-8 and PDF, and for every version imported before Dossier read
   * other encodings (those were all UTF-8): optional, so no schema change.
   */
  encoding: z.string().optional(),
});
export type ArticleVersion = z.infer<typeof ArticleVersion>;

/** What the analyst can correct about an article; everything else is provenance. */
export const EditableMeta = z.object({
  title: z.string().trim().min(1, 'The title cannot be empty.').max(500),
  /** Where the article came from: original file name or URL. */
  source: z.string().max(2000),
  url: z.string().max(2000).nullable(),
  outlet: z.string().max(300).nullable(),
  author: z.string().max(300).nullable(),
  published: IsoDate.nullable(),
  /** BCP 47 tag, e.g. "en", "ar", "zh-Hans". */
  language: z
    .string()
    .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'Use a language tag such as en, fr or zh-Hans.')
    .nullable(),
});
export type EditableMeta = z.infer<typeof EditableMeta>;

export const ArticleMeta = EditableMeta.extend({
  id: z.string(),
  rev: z.number().int().positive(),
  /** When the article first entered the workspace. */
  importedAt: z.string(),
  /** The version shown and annotated now; always the last of `versions`. */
  version: z.number().int().positive(),
  versions: z.array(ArticleVersion).min(1),
  /** Hidden from the library (still searched, cited and exported); absent in files written before archiving existed. */
  archived: z.boolean().optional(),
  /** When the article was moved to the trash; absent or null while it is in the library. */
  trashedAt: z.string().nullable().optional(),
});
export type ArticleMeta = z.infer<typeof ArticleMeta>;

export function currentVersion(meta: ArticleMeta): ArticleVersion {
  return meta.versions.find((v) => v.version === meta.version) ?? meta.versions[meta.versions.length - 1]!;
}

export const ArticleSummary = z.object({
  id: z.string(),
  title: z.string(),
  source: z.string(),
  outlet: z.string().nullable(),
  published: IsoDate.nullable(),
  /** SHA-256 of the current version's original bytes. */
  sha256: z.string(),
  /** When the article first entered the workspace. */
  importedAt: z.string(),
  /** Hidden from the library unless the analyst asks to see archived articles. */
  archived: z.boolean().default(false),
  /**
   * The article's language (BCP 47), so a list shows its title with the right fonts and shaping
   * (`lang`). Null when unknown, and in library.json entries written before lists carried it:
   * those get it the next time the article's details change, never by reading every article.
   */
  language: z.string().nullable().default(null),
});
export type ArticleSummary = z.infer<typeof ArticleSummary>;

/** Where an article is: in the library (perhaps archived) or in the trash. The state a 'shelf' operation changes. */
export const Shelf = z.object({ archived: z.boolean(), trashedAt: z.string().nullable() });
export type Shelf = z.infer<typeof Shelf>;

export function shelfOf(meta: Pick<ArticleMeta, 'archived' | 'trashedAt'>): Shelf {
  return { archived: meta.archived ?? false, trashedAt: meta.trashedAt ?? null };
}

/** An article in the trash, as the Trash view lists it. */
export const TrashedArticle = ArticleSummary.extend({ trashedAt: z.string() });
export type TrashedArticle = z.infer<typeof TrashedArticle>;
