import type { ArticleMeta } from '../../common/model/article';
import type { WorkspaceStore } from '../store/workspaceStore';
import { detectLanguage } from './detectLanguage';

/**
 * An article's language as everything downstream uses it: the one stored (stated by the file,
 * detected at import, or set by the analyst), else read from the text now. Articles imported
 * before detection existed get it this way when they are opened or exported, without rewriting
 * them; saving their details stores what the dialog showed.
 */
export function withLanguage(meta: ArticleMeta, text: string): ArticleMeta {
  return meta.language ? meta : { ...meta, language: detectLanguage(text) };
}

/** `withLanguage` for code that has the metadata and reads the text only when it must. */
export async function withLanguageOf(meta: ArticleMeta, readText: () => Promise<string>): Promise<ArticleMeta> {
  return meta.language ? meta : withLanguage(meta, await readText());
}

/** An article's metadata from the store with its language as `withLanguage` gives it; a text that cannot be read leaves it unknown. */
export async function readMetaWithLanguage(store: Pick<WorkspaceStore, 'readMeta' | 'readVersionText'>, id: string): Promise<ArticleMeta> {
  const meta = await store.readMeta(id);
  return withLanguageOf(meta, () => store.readVersionText(id, meta.version).catch(() => ''));
}
