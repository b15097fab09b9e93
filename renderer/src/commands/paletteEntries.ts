import { COMMAND_IDS, COMMANDS, type CommandId } from '../../../electron/common/commands';
import { commandTitle } from '../i18n/i18n';
import { rankByFuzzy } from './fuzzyMatch';

export interface PaletteEntry {
  id: CommandId;
  title: string;
  /** Letters of the title that matched the query, to mark. */
  positions: number[];
  available: boolean;
}

/** What the palette offers: the window's commands (the others are keys inside a field or the reader), itself excepted. */
export const PALETTE_IDS: readonly CommandId[] = COMMAND_IDS.filter((id) => COMMANDS[id].context === 'window' && id !== 'command-palette');

/**
 * The names a command answers to: its title now (first: the letters marked are found in it), its
 * registry title, its menu label without the mnemonic, and its id's words.
 */
function namesOf(id: CommandId, title: string): string[] {
  const spec = COMMANDS[id] as { title: string; menu?: { label: string } };
  return [title, ...(title === spec.title ? [] : [spec.title]), ...(spec.menu ? [spec.menu.label.replace(/&/g, '')] : []), id.replace(/-/g, ' ')];
}

/**
 * The palette's rows for `query`: with nothing typed, recently run commands first, then the
 * others in the registry's order; otherwise the fuzzy matches, best first. Commands that do not
 * apply now go last either way (shown greyed).
 */
export function paletteEntries(
  query: string,
  recent: readonly CommandId[],
  available: (id: CommandId) => boolean,
  ids: readonly CommandId[] = PALETTE_IDS,
  /** What a command is called now, when its handler names it ("Undo add highlight"); its title in the UI language otherwise. */
  titleOf: (id: CommandId) => string = commandTitle,
): PaletteEntry[] {
  let ordered: { id: CommandId; positions: number[] }[];
  if (query.trim() === '') {
    const seen = new Set<CommandId>();
    ordered = [...recent.filter((id) => ids.includes(id)), ...ids]
      .filter((id) => !seen.has(id) && seen.add(id))
      .map((id) => ({ id, positions: [] }));
  } else {
    ordered = rankByFuzzy(ids, query, (id) => namesOf(id, titleOf(id))).map((r) => ({ id: r.item, positions: r.positions }));
  }
  const entries = ordered.map(({ id, positions }) => ({ id, title: titleOf(id), positions, available: available(id) }));
  return [...entries.filter((e) => e.available), ...entries.filter((e) => !e.available)];
}
