import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { mergeRegister } from '@lexical/utils';
import {
  $createParagraphNode,
  $createTextNode,
  $getNearestNodeFromDOMNode,
  $getRoot,
  $getSelection,
  $insertNodes,
  $isRangeSelection,
  $nodesOfType,
  COMMAND_PRIORITY_EDITOR,
  createCommand,
  type LexicalCommand,
} from 'lexical';
import { useEffect } from 'react';
import { $createCitationNode, $isCitationNode, CitationNode, type CitationFields } from '../../../../electron/common/notes/nodes/CitationNode';
import { $isEntityMentionNode } from '../../../../electron/common/notes/nodes/EntityMentionNode';
import { api, onEvent } from '../../api';
import { touches } from '../../../../electron/common/changes';

export const INSERT_CITATION_COMMAND: LexicalCommand<CitationFields> = createCommand('INSERT_CITATION_COMMAND');

interface Props {
  onOpenCitation(citation: CitationFields): void;
  onOpenEntity(entityId: string): void;
}

/**
 * Citations and mentions as links: inserting a cited passage, going back to it on click, opening an
 * entity from its chip, and marking citations whose annotation was deleted ("passage deleted").
 */
export function CitationPlugin({ onOpenCitation, onOpenEntity }: Props) {
  const [editor] = useLexicalComposerContext();

  useEffect(() => {
    const onClick = (event: MouseEvent) => {
      const target = event.target instanceof Element ? event.target : null;
      const chip = target?.closest('.citation-chip, .entity-chip');
      if (!chip || event.button !== 0) return;
      const found = editor.read(() => {
        const node = $getNearestNodeFromDOMNode(chip);
        if ($isCitationNode(node)) return { kind: 'citation' as const, citation: node.getCitation() };
        if ($isEntityMentionNode(node)) return { kind: 'entity' as const, entityId: node.getEntityId() };
        return null;
      });
      if (!found) return;
      event.preventDefault();
      if (found.kind === 'citation') onOpenCitation(found.citation);
      else onOpenEntity(found.entityId);
    };
    const markDeleted = async () => {
      const cited = editor.getEditorState().read(() =>
        $nodesOfType(CitationNode).map((n) => ({ key: n.getKey(), ...n.getCitation() })),
      );
      const articles = [...new Set(cited.filter((c) => c.annotationId).map((c) => c.articleId))];
      const present = new Set<string>();
      const missingArticles = new Set<string>();
      await Promise.all(
        articles.map((articleId) =>
          api['annotations.list']({ articleId }).then(
            ({ annotations }) => annotations.forEach((a) => present.add(a.id)),
            () => missingArticles.add(articleId),
          ),
        ),
      );
      for (const c of cited) {
        const element = editor.getElementByKey(c.key);
        if (!element) continue;
        const deleted = (c.annotationId !== null && !present.has(c.annotationId)) || missingArticles.has(c.articleId);
        element.classList.toggle('citation-deleted', deleted);
        element.title = deleted ? 'Passage deleted: the highlight this cites no longer exists' : `Go to the passage in ${c.source}`;
      }
    };
    void markDeleted().catch(() => undefined);

    return mergeRegister(
      editor.registerCommand(
        INSERT_CITATION_COMMAND,
        (citation) => {
          const selection = $getSelection();
          const node = $createCitationNode(citation);
          if ($isRangeSelection(selection)) {
            $insertNodes([node, $createTextNode(' ')]);
          } else {
            const paragraph = $createParagraphNode().append(node, $createTextNode(' '));
            $getRoot().append(paragraph);
            paragraph.selectEnd();
          }
          return true;
        },
        COMMAND_PRIORITY_EDITOR,
      ),
      // A listener on the root rather than CLICK_COMMAND: clicks on a decorator's own DOM do not
      // always reach the command, and navigation must happen outside an editor update.
      editor.registerRootListener((root, previous) => {
        previous?.removeEventListener('click', onClick);
        root?.addEventListener('click', onClick);
      }),
      editor.registerMutationListener(CitationNode, () => void markDeleted().catch(() => undefined), { skipInitialization: true }),
      onEvent('workspace.changed', (e) => {
        if (e.cause !== 'edit' || touches(e, 'annotation', { kind: 'deleted' })) void markDeleted().catch(() => undefined);
      }),
    );
  }, [editor, onOpenCitation, onOpenEntity]);

  return null;
}
