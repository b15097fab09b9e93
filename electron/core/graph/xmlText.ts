/**
 * Characters XML 1.0 cannot carry at all, even escaped: C0 controls other than tab, line feed and
 * carriage return, lone surrogates, U+FFFE and U+FFFF. A name pasted from a PDF can hold one, and a
 * single one makes the whole file unreadable to Gephi or yEd, so they are dropped.
 */
// With the u flag a surrogate range matches only a lone surrogate: a pair is one code point.
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/u;

/** What each character that cannot stand as itself becomes; the rest of NOT_XML becomes nothing. */
const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  // Kept as characters, line ends and tabs in attribute values would be read back as spaces.
  '\r': '&#13;',
  '\n': '&#10;',
  '\t': '&#9;',
};
const SPECIAL = new RegExp(`[&<>"\\t\\n\\r]|${NOT_XML.source}`, 'gu');

/** Text for an attribute value or element content, escaped (quotes too, so it fits either). */
export function xmlText(value: string): string {
  // Most names need nothing: one scan, and the string itself, keeps a 20,000-edge export fast.
  SPECIAL.lastIndex = 0;
  if (!SPECIAL.test(value)) return value;
  return value.replace(SPECIAL, (c) => ESCAPES[c] ?? '');
}

/** `name="value"` pairs, skipping those without a value. */
export function xmlAttributes(attributes: Record<string, string | number | null | undefined>): string {
  return Object.entries(attributes)
    .filter((entry): entry is [string, string | number] => entry[1] !== null && entry[1] !== undefined)
    .map(([name, value]) => ` ${name}="${xmlText(String(value))}"`)
    .join('');
}
