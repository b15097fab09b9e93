import {
  $applyNodeReplacement,
  $getDocument,
  DecoratorNode,
  type DOMExportOutput,
  type EditorConfig,
  type LexicalNode,
  type LexicalUpdateJSON,
  type NodeKey,
  type SerializedLexicalNode,
  type SerializedPartial,
  type Spread,
} from 'lexical';

export interface CitationFields {
  articleId: string;
  annotationId: string | null;
  quote: string;
  source: string;
  start: number;
  end: number;
}

export type SerializedCitationNode = Spread<CitationFields, SerializedLexicalNode>;

/** Longest quote shown inside the note; the stored quote is kept whole. */
const SHOWN_QUOTE = 220;
/** Article titles can be a whole first sentence; the chip shows the start, the tooltip all of it. */
const SHOWN_SOURCE = 60;

/**
 * A cited passage inside a note: the quote and its source, built as plain DOM (no React) so the
 * same node renders in the editor and in headless exports. The quote is copied in, so the citation
 * still reads after the annotation it came from is deleted.
 */
export class CitationNode extends DecoratorNode<null> {
  __citation: CitationFields;

  static override getType(): string {
    return 'citation';
  }

  static override clone(node: CitationNode): CitationNode {
    return new CitationNode({ ...node.__citation }, node.__key);
  }

  static override importJSON(serialized: SerializedPartial<SerializedCitationNode>): CitationNode {
    return $createCitationNode(fieldsOf(serialized));
  }

  constructor(citation: CitationFields, key?: NodeKey) {
    super(key);
    this.__citation = citation;
  }

  override updateFromJSON(serialized: LexicalUpdateJSON<SerializedLexicalNode> & Partial<CitationFields>): this {
    const writable = super.updateFromJSON(serialized).getWritable();
    writable.__citation = fieldsOf(serialized);
    return writable;
  }

  override exportJSON(): SerializedCitationNode {
    return { ...super.exportJSON(), type: 'citation', version: 1, ...this.__citation };
  }

  override createDOM(_config: EditorConfig) {
    const doc = $getDocument();
    const element = doc.createElement('span');
    element.className = 'citation-chip';
    element.setAttribute('data-citation-article', this.__citation.articleId);
    if (this.__citation.annotationId) element.setAttribute('data-citation-annotation', this.__citation.annotationId);
    element.setAttribute('role', 'link');
    element.setAttribute('tabindex', '-1');
    element.setAttribute('title', `Go to the passage in ${this.__citation.source}`);
    const quote = doc.createElement('q');
    quote.className = 'citation-quote';
    // Each part takes its direction from its own words: an Arabic quote in an English note.
    quote.setAttribute('dir', 'auto');
    quote.textContent = shorten(this.__citation.quote, SHOWN_QUOTE);
    const source = doc.createElement('cite');
    source.className = 'citation-source';
    source.setAttribute('dir', 'auto');
    source.textContent = shorten(this.__citation.source, SHOWN_SOURCE);
    element.append(quote, ' — ', source);
    return element;
  }

  override updateDOM(): boolean {
    return false;
  }

  override exportDOM(): DOMExportOutput {
    const doc = $getDocument();
    const element = doc.createElement('span');
    element.className = 'citation';
    element.setAttribute('data-article-id', this.__citation.articleId);
    element.setAttribute('data-start', String(this.__citation.start));
    element.setAttribute('data-end', String(this.__citation.end));
    const quote = doc.createElement('q');
    quote.textContent = this.__citation.quote;
    const source = doc.createElement('cite');
    source.textContent = this.__citation.source;
    element.append(quote, ' — ', source);
    return { element };
  }

  override decorate(): null {
    return null;
  }

  override isInline(): boolean {
    return true;
  }

  override isKeyboardSelectable(): boolean {
    return true;
  }

  override getTextContent(): string {
    return `“${this.__citation.quote}”`;
  }

  getCitation(): CitationFields {
    return { ...this.getLatest().__citation };
  }
}

/** Stored JSON is read leniently: a damaged citation still opens, showing what is left of it. */
function fieldsOf(s: Partial<CitationFields>): CitationFields {
  return {
    articleId: s.articleId ?? '',
    annotationId: s.annotationId ?? null,
    quote: s.quote ?? '',
    source: s.source ?? '',
    start: s.start ?? 0,
    end: s.end ?? 0,
  };
}

function shorten(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/**
 * The document to build elements in: the window's in the app, the one `withDOM` provides when
 * rendering headless in Node. Typed through the editor so electron/common needs no DOM library.
 */
export function $createCitationNode(citation: CitationFields): CitationNode {
  return $applyNodeReplacement(new CitationNode(citation));
}

export function $isCitationNode(node: LexicalNode | null | undefined): node is CitationNode {
  return node instanceof CitationNode;
}
