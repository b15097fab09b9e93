import { commandTitle, t } from '../i18n/i18n';
import { chordLabel, COMMAND_IDS, commandKeys, COMMANDS, type CommandId } from '../../../electron/common/commands';

export interface ShortcutRow {
  id: CommandId;
  title: string;
  /** Every key of the command on this platform, as shown ("Ctrl+Shift+H"), the main one first. */
  keys: string[];
}

export interface ShortcutSection {
  title: string;
  rows: ShortcutRow[];
}

/** Where a command's keys work, as the sheet groups them. */
function sectionOf(id: CommandId): number {
  const { context, when } = COMMANDS[id];
  if (context === 'reader' || context === 'mentions' || (context === 'window' && (when === 'articleOpen' || when === 'readerSelection'))) return 1;
  if (context === 'editor') return 2;
  if (context === 'comment' || context === 'reply') return 3;
  return 0;
}

const TITLES = ['ui:shortcutsAnywhere', 'ui:shortcutsInArticle', 'ui:shortcutsInNote', 'ui:shortcutsInComment'] as const;

/** Every command with keys, from the registry, grouped by where its keys apply; sections without keys are left out. */
export function shortcutSections(mac: boolean): ShortcutSection[] {
  const sections: ShortcutSection[] = TITLES.map((title) => ({ title: t(title), rows: [] }));
  for (const id of COMMAND_IDS) {
    const keys = commandKeys(id, mac);
    if (keys.length === 0) continue;
    sections[sectionOf(id)]!.rows.push({ id, title: commandTitle(id), keys: keys.map((k) => chordLabel(k, mac)) });
  }
  return sections.filter((s) => s.rows.length > 0);
}
