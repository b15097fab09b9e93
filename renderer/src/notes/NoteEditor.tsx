import { LexicalComposer } from '@lexical/react/LexicalComposer';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { createEmptyHistoryState, HistoryPlugin } from '@lexical/react/LexicalHistoryPlugin';
import { LinkPlugin } from '@lexical/react/LexicalLinkPlugin';
import { ListPlugin } from '@lexical/react/LexicalListPlugin';
import { MarkdownShortcutPlugin } from '@lexical/react/LexicalMarkdownShortcutPlugin';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import { useEffect, useState, type RefObject } from 'react';
import type { LexicalEditor } from 'lexical';
import type { NoteContent } from '../../../electron/common/model/note';
import { NOTE_NAMESPACE, NOTE_NODES } from '../../../electron/common/notes/noteNodes';
import { NOTE_SHORTCUT_TRANSFORMERS } from '../../../electron/common/notes/noteTransformers';
import { withoutInlineStyles } from '../../../electron/common/notes/withoutInlineStyles';
import { AutosavePlugin, type NoteSaveState, type SaveContent } from './plugins/AutosavePlugin';
import { CitationPlugin } from './plugins/CitationPlugin';
import { CitePassagePlugin } from './plugins/CitePassagePlugin';
import { EntityNamesPlugin } from './plugins/EntityNamesPlugin';
import { LinkSelectionPlugin } from './plugins/LinkSelectionPlugin';
import { MentionsPlugin } from './plugins/MentionsPlugin';
import { ToolbarPlugin } from './plugins/ToolbarPlugin';
import { UndoBeyondHistoryPlugin } from './plugins/UndoBeyondHistoryPlugin';
import { useTranslation } from 'react-i18next';

const THEME = {
  paragraph: 'note-p',
  quote: 'note-quote',
  code: 'note-code',
  heading: { h1: 'note-h1', h2: 'note-h2', h3: 'note-h3', h4: 'note-h4', h5: 'note-h5', h6: 'note-h6' },
  list: { ul: 'note-ul', ol: 'note-ol', listitem: 'note-li', nested: { listitem: 'note-li-nested' } },
  link: 'note-link',
  text: { bold: 'note-bold', italic: 'note-italic', underline: 'note-underline', code: 'note-inline-code', strikethrough: 'note-strike' },
};

interface Props {
  content: NoteContent;
  /** The revision `content` was loaded at; autosave sends it, so a newer save elsewhere is not overwritten. */
  contentRev: number;
  save: SaveContent;
  /** The editor's accessible name. */
  label: string;
  placeholder?: string;
  /** Receives the editor once mounted, so "Cite in note" can insert into it. */
  editorRef?: RefObject<LexicalEditor | null>;
  onSaveState(state: NoteSaveState, message?: string): void;
  autoFocus?: boolean;
  /** What Ctrl/Cmd+Z does when the editor has nothing of its own to undo (undo a restored version). */
  onUndoBeyondHistory?: () => void;
  /** The article the note is written on: "Cite a passage…" lists its highlights first. */
  articleId?: string | null;
}

/**
 * Rich text in Lexical with @mentions, cited passages and #tags, saved as you type: a note, or a
 * brief's summary.
 */
export function NoteEditor({ content, contentRev, save, label, placeholder, editorRef, onSaveState, autoFocus, onUndoBeyondHistory, articleId = null }: Props) {
  const { t } = useTranslation();
  const [history] = useState(createEmptyHistoryState);
  return (
    <LexicalComposer
      initialConfig={{
        namespace: NOTE_NAMESPACE,
        nodes: [...NOTE_NODES],
        theme: THEME,
        // A stored style could fetch or disguise text; the editor never writes one.
        editorState: JSON.stringify(withoutInlineStyles(content)),
        onError: (error) => {
          throw error;
        },
      }}
    >
      <div className="note-editor">
        <ToolbarPlugin />
        <div className="note-editor-body">
          <RichTextPlugin
            contentEditable={<ContentEditable className="note-content" aria-label={label} spellCheck lang={document.documentElement.lang || undefined} />}
            placeholder={<div className="note-placeholder">{placeholder ?? t('notes:writeTypeToMentionAn')}</div>}
            ErrorBoundary={LexicalErrorBoundary}
          />
        </div>
        <HistoryPlugin externalHistoryState={history} />
        <UndoBeyondHistoryPlugin history={history} onUndo={onUndoBeyondHistory} />
        <ListPlugin />
        <LinkPlugin validateUrl={(url) => /^(https?:\/\/|mailto:)/i.test(url)} />
        <MarkdownShortcutPlugin transformers={NOTE_SHORTCUT_TRANSFORMERS} />
        <MentionsPlugin />
        <LinkSelectionPlugin />
        <EntityNamesPlugin />
        <CitationPlugin />
        <CitePassagePlugin articleId={articleId} />
        <AutosavePlugin save={save} baseRev={contentRev} onState={onSaveState} />
        <EditorHandle editorRef={editorRef} autoFocus={autoFocus} />
      </div>
    </LexicalComposer>
  );
}

function EditorHandle({ editorRef, autoFocus }: { editorRef?: RefObject<LexicalEditor | null>; autoFocus?: boolean }) {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    if (editorRef) editorRef.current = editor;
    if (autoFocus) editor.focus(undefined, { defaultSelection: 'rootEnd' });
    return () => {
      if (editorRef?.current === editor) editorRef.current = null;
    };
  }, [autoFocus, editor, editorRef]);
  return null;
}
