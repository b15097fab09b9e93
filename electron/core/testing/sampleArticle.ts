import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { normalizeArticleText } from '../../common/text/normalizeArticleText';
import { extractPlainText } from '../import/formats/plainText';

/** The bundled sample article (headline and source in its front matter), as tests read it. */
export const SAMPLE_PATH = fileURLToPath(new URL('../../../assets/india-japan-defence-2025-05-04.txt', import.meta.url));

/** The sample's file as written (front matter included). */
export function sampleFile(): string {
  return readFileSync(SAMPLE_PATH, 'utf8');
}

/** The sample's body, without its front matter: what an edited version of it starts from. */
export function sampleBody(): string {
  return extractPlainText(readFileSync(SAMPLE_PATH), SAMPLE_PATH).text;
}

/** The sample's text as Dossier stores it on import (front matter read, normalised), and its stated metadata. */
export function sampleArticle(): { text: string; published: string | null; title: string | undefined; outlet: string | undefined } {
  const extracted = extractPlainText(readFileSync(SAMPLE_PATH), SAMPLE_PATH);
  const { text, published } = normalizeArticleText(extracted.text);
  return { text, published: extracted.published ?? published, title: extracted.title, outlet: extracted.outlet };
}
