import { $createCodeNode } from '@lexical/code';
import { $isLinkNode, TOGGLE_LINK_COMMAND } from '@lexical/link';
import { $isListNode, INSERT_ORDERED_LIST_COMMAND, INSERT_UNORDERED_LIST_COMMAND, ListNode, REMOVE_LIST_COMMAND } from '@lexical/list';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $createHeadingNode, $createQuoteNode, $isHeadingNode, type HeadingTagType } from '@lexical/rich-text';
import { $setBlocksType } from '@lexical/selection';
import { $getNearestNodeOfType, mergeRegister } from '@lexical/utils';
import {
  $createParagraphNode,
  $getSelection,
  $isRangeSelection,
  CAN_REDO_COMMAND,
  CAN_UNDO_COMMAND,
  COMMAND_PRIORITY_LOW,
  FORMAT_TEXT_COMMAND,
  REDO_COMMAND,
  SELECTION_CHANGE_COMMAND,
  UNDO_COMMAND,
  type TextFormatType,
} from 'lexical';
import { useCallback, useEffect, useState } from 'react';
import type { CommandId } from '../../../../electron/common/commands';
import { withShortcut } from '../../ui/shortcuts';
import { useCommandAvailable, useCommands } from '../../commands/CommandProvider';
import { useTranslation } from 'react-i18next';

type Block = 'paragraph' | 'h1' | 'h2' | 'h3' | 'bullet' | 'number' | 'quote' | 'code';

const BLOCK_LABELS: Record<Block, string> = {
  paragraph: 'notes:text',
  h1: 'Heading 1',
  h2: 'Heading 2',
  h3: 'Heading 3',
  bullet: 'notes:bulletedList',
  number: 'notes:numberedList',
  quote: 'notes:quote',
  code: 'notes:code',
};

