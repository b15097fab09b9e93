import {
  AlignmentType,
  ExternalHyperlink,
  HeadingLevel,
  Paragraph,
  Tab,
  TextRun,
  type IParagraphOptions,
  type ParagraphChild,
} from 'docx';
import { SerializedCitation, type NoteContent } from '../../../common/model/note';
import type { BriefContent } from '../briefContent';
import { afterTitle, noteCitation } from '../briefText';
import type { DocxParts } from './docxParts';
import { FAINT_FILL, MONO_FONT, MUTED, NUMBERING, STYLE, numberedFrom } from './docxStyles';
import { isRtl, safeLink, textRuns, type RunFormat } from './docxText';

/**
 * Renders a note's Lexical JSON as Word paragraphs by reading the serialized tree directly (no
 * editor runs in the core). Unknown node types degrade to their text, so a note written by a newer
 * editor still exports.
 */

interface JsonNode {
  type?: unknown;
  children?: unknown;
  [field: string]: unknown;
}

export interface NoteRenderOptions {
  parts: DocxParts;
  /**
   * The brief: its current entity names (a mention shows the entity's name now, not when it was
   * typed) and the current titles of cited articles.
   */
  content: BriefContent;
  /** How many levels below the document's outline the note's own headings sit (h1 → Heading 1 + shift). */
  headingShift: number;
  /** The heading the brief gives the note: a first heading saying the same is not repeated. */
  title?: string;
}

const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4, HeadingLevel.HEADING_5, HeadingLevel.HEADING_6];

/** Lexical's text format bits. */
const FORMAT = { bold: 1, italic: 2, strikethrough: 4, underline: 8, code: 16, subscript: 32, superscript: 64, highlight: 128 } as const;

/** Twentieths of a point per Lexical indent step (half an inch, as Word's Increase Indent). */
const INDENT = 720;
const MAX_LIST_LEVEL = 8;

export function noteToDocx(content: NoteContent, options: NoteRenderOptions): Paragraph[] {
  return new NoteWalker(options).render(content);
}

class NoteWalker {
  private readonly out: Paragraph[] = [];
  /** Each list is its own numbering instance, so every numbered list starts again at its first number. */
  private listInstance = 0;

  constructor(private readonly options: NoteRenderOptions) {}

  render(content: NoteContent): Paragraph[] {
    const blocks = childrenOf(content.root as JsonNode);
    const first = blocks[0];
    if (first?.type === 'heading' && this.options.title !== undefined && oneLine(plainText(first)) === oneLine(this.options.title)) blocks.shift();
    for (const node of blocks) this.block(node);
    return this.out;
  }

  private block(node: JsonNode): void {
    switch (node.type) {
      case 'paragraph':
      case 'listitem':
        this.paragraph(node, {});
        return;
      case 'heading': {
        const level = Number(/^h([1-6])$/.exec(String(node.tag))?.[1] ?? 1) + this.options.headingShift;
        this.paragraph(node, { heading: HEADINGS[Math.min(Math.max(level, 1), HEADINGS.length) - 1]! });
        return;
      }
      case 'quote':
        this.paragraph(node, { style: STYLE.quote });
        return;
      case 'code':
        this.paragraph(node, { style: STYLE.code }, { code: true });
        return;
      case 'list':
        this.list(node, 0);
        return;
      default: {
        const children = childrenOf(node);
        if (children.some(isBlock)) children.forEach((child) => (isBlock(child) ? this.block(child) : this.paragraphOf([child], {})));
        else if (children.length > 0 || typeof node.text === 'string') this.paragraph(node, {});
        // A childless, textless node (a horizontal rule, an image from a newer editor) has nothing to say in text.
      }
    }
  }

  private paragraph(node: JsonNode, props: IParagraphOptions, context: InlineContext = {}): void {
    const inline = typeof node.text === 'string' ? [node] : childrenOf(node);
    this.out.push(new Paragraph({ ...blockProps(node), ...props, children: this.inlines(inline, context) }));
  }

  private paragraphOf(nodes: JsonNode[], props: IParagraphOptions): void {
    this.out.push(new Paragraph({ ...props, children: this.inlines(nodes, {}) }));
  }

  private list(node: JsonNode, level: number): void {
    const instance = ++this.listInstance;
    for (const item of childrenOf(node)) {
      if (item.type !== 'listitem') {
        this.block(item);
        continue;
      }
      const nested = childrenOf(item).filter((c) => c.type === 'list');
      const inline = childrenOf(item).filter((c) => c.type !== 'list');
      // Lexical indents a list by putting the inner list in an item of its own; that item has no text.
      if (inline.length > 0 || nested.length === 0) {
        this.out.push(
          new Paragraph({
            ...blockProps(item, false),
            numbering: { reference: listReference(node, item, this.options.parts), level: Math.min(level, MAX_LIST_LEVEL), instance },
            children: this.inlines(inline, {}),
          }),
        );
      }
      for (const inner of nested) this.list(inner, level + 1);
    }
  }

  private inlines(nodes: JsonNode[], context: InlineContext): ParagraphChild[] {
    return nodes.flatMap((node) => this.inline(node, context));
  }

