import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';

type Root = ReturnType<typeof fromMarkdown>;
type MdNode = Root['children'][number];

export interface MarkdownText {
  paragraphs: string[];
  /** True when the first paragraph is a level-1 heading opening the document: the title, by convention. */
  opensWithTitle: boolean;
}

/** Markdown → one plain-text paragraph per block, with all inline markup removed. */
export function markdownParagraphs(markdown: string): MarkdownText {
  const root = fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
  const blocks = root.children.filter((node) => node.type !== 'html');
  const first = blocks[0];
  const paragraphs = blocks.flatMap(blockParagraphs);
  const opensWithTitle = first?.type === 'heading' && first.depth === 1 && blockParagraphs(first).length > 0;
  return { paragraphs, opensWithTitle };
}

function blockParagraphs(node: MdNode): string[] {
  switch (node.type) {
    case 'paragraph':
    case 'heading':
      return nonEmpty(inlineText(node));
    case 'code':
      // Verbatim: indentation is the point of a code block.
      return node.value.trim() ? [node.value.replace(/^\n+|\s+$/g, '')] : [];
    case 'table':
      return node.children.flatMap((row) => nonEmpty(row.children.map((cell) => inlineText(cell).trim()).join(' | ')));
    case 'list':
    case 'listItem':
    case 'blockquote':
    case 'footnoteDefinition':
      return node.children.flatMap(blockParagraphs);
    default:
      // html, thematicBreak, definition, yaml …: nothing a reader would see as text.
      return [];
  }
}

function nonEmpty(text: string): string[] {
  return text.trim() ? [text.trim()] : [];
}

/** Text as rendered: soft line breaks read as spaces, hard breaks stay line breaks, images give their alt text. */
function inlineText(node: MdNode): string {
  switch (node.type) {
    case 'text':
      return node.value.replace(/[ \t]*\n[ \t]*/g, ' ');
    case 'inlineCode':
      return node.value;
    case 'break':
      return '\n';
    case 'image':
    case 'imageReference':
      return node.alt ?? '';
    case 'html':
      // Raw HTML is dropped, but an inline <br> is how many writers break a line in Markdown.
      return /^<br\s*\/?>$/i.test(node.value) ? '\n' : '';
    case 'footnoteReference':
      return '';
    default:
      return 'children' in node ? node.children.map((child) => inlineText(child as MdNode)).join('') : '';
  }
}
