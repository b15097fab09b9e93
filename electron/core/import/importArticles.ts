import path from 'node:path';
import type { ImportedArticle, ImportFailure } from '../../common/contract';
import { DossierError, isDossierError, phrase } from '../../common/errors';
import { newId } from '../../common/ids';
import type { ArticleMeta, ArticleVersion } from '../../common/model/article';
import { isCalendarDate } from '../../common/model/isoDate';
import { deriveTitle } from '../../common/text/deriveTitle';
import { sha256Hex, type NewArticle, type WorkspaceStore } from '../store/workspaceStore';
import { readArticleFile } from './readArticleFile';

export interface ImportSource {
  /** Shown to the user and kept as provenance: the original file name (or URL). */
  name: string;
  bytes: Uint8Array;
  /** The text encoding the analyst chose for it, after Dossier asked (see decodeTextFile). */
  encoding?: string;
}

/**
 * Reads an article out of a file's bytes: its normalised text and its language. In the app and the
 * host it runs in the core's worker thread (see readArticleFile), elsewhere in this one.
 */
export type ExtractArticle = typeof readArticleFile;

export interface ImportOptions {
  onProgress?: (done: number, total: number, name: string) => void;
  extract?: ExtractArticle;
}

export interface ImportOutcome {
  articles: ImportedArticle[];
  failures: ImportFailure[];
}

/** How many articles share one write of the library index. */
const INDEX_BATCH = 200;

/** Imports each source on its own: one bad file never stops the others. */
export async function importArticles(
  store: WorkspaceStore,
  sources: ImportSource[],
  { onProgress, extract = readArticleFile }: ImportOptions = {},
): Promise<ImportOutcome> {
  const outcome: ImportOutcome = { articles: [], failures: [] };
  const pending: NewArticle[] = [];
  const seen = new Map<string, ImportedArticle>();
  const flush = async () => {
    await store.addArticles(pending.splice(0));
  };
  for (const [index, source] of sources.entries()) {
    try {
      const sha256 = sha256Hex(source.bytes);
      const trashed = store.findTrashedBySha256(sha256);
      if (trashed) {
        // A second copy beside the trashed one would be restored into a library holding it twice.
        throw new DossierError('import-failed', phrase('import.inTrash', { file: path.basename(source.name), title: trashed.title }), source.name);
      }
      const existing = store.findArticleBySha256(sha256);
      const earlier = seen.get(sha256);
      if (existing || earlier) {
        outcome.articles.push(
          earlier ? { ...earlier, duplicate: true } : { id: existing!.id, title: existing!.title, sha256, duplicate: true },
        );
      } else {
        const article = await prepareArticle(source, sha256, extract);
        pending.push(article);
        const imported = { id: article.meta.id, title: article.meta.title, sha256, duplicate: false };
        seen.set(sha256, imported);
        outcome.articles.push(imported);
      }
    } catch (error) {
      if (!isDossierError(error)) throw error;
      // An encoding Dossier could not tell carries the likely ones, for the analyst to choose from.
      outcome.failures.push({ file: source.name, message: error.message, ...(error.encodings ? { encodings: error.encodings } : {}), ...(error.phrase ? { phrase: error.phrase } : {}) });
    }
    if (pending.length >= INDEX_BATCH) await flush();
    onProgress?.(index + 1, sources.length, source.name);
  }
  await flush();
  return outcome;
}

/** A version's text and provenance, read from a file: the one place import formats meet the store. */
export interface PreparedVersion {
  text: string;
  version: Omit<ArticleVersion, 'version' | 'original'> & { extension: string };
  /** What the file says about itself (title, date, author…), for a new article's metadata; its language, else the text's. */
  stated: Partial<Pick<ArticleMeta, 'title' | 'published' | 'author' | 'outlet' | 'language' | 'url'>>;
}

export async function prepareVersion(source: ImportSource, sha256: string, extract: ExtractArticle = readArticleFile): Promise<PreparedVersion> {
  const read = await extract(source.bytes, source.name, source.encoding === undefined ? undefined : { encoding: source.encoding });
  const { text, marks } = read;
  if (!text) throw new DossierError('import-failed', phrase('import.noText', { file: source.name }), source.name);
  const extension = path.extname(source.name).toLowerCase().replace(/[^.a-z0-9]/g, '').slice(0, 10) || '.txt';
  const statedDate = read.published && isCalendarDate(read.published) ? read.published : null;
  return {
    text,
    version: {
      sha256,
      importedAt: new Date().toISOString(),
      source: path.basename(source.name),
      mediaType: read.mediaType,
      length: text.length,
      ...(marks.length > 0 ? { marks } : {}),
      ...(read.encoding ? { encoding: read.encoding } : {}),
      extension,
    },
    stated: {
      title: read.title?.trim() || undefined,
      published: statedDate ?? read.leadInDate,
      author: read.author ?? null,
      outlet: read.outlet ?? null,
      language: read.language,
      url: read.url ?? null,
    },
  };
}

/** Where version `n`'s original bytes are kept, relative to the article folder. */
export function originalPath(version: number, extension: string): string {
  return `v${version}/original${extension}`;
}

async function prepareArticle(source: ImportSource, sha256: string, extract: ExtractArticle): Promise<NewArticle> {
  const { text, version, stated } = await prepareVersion(source, sha256, extract);
  const { extension, ...rest } = version;
  const meta: ArticleMeta = {
    id: newId('art'),
    rev: 1,
    title: stated.title ?? deriveTitle(text).title,
    source: version.source,
    url: stated.url ?? null,
    outlet: stated.outlet ?? null,
    author: stated.author ?? null,
    published: stated.published ?? null,
    // Read with the text, off this thread: what the file states, else the text's own language.
    language: stated.language ?? null,
    importedAt: version.importedAt,
    version: 1,
    versions: [{ ...rest, version: 1, original: originalPath(1, extension) }],
  };
  return { meta, text, original: source.bytes };
}