  private inline(node: JsonNode, context: InlineContext): ParagraphChild[] {
    switch (node.type) {
      case 'linebreak':
        return [new TextRun({ break: 1 })];
      case 'tab':
        return [new TextRun({ children: [new Tab()] })];
      case 'entity-mention': {
        const id = typeof node.entityId === 'string' ? node.entityId : '';
        const name = this.options.content.entityNames[id] ?? stringField(node, 'text');
        return textRuns(name, { ...runFormat(node, context), style: STYLE.entityMention });
      }
      case 'citation':
        return this.citation(node, context);
      case 'link':
      case 'autolink': {
        const href = node.isUnlinked === true ? null : safeLink(stringField(node, 'url'));
        if (!href) return this.inlines(childrenOf(node), context);
        return [new ExternalHyperlink({ link: href, children: this.inlines(childrenOf(node), { ...context, link: true }) })];
      }
      default:
        if (typeof node.text === 'string') return textRuns(node.text, runFormat(node, context));
        // Inline wrappers such as comment marks carry their text in children.
        return this.inlines(childrenOf(node), context);
    }
  }

  /**
   * The quoted words stay in the sentence, followed by their source and offsets, as the HTML brief
   * shows them. Not Word footnotes: LibreOffice (7.4) shows the wrong note text, or none, for
   * footnotes that come after a comment, and every article section before a note has comments.
   */
  private citation(node: JsonNode, context: InlineContext): ParagraphChild[] {
    const parsed = SerializedCitation.safeParse(node);
    if (!parsed.success) return textRuns(stringField(node, 'quote'), runFormat(node, context));
    const { title, where, deleted } = noteCitation(this.options.content, parsed.data);
    // A passage deleted since it was cited still reads, greyed, and its source says so.
    const format = deleted ? { ...runFormat(node, context), color: MUTED } : runFormat(node, context);
    return [
      ...textRuns(`“${parsed.data.quote}”`, format),
      ...textRuns(' (', { color: MUTED }),
      ...textRuns(title || 'Untitled article', { color: MUTED, italics: true }),
      ...textRuns(`${afterTitle(where)})`, { color: MUTED }),
    ];
  }
}

interface InlineContext {
  code?: boolean;
  link?: boolean;
}

function runFormat(node: JsonNode, context: InlineContext): RunFormat {
  const bits = typeof node.format === 'number' ? node.format : 0;
  const has = (bit: number) => (bits & bit) !== 0;
  const format: { -readonly [K in keyof RunFormat]: RunFormat[K] } = {};
  if (context.link) format.style = STYLE.hyperlink;
  if (has(FORMAT.bold)) format.bold = true;
  if (has(FORMAT.italic)) format.italics = true;
  if (has(FORMAT.strikethrough)) format.strike = true;
  if (has(FORMAT.underline)) format.underline = {};
  if (has(FORMAT.subscript)) format.subScript = true;
  if (has(FORMAT.superscript)) format.superScript = true;
  if (has(FORMAT.highlight)) format.highlight = 'yellow';
  if (has(FORMAT.code) && !context.code) {
    format.font = MONO_FONT;
    format.shading = { type: 'clear', fill: FAINT_FILL, color: 'auto' };
  }
  return format;
}

/** Alignment, indent and direction of a Lexical element, as paragraph properties. */
function blockProps(node: JsonNode, withIndent = true): IParagraphOptions {
  const rtl = node.direction === 'rtl' || (node.direction !== 'ltr' && isRtl(plainText(node)));
  const props: { -readonly [K in keyof IParagraphOptions]: IParagraphOptions[K] } = {};
  if (rtl) props.bidirectional = true;
  const align = { left: AlignmentType.LEFT, right: AlignmentType.RIGHT, center: AlignmentType.CENTER, justify: AlignmentType.BOTH }[String(node.format)];
  // `start` and `end` follow the paragraph's direction; older Word only knows left and right.
  if (align) props.alignment = align;
  else if (node.format === 'end') props.alignment = rtl ? AlignmentType.LEFT : AlignmentType.RIGHT;
  const indent = typeof node.indent === 'number' ? Math.min(Math.max(node.indent, 0), 10) : 0;
  if (withIndent && indent > 0) props.indent = { start: INDENT * indent };
  return props;
}

function listReference(list: JsonNode, item: JsonNode, parts: DocxParts): string {
  if (list.listType === 'check') return item.checked === true ? NUMBERING.checked : NUMBERING.unchecked;
  if (list.listType !== 'number') return NUMBERING.bullet;
  const start = typeof list.start === 'number' && Number.isInteger(list.start) && list.start > 1 ? Math.min(list.start, 32767) : 1;
  // Word keeps the first number in the list definition, so each first number other than 1 gets one.
  if (start > 1) parts.listStarts.add(start);
  return numberedFrom(start);
}

function childrenOf(node: JsonNode): JsonNode[] {
  return Array.isArray(node.children) ? (node.children as unknown[]).filter((c): c is JsonNode => typeof c === 'object' && c !== null) : [];
}

function isBlock(node: JsonNode): boolean {
  return Array.isArray(node.children) && node.type !== 'link' && node.type !== 'autolink' && node.type !== 'mark';
}

function stringField(node: JsonNode, field: string): string {
  const value = node[field];
  return typeof value === 'string' ? value : '';
}

function plainText(node: JsonNode): string {
  if (typeof node.text === 'string') return node.text;
  return childrenOf(node).map(plainText).join('');
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
