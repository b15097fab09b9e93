/** A run of snippet text, marked when the search matched it. */
export interface SnippetPart {
  text: string;
  marked: boolean;
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>' };

function unescape(text: string): string {
  return text.replace(/&(?:amp|lt|gt);/g, (entity) => ENTITIES[entity]!);
}

/**
 * A search snippet (`<mark>` around matched words, `&`, `<`, `>` escaped elsewhere) as parts to
 * render as text nodes. Article text is untrusted: nothing here is ever parsed as HTML, and a
 * stray tag-like string inside the text (escaped by the core) comes back as plain characters.
 */
export function snippetParts(snippet: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  const push = (raw: string, marked: boolean) => {
    if (raw === '') return;
    const text = unescape(raw);
    const last = parts.at(-1);
    if (last && last.marked === marked) last.text += text;
    else parts.push({ text, marked });
  };
  let marked = false;
  for (const piece of snippet.split(/(<mark>|<\/mark>)/)) {
    if (piece === '<mark>') marked = true;
    else if (piece === '</mark>') marked = false;
    else push(piece, marked);
  }
  return parts;
}
