/**
 * Widens a span so neither edge falls between the two halves of a surrogate pair: a highlight
 * must never cut an astral character (𠮷, 𝔸, most emoji) in half. Fuzzy matching works on UTF-16
 * code units and can end up there.
 */
export function snapToCodePoints(text: string, start: number, end: number): { start: number; end: number } {
  return { start: splitsPair(text, start) ? start - 1 : start, end: splitsPair(text, end) ? end + 1 : end };
}

function splitsPair(text: string, at: number): boolean {
  if (at <= 0 || at >= text.length) return false;
  const before = text.charCodeAt(at - 1);
  const after = text.charCodeAt(at);
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
}
