import { $isCodeNode } from '@lexical/code';
import { $isAutoLinkNode, $isLinkNode } from '@lexical/link';
import { $isListItemNode, $isListNode, type ListNode } from '@lexical/list';
import { $isHeadingNode, $isQuoteNode } from '@lexical/rich-text';
import { $getRoot, $isElementNode, $isLineBreakNode, $isTextNode, type LexicalNode, type TextNode } from 'lexical';
import type { BlockContent, Heading, List, ListItem, Paragraph, PhrasingContent } from 'mdast';
import type { NoteContent } from '../../common/model/note';
import { $isCitationNode, type CitationFields } from '../../common/notes/nodes/CitationNode';
import { $isEntityMentionNode } from '../../common/notes/nodes/EntityMentionNode';
import { loadNote } from './loadNote';
import { wikiLink } from './wikiLink';

/** How a citation reads in Markdown; a brief makes it a footnote. */
export type CitationWriter = (citation: CitationFields) => PhrasingContent[];

export const inlineCitation: CitationWriter = (c) => [{ type: 'text', value: `“${oneLine(c.quote)}” (${oneLine(c.source)})` }];

export interface NoteMdastOptions {
  /** Current entity names by id (renames and merges since the note was saved). */
  entityName?: (entityId: string) => string | undefined;
  citation?: CitationWriter;
}

/** Links that stay links: the analyst's text is theirs, but a `javascript:` link must never work. */
const SAFE_URL = /^(https?:|mailto:)/i;

/**
 * A note as Markdown syntax (mdast) blocks, read from the headless editor node by node: mentions
 * become wikilinks, citations what `citation` writes, text stays text whatever it contains.
 */
export function noteToMdast(content: NoteContent, options: NoteMdastOptions = {}): BlockContent[] {
  const editor = loadNote(content, options.entityName);
  const cite = options.citation ?? inlineCitation;
  return editor.getEditorState().read(() => $blocks($getRoot().getChildren(), cite));
}

function $blocks(nodes: LexicalNode[], cite: CitationWriter): BlockContent[] {
  return nodes.flatMap((node) => $block(node, cite));
}

function $block(node: LexicalNode, cite: CitationWriter): BlockContent[] {
  if ($isListNode(node)) return [$list(node, cite)];
  if ($isCodeNode(node)) return [{ type: 'code', lang: node.getLanguage() || null, value: node.getTextContent() }];
  if (!$isElementNode(node)) return paragraph($phrasing([node], cite));
  const children = node.getChildren();
  if ($isHeadingNode(node)) {
    const phrasing = $phrasing(children, cite);
    return phrasing.length ? [{ type: 'heading', depth: Number(node.getTag().slice(1)) as Heading['depth'], children: phrasing }] : [];
  }
  if ($isQuoteNode(node)) {
    const quoted = paragraph($phrasing(children, cite));
    return quoted.length ? [{ type: 'blockquote', children: quoted }] : [];
  }
  // An element of a newer editor that holds blocks: its blocks, each run of inline nodes a paragraph.
  if (children.some((c) => $isElementNode(c) && !c.isInline())) {
    const out: BlockContent[] = [];
    let run: LexicalNode[] = [];
    for (const child of [...children, null]) {
      if (child && !($isElementNode(child) && !child.isInline())) {
        run.push(child);
        continue;
      }
      out.push(...paragraph($phrasing(run, cite)));
      run = [];
      if (child) out.push(...$block(child, cite));
    }
    return out;
  }
  return paragraph($phrasing(children, cite));
}

function $list(node: ListNode, cite: CitationWriter): List {
  const type = node.getListType();
  const items: ListItem[] = [];
  for (const item of node.getChildren()) {
    const children = $isElementNode(item) ? item.getChildren() : [item];
    const nested = children.filter($isListNode).map((list) => $list(list, cite));
    const text = paragraph($phrasing(children.filter((c) => !$isListNode(c)), cite));
    const previous = items.at(-1);
    // Lexical indents a list by putting the inner list in an item of its own; it belongs to the item before.
    if (text.length === 0 && nested.length > 0 && previous) {
      previous.children.push(...nested);
      continue;
    }
    items.push({
      type: 'listItem',
      spread: false,
      checked: type === 'check' ? ($isListItemNode(item) && item.getChecked()) || false : null,
      children: [...text, ...nested],
    });
  }
  return { type: 'list', ordered: type === 'number', start: type === 'number' ? node.getStart() : null, spread: false, children: items };
}

function paragraph(children: PhrasingContent[]): Paragraph[] {
  return children.length ? [{ type: 'paragraph', children }] : [];
}

function $phrasing(nodes: LexicalNode[], cite: CitationWriter): PhrasingContent[] {
  return mergeAdjacent(nodes.flatMap((node) => $inline(node, cite)));
}

function $inline(node: LexicalNode, cite: CitationWriter): PhrasingContent[] {
  if ($isLineBreakNode(node)) return [{ type: 'break' }];
  if ($isEntityMentionNode(node)) return [formatted(node, wikiLink(node.getTextContent()))];
  if ($isTextNode(node)) {
    const value = node.getTextContent();
    if (!value) return [];
    return [formatted(node, node.hasFormat('code') ? { type: 'inlineCode', value } : { type: 'text', value })];
  }
  if ($isCitationNode(node)) return cite(node.getCitation());
  if ($isLinkNode(node)) {
    const children = $phrasing(node.getChildren(), cite);
    const url = node.getURL();
    // Like the HTML and Word briefs, a link to anything but the web or mail keeps only its text.
    if (($isAutoLinkNode(node) && node.getIsUnlinked()) || !SAFE_URL.test(url) || children.length === 0) return children;
    return [{ type: 'link', url, title: node.getTitle() || null, children }];
  }
  if ($isElementNode(node)) return $phrasing(node.getChildren(), cite);
  const value = node.getTextContent();
  return value ? [{ type: 'text', value }] : [];
}

/** Lexical's text formats as nested attention; whitespace alone stays plain (`** **` is no emphasis). */
function formatted(node: TextNode, leaf: PhrasingContent): PhrasingContent {
  if (leaf.type === 'text' && !leaf.value.trim()) return leaf;
  let out = leaf;
  if (node.hasFormat('strikethrough')) out = { type: 'delete', children: [out] };
  if (node.hasFormat('italic')) out = { type: 'emphasis', children: [out] };
  if (node.hasFormat('bold')) out = { type: 'strong', children: [out] };
  return out;
}

type Attention = Extract<PhrasingContent, { type: 'strong' | 'emphasis' | 'delete' }>;

/**
 * Lexical splits text where its format changes (bold, then bold italic); as siblings they would
 * be written `**a****b**`, so runs of the same attention become one node with both inside.
 */
function mergeAdjacent(nodes: PhrasingContent[]): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  for (const node of nodes) {
    const last = out.at(-1);
    if (last && last.type === node.type && isAttention(last) && isAttention(node)) {
      last.children = mergeAdjacent([...last.children, ...node.children]);
    } else if (last?.type === 'text' && node.type === 'text') {
      last.value += node.value;
    } else {
      out.push(node);
    }
  }
  return out;
}

function isAttention(node: PhrasingContent): node is Attention {
  return node.type === 'strong' || node.type === 'emphasis' || node.type === 'delete';
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
