import { z } from 'zod';
import { Annotation } from '../../common/model/annotation';
import { ArticleMeta, ArticleSummary } from '../../common/model/article';
import { Palette } from '../../common/model/palette';

/** The schemas of every file in a workspace folder. Each carries `schemaVersion` and `kind`. */

const header = <K extends string>(kind: K) => ({
  schemaVersion: z.number().int().positive(),
  kind: z.literal(kind),
});

export const WorkspaceFile = z.object({
  ...header('workspace'),
  id: z.string(),
  name: z.string(),
  created: z.string(),
  rev: z.number().int().positive(),
  /** The article opened on first start (the bundled sample), if any. */
  startArticleId: z.string().nullable(),
  /** Highlight colours and the meanings this team gives them. */
  palette: Palette,
});
export type WorkspaceFile = z.infer<typeof WorkspaceFile>;

export const LibraryEntry = ArticleSummary.extend({
  /** SHA-256 of every version's original bytes: importing any of them again is recognised. */
  hashes: z.array(z.string()),
});
export type LibraryEntry = z.infer<typeof LibraryEntry>;

export const TrashEntry = LibraryEntry.extend({ trashedAt: z.string() });
export type TrashEntry = z.infer<typeof TrashEntry>;

/** The article index, so listing 10,000 articles reads one file rather than 10,000. */
export const LibraryFile = z.object({
  ...header('library'),
  rev: z.number().int().nonnegative(),
  articles: z.array(LibraryEntry),
  /**
   * Articles moved to the trash: out of the library, search, entity pages, the timeline and the
   * chart, their folders kept whole until the analyst empties the trash. Absent in older files.
   */
  trash: z.array(TrashEntry).default([]),
});
export type LibraryFile = z.infer<typeof LibraryFile>;

export const ArticleFile = z.object({ ...header('article'), article: ArticleMeta });
export type ArticleFile = z.infer<typeof ArticleFile>;

/** The normalised text, stored apart so saving a highlight never rewrites it. */
export const TextFile = z.object({
  ...header('text'),
  articleId: z.string(),
  version: z.number().int().positive(),
  text: z.string(),
});
export type TextFile = z.infer<typeof TextFile>;

export const AnnotationsFile = z.object({
  ...header('annotations'),
  articleId: z.string(),
  rev: z.number().int().nonnegative(),
  annotations: z.array(Annotation),
});
export type AnnotationsFile = z.infer<typeof AnnotationsFile>;

export const FILE_NAMES = {
  workspace: 'workspace.json',
  library: 'library.json',
  lock: '.dossier.lock',
  articles: 'articles',
  article: 'article.json',
  text: 'text.json',
  /** One folder per version of the text: v1/, v2/ … each with text.json and the original bytes. */
  versionDir: (version: number) => `v${version}`,
  annotations: 'annotations.json',
  history: 'history.jsonl',
  /** Derived data (the search index and its change journal): rebuilt when missing, never backed up. */
  derived: 'search',
  /** Team sync's link, outbox and local replica (docs/SYNC.md): rebuilt from the server, never backed up. */
  sync: 'sync',
} as const;
