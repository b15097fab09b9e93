import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useQueryClient } from '@tanstack/react-query';
import { $getSelection, $setSelection, type BaseSelection } from 'lexical';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CitationFields } from '../../../../electron/common/notes/nodes/CitationNode';
import { useCommand } from '../../commands/CommandProvider';
import { queries } from '../../data/queries';
import { useNotify } from '../../ui/Toasts';
import { errorMessage } from '../../ui/useSaveStatus';
import { CitePassagePicker, type HighlightChoice } from '../CitePassagePicker';
import { INSERT_CITATION_COMMAND } from './CitationPlugin';

interface Props {
  /** The article the note is written on, whose highlights the picker lists first. */
  articleId: string | null;
}

/**
 * "Cite a passage…" from inside a note: a picker of highlights, and the one chosen goes in as a
 * citation at the caret the note had before the picker opened, built as the reader's "Cite in
 * note" builds it. Bound (registry command `note-cite-passage`, for the context menu, the toolbar
 * and the palette) while this editor is the one being written in.
 */
export function CitePassagePlugin({ articleId }: Props) {
  const { t } = useTranslation();
  const [editor] = useLexicalComposerContext();
  const queryClient = useQueryClient();
  const notify = useNotify();
  const [focused, setFocused] = useState(false);
  const [picking, setPicking] = useState<{ selection: BaseSelection | null } | null>(null);

  useEffect(() => {
    // Focus moving into a dialog (the palette, this picker) or away from the window (a native
    // context menu) leaves this the note being written in; focus in anything else ends that.
    const onFocusIn = (event: FocusEvent) => {
      const root = editor.getRootElement();
      const target = event.target instanceof Element ? event.target : null;
      if (root && target && root.contains(target)) setFocused(true);
      else if (!target?.closest('dialog')) setFocused(false);
    };
    // Listening from before the editor can take the focus (an autofocused note takes it as it mounts).
    document.addEventListener('focusin', onFocusIn);
    return () => document.removeEventListener('focusin', onFocusIn);
  }, [editor]);

  useCommand(
    'note-cite-passage',
    () => {
      if (picking) return;
      const selection = editor.getEditorState().read(() => $getSelection()?.clone() ?? null);
      setPicking({ selection });
    },
    focused || picking !== null,
  );

  const back = (selection: BaseSelection | null) => {
    editor.focus(() => {
      if (selection) editor.update(() => $setSelection(selection.clone()));
    }, { defaultSelection: 'rootEnd' });
  };

  const cite = async (choice: HighlightChoice) => {
    const selection = picking?.selection ?? null;
    setPicking(null);
    try {
      const [{ article, text }, { annotations }] = await Promise.all([
        queryClient.fetchQuery(queries.article(choice.articleId)),
        queryClient.fetchQuery(queries.annotations(choice.articleId)),
      ]);
      const annotation = annotations.find((a) => a.id === choice.annotationId);
      if (!annotation) throw new Error(t('notes:passageDeletedTheHighlightThis'));
      const { start, end } = annotation.target.position;
      // As the reader's "Cite in note" builds it: the words as the article reads now.
      const citation: CitationFields = { articleId: choice.articleId, annotationId: annotation.id, quote: text.slice(start, end), source: article.title, start, end };
      editor.update(() => {
        // The caret the note had when the picker opened, whatever focus did since.
        if (selection) $setSelection(selection.clone());
        editor.dispatchCommand(INSERT_CITATION_COMMAND, citation);
      });
      editor.focus();
    } catch (error) {
      back(selection);
      notify({ tone: 'error', message: t('notes:couldNotCite', { message: errorMessage(error) }) });
    }
  };

  if (!picking) return null;
  return (
    <CitePassagePicker
      articleId={articleId}
      onPick={(choice) => void cite(choice)}
      onCancel={() => {
        const { selection } = picking;
        setPicking(null);
        back(selection);
      }}
    />
  );
}
