import { DossierError } from '../../common/errors';

/** Largest file Dossier imports; a news article is a few KB, a long report a few MB. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

/**
 * Bytes → text, or a user-worded reason why these bytes are not a text article.
 * Binary is told apart from non-UTF-8 text so the message can say which it is.
 */
export function decodeArticleBytes(bytes: Uint8Array, file: string): string {
  if (bytes.length === 0) throw new DossierError('import-failed', `${file} is empty.`, file);
  if (bytes.length > MAX_IMPORT_BYTES) {
    throw new DossierError(
      'import-failed',
      `${file} is too large (${(bytes.length / 1024 / 1024).toFixed(1)} MB; the limit is ${MAX_IMPORT_BYTES / 1024 / 1024} MB).`,
      file,
    );
  }
  if (looksBinary(bytes)) {
    throw new DossierError('import-failed', `${file} is a binary file, not a text article.`, file);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new DossierError('import-failed', `${file} is not UTF-8 text; save it as UTF-8 and import it again.`, file);
  }
  if (!text.trim()) throw new DossierError('import-failed', `${file} holds only whitespace.`, file);
  return text;
}

/** NUL bytes, or many control characters in the first 8 KB, mean binary (the heuristic git uses, widened). */
function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 8192);
  let control = 0;
  for (const b of sample) {
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32) || b === 127) control++;
  }
  return control / sample.length > 0.1;
}
