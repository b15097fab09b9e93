import { app, BrowserWindow, Menu, type MenuItemConstructorOptions } from 'electron';
import { acceleratorOf, menuGroups, type CommandId, type MenuName } from '../common/commands';
import type { AppCommand } from '../common/contract';
import { IPC_EVENT } from '../common/ipcChannels';
import { openRecentMenu, type RecentMenu } from './openRecentMenu';

/** Installs the menu; again whenever the recent workspaces change (File › Open Recent). */
export function installAppMenu(recent?: RecentMenu): void {
  const send = (command: AppCommand) => BrowserWindow.getFocusedWindow()?.webContents.send(IPC_EVENT, 'app.command', { command });
  Menu.setApplicationMenu(Menu.buildFromTemplate(appMenuTemplate(app.isPackaged, process.platform, send, recent)));
}

/**
 * The application menu. Dossier's own commands come from the command registry
 * (electron/common/commands.ts) and go to the renderer, which owns their shortcuts: their
 * accelerators are shown but not registered (`registerAccelerator: false`), so a key press is
 * never handled twice. Undo/Redo are Dossier's too: in a text field the renderer hands them to
 * the field, elsewhere they walk the operation log. Developer tools only in development: in a
 * package they would be a way around the renderer's sandboxing rules.
 */
export function appMenuTemplate(
  isPackaged: boolean,
  platform: NodeJS.Platform,
  send: (command: AppCommand) => void = () => undefined,
  recent?: RecentMenu,
): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  const sep: MenuItemConstructorOptions = { type: 'separator' };
  const command = (id: CommandId, label: string): MenuItemConstructorOptions => ({
    label,
    accelerator: acceleratorOf(id, mac),
    registerAccelerator: false,
    click: () => send(id),
  });
  /** The registry's commands of one menu, a separator between groups, then the menu's own roles. */
  // On macOS, Settings… lives in the application menu, not in File.
  const inMenu = (id: CommandId) => !(mac && id === 'settings');
  const commands = (name: MenuName, ...roles: MenuItemConstructorOptions[][]): MenuItemConstructorOptions[] =>
    [
      ...menuGroups(name).map((group) =>
        group.filter(({ id }) => inMenu(id)).flatMap(({ id, label }) => [command(id, label), ...(id === 'workspaces' && recent ? [openRecentMenu(recent)] : [])]),
      ),
      ...roles,
    ]
      .filter((group) => group.length > 0)
      .flatMap((group, i) => (i === 0 ? group : [sep, ...group]));
  return [
    // On macOS, Quit lives in the application menu, and File > Close closes the window.
    ...(mac
      ? [
          {
            role: 'appMenu',
            submenu: [
              { role: 'about' },
              sep,
              command('settings', 'Settings…'),
              sep,
              { role: 'services' },
              sep,
              { role: 'hide' },
              { role: 'hideOthers' },
              { role: 'unhide' },
              sep,
              { role: 'quit' },
            ],
          } as const satisfies MenuItemConstructorOptions,
        ]
      : []),
    { label: '&File', submenu: commands('file', [mac ? { role: 'close' } : { role: 'quit' }]) },
    { label: '&Edit', submenu: commands('edit', [{ role: 'cut' }, { role: 'copy' }, { role: 'paste' }], [{ role: 'selectAll' }]) },
    {
      label: '&View',
      submenu: commands(
        'view',
        [{ role: 'reload' }, ...(isPackaged ? [] : [{ role: 'toggleDevTools' } as const])],
        // Ctrl/Cmd with = - 0 size the reader's text (remembered in Settings); the whole window zooms with Alt as well.
        [
          { role: 'resetZoom', accelerator: 'CmdOrCtrl+Alt+0' },
          { role: 'zoomIn', accelerator: 'CmdOrCtrl+Alt+=' },
          { role: 'zoomOut', accelerator: 'CmdOrCtrl+Alt+-' },
        ],
        [{ role: 'togglefullscreen' }],
      ),
    },
    { label: '&Help', role: 'help', submenu: commands('help', [{ role: 'about' }]) },
  ];
}
