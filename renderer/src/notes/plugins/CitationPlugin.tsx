import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useQueries, type UseQueryResult } from '@tanstack/react-query';
import { mergeRegister } from '@lexical/utils';
import {
  $createParagraphNode,
  $createTextNode,
  $getNearestNodeFromDOMNode,
  $getRoot,
  $getSelection,
  $insertNodes,
  $isNodeSelection,
  $isRangeSelection,
  $nodesOfType,
  COMMAND_PRIORITY_EDITOR,
  COMMAND_PRIORITY_LOW,
  createCommand,
  KEY_ENTER_COMMAND,
  type LexicalCommand,
} from 'lexical';
import { useEffect, useEffectEvent, useState } from 'react';
import type { Annotation } from '../../../../electron/common/model/annotation';
import { $createCitationNode, $isCitationNode, CitationNode, type CitationFields } from '../../../../electron/common/notes/nodes/CitationNode';
import { $isEntityMentionNode } from '../../../../electron/common/notes/nodes/EntityMentionNode';
import { useAppActions } from '../../app/AppActions';
import { queries } from '../../data/queries';
import { useArticleLanguages } from '../../library/useArticleLanguages';
import './CitationPlugin.css';
import { useTranslation } from 'react-i18next';

export const INSERT_CITATION_COMMAND: LexicalCommand<CitationFields> = createCommand('INSERT_CITATION_COMMAND');

type Cited = CitationFields & { key: string };

/** Which cited highlights still exist, once every cited article's highlights are known. */
interface Presence {
  settled: boolean;
  present: ReadonlySet<string>;
  missingArticles: ReadonlySet<string>;
}

function presenceOf(articles: string[]) {
  return (results: UseQueryResult<{ annotations: Annotation[] }>[]): Presence => ({
    settled: results.every((r) => !r.isPending),
    present: new Set(results.flatMap((r) => r.data?.annotations.map((a) => a.id) ?? [])),
    missingArticles: new Set(articles.filter((_, i) => results[i]?.isError)),
  });
}

/**
 * Citations and mentions as links: inserting a cited passage, going back to it on click, opening an
 * entity from its chip, and marking citations whose annotation was deleted ("passage deleted").
 */
export function CitationPlugin() {
  const { t } = useTranslation();
  const [editor] = useLexicalComposerContext();
  const { openCitation, openEntity } = useAppActions();
  const onOpenCitation = useEffectEvent((citation: CitationFields) => openCitation(citation));
  const onOpenEntity = useEffectEvent((entityId: string) => openEntity(entityId));
  /** The note's citations as of its last change. */
  const [cited, setCited] = useState<Cited[]>([]);
  const languageOf = useArticleLanguages();
  const articles = [...new Set(cited.filter((c) => c.annotationId).map((c) => c.articleId))];
  // The cited articles' highlights, refreshed by the change feed like every other view of them.
  const presence = useQueries({ queries: articles.map((id) => queries.annotations(id)), combine: presenceOf(articles) });

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
    const readCited = () =>
      setCited(editor.getEditorState().read(() => $nodesOfType(CitationNode).map((n) => ({ key: n.getKey(), ...n.getCitation() }))));

    /** The chip the arrow keys selected (a node selection on one citation or mention), or null. */
    const $selectedChip = () => {
      const selection = $getSelection();
      const nodes = $isNodeSelection(selection) ? selection.getNodes() : [];
      const node = nodes.length === 1 ? nodes[0] : null;
      return $isCitationNode(node) || $isEntityMentionNode(node) ? node : null;
    };
    let marked: HTMLElement | null = null;

    return mergeRegister(
      // The arrow keys select a chip as a whole; Enter then opens it, as a click does.
      editor.registerCommand(
        KEY_ENTER_COMMAND,
        (event) => {
          const node = $selectedChip();
          if (!node) return false;
          event?.preventDefault();
          // Navigation happens outside the editor's update.
          if ($isCitationNode(node)) {
            const citation = node.getCitation();
            setTimeout(() => onOpenCitation(citation));
          } else {
            const entityId = node.getEntityId();
            setTimeout(() => onOpenEntity(entityId));
          }
          return true;
        },
        COMMAND_PRIORITY_LOW,
      ),
      // Lexical draws no selection on a chip: this one is marked, so the keyboard's place shows.
      editor.registerUpdateListener(({ editorState }) => {
        const key = editorState.read(() => $selectedChip()?.getKey() ?? null);
        const element = key ? editor.getElementByKey(key) : null;
        if (element === marked) return;
        marked?.classList.remove('chip-selected');
        element?.classList.add('chip-selected');
        marked = element;
      }),
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
      // Also called at once for the citations the note opens with.
      editor.registerMutationListener(CitationNode, readCited),
    );
  }, [editor]);

  useEffect(() => {
    if (!presence.settled) return;
    for (const c of cited) {
      const element = editor.getElementByKey(c.key);
      if (!element) continue;
      const deleted = (c.annotationId !== null && !presence.present.has(c.annotationId)) || presence.missingArticles.has(c.articleId);
      element.classList.toggle('citation-deleted', deleted);
      element.title = deleted ? t('notes:passageDeletedTheHighlightThis') : t('notes:goToThePassageIn', { source: c.source });
    }
  }, [cited, editor, presence, t]);

  // The quote and the title are the article's words: its language picks their fonts and shaping.
  // Set on the chip's own DOM (the node stores no language: the analyst may correct it later).
  useEffect(() => {
    for (const c of cited) {
      const element = editor.getElementByKey(c.key);
      if (!element) continue;
      const lang = languageOf(c.articleId);
      for (const part of element.querySelectorAll<HTMLElement>('.citation-quote, .citation-source')) {
        if (lang) part.lang = lang;
        else part.removeAttribute('lang');
      }
    }
  }, [cited, editor, languageOf]);

  return null;
}
