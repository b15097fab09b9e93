import { forwardRef, useImperativeHandle, useState } from 'react';
import type { LexicalEditor } from 'lexical';
import type { CitationFields } from '../../../electron/common/notes/nodes/CitationNode';
import { api } from '../api';
import { useNotify } from '../ui/Toasts';
import { errorMessage } from '../ui/useSaveStatus';
import { contentCiting } from './citationContent';
import { NoteList } from './NoteList';
import { NotePane } from './NotePane';
import { INSERT_CITATION_COMMAND } from './plugins/CitationPlugin';
import { useNoteList } from './useNoteList';
import { useTranslation } from 'react-i18next';

export interface ArticleNotesHandle {
  /**
   * Puts the passage into a note: `'open'`, the note open in the panel (a new one when none is);
   * a note's id, that note, opened here; null, a new note on this article. It goes at the caret
   * when the note's editor has one, else at the end.
   */
  cite(citation: CitationFields, into?: 'open' | string | null): Promise<void>;
  /** The note open in the panel, if any. */
  openNoteId(): string | null;
}

/** A ref to the panel's editor that can also be waited on, until a note's editor has mounted. */
function editorSlot() {
  let current: LexicalEditor | null = null;
  let waiting: ((editor: LexicalEditor) => void)[] = [];
  return {
    get current() {
      return current;
    },
    set current(editor: LexicalEditor | null) {
      current = editor;
      if (!editor) return;
      const resolve = waiting;
      waiting = [];
      for (const r of resolve) r(editor);
    },
    /** The next editor to mount that is not `previous`. */
    next(previous: LexicalEditor | null): Promise<LexicalEditor> {
      return current && current !== previous ? Promise.resolve(current) : new Promise((resolve) => waiting.push(resolve));
    },
  };
}

function insertCitation(editor: LexicalEditor, citation: CitationFields): void {
  // Focus puts the caret back where it was in this note, or at its end.
  editor.focus(undefined, { defaultSelection: 'rootEnd' });
  editor.dispatchCommand(INSERT_CITATION_COMMAND, citation);
}

interface Props {
  articleId: string;
}

/** The notes written on this article or citing it, and the one being written. */
export const ArticleNotesPanel = forwardRef<ArticleNotesHandle, Props>(function ArticleNotesPanel({ articleId }, ref) {
  const { t } = useTranslation();
  const { notes } = useNoteList({ articleId });
  const [openId, setOpenId] = useState<string | null>(null);
  const [fresh, setFresh] = useState<string | null>(null);
  const [editor] = useState(editorSlot);
  const notify = useNotify();

  const create = async (citation?: CitationFields) => {
    try {
      const { note } = await api['notes.create']({ articleId, content: citation ? contentCiting(citation) : undefined });
      setFresh(note.id);
      setOpenId(note.id);
    } catch (e) {
      notify({ tone: 'error', message: errorMessage(e) });
    }
  };

  useImperativeHandle(ref, () => ({
    async cite(citation, into = 'open') {
      const target = into === 'open' ? openId : into;
      if (target && target === openId && editor.current) return insertCitation(editor.current, citation);
      if (!target) return create(citation);
      const previous = editor.current;
      setFresh(target);
      setOpenId(target);
      insertCitation(await editor.next(previous), citation);
    },
    openNoteId: () => openId,
  }));

  if (openId) {
    return (
      <NotePane
        key={openId}
        noteId={openId}
        editorRef={editor}
        onDeleted={() => setOpenId(null)}
        onClose={() => setOpenId(null)}
        autoFocus={fresh === openId}
      />
    );
  }
  return (
    <div className="article-notes">
      <div className="notes-index-head">
        <button type="button" className="primary" onClick={() => void create()}>
          {t('notes:newNoteOnThisArticle')}
        </button>
      </div>
      <NoteList notes={notes} onOpen={setOpenId} empty={t('notes:noNotesOnThisArticle')} />
    </div>
  );
});
