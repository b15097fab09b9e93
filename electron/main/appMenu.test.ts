import { describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { COMMANDS, isCommandId } from '../common/commands';
import { appMenuTemplate } from './appMenu';
import type { RecentMenu } from './openRecentMenu';

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
    expect(mac[0]?.role).toBe('appMenu');
    expect(roles(mac)).toContain('close');
    expect(roles(mac.slice(1))).not.toContain('quit');
    // Settings… in the application menu with ⌘, (and not again in File).
    const appItems = mac[0]!.submenu as MenuItemConstructorOptions[];
    expect(appItems.find((i) => i.label === 'Settings…')?.accelerator).toBe('CmdOrCtrl+,');
    expect(roles(appItems)).toEqual(expect.arrayContaining(['about', 'hide', 'quit']));
    const file = mac.find((m) => m.label === '&File')!.submenu as MenuItemConstructorOptions[];
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
    const fileMenu = (recent?: RecentMenu) => appMenuTemplate(true, 'linux', () => undefined, recent).find((m) => m.label === '&File')!.submenu as MenuItemConstructorOptions[];

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
});
