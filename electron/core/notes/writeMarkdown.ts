import type { Root } from 'mdast';
import { gfmToMarkdown } from 'mdast-util-gfm';
import { toMarkdown, type ConstructName, type Join, type Unsafe } from 'mdast-util-to-markdown';
import { wikiLinkToMarkdown } from './wikiLink';

/** Footnote definitions sit one per line at the end, as a person lists them. */
const tightFootnotes: Join = (left, right) => (left.type === 'footnoteDefinition' && right.type === 'footnoteDefinition' ? 0 : undefined);

/** Where text is not parsed for markup, so escapes would show (or break a URL). */
const LITERAL: ConstructName[] = ['autolink', 'destinationLiteral', 'destinationRaw', 'reference', 'titleQuote', 'titleApostrophe'];

const UNSAFE: Unsafe[] = [
  // CommonMark reads a lone `]` as text, but escaping every one, as `[` already is, keeps typed
  // `](javascript:…)` or `]]` from looking like the end of a link or wikilink to any reader.
  { character: ']', inConstruct: 'phrasing', notInConstruct: LITERAL },
  // GFM makes a link of `www.` even when an escaped character follows it, and keeps the backslash
  // as part of the link text (`www.\*` reads `www.\*`); escaping the dot keeps such text text.
  { character: '.', before: '[Ww]{3}', inConstruct: 'phrasing', notInConstruct: LITERAL },
];

/**
 * Markdown (CommonMark with GFM footnotes, tables, strikethrough and task lists, plus wikilinks)
 * from a syntax tree. Every text node is escaped by the serialiser for where it lands, so text
 * reads as text: there is no escaping to forget. The style is the one people type: `-` bullets,
 * `*emphasis*`, `**strong**`, fenced code.
 */
export function writeMarkdown(tree: Root): string {
  return toMarkdown(tree, {
    bullet: '-',
    emphasis: '*',
    strong: '*',
    fences: true,
    listItemIndent: 'one',
    join: [tightFootnotes],
    unsafe: UNSAFE,
    extensions: [gfmToMarkdown(), wikiLinkToMarkdown],
  });
}
