import { describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { COMMANDS, isCommandId } from '../common/commands';
import { appMenuTemplate } from './appMenu';

// require('electron') from plain Node tries to download the binary: tests get a fake.
vi.mock('electron', () => ({ app: {}, Menu: {}, BrowserWindow: {} }));

function roles(items: MenuItemConstructorOptions[]): string[] {
  return items.flatMap((item) => [
    ...(item.role ? [item.role] : []),
    ...(Array.isArray(item.submenu) ? roles(item.submenu) : []),
  ]);
}

describe('appMenuTemplate', () => {
  it('offers developer tools only in development', () => {
    expect(roles(appMenuTemplate(false, 'linux'))).toContain('toggleDevTools');
    expect(roles(appMenuTemplate(true, 'linux'))).not.toContain('toggleDevTools');
  });

  it('has the usual edit, view and quit commands', () => {
    expect(roles(appMenuTemplate(true, 'win32'))).toEqual(
      expect.arrayContaining(['quit', 'cut', 'copy', 'paste', 'selectAll', 'reload', 'zoomIn', 'zoomOut', 'resetZoom']),
    );
  });

  it("sends Dossier's own commands to the renderer without registering their shortcuts twice", () => {
    const sent: string[] = [];
    const items = appMenuTemplate(true, 'linux', (c) => sent.push(c)).flatMap((m) => (Array.isArray(m.submenu) ? m.submenu : []));
    for (const label of ['&Import…', '&Export brief…', '&Undo', '&Redo']) {
      const item = items.find((i) => i.label === label)!;
      expect(item.registerAccelerator).toBe(false);
      (item.click as () => void)();
    }
    expect(sent).toEqual(['import', 'export', 'undo', 'redo']);
  });

  it('is built from the command registry: each of its own items sends a registered command with the registry\'s keys', () => {
    const sent: string[] = [];
    const items = appMenuTemplate(true, 'linux', (c) => sent.push(c)).flatMap((m) => (Array.isArray(m.submenu) ? m.submenu : []));
    const own = items.filter((i) => i.click);
    for (const item of own) (item.click as () => void)();
    expect(sent.length).toBe(own.length);
    for (const [i, id] of sent.entries()) {
      expect(isCommandId(id)).toBe(true);
      if (!isCommandId(id)) continue;
      const spec = COMMANDS[id] as { menu?: { label: string } };
      expect(own[i]!.label).toBe(spec.menu?.label);
    }
    expect(items.find((i) => i.label === '&Redo')?.accelerator).toBe('CmdOrCtrl+Y');
    const macItems = appMenuTemplate(true, 'darwin').flatMap((m) => (Array.isArray(m.submenu) ? m.submenu : []));
    expect(macItems.find((i) => i.label === '&Redo')?.accelerator).toBe('CmdOrCtrl+Shift+Z');
  });

  it('follows macOS habits: an application menu, and Close in File', () => {
    const mac = appMenuTemplate(true, 'darwin');
    const appMenu = mac[0]!.submenu as MenuItemConstructorOptions[];
    expect(appMenu.filter((i) => i.role).map((i) => i.role)).toEqual(['about', 'services', 'hide', 'hideOthers', 'unhide', 'quit']);
    const file = mac.find((m) => m.label === '&File')!.submenu as MenuItemConstructorOptions[];
    expect(roles(file)).toEqual(['close']);
    expect(roles(mac).filter((r) => r === 'quit')).toHaveLength(1);
  });

  /** Every item of a menu and its submenus, with the top-level menu it sits in. */
  function items(menu: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
    return menu.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? items(item.submenu) : [])]);
  }

  it('has the standard menus with their roles on every platform', () => {
    for (const platform of ['win32', 'linux', 'darwin'] as const) {
      const menu = appMenuTemplate(true, platform);
      expect(menu.map((m) => m.label), platform).toEqual([...(platform === 'darwin' ? ['Dossier'] : []), '&File', '&Edit', '&View', '&Window', '&Help']);
      expect(roles(menu), platform).toEqual(expect.arrayContaining(['cut', 'copy', 'paste', 'delete', 'selectAll', 'minimize', 'about', 'window', 'help']));
    }
    expect(roles(appMenuTemplate(true, 'darwin'))).toEqual(expect.arrayContaining(['services', 'hide', 'hideOthers', 'unhide', 'quit', 'zoom', 'front', 'pasteAndMatchStyle']));
    expect(roles(appMenuTemplate(true, 'win32'))).not.toContain('services');
  });

  it('puts Cut, Copy and Paste right after Undo and Redo', () => {
    const edit = appMenuTemplate(true, 'linux').find((m) => m.label === '&Edit')!.submenu as MenuItemConstructorOptions[];
    expect(edit.slice(0, 5).map((i) => i.label ?? i.type)).toEqual(['&Undo', '&Redo', 'separator', 'Cu&t', '&Copy']);
    expect(edit.at(-1)?.type).not.toBe('separator');
  });

  it('gives every label on Windows and Linux a mnemonic, and no two top-level menus the same one', () => {
    for (const platform of ['win32', 'linux'] as const) {
      const menu = appMenuTemplate(false, platform);
      for (const item of items(menu)) {
        if (item.type === 'separator') continue;
        expect(item.label, JSON.stringify({ role: item.role })).toMatch(/&[^&\s]/);
      }
      const letters = menu.map((m) => /&(.)/.exec(m.label!)![1]!.toLowerCase());
      expect(new Set(letters).size).toBe(letters.length);
    }
  });

  it('runs the commands the shell handles itself there, and sends the others to the window', () => {
    const sent: string[] = [];
    const check = vi.fn();
    const menu = appMenuTemplate(true, 'linux', (c) => sent.push(c), { 'check-updates': check });
    const help = menu.find((m) => m.label === '&Help')!.submenu as MenuItemConstructorOptions[];
    const updates = help.find((i) => i.label === 'Check for &Updates…')!;
    (updates.click as () => void)();
    expect(check).toHaveBeenCalledTimes(1);
    expect(sent).toEqual([]);
    const windows: unknown[] = [];
    const toWindow = appMenuTemplate(true, 'linux', (c, w) => (sent.push(c), windows.push(w)));
    const importItem = items(toWindow).find((i) => i.label === '&Import…')!;
    const win = { id: 7 };
    (importItem.click as (item: unknown, window: unknown) => void)(importItem, win);
    expect(sent).toEqual(['import']);
    // To the window the menu was used in.
    expect(windows).toEqual([win]);
  });
});
