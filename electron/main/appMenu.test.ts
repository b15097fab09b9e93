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
});
