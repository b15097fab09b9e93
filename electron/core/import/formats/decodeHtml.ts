import { binaryFile, notUtf8 } from '../importFailures';

/**
 * HTML bytes → text, in the encoding the page declares (BOM, then <meta charset> or an XML
 * declaration, then UTF-8), the order browsers use. Saved pages from older sites are often
 * windows-1252 and say so; an undeclared page that is not UTF-8 is read as windows-1252 too,
 * as browsers do, rather than refused.
 */
export function decodeHtml(bytes: Uint8Array, file: string): string {
  const bom = bomEncoding(bytes);
  const declared = bom ? undefined : declaredEncoding(bytes);
  const encoding = bom ?? declared ?? 'utf-8';
  if (!encoding.startsWith('utf-16') && hasBinaryBytes(bytes)) throw binaryFile(file);
  let text: string;
  try {
    // Only UTF-8 can be told wrong for sure; a stated UTF-8 that is not is refused rather than garbled.
    text = encoding === 'windows-1252' ? decodeWindows1252(bytes) : new TextDecoder(encoding, { fatal: encoding === 'utf-8' }).decode(bytes);
  } catch {
    if (bom || declared) throw notUtf8(file);
    text = decodeWindows1252(bytes);
  }
  if (hasBinaryText(text)) throw binaryFile(file);
  return text;
}

function bomEncoding(bytes: Uint8Array): string | undefined {
  const [a, b, c] = bytes;
  if (a === 0xef && b === 0xbb && c === 0xbf) return 'utf-8';
  if (a === 0xff && b === 0xfe) return 'utf-16le';
  if (a === 0xfe && b === 0xff) return 'utf-16be';
  // UTF-16 without a BOM still starts with "<" next to a zero byte.
  if (a === 0x3c && b === 0) return 'utf-16le';
  if (a === 0 && b === 0x3c) return 'utf-16be';
  return undefined;
}

/** The encoding named in the first 4 KB, as a label TextDecoder knows (`iso-8859-1` is windows-1252 there, as in browsers). */
function declaredEncoding(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('windows-1252').decode(bytes.subarray(0, 4096));
  const label =
    /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head)?.[1] ??
    /^\s*<\?xml\b[^>]*?\bencoding\s*=\s*["']([\w.:-]+)/i.exec(head)?.[1];
  if (!label) return undefined;
  let encoding: string;
  try {
    encoding = new TextDecoder(label).encoding;
  } catch {
    return undefined;
  }
  // A page whose <meta> can be read as ASCII is not UTF-16, whatever it claims (HTML spec, "prescan").
  return encoding.startsWith('utf-16') ? 'utf-8' : encoding;
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

// WHATWG index-windows-1252 for 0x80–0x9F; every other byte is its own code point.
const WINDOWS_1252_C1 = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

/**
 * Node's TextDecoder decodes windows-1252 as Latin-1 since 20.18.3 / 22.13.0, turning curly
 * quotes and € into control characters (nodejs/node#60888), so the table is applied here.
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  const chunks: string[] = [];
  for (let start = 0; start < bytes.length; start += 8192) {
    const units = Array.from(bytes.subarray(start, start + 8192), (b) => (b >= 0x80 && b < 0xa0 ? WINDOWS_1252_C1[b - 0x80]! : b));
    chunks.push(String.fromCharCode(...units));
  }
  return chunks.join('');
}
