import { describe, expect, it } from 'vitest';
import { COMMAND_IDS, COMMANDS, commandKeys, parseChord } from '../../../electron/common/commands';
import { chordMatches, isCommandKey, keymap, typesText, type KeyPress } from './keymap';

const press = (key: string, mods: Partial<KeyPress> = {}): KeyPress => ({
  key,
  code: /^[a-z]$/i.test(key) ? `Key${key.toUpperCase()}` : key,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});

describe("the window's keyboard map", () => {
  const pc = keymap('window', false);
  const mac = keymap('window', true);

  it('finds the command of each key, Ctrl or ⌘ alike', () => {
    expect(pc(press('o', { ctrlKey: true }))).toBe('import');
    expect(mac(press('o', { metaKey: true }))).toBe('import');
    expect(pc(press('e', { ctrlKey: true }))).toBe('export');
    expect(pc(press('H', { ctrlKey: true, shiftKey: true }))).toBe('highlight');
    expect(pc(press('z', { ctrlKey: true }))).toBe('undo');
  });

  it('opens Settings with Ctrl/Cmd+comma and zooms the reader with Ctrl/Cmd and = - 0', () => {
    expect(pc(press(',', { ctrlKey: true }))).toBe('settings');
    expect(mac(press(',', { metaKey: true }))).toBe('settings');
    expect(pc(press('=', { ctrlKey: true }))).toBe('reader-zoom-in');
    expect(pc(press('-', { ctrlKey: true }))).toBe('reader-zoom-out');
    expect(mac(press('0', { metaKey: true, code: 'Digit0' }))).toBe('reader-zoom-reset');
    expect(pc(press('=', {}))).toBeNull();
  });

  it('takes both redo keys on every platform', () => {
    for (const map of [pc, mac]) {
      expect(map(press('y', { ctrlKey: true }))).toBe('redo');
      expect(map(press('Z', { ctrlKey: true, shiftKey: true }))).toBe('redo');
    }
  });

  it('reads Alt shortcuts by the physical key, since macOS types another character with ⌥', () => {
    expect(mac(press('˜', { metaKey: true, altKey: true, code: 'KeyN' }))).toBe('new-note');
    expect(pc(press('n', { ctrlKey: true, altKey: true }))).toBe('new-note');
  });

  it('leaves other keys alone: no modifier, extra modifiers, or no command', () => {
    expect(pc(press('o'))).toBeNull();
    expect(pc(press('e', { ctrlKey: true, shiftKey: true }))).toBeNull();
    expect(pc(press('o', { ctrlKey: true, altKey: true }))).toBeNull();
    expect(pc(press('b', { ctrlKey: true }))).toBeNull();
  });

  it('keeps editor keys to the editor and field keys to their field', () => {
    expect(keymap('editor', false)(press('z', { ctrlKey: true }))).toBe('editor-undo');
    expect(keymap('editor', false)(press('b', { ctrlKey: true }))).toBe('editor-bold');
    expect(isCommandKey(press('Enter', { ctrlKey: true, code: 'Enter' }), 'finish-comment', false)).toBe(true);
    expect(isCommandKey(press('Enter', { metaKey: true, code: 'Enter' }), 'post-reply', true)).toBe(true);
    expect(isCommandKey(press('Enter', { code: 'Enter' }), 'post-reply', true)).toBe(false);
  });

  it('takes `?` as typed, with or without the Shift the layout needs, and F1 alike', () => {
    expect(pc(press('?', { shiftKey: true }))).toBe('shortcuts');
    expect(mac(press('?'))).toBe('shortcuts');
    expect(pc(press('F1', { code: 'F1' }))).toBe('shortcuts');
    expect(pc(press('/', { shiftKey: false }))).toBeNull();
    expect(pc(press('?', { ctrlKey: true, shiftKey: true }))).toBeNull();
    expect(typesText(press('?', { shiftKey: true }))).toBe(true);
    expect(typesText(press('F1'))).toBe(false);
    expect(typesText(press('p', { ctrlKey: true, shiftKey: true }))).toBe(false);
  });

  it('moves the reader caret by the platform’s word keys', () => {
    expect(keymap('reader', false)(press('ArrowRight', { ctrlKey: true, shiftKey: true }))).toBe('reader-select-word');
    expect(keymap('reader', true)(press('ArrowRight', { altKey: true, shiftKey: true }))).toBe('reader-select-word');
    expect(keymap('reader', false)(press('ArrowRight', { shiftKey: true }))).toBe('reader-select');
    expect(keymap('reader', false)(press('Tab'))).toBe('reader-mentions');
    // On the list of mentions the arrows go from one to the next; Shift+Tab goes back to the text.
    expect(keymap('mentions', false)(press('ArrowDown'))).toBe('reader-next-mention');
    expect(keymap('mentions', true)(press('ArrowLeft'))).toBe('reader-previous-mention');
    expect(keymap('mentions', false)(press('Tab', { shiftKey: true }))).toBe('mention-to-text');
    expect(keymap('mentions', false)(press('Tab'))).toBeNull();
    expect(keymap('window', false)(press('ArrowRight'))).toBeNull();
  });

  it('reaches every key of every command', () => {
    for (const mac of [false, true]) {
      for (const id of COMMAND_IDS) {
        const map = keymap(COMMANDS[id].context, mac);
        for (const text of commandKeys(id, mac)) {
          const chord = parseChord(text);
          const p = press(chord.key, { ctrlKey: chord.mod, shiftKey: chord.shift, altKey: chord.alt });
          expect(chordMatches(p, chord), text).toBe(true);
          expect(map(p), `${text} → ${id}`).toBe(id);
        }
      }
    }
  });
});
