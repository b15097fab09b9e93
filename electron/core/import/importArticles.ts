import path from 'node:path';
import { DossierError, isDossierError } from '../../common/errors';
import type { ImportedArticle, ImportFailure } from '../../common/contract';
import { newId } from '../../common/ids';
import type { ArticleMeta } from '../../common/model/article';
import { deriveTitle } from '../../common/text/deriveTitle';
import { normalizeArticleText } from '../../common/text/normalizeArticleText';
import { sha256Hex, type NewArticle, type WorkspaceStore } from '../store/workspaceStore';
import { decodeArticleBytes } from './decodeText';

export interface ImportSource {
  /** Shown to the user and kept as provenance: the original file name. */
  name: string;
  bytes: Uint8Array;
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
  onProgress?: (done: number, total: number, name: string) => void,
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
      const existing = store.findArticleBySha256(sha256);
      const earlier = seen.get(sha256);
      if (existing || earlier) {
        outcome.articles.push(
          earlier ? { ...earlier, duplicate: true } : { id: existing!.id, title: existing!.title, sha256, duplicate: true },
        );
      } else {
        const article = prepareArticle(source, sha256);
        pending.push(article);
        const imported = { id: article.meta.id, title: article.meta.title, sha256, duplicate: false };
        seen.set(sha256, imported);
        outcome.articles.push(imported);
      }
    } catch (error) {
      if (!isDossierError(error)) throw error;
      outcome.failures.push({ file: source.name, message: error.message });
    }
    if (pending.length >= INDEX_BATCH) await flush();
    onProgress?.(index + 1, sources.length, source.name);
  }
  await flush();
  return outcome;
}

function prepareArticle(source: ImportSource, sha256: string): NewArticle {
  const raw = decodeArticleBytes(source.bytes, source.name);
  const { text, published } = normalizeArticleText(raw);
  if (!text) throw new DossierError('import-failed', `${source.name} has no article text.`, source.name);
  const { title } = deriveTitle(text);
  const ext = path.extname(source.name).toLowerCase().replace(/[^.a-z0-9]/g, '') || '.txt';
  const meta: ArticleMeta = {
    id: newId('art'),
    rev: 1,
    title,
    source: path.basename(source.name),
    published,
    importedAt: new Date().toISOString(),
    sha256,
    length: text.length,
    original: `original${ext}`,
    mediaType: ext === '.md' || ext === '.markdown' ? 'text/markdown' : 'text/plain',
  };
  return { meta, text, original: source.bytes };
}
