import { describe, expect, it } from 'vitest';
import { acceleratorOf, chordLabel, COMMAND_IDS, commandKeys, COMMANDS, isCommandId, menuGroups, parseChord, shortcutOf, type CommandId } from './commands';
import { events } from './contract';

const ids = COMMAND_IDS as readonly CommandId[];

describe('the command registry', () => {
  it('names each command once, with a title', () => {
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(COMMANDS[id].title.trim(), id).not.toBe('');
    expect(isCommandId('import')).toBe(true);
    expect(isCommandId('toString')).toBe(false);
  });

  it('gives a key to one command per context on each platform', () => {
    for (const mac of [false, true]) {
      const seen = new Map<string, CommandId>();
      for (const id of ids) {
        for (const key of commandKeys(id, mac)) {
          const chord = parseChord(key);
          const slot = `${COMMANDS[id].context}:${JSON.stringify({ ...chord, key: chord.key.toUpperCase() })}`;
          expect(seen.get(slot), `${key} (${mac ? 'mac' : 'pc'}) for ${id}`).toBeUndefined();
          seen.set(slot, id);
        }
      }
    }
  });

  it('writes keys the parser understands', () => {
    for (const id of ids) {
      for (const key of commandKeys(id, false)) {
        expect(key, id).toMatch(/^((Mod|Shift|Alt)\+)*([A-Z0-9]|F\d{1,2}|Enter|Escape|Tab|Home|End|Arrow(Left|Right|Up|Down)|\?|[,=-]|Delete|Backspace)$/);
      }
    }
  });

  it('puts every menu item on a registered command, in the menus the shell builds', () => {
    const inMenus = (['file', 'edit', 'view', 'help'] as const).flatMap((name) => menuGroups(name).flat().map((item) => item.id));
    expect(inMenus).toEqual(expect.arrayContaining(['new-note', 'import', 'export', 'undo', 'redo', 'find', 'command-palette', 'shortcuts']));
    for (const id of inMenus) expect(isCommandId(id)).toBe(true);
    expect(new Set(inMenus).size).toBe(inMenus.length);
  });

  it('is what the shell may send as app.command, and nothing else', () => {
    for (const id of ids) expect(events['app.command'].safeParse({ command: id }).success, id).toBe(true);
    expect(events['app.command'].safeParse({ command: 'quit' }).success).toBe(false);
  });

  it('shows keys the way each platform writes them', () => {
    expect(shortcutOf('highlight', false)).toBe('Ctrl+Shift+H');
    expect(shortcutOf('highlight', true)).toBe('⌘+Shift+H');
    expect(shortcutOf('redo', false)).toBe('Ctrl+Y');
    expect(shortcutOf('redo', true)).toBe('⌘+Shift+Z');
    expect(shortcutOf('open-notes', false)).toBeNull();
    expect(chordLabel('Mod+Alt+N', true)).toBe('⌘+⌥+N');
    expect(chordLabel('Mod+Shift+ArrowRight', false)).toBe('Ctrl+Shift+→');
    expect(shortcutOf('shortcuts', true)).toBe('F1');
    expect(shortcutOf('reader-select-word', true)).toBe('Shift+⌥+→');
    expect(acceleratorOf('new-note', false)).toBe('CmdOrCtrl+Alt+N');
    expect(acceleratorOf('redo', true)).toBe('CmdOrCtrl+Shift+Z');
    expect(acceleratorOf('open-notes', false)).toBeUndefined();
    expect(shortcutOf('settings', true)).toBe('⌘+,');
    expect(acceleratorOf('settings', false)).toBe('CmdOrCtrl+,');
    expect(acceleratorOf('reader-zoom-out', false)).toBe('CmdOrCtrl+-');
  });
});
