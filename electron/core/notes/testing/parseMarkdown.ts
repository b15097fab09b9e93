import type { Nodes, Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';

/** Markdown parsed back as CommonMark with GFM (footnotes, tables, autolink literals), as a reader would. */
export function parseMarkdown(md: string): Root {
  return fromMarkdown(md, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
}

/** Every node of `type` in the tree, in document order. */
export function nodesOf<T extends Nodes['type']>(tree: Nodes, type: T): Extract<Nodes, { type: T }>[] {
  const found: Nodes[] = [];
  const visit = (node: Nodes): void => {
    if (node.type === type) found.push(node);
    if ('children' in node) for (const child of node.children) visit(child as Nodes);
  };
  visit(tree);
  return found as Extract<Nodes, { type: T }>[];
}

/**
 * The node types of the tree (below the root), for "nothing but text" checks. GFM readers make a
 * link of a bare web or mail address (`http://…`, `www.…`, `a@b.example`) whatever escapes it
 * carries, so such a link is left out when its address is http(s) or mailto; any other link is
 * counted.
 */
export function typesOf(tree: Nodes): Set<string> {
  const types = new Set<string>();
  const visit = (node: Nodes): void => {
    if (node !== tree && !(node.type === 'link' && /^(https?:|mailto:)/.test(node.url))) types.add(node.type);
    if ('children' in node) for (const child of node.children) visit(child as Nodes);
  };
  visit(tree);
  return types;
}

/**
 * Text that tries to be markup: raw HTML, links and images to anything, a forged wikilink or
 * footnote, code, table pipes, and every block construct at the start of a line.
 */
export const HOSTILE_TEXTS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '](javascript:alert(1))',
  '[x](javascript:alert(1))',
  '![pixel](http://evil.example/x.png)',
  '<javascript:alert(1)>',
  '<http://evil.example>',
  '[[x]]',
  '[[x]](javascript:alert(1))',
  '[^1]',
  '[^1]: a footnote of my own',
  '[x]: http://evil.example',
  '`code` and ``more``',
  '```',
  'a | b | c',
  '|---|---|',
  '# heading',
  '###### six',
  '> quoted',
  '- item',
  '+ item',
  '* item',
  '1. item',
  '2) item',
  '10. October',
  '===',
  '---',
  '***',
  '*em* _em_ **strong** ~~strike~~',
  'snake_case and 2*3*4',
  '\\<script>',
  'back\\slash \\',
  '&amp; &#60; &lt;',
  'www.example.org and http://example.org and a@b.example',
  'www.]',
  'Министр <обороны> ‹وزارة› [الدفاع]',
];
