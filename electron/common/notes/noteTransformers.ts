import {
  ELEMENT_TRANSFORMERS,
  MULTILINE_ELEMENT_TRANSFORMERS,
  TEXT_FORMAT_TRANSFORMERS,
  TEXT_MATCH_TRANSFORMERS,
  type Transformer,
} from '@lexical/markdown';

/**
 * Markdown shortcuts while typing (`# `, `- `, `> `, `**…**` …). Exports do not go through
 * Lexical's Markdown: core/notes/noteMdast builds a syntax tree, so typed text can never become
 * markup (and a `[[wikilink]]` comes only from an @mention).
 */
export const NOTE_SHORTCUT_TRANSFORMERS: Transformer[] = [
  ...ELEMENT_TRANSFORMERS,
  ...MULTILINE_ELEMENT_TRANSFORMERS,
  ...TEXT_FORMAT_TRANSFORMERS,
  ...TEXT_MATCH_TRANSFORMERS,
];
