import { DossierError } from '../../common/errors';

/**
 * The reasons a file is refused, worded for the analyst and naming the file, so the import
 * report reads the same in the app, the host and the CLI.
 */
const MB = 1024 * 1024;

/** Fewer characters than this are a caption or a stub, not something worth annotating (~2 sentences). */
export const MIN_ARTICLE_CHARS = 100;

export function importFailure(file: string, message: string, cause?: unknown): DossierError {
  const error = new DossierError('import-failed', message, file);
  if (cause !== undefined) error.cause = cause;
  return error;
}

export function emptyFile(file: string): DossierError {
  return importFailure(file, `${file} is empty.`);
}

export function tooLarge(file: string, size: number, limit: number, kind: string): DossierError {
  // Rounded up, so a file just over the limit never reads as "20.0 MB; the limit is 20 MB".
  const sizeMb = (Math.ceil((size / MB) * 10) / 10).toFixed(1);
  return importFailure(file, `${file} is too large (${sizeMb} MB; the limit for ${kind} files is ${limit / MB} MB).`);
}

export function binaryFile(file: string): DossierError {
  return importFailure(file, `${file} is a binary file, not a text article.`);
}

export function notUtf8(file: string): DossierError {
  return importFailure(file, `${file} is not UTF-8 text; save it as UTF-8 and import it again.`);
}

export function notAnArticle(file: string): DossierError {
  return importFailure(
    file,
    `${file} is not an article: Dossier found no readable text in it (at least a couple of sentences).`,
  );
}

export function unreadablePdf(file: string, cause?: unknown): DossierError {
  return importFailure(file, `${file} cannot be read as a PDF: the file is damaged or not a PDF.`, cause);
}

export function encryptedPdf(file: string, cause?: unknown): DossierError {
  return importFailure(
    file,
    `${file} cannot be read: the PDF is encrypted with a password. Save an unprotected copy and import that.`,
    cause,
  );
}

export function scannedPdf(file: string): DossierError {
  return importFailure(file, `${file} is a PDF of scanned images without text; Dossier cannot read it yet.`);
}

export function unreadableFile(file: string, kind: string, cause: unknown): DossierError {
  return importFailure(file, `${file} could not be read as ${kind}; the file may be damaged.`, cause);
}

/** Throws "not an article" unless the text holds at least a couple of sentences. */
export function requireArticleText(text: string, file: string): string {
  if (text.replace(/\s+/g, ' ').trim().length < MIN_ARTICLE_CHARS) throw notAnArticle(file);
  return text;
}
