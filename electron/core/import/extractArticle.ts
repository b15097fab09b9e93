import { isDossierError } from '../../common/errors';
import { detectFormat, type ArticleFormat } from './detectFormat';
import { IMPORT_LIMITS_BYTES, type ExtractedArticle, type ExtractOptions } from './extractedArticle';
import { emptyFile, tooLarge, unreadableFile } from './importFailures';
import { extractMarkdown } from './formats/markdown';
import { extractPlainText } from './formats/plainText';

// HTML (jsdom, Readability, DOMPurify) and PDF (pdf.js) load on their first file: a process that
// never reads one (the app's main process, whose imports run in the worker) never holds them.
const extractHtml = async (bytes: Uint8Array, file: string, options: ExtractOptions) => (await import('./formats/html')).extractHtml(bytes, file, options);
const extractPdf = async (bytes: Uint8Array, file: string) => (await import('./formats/pdf')).extractPdf(bytes, file);

const FORMATS: Record<
  ArticleFormat,
  { extract: (bytes: Uint8Array, file: string, options: ExtractOptions) => ExtractedArticle | Promise<ExtractedArticle>; limit: number; kind: string }
> = {
  pdf: { extract: extractPdf, limit: IMPORT_LIMITS_BYTES.pdf, kind: 'PDF' },
  html: { extract: extractHtml, limit: IMPORT_LIMITS_BYTES.html, kind: 'HTML' },
  markdown: { extract: extractMarkdown, limit: IMPORT_LIMITS_BYTES.text, kind: 'Markdown' },
  text: { extract: extractPlainText, limit: IMPORT_LIMITS_BYTES.text, kind: 'text' },
};

/**
 * One file's bytes → its article text and stated metadata, whatever the format. Every failure
 * is a DossierError naming the file: an unexpected error inside a parser is reported as that
 * file being unreadable, so one odd file never stops a batch import.
 */
export async function extractArticle(bytes: Uint8Array, fileName: string, options: ExtractOptions = {}): Promise<ExtractedArticle> {
  if (bytes.length === 0) throw emptyFile(fileName);
  const format = FORMATS[detectFormat(bytes, fileName)];
  if (bytes.length > format.limit) throw tooLarge(fileName, bytes.length, format.limit, format.kind);
  try {
    return await format.extract(bytes, fileName, options);
  } catch (error) {
    if (isDossierError(error)) throw error;
    throw unreadableFile(fileName, format.kind, error);
  }
}
