import { describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
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

  it('follows macOS habits: an application menu, and Close in File', () => {
    const mac = appMenuTemplate(true, 'darwin');
    expect(mac[0]?.role).toBe('appMenu');
    expect(roles(mac)).toContain('close');
    expect(roles(mac)).not.toContain('quit');
  });
});
