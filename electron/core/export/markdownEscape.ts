import type { Nodes } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';

/**
 * Escapes what would turn article or comment text into markup: emphasis, links, raw HTML,
 * code spans, tables, and block syntax at the start of a line.
 */
export function inline(text: string): string {
  return text
    .replace(/[\\`*_[\]<>|~]/g, (c) => `\\${c}`)
    .replace(/^(\s*)(#{1,6}|[>+-])(?=\s|$)/, '$1\\$2')
    // A line of only = or - would turn the line above it into a (setext) heading.
    .replace(/^(\s*)([=-])(?=[=\s-]*$)/, '$1\\$2')
    .replace(/^(\s*\d+)([.)])(?=\s|$)/, '$1\\$2');
}

/** `[[Name]]`, as Obsidian links it; brackets and pipes would end the link early, so they go. */
export function wikilink(name: string): string {
  return `[[${name.replace(/[[\]|]/g, '').replace(/\s+/g, ' ').trim().replace(/[\\<>]/g, (c) => `\\${c}`)}]]`;
}

/** A safe link target in Markdown: http(s) and mailto only; anything else stays text. */
const SAFE_URL = /^(https?:|mailto:)/i;

/**
 * Makes Markdown written from a note inert and fits it under the brief's headings. A note's text
 * is the analyst's, but Lexical's Markdown export leaves `<`, `[` and `!` alone, so typed
 * `<script>`, `![](http://…)` or `[^1]: …` would become raw HTML, a remote image or a footnote of
 * ours. Those are escaped where the parser finds them; the note's own headings move under a
 * heading of level `under` (its top heading becomes level `under + 1`).
 */
export function inertMarkdown(markdown: string, under: number): string {
  let md = markdown;
  // Escaping one construct can reveal another (`\![x](javascript:…)` leaves a link): parse again.
  for (let pass = 0; pass < 5; pass++) {
    const edits = findEdits(md);
    if (edits.length === 0) break;
    md = applyEdits(md, edits);
  }
  return under > 0 ? applyEdits(md, headingEdits(md, under)) : md;
}

interface Edit {
  at: number;
  remove: number;
  insert: string;
}

function parse(md: string) {
  return fromMarkdown(md, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
}

function findEdits(md: string): Edit[] {
  const edits: Edit[] = [];
  walk(parse(md), (node) => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined) return true;
    switch (node.type) {
      case 'html':
        edits.push({ at: start, remove: end - start, insert: md.slice(start, end).replace(/[<>]/g, (c) => `\\${c}`) });
        return false;
      case 'image':
      case 'imageReference':
        edits.push({ at: start, remove: 0, insert: '\\' }, { at: start + 1, remove: 0, insert: '\\' });
        return false;
      case 'link':
        if (SAFE_URL.test(node.url)) return true;
        edits.push({ at: start, remove: 0, insert: '\\' });
        return false;
      case 'definition':
      case 'footnoteDefinition':
      case 'footnoteReference':
      case 'linkReference':
        edits.push({ at: start, remove: 0, insert: '\\' });
        return false;
      default:
        return true;
    }
  });
  return edits;
}

function headingEdits(md: string, under: number): Edit[] {
  const edits: Edit[] = [];
  const tree = parse(md);
  let top = 7;
  walk(tree, (node) => {
    if (node.type === 'heading') top = Math.min(top, node.depth);
    return node.type !== 'heading';
  });
  const shift = Math.max(0, under + 1 - top);
  walk(tree, (node) => {
    if (node.type !== 'heading') return true;
    const start = node.position?.start.offset;
    if (start === undefined) return false;
    const hashes = /^ {0,3}(#+)/.exec(md.slice(start, start + 10));
    const add = Math.min(shift, 6 - node.depth);
    if (hashes && add > 0) edits.push({ at: start + hashes[0].length, remove: 0, insert: '#'.repeat(add) });
    return false;
  });
  return edits;
}

function walk(node: Nodes, visit: (node: Nodes) => boolean): void {
  if (!visit(node)) return;
  if ('children' in node) for (const child of node.children) walk(child as Nodes, visit);
}

function applyEdits(md: string, edits: Edit[]): string {
  let out = md;
  for (const edit of [...edits].sort((a, b) => b.at - a.at)) out = out.slice(0, edit.at) + edit.insert + out.slice(edit.at + edit.remove);
  return out;
}
