import type { ExtractedArticle } from '../extractedArticle';
import { encryptedPdf, requireArticleText, scannedPdf, unreadablePdf } from '../importFailures';
import { cleanText, toIsoDate, toLanguageTag } from '../metadataValues';
import { loadPdfjs, pdfjsDataFolders } from './pdfjs';
import { fromPdfGlyphs } from './pdfCharacters';
import { pdfParagraphs, type PdfTextRun } from './pdfLayout';

interface PdfjsTextItem {
  str: string;
  dir: string;
  transform: number[];
  width: number;
  height: number;
}

export async function extractPdf(bytes: Uint8Array, file: string): Promise<ExtractedArticle> {
  const pdfjs = await loadPdfjs();
  const task = pdfjs.getDocument({
    // A copy, as a plain Uint8Array: pdf.js takes ownership of the buffer it is given and
    // refuses Node's Buffer (what fs.readFile and base64 decoding return).
    data: Uint8Array.from(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    disableAutoFetch: true,
    disableStream: true,
    stopAtErrors: false,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
    ...pdfjsDataFolders(),
  });
  try {
    const document = await task.promise.catch((error: unknown) => {
      throw (error as Error | undefined)?.name === 'PasswordException' ? encryptedPdf(file, error) : unreadablePdf(file, error);
    });
    const pages: PdfTextRun[][] = [];
    try {
      for (let number = 1; number <= document.numPages; number++) {
        const page = await document.getPage(number);
        const content = await page.getTextContent();
        pages.push(content.items.flatMap((item) => ('str' in item ? [toRun(item)] : [])));
        page.cleanup();
      }
    } catch (error) {
      throw unreadablePdf(file, error);
    }
    const paragraphs = pdfParagraphs(pages);
    if (!paragraphs.some((paragraph) => /[\p{L}\p{N}]/u.test(paragraph))) throw scannedPdf(file);
    const info = await document.getMetadata().then(
      (metadata) => metadata.info as Record<string, unknown>,
      () => ({}) as Record<string, unknown>,
    );
    const title = documentTitle(info.Title);
    if (title !== undefined && paragraphs[0] === title) paragraphs.shift();
    return {
      text: requireArticleText(paragraphs.join('\n\n'), file),
      mediaType: 'application/pdf',
      title,
      author: cleanText(info.Author),
      published: pdfDate(info.CreationDate),
      language: toLanguageTag(info.Language),
    };
  } finally {
    await task.destroy();
  }
}

function toRun(item: PdfjsTextItem): PdfTextRun {
  const [, , c = 0, d = 0, x = 0, y = 0] = item.transform;
  return { text: fromPdfGlyphs(item.str), x, y, width: item.width, size: Math.hypot(c, d) || item.height, rtl: item.dir === 'rtl' };
}

/** Word processors fill Title with the file name ("Microsoft Word - report.docx"); that is not a title. */
function documentTitle(value: unknown): string | undefined {
  const title = cleanText(value);
  if (!title || /^Microsoft \w+ - |\.(?:docx?|odt|rtf|pages|pptx?|pdf|tex|indd|qxp)$/i.test(title)) return undefined;
  return title;
}

/** PDF dates read `D:YYYYMMDDHHmmSS+hh'mm'`; only a full calendar date is a publication date. */
function pdfDate(value: unknown): string | undefined {
  const match = typeof value === 'string' ? /^(?:D:)?(\d{4})(\d{2})(\d{2})/.exec(value.trim()) : null;
  return match ? toIsoDate(`${match[1]}-${match[2]}-${match[3]}`) : undefined;
}
