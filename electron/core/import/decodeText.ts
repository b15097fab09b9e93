import { decimal, DossierError, phrase } from '../../common/errors';
import { bomEncoding, decodeTextFile, type DecodedText } from './encoding/decodeTextFile';

/** Largest file Dossier imports; a news article is a few KB, a long report a few MB. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

/**
 * Bytes → text and the encoding it was read in, or a user-worded reason why these bytes are
 * not a text article. `chosen` is the encoding the analyst picked, when Dossier had to ask.
 */
export function decodeArticleBytes(bytes: Uint8Array, file: string, chosen?: string): DecodedText {
  if (bytes.length === 0) throw new DossierError('import-failed', phrase('import.empty', { file }), file);
  if (bytes.length > MAX_IMPORT_BYTES) {
    throw new DossierError(
      'import-failed',
      phrase('import.tooLarge', { file, size: decimal(bytes.length / 1024 / 1024, 1), limit: MAX_IMPORT_BYTES / 1024 / 1024 }),
      file,
    );
  }
  // UTF-16 is mostly zero bytes in Latin text: its BOM, or the analyst's choice, says it is text.
  const wide = (chosen ?? bomEncoding(bytes) ?? '').toLowerCase().startsWith('utf-16');
  if (!wide && looksBinary(bytes)) {
    throw new DossierError('import-failed', phrase('import.binary', { file }), file);
  }
  const decoded = decodeTextFile(bytes, file, { chosen });
  if (!decoded.text.trim()) throw new DossierError('import-failed', phrase('import.onlyWhitespace', { file }), file);
  return decoded;
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
