import { COMMAND_IDS, commandKeys, COMMANDS, parseChord, type CommandContext, type CommandId, type KeyChord } from '../../../electron/common/commands';

/** The fields of a keyboard event the keymap reads (a plain object in tests). */
export interface KeyPress {
  key: string;
  code: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

/**
 * Whether a key press is this chord. Ctrl and ⌘ both count as Mod (as they always have here).
 * The key is compared as typed, so Ctrl+Z is the key marked Z on any layout; with Alt held,
 * macOS types another character (⌥N is "˜"), so the physical key decides then. A symbol such as
 * `?` is the character typed, whichever Shift the layout needs for it.
 */
export function chordMatches(press: KeyPress, chord: KeyChord): boolean {
  const symbol = chord.key.length === 1 && !/[\p{L}\p{N}]/u.test(chord.key);
  if ((press.ctrlKey || press.metaKey) !== chord.mod || (!symbol && press.shiftKey !== chord.shift) || press.altKey !== chord.alt) return false;
  if (press.key.toLowerCase() === chord.key.toLowerCase()) return true;
  return chord.alt && /^[A-Z0-9]$/.test(chord.key) && press.code === (/\d/.test(chord.key) ? `Digit${chord.key}` : `Key${chord.key}`);
}

/** Whether a key press is one of a command's keys on this platform. */
export function isCommandKey(press: KeyPress, id: CommandId, mac: boolean): boolean {
  return commandKeys(id, mac).some((text) => chordMatches(press, parseChord(text)));
}

/** The keyboard map of one context: key press → command, built from the registry. */
export function keymap(context: CommandContext, mac: boolean): (press: KeyPress) => CommandId | null {
  const bindings = COMMAND_IDS.filter((id) => COMMANDS[id].context === context).flatMap((id) =>
    commandKeys(id, mac).map((text) => ({ id, chord: parseChord(text) })),
  );
  return (press) => bindings.find((b) => chordMatches(press, b.chord))?.id ?? null;
}

/** Whether a key press types a character (no Ctrl, ⌘ or Alt): in a text field, such a key is the field's. */
export function typesText(press: KeyPress): boolean {
  return !press.ctrlKey && !press.metaKey && !press.altKey && [...press.key].length === 1;
}
