import type { TextMark } from '../../common/model/article';
import { normalizeArticleText } from '../../common/text/normalizeArticleText';
import { putMarks, takeMarks } from '../../common/text/textMarks';
import { detectLanguage } from '../language/detectLanguage';
import { extractArticle } from './extractArticle';
import type { ExtractedArticle, ExtractOptions } from './extractedArticle';

/**
 * A file read for import: its text after Dossier's one normalisation, and its language. Everything
 * here is work on the whole text (extraction, normalisation, language detection), so it runs in
 * the core's worker thread in the app and the host: a thousand-file import never holds up the
 * thread that answers the window.
 */
export interface ReadArticle extends Omit<ExtractedArticle, 'text' | 'marks' | 'language'> {
  /** The normalised text: what the article's offsets point into. */
  text: string;
  /** Bold and italic runs of `text` (empty when the format has none). */
  marks: TextMark[];
  /** The date of the sample format's `date YYYY-MM-DD` lead-in, taken out of the text. */
  leadInDate: string | null;
  /** What the file states (a valid BCP 47 tag), else what the text reads as; null when neither tells. */
  language: string | null;
}

export async function readArticleFile(bytes: Uint8Array, fileName: string, options?: ExtractOptions): Promise<ReadArticle> {
  const { text: raw, marks: rawMarks, language: stated, ...provenance } = await extractArticle(bytes, fileName, options);
  // Bold and italic ride through the normalisation as sentinels, so their offsets are of the final text.
  const normalized = normalizeArticleText(rawMarks?.length ? putMarks(raw, rawMarks) : raw);
  const { text, marks } = takeMarks(normalized.text);
  return {
    ...provenance,
    text,
    marks,
    leadInDate: normalized.published,
    // What the file states wins; otherwise the text's own language, which the analyst can correct.
    language: validLanguage(stated) ?? (text ? detectLanguage(text) : null),
  };
}

function validLanguage(tag: string | null | undefined): string | null {
  return tag && /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(tag) ? tag : null;
}
