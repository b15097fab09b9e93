import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getRoot, $nodesOfType } from 'lexical';
import { useEffect } from 'react';
import { $isEntityMentionNode, EntityMentionNode } from '../../../../electron/common/notes/nodes/EntityMentionNode';
import { api, onEvent } from '../../api';
import { touches } from '../../../../electron/common/changes';

/**
 * Keeps every @mention showing the entity's current name and id: a renamed entity's chips show the
 * new name, and mentions of a merged-away entity point at the one it was merged into.
 */
export function EntityNamesPlugin() {
  const [editor] = useLexicalComposerContext();

  useEffect(() => {
    let cancelled = false;
    const refresh = async () => {
      const ids = editor.getEditorState().read(() => [...new Set($nodesOfType(EntityMentionNode).map((n) => n.getEntityId()))]);
      if (ids.length === 0) return;
      const { entities } = await api['entities.resolve']({ ids });
      if (cancelled) return;
      const stale = editor.getEditorState().read(() =>
        $getRoot()
          .getAllTextNodes()
          .some((node) => {
            if (!$isEntityMentionNode(node)) return false;
            const now = entities[node.getEntityId()];
            return now && (now.name !== node.getTextContent() || now.id !== node.getEntityId() || now.type !== node.getEntityType());
          }),
      );
      if (!stale) return;
      // Merged into the previous history entry: a rename elsewhere is not something to undo here.
      editor.update(
        () => {
          for (const node of $getRoot().getAllTextNodes()) {
            if (!$isEntityMentionNode(node)) continue;
            const now = entities[node.getEntityId()];
            if (!now) continue;
            if (now.id !== node.getEntityId() || now.type !== node.getEntityType()) node.setEntity(now.id, now.type);
            if (now.name !== node.getTextContent()) node.setTextContent(now.name);
          }
        },
        { tag: 'history-merge' },
      );
    };
    void refresh().catch(() => undefined);
    const off = onEvent('workspace.changed', (e) => {
      if (touches(e, 'entity')) void refresh().catch(() => undefined);
    });
    return () => {
      cancelled = true;
      off();
    };
  }, [editor]);

  return null;
}
