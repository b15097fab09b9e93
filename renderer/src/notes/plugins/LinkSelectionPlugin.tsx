import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useQuery } from '@tanstack/react-query';
import { $getSelection, $isRangeSelection, $setSelection, type RangeSelection } from 'lexical';
import { useEffect, useState } from 'react';
import type { EntitySummary, EntityType } from '../../../../electron/common/model/entity';
import { $createEntityMentionNode } from '../../../../electron/common/notes/nodes/EntityMentionNode';
import { api } from '../../api';
import { useCommand } from '../../commands/CommandProvider';
import { queries } from '../../data/queries';
import { LinkEntityPopover } from '../../reader/SelectionToolbar';
import { useNotify } from '../../ui/Toasts';
import { errorMessage } from '../../ui/useSaveStatus';
import { t } from '../../i18n/i18n';

const NO_ENTITIES: EntitySummary[] = [];

/**
 * "Link to entity…" on words selected in a note, as on words selected in an article: the same
 * popup finds an entity or names a new one, and the words become its mention (the chip typing
 * @ makes). Offered by the note's context menu (Electron) and its toolbar (everywhere), both
 * through the registry command `note-link-entity`, bound while this editor has words selected.
 */
export function LinkSelectionPlugin() {
  const [editor] = useLexicalComposerContext();
  const [selected, setSelected] = useState(false);
  const [linking, setLinking] = useState<{ text: string; rect: DOMRect; selection: RangeSelection } | null>(null);
  const entities = useQuery({ ...queries.entities(), enabled: linking !== null }).data?.entities ?? NO_ENTITIES;
  const notify = useNotify();

  useEffect(
    () =>
      editor.registerUpdateListener(({ editorState }) => {
        const has = editorState.read(() => {
          const selection = $getSelection();
          return $isRangeSelection(selection) && !selection.isCollapsed() && selection.getTextContent().trim() !== '';
        });
        setSelected(has);
      }),
    [editor],
  );

  useCommand(
    'note-link-entity',
    () => {
      const found = editor.getEditorState().read(() => {
        const selection = $getSelection();
        return $isRangeSelection(selection) && !selection.isCollapsed() ? { text: selection.getTextContent(), selection: selection.clone() } : null;
      });
      const dom = window.getSelection();
      if (!found || !dom?.rangeCount) return;
      setLinking({ ...found, rect: dom.getRangeAt(0).getBoundingClientRect() });
    },
    selected || linking !== null,
  );

  const link = async (target: { entityId: string } | { name: string; type: EntityType }) => {
    if (!linking) return;
    const { selection } = linking;
    setLinking(null);
    try {
      const entity = 'entityId' in target ? entities.find((e) => e.id === target.entityId) : (await api['entities.create'](target)).entity;
      if (!entity) return;
      editor.update(() => {
        // The words selected when the popup opened, whatever the popup's field did to the selection.
        $setSelection(selection.clone());
        const now = $getSelection();
        if ($isRangeSelection(now)) now.insertNodes([$createEntityMentionNode(entity.id, entity.type, entity.name)]);
      });
      editor.focus();
    } catch (error) {
      notify({ tone: 'error', message: t('notes:couldNotLinkToTheEntity', { error: errorMessage(error) }) });
    }
  };

  if (!linking) return null;
  return (
    <LinkEntityPopover
      rect={linking.rect}
      selectedText={linking.text}
      known={entities}
      onLink={(target) => void link(target)}
      onCancel={() => {
        setLinking(null);
        editor.focus();
      }}
    />
  );
}
