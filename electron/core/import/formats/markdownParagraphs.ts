import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import { closeMark, openMark, withoutSentinels } from '../../../common/text/textMarks';

type Root = ReturnType<typeof fromMarkdown>;
type MdNode = Root['children'][number];

export interface MarkdownText {
  paragraphs: string[];
  /** True when the first paragraph is a level-1 heading opening the document: the title, by convention. */
  opensWithTitle: boolean;
}

/**
 * Markdown → one plain-text paragraph per block. Inline markup is removed, but bold and italic are
 * kept as mark sentinels (see textMarks.ts) and list items keep their markers ("• ", "1. ",
 * "☑ ") with nested items indented, so the article's structure survives in its plain text.
 */
export function markdownParagraphs(markdown: string): MarkdownText {
  const root = fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
  const blocks = root.children.filter((node) => node.type !== 'html');
  const first = blocks[0];
  const paragraphs = blocks.flatMap((node) => blockParagraphs(node, 0));
  const opensWithTitle = first?.type === 'heading' && first.depth === 1 && blockParagraphs(first, 0).length > 0;
  return { paragraphs, opensWithTitle };
}

/** Spaces before a list item per level of nesting (the reader keeps them: its paragraphs pre-wrap). */
const INDENT = '    ';
const BULLETS = ['•', '◦', '▪'];

function blockParagraphs(node: MdNode, depth: number): string[] {
  switch (node.type) {
    case 'paragraph':
      return nonEmpty(inlineText(node, true));
    case 'heading':
      // A heading is bold by nature; it may also be the title, compared as plain text.
      return nonEmpty(inlineText(node, false));
    case 'code':
      // Verbatim: indentation is the point of a code block.
      return node.value.trim() ? [node.value.replace(/^\n+|\s+$/g, '')] : [];
    case 'table':
      return node.children.flatMap((row) => nonEmpty(row.children.map((cell) => inlineText(cell, true).trim()).join(' | ')));
    case 'list':
      return node.children.flatMap((item, i) => listItemParagraphs(item, depth, node.ordered ? `${(node.start ?? 1) + i}.` : BULLETS[Math.min(depth, BULLETS.length - 1)]!));
    case 'listItem':
      return listItemParagraphs(node, depth, BULLETS[Math.min(depth, BULLETS.length - 1)]!);
    case 'blockquote':
    case 'footnoteDefinition':
      return node.children.flatMap((child) => blockParagraphs(child, depth));
    default:
      // html, thematicBreak, definition, yaml …: nothing a reader would see as text.
      return [];
  }
}

/** An item's first paragraph after its marker, its other paragraphs under it, its own lists one level in. */
function listItemParagraphs(item: MdNode, depth: number, marker: string): string[] {
  if (item.type !== 'listItem') return blockParagraphs(item, depth);
  const indent = INDENT.repeat(depth);
  const box = item.checked === true ? '☑' : item.checked === false ? '☐' : null;
  const lead = `${indent}${box ?? marker} `;
  const out: string[] = [];
  let marked = false;
  for (const child of item.children) {
    if (child.type === 'list') {
      out.push(...blockParagraphs(child, depth + 1));
      continue;
    }
    for (const paragraph of blockParagraphs(child, depth)) {
      out.push(marked ? `${indent}${' '.repeat(lead.length - indent.length)}${paragraph}` : `${lead}${paragraph}`);
      marked = true;
    }
  }
  // An item with nothing but a nested list (or nothing at all) still shows its marker.
  if (!marked) out.unshift(lead.trimEnd());
  return out;
}

function nonEmpty(text: string): string[] {
  return text.trim() ? [text.trim()] : [];
}

/** Text as rendered: soft line breaks read as spaces, hard breaks stay line breaks, images give their alt text. */
function inlineText(node: MdNode, marks: boolean): string {
  switch (node.type) {
    case 'text':
      return withoutSentinels(node.value).replace(/[ \t]*\n[ \t]*/g, ' ');
    case 'inlineCode':
      return withoutSentinels(node.value);
    case 'break':
      return '\n';
    case 'image':
    case 'imageReference':
      return withoutSentinels(node.alt ?? '');
    case 'html':
      // Raw HTML is dropped, but an inline <br> is how many writers break a line in Markdown.
      return /^<br\s*\/?>$/i.test(node.value) ? '\n' : '';
    case 'footnoteReference':
      return '';
    case 'strong':
    case 'emphasis': {
      const inner = node.children.map((child) => inlineText(child as MdNode, marks)).join('');
      const kind = node.type === 'strong' ? 'strong' : 'emphasis';
      return marks ? `${openMark(kind)}${inner}${closeMark(kind)}` : inner;
    }
    default:
      return 'children' in node ? node.children.map((child) => inlineText(child as MdNode, marks)).join('') : '';
  }
}
