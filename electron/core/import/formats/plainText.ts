import { decodeArticleBytes } from '../decodeText';
import type { ExtractedArticle } from '../extractedArticle';

/** Plain text carries no stated metadata; the title and a `date` lead-in come from the core's normalisation. */
export function extractPlainText(bytes: Uint8Array, file: string): ExtractedArticle {
  return { text: decodeArticleBytes(bytes, file), mediaType: 'text/plain' };
}
