import { decimal, DossierError, phrase, type Words } from '../../common/errors';

/**
 * The reasons a file is refused, worded for the analyst and naming the file, so the import
 * report reads the same in the app, the host and the CLI.
 */
const MB = 1024 * 1024;

/** Fewer characters than this are a caption or a stub, not something worth annotating (~2 sentences). */
export const MIN_ARTICLE_CHARS = 100;

export function importFailure(file: string, message: Words, cause?: unknown): DossierError {
  const error = new DossierError('import-failed', message, file);
  if (cause !== undefined) error.cause = cause;
  return error;
}

export function emptyFile(file: string): DossierError {
  return importFailure(file, phrase('import.empty', { file }));
}

export function tooLarge(file: string, size: number, limit: number, kind: string): DossierError {
  // Rounded up, so a file just over the limit never reads as "20.0 MB; the limit is 20 MB".
  const sizeMb = (Math.ceil((size / MB) * 10) / 10).toFixed(1);
  return importFailure(file, phrase('import.tooLargeFor', { file, size: decimal(Number(sizeMb), 1), limit: limit / MB, kind: kindWords(kind) }));
}

export function binaryFile(file: string): DossierError {
  return importFailure(file, phrase('import.binary', { file }));
}

export function notAnArticle(file: string): DossierError {
  return importFailure(
    file,
    phrase('import.notAnArticle', { file }),
  );
}

export function unreadablePdf(file: string, cause?: unknown): DossierError {
  return importFailure(file, phrase('import.unreadablePdf', { file }), cause);
}

export function encryptedPdf(file: string, cause?: unknown): DossierError {
  return importFailure(
    file,
    phrase('import.encryptedPdf', { file }),
    cause,
  );
}

export function scannedPdf(file: string): DossierError {
  return importFailure(file, phrase('import.scannedPdf', { file }));
}

export function unreadableFile(file: string, kind: string, cause: unknown): DossierError {
  return importFailure(file, phrase('import.unreadableAs', { file, kind: kindWords(kind, 'as') }), cause);
}

/** The kinds of file the import names (`PDF`, `text` …) as words to translate; another kind as it is. */
const KINDS = { PDF: 'PDF', HTML: 'HTML', Markdown: 'Markdown', text: 'text' } as const;
function kindWords(kind: string, as?: 'as'): Words {
  if (!Object.hasOwn(KINDS, kind)) return kind;
  const key = KINDS[kind as keyof typeof KINDS];
  return as ? phrase(`import.asKind.${key}`) : phrase(`import.kind.${key}`);
}

/** Throws "not an article" unless the text holds at least a couple of sentences. */
export function requireArticleText(text: string, file: string): string {
  if (text.replace(/\s+/g, ' ').trim().length < MIN_ARTICLE_CHARS) throw notAnArticle(file);
  return text;
}
