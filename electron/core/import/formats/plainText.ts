import { decodeArticleBytes } from '../decodeText';
import { encodingField, type ExtractedArticle, type ExtractOptions } from '../extractedArticle';
import { splitFrontMatter } from './frontMatter';

/**
 * Plain text states its metadata, when it does, in YAML front matter (title, source or outlet,
 * date, author, url, language), as the bundled sample does; a file without it gets its title
 * and a `date` lead-in from the core's normalisation.
 */
export function extractPlainText(bytes: Uint8Array, file: string, options: ExtractOptions = {}): ExtractedArticle {
  const { text: decoded, encoding } = decodeArticleBytes(bytes, file, options.encoding);
  const { frontMatter, body } = splitFrontMatter(decoded, { strict: true });
  if (!frontMatter) return { text: decoded, mediaType: 'text/plain', ...encodingField(encoding) };
  return { ...frontMatter, text: body, mediaType: 'text/plain', ...encodingField(encoding) };
}
