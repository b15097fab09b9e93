import { CodeHighlightNode, CodeNode } from '@lexical/code';
import { AutoLinkNode, LinkNode } from '@lexical/link';
import { ListItemNode, ListNode } from '@lexical/list';
import { HeadingNode, QuoteNode } from '@lexical/rich-text';
import type { Klass, LexicalNode } from 'lexical';
import { CitationNode } from './nodes/CitationNode';
import { EntityMentionNode } from './nodes/EntityMentionNode';

/** Every node a note may contain: the editor and the headless renderer register the same list. */
export const NOTE_NODES: ReadonlyArray<Klass<LexicalNode>> = [
  HeadingNode,
  QuoteNode,
  ListNode,
  ListItemNode,
  LinkNode,
  AutoLinkNode,
  CodeNode,
  CodeHighlightNode,
  EntityMentionNode,
  CitationNode,
];

/** Lexical namespaces editors; notes share one so their JSON can move between editors. */
export const NOTE_NAMESPACE = 'dossier-note';
