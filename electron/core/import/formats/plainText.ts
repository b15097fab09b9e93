import { decodeArticleBytes } from '../decodeText';
import type { ExtractedArticle } from '../extractedArticle';
import { splitFrontMatter } from './frontMatter';

/**
 * Plain text states its metadata, when it does, in YAML front matter (title, source or outlet,
 * date, author, url, language), as the bundled sample does; a file without it gets its title
 * and a `date` lead-in from the core's normalisation.
 */
export function extractPlainText(bytes: Uint8Array, file: string): ExtractedArticle {
  const decoded = decodeArticleBytes(bytes, file);
  const { frontMatter, body } = splitFrontMatter(decoded, { strict: true });
  if (!frontMatter) return { text: decoded, mediaType: 'text/plain' };
  return { ...frontMatter, text: body, mediaType: 'text/plain' };
}
