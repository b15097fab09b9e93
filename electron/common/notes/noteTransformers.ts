import {
  ELEMENT_TRANSFORMERS,
  MULTILINE_ELEMENT_TRANSFORMERS,
  TEXT_FORMAT_TRANSFORMERS,
  TEXT_MATCH_TRANSFORMERS,
  type TextMatchTransformer,
  type Transformer,
} from '@lexical/markdown';
import { $isCitationNode, CitationNode, type CitationFields } from './nodes/CitationNode';
import { $isEntityMentionNode, EntityMentionNode } from './nodes/EntityMentionNode';

/** How an exported citation is written; a brief turns them into footnotes. */
export type CitationWriter = (citation: CitationFields) => string;

export const inlineCitation: CitationWriter = (c) => `“${oneLine(c.quote)}” (${oneLine(c.source)})`;

/**
 * Mentions export as `[[Name]]` wikilinks (Obsidian reads them). They are never created from typed
 * brackets: a mention is made from the @ typeahead, which knows which entity is meant.
 */
export const ENTITY_MENTION_MARKDOWN: TextMatchTransformer = {
  type: 'text-match',
  dependencies: [EntityMentionNode],
  export: (node) => ($isEntityMentionNode(node) ? `[[${node.getTextContent().replace(/[[\]|]/g, '')}]]` : null),
  regExp: /(?!)/,
};

export function citationMarkdown(write: CitationWriter): TextMatchTransformer {
  return {
    type: 'text-match',
    dependencies: [CitationNode],
    export: (node) => ($isCitationNode(node) ? write(node.getCitation()) : null),
    regExp: /(?!)/,
  };
}

/** Markdown shortcuts while typing (`# `, `- `, `> `, `**…**` …). */
export const NOTE_SHORTCUT_TRANSFORMERS: Transformer[] = [
  ...ELEMENT_TRANSFORMERS,
  ...MULTILINE_ELEMENT_TRANSFORMERS,
  ...TEXT_FORMAT_TRANSFORMERS,
  ...TEXT_MATCH_TRANSFORMERS,
];

/** Export transformers: ours first, so their nodes are never written as plain text. */
export function noteExportTransformers(writeCitation: CitationWriter = inlineCitation): Transformer[] {
  return [ENTITY_MENTION_MARKDOWN, citationMarkdown(writeCitation), ...NOTE_SHORTCUT_TRANSFORMERS];
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
