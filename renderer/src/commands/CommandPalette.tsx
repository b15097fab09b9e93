import { useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { PickerInput } from '../ui/PickerInput';
import { usePickerDialog } from '../ui/usePickerDialog';
import { COMMANDS, type CommandId } from '../../../electron/common/commands';
import { shortcutLabel } from '../ui/shortcuts';
import { pickerFieldKey } from '../ui/useListKeys';
import { useCommands } from './CommandProvider';
import { paletteEntries, PALETTE_IDS } from './paletteEntries';
import { readRecentCommands, recordRecentCommand } from './recentCommands';
import './CommandPalette.css';
import { Trans, useTranslation } from 'react-i18next';
import { commandTitle, t } from '../i18n/i18n';

interface Props {
  onClose(): void;
}

/** Why a greyed command cannot run now. */
function unavailableReason(id: CommandId): string {
  return COMMANDS[id].when === 'readerSelection' ? t('ui:selectWordsInTheArticle') : t('ui:notAvailableHere');
}

/**
 * Every window command of the registry, found by typing a few of its letters. What applies is
 * read as the palette opens (the selection, the open article), and focus and the reader's
 * selection go back where they were before a command runs, so it acts as its key would have.
 */
export function CommandPalette({ onClose }: Props) {
  const { t } = useTranslation();
  const commands = useCommands();
  // Read once, before the palette's field takes the focus (and the reader's selection with it).
  const [before] = useState(() => ({
    available: new Set(PALETTE_IDS.filter((c) => commands.available(c))),
    // As the view names them now: "Undo add highlight".
    titles: new Map(PALETTE_IDS.map((c) => [c, commands.title(c)])),
    recent: readRecentCommands(),
    focus: document.activeElement instanceof HTMLElement ? document.activeElement : null,
    ranges: saveSelection(),
  }));
  const restored = useRef(false);
  const [query, setQuery] = useState('');
  const entries = useMemo(() => paletteEntries(query, before.recent, (c) => before.available.has(c), PALETTE_IDS, (c) => before.titles.get(c) ?? commandTitle(c)), [query, before]);
  const picker = usePickerDialog(entries.length);
  const { id, dialog, listRef, current, setActive, optionId } = picker;


  /** Focus and selection back where they were; once, whichever way the palette closes. */
  const restore = () => {
    if (restored.current) return;
    restored.current = true;
    if (before.focus?.isConnected) before.focus.focus({ preventScroll: true });
    restoreSelection(before.ranges);
  };

  const run = (command: CommandId | undefined) => {
    if (!command || !before.available.has(command)) return;
    recordRecentCommand(command);
    // Closed first: outside a modal dialog nothing can take the focus back.
    dialog.current?.close();
    restore();
    onClose();
    commands.run(command);
  };

  const onKey = (event: KeyboardEvent<HTMLInputElement>) => pickerFieldKey(event, current, entries.length, setActive, () => run(entries[current]?.id));

  const empty = query.trim() === '';
  const caption = empty ? (before.recent.length > 0 ? t('ui:recentlyUsedFirst') : t('ui:allCommands')) : entries.length === 0 ? t('ui:noCommandMatches', { trim: query.trim() }) : t('ui:bestMatches');

  return (
    <dialog
      ref={dialog}
      className="command-palette"
      aria-label={t('ui:commandPalette')}
      // The reader keeps its selection while this has the focus: the command runs on it.
      data-keeps-selection=""
      onClose={() => {
        restore();
        onClose();
      }}
      onClick={(e) => e.target === dialog.current && dialog.current.close()}
    >
      <div className="command-palette-body">
        <PickerInput picker={picker} count={entries.length} label={t('ui:command')} placeholder={t('ui:typeACommand')} query={query} onQuery={setQuery} onKeyDown={onKey} />
        <p className="command-palette-caption" id={`${id}-caption`} aria-live="polite">
          {caption}
        </p>
        <ul ref={listRef} id={`${id}-list`} role="listbox" aria-labelledby={`${id}-caption`}>
          {entries.map((entry, i) => {
            const key = shortcutLabel(entry.id);
            return (
              <li
                key={entry.id}
                id={optionId(i)}
                data-index={i}
                data-command={entry.id}
                role="option"
                aria-selected={i === current}
                aria-disabled={!entry.available || undefined}
                className={[i === current && 'active', !entry.available && 'unavailable'].filter(Boolean).join(' ') || undefined}
                onMouseMove={() => i !== current && setActive(i)}
                onClick={() => run(entry.id)}
              >
                <span className="command-title">{marked(entry.title, entry.positions)}</span>
                {!entry.available && <span className="command-reason">{unavailableReason(entry.id)}</span>}
                {key && <kbd className="command-key">{key}</kbd>}
              </li>
            );
          })}
        </ul>
        <p className="command-palette-hint" aria-hidden="true">
          <Trans i18nKey="ui:paletteKeys" components={{ kbd: <kbd /> }} />
        </p>
      </div>
    </dialog>
  );
}

/** The title with the letters typed in bold. */
function marked(title: string, positions: readonly number[]): ReactNode {
  if (positions.length === 0) return title;
  const at = new Set(positions);
  const parts: ReactNode[] = [];
  let run = '';
  let inMark = false;
  const flush = () => {
    if (!run) return;
    parts.push(inMark ? <b key={parts.length}>{run}</b> : run);
    run = '';
  };
  for (let i = 0; i < title.length; i++) {
    if (at.has(i) !== inMark) {
      flush();
      inMark = at.has(i);
    }
    run += title[i];
  }
  flush();
  return parts;
}

function saveSelection(): Range[] {
  const selection = document.getSelection();
  if (!selection) return [];
  return Array.from({ length: selection.rangeCount }, (_, i) => selection.getRangeAt(i).cloneRange());
}

function restoreSelection(ranges: Range[]): void {
  const selection = document.getSelection();
  if (!selection || ranges.length === 0 || !ranges.every((r) => r.startContainer.isConnected)) return;
  selection.removeAllRanges();
  for (const range of ranges) selection.addRange(range);
}
