import { SerializedCitation, SerializedEntityMention, type NoteCitation, type NoteContent, type NoteReferences } from '../model/note';

/**
 * Reads what a note says and refers to straight from its serialized Lexical state, so the core
 * never has to run an editor to list backlinks or search notes.
 */

interface JsonNode {
  type?: unknown;
  text?: unknown;
  children?: unknown;
}

const BLOCKS_SEPARATED_BY_LINE = new Set(['list', 'listitem']);
const EXCERPT_LENGTH = 160;

/** `#tag` after a space or at the start; a tag needs a letter, so "#1" or "#2025" is not one. */
const TAG = /(?<![\p{L}\p{N}_&#/])#([\p{L}\p{N}_][\p{L}\p{N}_-]*)/gu;

export interface DerivedNote extends NoteReferences {
  text: string;
  excerpt: string;
}

export function deriveNote(content: NoteContent): DerivedNote {
  const entityIds = new Set<string>();
  const citations: NoteCitation[] = [];
  const seenCitations = new Set<string>();

  const inline = (node: JsonNode): string => {
    if (node.type === 'entity-mention') {
      const mention = SerializedEntityMention.safeParse(node);
      if (mention.success) entityIds.add(mention.data.entityId);
      return typeof node.text === 'string' ? node.text : '';
    }
    if (node.type === 'citation') {
      const citation = SerializedCitation.safeParse(node);
      if (!citation.success) return '';
      const { articleId, annotationId, quote, start, end } = citation.data;
      const key = `${articleId}:${annotationId ?? `${start}-${end}`}`;
      if (!seenCitations.has(key)) {
        seenCitations.add(key);
        citations.push({ articleId, annotationId, quote, start, end });
      }
      return `“${quote}”`;
    }
    if (node.type === 'linebreak') return '\n';
    if (node.type === 'tab') return '\t';
    if (typeof node.text === 'string') return node.text;
    return block(node);
  };

  const block = (node: JsonNode): string => {
    const children = Array.isArray(node.children) ? (node.children as JsonNode[]) : [];
    const childIsBlock = children.some((c) => isBlock(c));
    if (!childIsBlock) return children.map(inline).join('');
    const separator = BLOCKS_SEPARATED_BY_LINE.has(String(node.type)) ? '\n' : '\n\n';
    return children
      .map((c) => (isBlock(c) ? block(c) : inline(c)))
      .filter((s, i, all) => s !== '' || i === all.length - 1)
      .join(separator);
  };

  const text = block(content.root as JsonNode).replace(/\n{3,}/g, '\n\n').trim();
  const tags = new Set<string>();
  for (const match of text.matchAll(TAG)) {
    const tag = match[1]!;
    if (/\p{L}/u.test(tag)) tags.add(tag.toLocaleLowerCase());
  }
  return {
    text,
    excerpt: excerptOf(text),
    entityIds: [...entityIds],
    citations,
    tags: [...tags].sort(),
  };
}

function isBlock(node: JsonNode): boolean {
  return Array.isArray(node.children) && node.type !== 'link' && node.type !== 'autolink';
}

function excerptOf(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= EXCERPT_LENGTH) return flat;
  const cut = flat.slice(0, EXCERPT_LENGTH);
  const space = cut.lastIndexOf(' ');
  return `${space > EXCERPT_LENGTH / 2 ? cut.slice(0, space) : cut}…`;
}

/** A title for a note the analyst has not named: its first line. */
export function titleFromText(text: string): string {
  const first = text.split('\n').find((line) => line.trim() !== '')?.trim() ?? '';
  return first.length > 80 ? `${first.slice(0, 79)}…` : first;
}
