import type { NoteContent } from '../model/note';

/**
 * Note content with every inline style removed. Lexical applies a text node's `style` (and a
 * paragraph's `textStyle`) to the page as written, and CSS can fetch (`background: url(…)`) or
 * hide and restyle text; Dossier's editor never sets either, so a style in stored content came
 * from a tampered or hand-made file and is dropped before an editor shows it. The exports drop
 * styles on their own (see core/export/noteHtml.ts).
 */
export function withoutInlineStyles(content: NoteContent): NoteContent {
  return strip(content) as NoteContent;
}

function strip(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(strip);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    out[key] = (key === 'style' || key === 'textStyle') && typeof inner === 'string' ? '' : strip(inner);
  }
  return out;
}
