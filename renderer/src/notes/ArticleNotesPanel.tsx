import { forwardRef, useImperativeHandle, useRef, useState } from 'react';
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

export interface ArticleNotesHandle {
  /** Puts the passage into the open note, or into a new note on this article. */
  cite(citation: CitationFields): Promise<void>;
}

interface Props {
  articleId: string;
}

/** The notes written on this article or citing it, and the one being written. */
export const ArticleNotesPanel = forwardRef<ArticleNotesHandle, Props>(function ArticleNotesPanel({ articleId }, ref) {
  const { notes } = useNoteList({ articleId });
  const [openId, setOpenId] = useState<string | null>(null);
  const [fresh, setFresh] = useState<string | null>(null);
  const editor = useRef<LexicalEditor | null>(null);
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
    async cite(citation) {
      if (openId && editor.current) {
        editor.current.focus();
        editor.current.dispatchCommand(INSERT_CITATION_COMMAND, citation);
        return;
      }
      await create(citation);
    },
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
          New note on this article
        </button>
      </div>
      <NoteList notes={notes} onOpen={setOpenId} empty="No notes on this article yet. Write one, or choose “Cite in note” on a highlight." />
    </div>
  );
});
