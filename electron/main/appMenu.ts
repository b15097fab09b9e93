import { app, BrowserWindow, Menu, type MenuItemConstructorOptions } from 'electron';
import type { AppCommand } from '../common/contract';
import { IPC_EVENT } from '../common/ipcChannels';

export function installAppMenu(): void {
  const send = (command: AppCommand) => BrowserWindow.getFocusedWindow()?.webContents.send(IPC_EVENT, 'app.command', { command });
  Menu.setApplicationMenu(Menu.buildFromTemplate(appMenuTemplate(app.isPackaged, process.platform, send)));
}

/**
 * The application menu. Dossier's own commands go to the renderer, which owns their shortcuts:
 * their accelerators are shown but not registered (`registerAccelerator: false`), so a key press
 * is never handled twice. Undo/Redo are Dossier's too: in a text field the renderer hands them to
 * the field, elsewhere they walk the operation log. Developer tools only in development: in a
 * package they would be a way around the renderer's sandboxing rules.
 */
export function appMenuTemplate(
  isPackaged: boolean,
  platform: NodeJS.Platform,
  send: (command: AppCommand) => void = () => undefined,
): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  const sep: MenuItemConstructorOptions = { type: 'separator' };
  const command = (label: string, name: AppCommand, accelerator: string): MenuItemConstructorOptions => ({
    label,
    accelerator,
    registerAccelerator: false,
    click: () => send(name),
  });
  return [
    // On macOS, Quit lives in the application menu, and File > Close closes the window.
    ...(mac ? [{ role: 'appMenu' } as const] : []),
    {
      label: '&File',
      submenu: [
        command('&New note', 'new-note', 'CmdOrCtrl+Alt+N'),
        command('&Import…', 'import', 'CmdOrCtrl+O'),
        command('&Export brief…', 'export', 'CmdOrCtrl+E'),
        sep,
        mac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    {
      label: '&Edit',
      submenu: [
        command('&Undo', 'undo', 'CmdOrCtrl+Z'),
        command('&Redo', 'redo', mac ? 'Shift+Cmd+Z' : 'Ctrl+Y'),
        sep,
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        sep,
        { role: 'selectAll' },
      ],
    },
    {
      label: '&View',
      submenu: [
        { role: 'reload' },
        ...(isPackaged ? [] : [{ role: 'toggleDevTools' } as const]),
        sep,
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        sep,
        { role: 'togglefullscreen' },
      ],
    },
    { label: '&Help', role: 'help', submenu: [{ role: 'about' }] },
  ];
}
