import { z } from 'zod';
import { Annotation } from '../../common/model/annotation';
import { ArticleMeta, ArticleSummary } from '../../common/model/article';

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
});
export type WorkspaceFile = z.infer<typeof WorkspaceFile>;

export const LibraryEntry = ArticleSummary.extend({ importedAt: z.string() });
export type LibraryEntry = z.infer<typeof LibraryEntry>;

/** The article index, so listing 10,000 articles reads one file rather than 10,000. */
export const LibraryFile = z.object({
  ...header('library'),
  rev: z.number().int().nonnegative(),
  articles: z.array(LibraryEntry),
});
export type LibraryFile = z.infer<typeof LibraryFile>;

export const ArticleFile = z.object({ ...header('article'), article: ArticleMeta });
export type ArticleFile = z.infer<typeof ArticleFile>;

/** The normalised text, stored apart so saving a highlight never rewrites it. */
export const TextFile = z.object({
  ...header('text'),
  articleId: z.string(),
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
  annotations: 'annotations.json',
  history: 'history.jsonl',
} as const;