/** Formatting controls above the note; every control also has its keyboard or Markdown shortcut. */
export function ToolbarPlugin() {
  const { t } = useTranslation();
  const [editor] = useLexicalComposerContext();
  const [block, setBlock] = useState<Block>('paragraph');
  // A string, not a Set: the same formats must not re-render the toolbar on every keystroke.
  const [formatKey, setFormatKey] = useState('');
  const formats = new Set(formatKey.split(' ').filter(Boolean) as TextFormatType[]);
  const [isLink, setIsLink] = useState(false);
  const [canUndo, setCanUndo] = useState(false);
  const [canRedo, setCanRedo] = useState(false);
  const [linkUrl, setLinkUrl] = useState<string | null>(null);
  // As the reader's selection toolbar offers it (its context menu does too, in the desktop app).
  const commands = useCommands();
  const canLinkEntity = useCommandAvailable('note-link-entity');
  const canCitePassage = useCommandAvailable('note-cite-passage');

  const readSelection = useCallback(() => {
    const selection = $getSelection();
    if (!$isRangeSelection(selection)) return;
    const anchor = selection.anchor.getNode();
    const top = anchor.getKey() === 'root' ? anchor : anchor.getTopLevelElementOrThrow();
    const list = $getNearestNodeOfType(anchor, ListNode);
    if (list && $isListNode(list)) setBlock(list.getListType() === 'number' ? 'number' : 'bullet');
    else if ($isHeadingNode(top)) setBlock(top.getTag() as Block);
    else setBlock((['quote', 'code'].includes(top.getType()) ? top.getType() : 'paragraph') as Block);
    setFormatKey((['bold', 'italic', 'underline', 'code'] as TextFormatType[]).filter((f) => selection.hasFormat(f)).join(' '));
    setIsLink($isLinkNode(anchor.getParent()) || $isLinkNode(anchor));
  }, []);

  useEffect(
    () =>
      mergeRegister(
        editor.registerUpdateListener(({ editorState }) => editorState.read(readSelection)),
        editor.registerCommand(SELECTION_CHANGE_COMMAND, () => (readSelection(), false), COMMAND_PRIORITY_LOW),
        editor.registerCommand(CAN_UNDO_COMMAND, (v) => (setCanUndo(v), false), COMMAND_PRIORITY_LOW),
        editor.registerCommand(CAN_REDO_COMMAND, (v) => (setCanRedo(v), false), COMMAND_PRIORITY_LOW),
      ),
    [editor, readSelection],
  );

  const setBlockType = (next: Block) => {
    if (next === 'bullet' || next === 'number') {
      editor.dispatchCommand(block === next ? REMOVE_LIST_COMMAND : next === 'bullet' ? INSERT_UNORDERED_LIST_COMMAND : INSERT_ORDERED_LIST_COMMAND, undefined);
      return;
    }
    if (block === 'bullet' || block === 'number') editor.dispatchCommand(REMOVE_LIST_COMMAND, undefined);
    editor.update(() => {
      const selection = $getSelection();
      if (!$isRangeSelection(selection)) return;
      $setBlocksType(selection, () =>
        next === 'paragraph'
          ? $createParagraphNode()
          : next === 'quote'
            ? $createQuoteNode()
            : next === 'code'
              ? $createCodeNode()
              : $createHeadingNode(next as HeadingTagType),
      );
    });
  };

  // Lexical handles these keys itself; the registry only names them.
  const format = (f: TextFormatType, label: string, hint: CommandId | { markdown: string }, text: string) => (
    <button
      type="button"
      className={`tool tool-${f}`}
      aria-pressed={formats.has(f)}
      aria-label={label}
      title={typeof hint === 'string' ? withShortcut(label, hint) : `${label} (${hint.markdown})`}
      onMouseDown={(e) => e.preventDefault()}
      onClick={() => editor.dispatchCommand(FORMAT_TEXT_COMMAND, f)}
    >
      {text}
    </button>
  );

  return (
    <div className="note-toolbar" role="toolbar" aria-label={t('notes:formatting')}>
      <button type="button" className="tool" disabled={!canUndo} aria-label={t('notes:undoTyping')} title={withShortcut(t('notes:undo'), 'editor-undo')} onClick={() => editor.dispatchCommand(UNDO_COMMAND, undefined)}>
        ↶
      </button>
      <button type="button" className="tool" disabled={!canRedo} aria-label={t('notes:redoTyping')} title={withShortcut(t('notes:redo'), 'editor-redo')} onClick={() => editor.dispatchCommand(REDO_COMMAND, undefined)}>
        ↷
      </button>
      <select aria-label={t('notes:blockType')} value={block} onChange={(e) => setBlockType(e.target.value as Block)}>
        {(Object.keys(BLOCK_LABELS) as Block[]).map((b) => (
          <option key={b} value={b}>
            {t(BLOCK_LABELS[b])}
          </option>
        ))}
      </select>
      {format('bold', t('notes:bold2'), 'editor-bold', 'B')}
      {format('italic', t('notes:italic2'), 'editor-italic', 'I')}
      {format('underline', t('notes:underline2'), 'editor-underline', 'U')}
      {format('code', t('notes:inlineCode'), { markdown: '`code`' }, '</>')}
      <button type="button" className="tool" aria-label={t('notes:bulletedList')} title={t('notes:bulletedListTypeThenSpace')} aria-pressed={block === 'bullet'} onMouseDown={(e) => e.preventDefault()} onClick={() => setBlockType('bullet')}>
        •≡
      </button>
      <button type="button" className="tool" aria-label={t('notes:numberedList')} title={t('notes:numberedListType1Then')} aria-pressed={block === 'number'} onMouseDown={(e) => e.preventDefault()} onClick={() => setBlockType('number')}>
        1≡
      </button>
      <button type="button" className="tool" aria-label={t('notes:quote')} title={t('notes:quoteTypeThenSpace')} aria-pressed={block === 'quote'} onMouseDown={(e) => e.preventDefault()} onClick={() => setBlockType(block === 'quote' ? 'paragraph' : 'quote')}>
        ❝
      </button>
      <button
        type="button"
        className="tool"
        disabled={!canLinkEntity}
        aria-label={t('notes:linkToEntity')}
        title={t('notes:linkTheSelectedWordsToAnEntity')}
        onMouseDown={(e) => e.preventDefault()}
        onClick={() => commands.run('note-link-entity')}
      >
        @…
      </button>
      <button
        type="button"
        className="tool"
        disabled={!canCitePassage}
        aria-label={t('notes:citePassage')}
        title={t('notes:citeAHighlightedPassageHere')}
        onMouseDown={(e) => e.preventDefault()}
        onClick={() => commands.run('note-cite-passage')}
      >
        ❞…
      </button>
      {linkUrl === null ? (
        <button
          type="button"
          className="tool"
          aria-label={isLink ? t('notes:removeLink') : t('notes:link')}
          aria-pressed={isLink}
          title={isLink ? t('notes:removeLink') : t('notes:linkTheSelectedWords')}
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => (isLink ? editor.dispatchCommand(TOGGLE_LINK_COMMAND, null) : setLinkUrl('https://'))}
        >
          {isLink ? t('notes:unlink') : t('notes:link')}
        </button>
      ) : (
        <form
          className="link-form"
          onSubmit={(e) => {
            e.preventDefault();
            const url = linkUrl.trim();
            // Only web and mail links: a note is shared, and a javascript: link in it would be a trap.
            if (/^(https?:\/\/|mailto:)\S+$/i.test(url)) editor.dispatchCommand(TOGGLE_LINK_COMMAND, url);
            setLinkUrl(null);
            editor.focus();
          }}
        >
          <input
            autoFocus
            aria-label={t('notes:linkAddress')}
            value={linkUrl}
            onChange={(e) => setLinkUrl(e.target.value)}
            onKeyDown={(e) => e.key === 'Escape' && (setLinkUrl(null), editor.focus())}
          />
          <button type="submit">{t('notes:link')}</button>
        </form>
      )}
    </div>
  );
}
