import {
  $applyNodeReplacement,
  TextNode,
  type DOMConversionMap,
  type DOMConversionOutput,
  type DOMExportOutput,
  type EditorConfig,
  type LexicalEditor,
  type LexicalNode,
  type LexicalUpdateJSON,
  type NodeKey,
  type SerializedTextNode,
  type Spread,
} from 'lexical';
import type { EntityType } from '../../model/entity';

export type SerializedEntityMentionNode = Spread<{ entityId: string; entityType: EntityType }, SerializedTextNode>;

/**
 * An @mention of an entity: a token text node (deleted and selected as one piece) that stores the
 * entity's id, so the mention survives renames and merges; its text is the name shown, refreshed
 * from the entity store when the note opens.
 */
export class EntityMentionNode extends TextNode {
  __entityId: string;
  __entityType: EntityType;

  static override getType(): string {
    return 'entity-mention';
  }

  static override clone(node: EntityMentionNode): EntityMentionNode {
    return new EntityMentionNode(node.__entityId, node.__entityType, node.__text, node.__key);
  }

  static override importJSON(serialized: SerializedEntityMentionNode): EntityMentionNode {
    return $createEntityMentionNode(serialized.entityId, serialized.entityType, serialized.text).updateFromJSON(serialized);
  }

  static override importDOM(): DOMConversionMap | null {
    return {
      span: (element) =>
        element.hasAttribute('data-entity-id') && element.hasAttribute('data-entity-type')
          ? { conversion: convertMentionElement, priority: 1 }
          : null,
    };
  }

  constructor(entityId: string, entityType: EntityType, name: string, key?: NodeKey) {
    super(name, key);
    this.__entityId = entityId;
    this.__entityType = entityType;
  }

  override updateFromJSON(serialized: LexicalUpdateJSON<SerializedEntityMentionNode>): this {
    return super.updateFromJSON(serialized).setEntity(serialized.entityId, serialized.entityType);
  }

  override exportJSON(): SerializedEntityMentionNode {
    return { ...super.exportJSON(), type: 'entity-mention', version: 1, entityId: this.__entityId, entityType: this.__entityType };
  }

  override createDOM(config: EditorConfig, editor?: LexicalEditor) {
    const dom = super.createDOM(config, editor);
    decorateMentionElement(dom, this.__entityId, this.__entityType);
    return dom;
  }

  override updateDOM(prevNode: this, dom: Parameters<TextNode['updateDOM']>[1], config: EditorConfig): boolean {
    if (prevNode.__entityType !== this.__entityType || prevNode.__entityId !== this.__entityId) return true;
    return super.updateDOM(prevNode, dom, config);
  }

  override exportDOM(editor: LexicalEditor): DOMExportOutput {
    const output = super.exportDOM(editor);
    if (output.element) decorateMentionElement(output.element as MentionElement, this.__entityId, this.__entityType);
    return output;
  }

  getEntityId(): string {
    return this.getLatest().__entityId;
  }

  getEntityType(): EntityType {
    return this.getLatest().__entityType;
  }

  setEntity(entityId: string, entityType: EntityType): this {
    const writable = this.getWritable();
    writable.__entityId = entityId;
    writable.__entityType = entityType;
    return writable;
  }

  override isTextEntity(): true {
    return true;
  }

  override canInsertTextBefore(): boolean {
    return false;
  }

  override canInsertTextAfter(): boolean {
    return false;
  }
}

/** What a mention needs of an element; the editor's and happy-dom's elements both have it. */
interface MentionElement {
  className: string;
  setAttribute(name: string, value: string): void;
}

function decorateMentionElement(element: MentionElement, entityId: string, entityType: EntityType): void {
  element.className = `entity-chip entity-chip-${entityType}`;
  element.setAttribute('data-entity-id', entityId);
  element.setAttribute('data-entity-type', entityType);
  element.setAttribute('spellcheck', 'false');
}

function convertMentionElement(element: { textContent: string | null; getAttribute(name: string): string | null }): DOMConversionOutput {
  const node = $createEntityMentionNode(element.getAttribute('data-entity-id')!, element.getAttribute('data-entity-type') as EntityType, element.textContent ?? '');
  return { node };
}

export function $createEntityMentionNode(entityId: string, entityType: EntityType, name: string): EntityMentionNode {
  return $applyNodeReplacement(new EntityMentionNode(entityId, entityType, name).setMode('token').toggleDirectionless());
}

export function $isEntityMentionNode(node: LexicalNode | null | undefined): node is EntityMentionNode {
  return node instanceof EntityMentionNode;
}
