/**
 * Bytes → text in a named encoding (a WHATWG name: see resolveEncoding). `fatal` makes bytes
 * the encoding cannot hold an error instead of U+FFFD, which is how a candidate is ruled out.
 * A BOM of the encoding itself is dropped, as TextDecoder does.
 */
export function decodeAs(bytes: Uint8Array, encoding: string, { fatal = false, stream = false } = {}): string {
  if (encoding === 'windows-1252') return decodeWindows1252(bytes);
  return new TextDecoder(encoding, { fatal }).decode(bytes, { stream });
}

/** The same, or null when the bytes are not valid in that encoding. */
export function tryDecode(bytes: Uint8Array, encoding: string, options: { stream?: boolean } = {}): string | null {
  try {
    return decodeAs(bytes, encoding, { fatal: true, ...options });
  } catch {
    return null;
  }
}

/**
 * The WHATWG name of an encoding label (`cp1251` → `windows-1251`, `latin1` → `windows-1252`,
 * `sjis` → `shift_jis`), or undefined for one TextDecoder does not know. `replacement` (what
 * ISO-2022-KR and other unsafe labels map to) decodes nothing, so it counts as unknown.
 */
export function resolveEncoding(label: string): string | undefined {
  let encoding: string;
  try {
    encoding = new TextDecoder(label.trim()).encoding;
  } catch {
    return undefined;
  }
  return encoding === 'replacement' ? undefined : encoding;
}

/** Whether the bytes are UTF-8 (ASCII is). */
export function isUtf8(bytes: Uint8Array): boolean {
  return tryDecode(bytes, 'utf-8') !== null;
}

/** Whether every byte is ASCII: text that reads the same in UTF-8 and every legacy encoding Dossier detects. */
export function isAscii(bytes: Uint8Array): boolean {
  for (const b of bytes) if (b > 0x7f) return false;
  return true;
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
