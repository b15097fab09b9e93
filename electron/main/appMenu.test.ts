import { describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { COMMANDS, isCommandId } from '../common/commands';
import { appMenuTemplate, installAppMenu, NOTHING_TO_UNDO, showUndoState, type UndoMenuState } from './appMenu';
import type { RecentMenu } from './openRecentMenu';
import { step } from '../common/model/phrase';

// require('electron') from plain Node tries to download the binary: tests get a fake.
const fake = vi.hoisted(() => ({ installed: [] as MenuItemConstructorOptions[][] }));
vi.mock('electron', () => ({
  app: { isPackaged: true },
  Menu: {
    buildFromTemplate: (template: MenuItemConstructorOptions[]) => template,
    setApplicationMenu: (menu: MenuItemConstructorOptions[]) => fake.installed.push(menu),
  },
  BrowserWindow: {},
}));

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
    for (const label of ['&Import…', '&Export article…', '&Undo', '&Redo']) {
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

  it('offers the palette, Find and the shortcuts sheet with their keys', () => {
    const sent: string[] = [];
    const menus = appMenuTemplate(true, 'linux', (c) => sent.push(c));
    const items = (label: string) => {
      const submenu = menus.find((m) => m.label === label)?.submenu;
      return Array.isArray(submenu) ? submenu : [];
    };
    const shortcuts = items('&Help').find((i) => i.label === '&Keyboard shortcuts')!;
    expect(shortcuts.accelerator).toBe('F1');
    (shortcuts.click as () => void)();
    expect(roles(items('&Help'))).toContain('about');
    expect(items('&Edit').find((i) => i.label === '&Find…')?.accelerator).toBe('CmdOrCtrl+F');
    const palette = items('&View').find((i) => i.label === '&Command palette…')!;
    expect(palette.accelerator).toBe('CmdOrCtrl+Shift+P');
    (palette.click as () => void)();
    expect(sent).toEqual(['shortcuts', 'command-palette']);
  });

  it('follows macOS habits: an application menu, and Close in File', () => {
    const mac = appMenuTemplate(true, 'darwin');
    const appMenu = mac[0]!.submenu as MenuItemConstructorOptions[];
    expect(appMenu.filter((i) => i.role).map((i) => i.role)).toEqual(['about', 'services', 'hide', 'hideOthers', 'unhide', 'quit']);
    const file = mac.find((m) => m.label === '&File')!.submenu as MenuItemConstructorOptions[];
    expect(roles(file)).toEqual(['close']);
    expect(roles(mac).filter((r) => r === 'quit')).toHaveLength(1);
    // Settings… in the application menu with ⌘, (and not again in File).
    expect(appMenu.find((i) => i.label === 'Se&ttings…')?.accelerator).toBe('CmdOrCtrl+,');
    expect(file.some((i) => i.label === 'Se&ttings…')).toBe(false);
  });

  it('gives Ctrl/Cmd with = - 0 to the reader, and keeps window zoom on other keys', () => {
    const items = appMenuTemplate(true, 'linux').flatMap((m) => (Array.isArray(m.submenu) ? m.submenu : []));
    const accelerators = items.filter((i) => i.role === 'zoomIn' || i.role === 'zoomOut' || i.role === 'resetZoom').map((i) => i.accelerator);
    expect(accelerators).toEqual(['CmdOrCtrl+Alt+0', 'CmdOrCtrl+Alt+=', 'CmdOrCtrl+Alt+-']);
    expect(items.find((i) => i.label === 'Reader text &larger')?.accelerator).toBe('CmdOrCtrl+=');
    expect(items.find((i) => i.label === 'Se&ttings…')?.accelerator).toBe('CmdOrCtrl+,');
  });

  describe('File › Open Recent', () => {
    const recentMenu = (over: Partial<RecentMenu> = {}): RecentMenu => ({
      workspaces: [
        { path: '/work/Current', name: 'Current', missing: false },
        { path: '/work/R&D', name: 'R&D', missing: false },
        { path: '/gone/Old', name: 'Old', missing: true },
      ],
      current: '/work/Current',
      open: vi.fn(),
      clear: vi.fn(),
      ...over,
    });
    const fileMenu = (recent?: RecentMenu) => appMenuTemplate(true, 'linux', () => undefined, {}, recent).find((m) => m.label === '&File')!.submenu as MenuItemConstructorOptions[];

    it('follows Workspaces… with the recent list: the open one checked, missing ones disabled, then Clear', () => {
      const recent = recentMenu();
      const file = fileMenu(recent);
      const at = file.findIndex((i) => i.label === '&Workspaces…');
      expect(file[at + 1]?.label).toBe('Open &Recent');
      const items = file[at + 1]!.submenu as MenuItemConstructorOptions[];
      expect(items.map((i) => i.label ?? i.type)).toEqual([
        'Current — /work/Current',
        'R&&D — /work/R&&D',
        'Old — /gone/Old (missing)',
        'separator',
        '&Clear Recently Opened',
      ]);
      expect(items.map((i) => i.enabled)).toEqual([false, true, false, undefined, true]);
      expect(items[0]!.checked).toBe(true);
      (items[1]!.click as () => void)();
      expect(recent.open).toHaveBeenCalledWith('/work/R&D');
      (items[4]!.click as () => void)();
      expect(recent.clear).toHaveBeenCalled();
    });

    it('says when there is nothing to list, and is left out before the list is read', () => {
      const items = fileMenu(recentMenu({ workspaces: [] })).find((i) => i.label === 'Open &Recent')!.submenu as MenuItemConstructorOptions[];
      expect(items[0]).toMatchObject({ label: 'No recent workspaces', enabled: false });
      expect(items.at(-1)).toMatchObject({ enabled: false });
      expect(fileMenu().some((i) => i.label === 'Open &Recent')).toBe(false);
    });
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

  describe('Edit › Undo and Redo', () => {
    const edit = (undo: UndoMenuState, platform: NodeJS.Platform = 'linux', send: (c: string) => void = () => undefined) =>
      appMenuTemplate(true, platform, send, {}, undefined, undo).find((m) => m.label === '&Edit')!.submenu as MenuItemConstructorOptions[];

    it("are named after the current view's next steps, and send Dossier's undo to the window", () => {
      const sent: string[] = [];
      const [undo, redo] = edit({ undo: step('addHighlight'), redo: step('renameArticle'), inField: false }, 'linux', (c) => sent.push(c));
      expect(undo).toMatchObject({ label: '&Undo add highlight', enabled: true, accelerator: 'CmdOrCtrl+Z', registerAccelerator: false });
      expect(redo).toMatchObject({ label: '&Redo rename article', enabled: true, accelerator: 'CmdOrCtrl+Y' });
      expect(undo!.role).toBeUndefined();
      (undo!.click as () => void)();
      (redo!.click as () => void)();
      expect(sent).toEqual(['undo', 'redo']);
    });

    it('are the plain, disabled verbs when the view has nothing to take back', () => {
      const [undo, redo] = edit({ undo: null, redo: step('addHighlight'), inField: false });
      expect(undo).toMatchObject({ label: '&Undo', enabled: false });
      expect(redo).toMatchObject({ label: '&Redo add highlight', enabled: true });
      expect(edit(NOTHING_TO_UNDO).slice(0, 2).map((i) => [i.label, i.enabled])).toEqual([
        ['&Undo', false],
        ['&Redo', false],
      ]);
    });

    it("are the field's own undo (Electron's roles) while a text field or a note has the focus", () => {
      const [undo, redo] = edit({ undo: step('addHighlight'), redo: null, inField: true }, 'darwin');
      expect(undo).toMatchObject({ role: 'undo', label: '&Undo', accelerator: 'CmdOrCtrl+Z', registerAccelerator: false });
      expect(redo).toMatchObject({ role: 'redo', label: '&Redo', accelerator: 'CmdOrCtrl+Shift+Z' });
      expect(undo!.click).toBeUndefined();
      expect(undo!.enabled).toBeUndefined();
    });

    it('show an ampersand in a name as itself, not as a mnemonic', () => {
      expect(edit({ undo: step('createEntity', { name: 'R&D' }), redo: null, inField: false })[0]!.label).toBe('&Undo create R&&D');
    });

    it('rebuild the installed menu only when what they say changes, keeping Open Recent', () => {
      fake.installed.length = 0;
      const recent: RecentMenu = { workspaces: [], current: '/w', open: vi.fn(), clear: vi.fn() };
      installAppMenu({}, recent);
      expect(fake.installed).toHaveLength(1);
      expect(showUndoState({ undo: step('addHighlight'), redo: null, inField: false })).toBe(true);
      expect(showUndoState({ undo: step('addHighlight'), redo: null, inField: false })).toBe(false);
      expect(fake.installed).toHaveLength(2);
      const menu = fake.installed.at(-1)!;
      const items = (label: string) => menu.find((m) => m.label === label)!.submenu as MenuItemConstructorOptions[];
      expect(items('&Edit')[0]!.label).toBe('&Undo add highlight');
      expect(items('&File').some((i) => i.label === 'Open &Recent')).toBe(true);
      // Into a note: the editor's own undo.
      expect(showUndoState({ undo: step('addHighlight'), redo: null, inField: true })).toBe(true);
      expect(fake.installed.at(-1)!.find((m) => m.label === '&Edit')!.submenu).toEqual(expect.arrayContaining([expect.objectContaining({ role: 'undo' })]));
      // The recent list changing keeps what Undo says.
      installAppMenu({}, recent);
      expect((fake.installed.at(-1)!.find((m) => m.label === '&Edit')!.submenu as MenuItemConstructorOptions[])[0]!.role).toBe('undo');
    });
  });
});

describe('the application menu in Arabic', () => {
  it('names the menus and the registry commands from the Arabic catalog, keys unchanged', async () => {
    const { menuTranslator } = await import('./menuLanguage');
    const menus = appMenuTemplate(true, 'linux', () => undefined, {}, undefined, NOTHING_TO_UNDO, menuTranslator('ar'));
    expect(menus.map((m) => m.label)).toContain('&ملف');
    const file = menus.find((m) => m.label === '&ملف')!.submenu as MenuItemConstructorOptions[];
    const importItem = file.find((i) => i.label === 'ا&ستيراد…')!;
    expect(importItem.accelerator).toBe('CmdOrCtrl+O');
  });

  it('names Edit › Undo and Redo after the steps in Arabic, names inside left as they are', async () => {
    const { menuTranslator } = await import('./menuLanguage');
    const undo: UndoMenuState = { undo: step('addHighlight'), redo: step('mergeEntities', { source: 'Modi', target: 'Narendra Modi' }), inField: false };
    const menus = appMenuTemplate(true, 'linux', () => undefined, {}, undefined, undo, menuTranslator('ar'));
    const [first, second] = menus.find((m) => m.label === '&تحرير')!.submenu as MenuItemConstructorOptions[];
    expect(first!.label).toBe('&التراجع عن إضافة تظليل');
    expect(second!.label).toBe('&إعادة دمج Modi في Narendra Modi');
  });
});
