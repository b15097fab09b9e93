import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useQuery } from '@tanstack/react-query';
import { $getRoot, $nodesOfType } from 'lexical';
import { useEffect, useState } from 'react';
import { $isEntityMentionNode, EntityMentionNode } from '../../../../electron/common/notes/nodes/EntityMentionNode';
import { queries } from '../../data/queries';

/**
 * Keeps every @mention showing the entity's current name and id: a renamed entity's chips show the
 * new name, and mentions of a merged-away entity point at the one it was merged into.
 */
export function EntityNamesPlugin() {
  const [editor] = useLexicalComposerContext();
  /** The entities the note mentions, sorted, as of its last change. */
  const [ids, setIds] = useState<string[]>([]);
  // Refreshed by the change feed whenever an entity changes.
  const resolved = useQuery({ ...queries.resolveEntities(ids), enabled: ids.length > 0 }).data?.entities;

  useEffect(
    () =>
      // Also called at once for the mentions the note opens with.
      editor.registerMutationListener(EntityMentionNode, () => {
        const now = editor.getEditorState().read(() => [...new Set($nodesOfType(EntityMentionNode).map((n) => n.getEntityId()))].sort());
        setIds((current) => (current.join('\n') === now.join('\n') ? current : now));
      }),
    [editor],
  );

  useEffect(() => {
    if (!resolved) return;
    const stale = editor.getEditorState().read(() =>
      $getRoot()
        .getAllTextNodes()
        .some((node) => {
          if (!$isEntityMentionNode(node)) return false;
          const now = resolved[node.getEntityId()];
          return now && (now.name !== node.getTextContent() || now.id !== node.getEntityId() || now.type !== node.getEntityType());
        }),
    );
    if (!stale) return;
    // Merged into the previous history entry: a rename elsewhere is not something to undo here.
    editor.update(
      () => {
        for (const node of $getRoot().getAllTextNodes()) {
          if (!$isEntityMentionNode(node)) continue;
          const now = resolved[node.getEntityId()];
          if (!now) continue;
          if (now.id !== node.getEntityId() || now.type !== node.getEntityType()) node.setEntity(now.id, now.type);
          if (now.name !== node.getTextContent()) node.setTextContent(now.name);
        }
      },
      { tag: 'history-merge' },
    );
  }, [editor, resolved]);

  return null;
}
