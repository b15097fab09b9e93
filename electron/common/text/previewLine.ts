/** Preview length, in characters: a line of the dialog. */
const PREVIEW_CHARS = 90;

/**
 * A line of a text as one candidate encoding reads it, where the readings differ: from a little
 * before its first non-ASCII character (markup and its tags left out), so the analyst sees
 * words, not a doctype. The core's candidates and the dialog's own choice use the same line.
 */
export function previewLine(text: string, markup: boolean): string {
  const plain = (markup ? text.replace(/<(script|style)\b[\s\S]*?<\/\1\s*>|<!--[\s\S]*?-->|<[^>]*>/gi, ' ') : text).replace(/\s+/g, ' ').trim();
  const first = plain.search(/[^\t\n\r -~]/);
  let start = first < 0 ? 0 : Math.max(0, first - 20);
  // Start at a word, not inside one.
  if (start > 0) start = plain.indexOf(' ', start) + 1 || start;
  if (start > first && first >= 0) start = first;
  const chars = [...plain.slice(start)];
  return chars.length > PREVIEW_CHARS ? `${chars.slice(0, PREVIEW_CHARS).join('').trimEnd()}…` : chars.join('');
}
