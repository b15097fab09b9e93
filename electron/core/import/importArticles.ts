import path from 'node:path';
import { DossierError, isDossierError } from '../../common/errors';
import type { ImportedArticle, ImportFailure } from '../../common/contract';
import { newId } from '../../common/ids';
import type { ArticleMeta } from '../../common/model/article';
import { deriveTitle } from '../../common/text/deriveTitle';
import { normalizeArticleText } from '../../common/text/normalizeArticleText';
import { sha256Hex, type WorkspaceStore } from '../store/workspaceStore';
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

/** Imports each source on its own: one bad file never stops the others. */
export async function importArticles(
  store: WorkspaceStore,
  sources: ImportSource[],
  onProgress?: (done: number, total: number, name: string) => void,
): Promise<ImportOutcome> {
  const outcome: ImportOutcome = { articles: [], failures: [] };
  for (const [index, source] of sources.entries()) {
    try {
      outcome.articles.push(await importOne(store, source));
    } catch (error) {
      if (!isDossierError(error)) throw error;
      outcome.failures.push({ file: source.name, message: error.message });
    }
    onProgress?.(index + 1, sources.length, source.name);
  }
  return outcome;
}

async function importOne(store: WorkspaceStore, source: ImportSource): Promise<ImportedArticle> {
  const sha256 = sha256Hex(source.bytes);
  const existing = store.findArticleBySha256(sha256);
  if (existing) return { id: existing.id, title: existing.title, sha256, duplicate: true };

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
  await store.addArticle({ meta, text, original: source.bytes });
  return { id: meta.id, title, sha256, duplicate: false };
}
