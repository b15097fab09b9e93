import { resolveEncoding } from '../encoding/decodeAs';
import { bomEncoding, decodeTextFile, type DecodedText } from '../encoding/decodeTextFile';
import { binaryFile } from '../importFailures';

export { decodeWindows1252 } from '../encoding/decodeAs';

/**
 * HTML bytes → text, and the encoding it was read in: the analyst's choice, a BOM, UTF-8, the
 * charset the page declares (<meta charset>, <meta http-equiv="Content-Type">, an XML
 * declaration), then detection, asking when it is unsure (see decodeTextFile). Unlike a browser,
 * an undeclared page that is not UTF-8 is not simply read as windows-1252: saved pages in
 * Arabic or Russian would turn to mojibake.
 */
export function decodeHtml(bytes: Uint8Array, file: string, chosen?: string): DecodedText {
  const bom = bomEncoding(bytes) ?? utf16ByFirstCharacter(bytes);
  const wide = (chosen ?? bom ?? '').toLowerCase().startsWith('utf-16');
  if (!wide && hasBinaryBytes(bytes)) throw binaryFile(file);
  const decoded = decodeTextFile(bytes, file, { chosen, bom, declared: bom ? undefined : declaredEncoding(bytes), markup: true });
  if (hasBinaryText(decoded.text)) throw binaryFile(file);
  return decoded;
}

/** UTF-16 without a BOM still starts with "<" next to a zero byte. */
function utf16ByFirstCharacter(bytes: Uint8Array): string | undefined {
  const [a, b] = bytes;
  if (a === 0x3c && b === 0) return 'utf-16le';
  if (a === 0 && b === 0x3c) return 'utf-16be';
  return undefined;
}

/** The encoding named in the first 4 KB, as a WHATWG name (`iso-8859-1` is windows-1252 there, as in browsers). */
function declaredEncoding(bytes: Uint8Array): string | undefined {
  // Read byte for byte: every encoding a page can declare itself in keeps ASCII as ASCII.
  const head = String.fromCharCode(...bytes.subarray(0, 4096));
  const label =
    /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head)?.[1] ??
    /^\s*<\?xml\b[^>]*?\bencoding\s*=\s*["']([\w.:-]+)/i.exec(head)?.[1];
  const encoding = label ? resolveEncoding(label) : undefined;
  // A page whose <meta> can be read as ASCII is not UTF-16, whatever it claims (HTML spec, "prescan").
  return encoding?.startsWith('utf-16') ? 'utf-8' : encoding;
}

/** NUL bytes mean binary in any 8-bit encoding. */
function hasBinaryBytes(bytes: Uint8Array): boolean {
  return bytes.subarray(0, 8192).includes(0);
}

/** Many control characters in the decoded text (the UTF-16 case) mean binary too. */
function hasBinaryText(text: string): boolean {
  const sample = text.slice(0, 8192);
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c < 9 || (c > 13 && c < 32) || c === 127) control++;
  }
  return control / Math.max(sample.length, 1) > 0.1;
}
