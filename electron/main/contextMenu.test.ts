import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { contextMenuTemplate } from './contextMenu';

const shape = (items: MenuItemConstructorOptions[]) => items.map((i) => i.role ?? i.label ?? i.type);

describe('contextMenuTemplate', () => {
  it("offers Copy, then the reader's commands, on words selected in an article", () => {
    const sent: string[] = [];
    const menu = contextMenuTemplate({ editable: false, selection: true, commands: ['highlight', 'cite', 'link-entity', 'link-entities'] }, false, (c) => sent.push(c));
    expect(shape(menu)).toEqual(['copy', 'separator', '&Highlight', 'C&ite in a note', '&Link to entity…', '&Relate two entities…']);
    for (const item of menu.filter((i) => i.click)) (item.click as () => void)();
    expect(sent).toEqual(['highlight', 'cite', 'link-entity', 'link-entities']);
    // Keys from the registry, shown but left to the window's keyboard map.
    expect(menu.find((i) => i.label === '&Highlight')).toMatchObject({ accelerator: 'CmdOrCtrl+Shift+H', registerAccelerator: false });
    expect(menu.find((i) => i.label === 'C&ite in a note')?.accelerator).toBeUndefined();
  });

  it('offers the edit roles in a note or field, Cut and Copy only with a selection', () => {
    const menu = contextMenuTemplate({ editable: true, selection: false, commands: [] }, true, vi.fn());
    expect(shape(menu)).toEqual(['cut', 'copy', 'paste', 'separator', 'selectAll']);
    expect(menu.filter((i) => i.enabled === false).map((i) => i.role)).toEqual(['cut', 'copy']);
    const selected = contextMenuTemplate({ editable: true, selection: true, commands: [] }, true, vi.fn());
    expect(selected.every((i) => i.enabled !== false)).toBe(true);
  });

  it("offers Cut, Copy and Paste, then linking to an entity and citing a passage, in a note", () => {
    const sent: string[] = [];
    const menu = contextMenuTemplate({ editable: true, selection: true, commands: ['note-link-entity', 'note-cite-passage'] }, false, (c) => sent.push(c));
    expect(shape(menu)).toEqual(['cut', 'copy', 'paste', 'separator', 'selectAll', 'separator', '&Link to entity…', 'C&ite a passage…']);
    for (const item of menu.slice(-2)) (item.click as () => void)();
    expect(sent).toEqual(['note-link-entity', 'note-cite-passage']);
    const labels = menu.filter((i) => i.type !== 'separator').map((i) => /&(.)/.exec(i.label!)?.[1]?.toLowerCase());
    expect(new Set(labels).size).toBe(labels.length);
  });

  it('shows nothing where nothing applies, and ignores commands it does not offer', () => {
    expect(contextMenuTemplate({ editable: false, selection: false, commands: [] }, false, vi.fn())).toEqual([]);
    expect(shape(contextMenuTemplate({ editable: false, selection: true, commands: ['undo', 'import'] }, false, vi.fn()))).toEqual(['copy']);
  });

  it('gives every label a mnemonic, each letter once', () => {
    const menu = contextMenuTemplate({ editable: false, selection: true, commands: ['highlight', 'cite', 'link-entity', 'link-entities'] }, false, vi.fn());
    const labels = menu.filter((i) => i.type !== 'separator').map((i) => i.label!);
    const letters = labels.map((l) => /&(.)/.exec(l)?.[1]?.toLowerCase());
    expect(letters.every(Boolean)).toBe(true);
    expect(new Set(letters).size).toBe(letters.length);
  });
});
