import { app, BrowserWindow, Menu, type BaseWindow, type MenuItemConstructorOptions } from 'electron';
import { acceleratorOf, menuGroups, type CommandId, type MenuName } from '../common/commands';
import type { AppCommand } from '../common/contract';
import { IPC_EVENT } from '../common/ipcChannels';
import { openRecentMenu, type RecentMenu } from './openRecentMenu';

/** Registry commands the shell runs itself instead of sending them to the window (Check for updates…). */
export type ShellCommands = Partial<Record<CommandId, () => void>>;

/** Installs the menu; again whenever the recent workspaces change (File › Open Recent). */
export function installAppMenu(shellCommands: ShellCommands = {}, recent?: RecentMenu): void {
  // To the window the menu was used in; on macOS the menu also works with no window focused
  // (another app's dialog in front), and Dossier has one window.
  const send = (command: AppCommand, window?: BaseWindow) => {
    const target = (window && BrowserWindow.fromId(window.id)) ?? BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
    target?.webContents.send(IPC_EVENT, 'app.command', { command });
  };
  Menu.setApplicationMenu(Menu.buildFromTemplate(appMenuTemplate(app.isPackaged, process.platform, send, shellCommands, recent)));
}

const SEPARATOR: MenuItemConstructorOptions = { type: 'separator' };

/** Groups of items, a separator between two groups, empty groups dropped. */
function joined(...groups: MenuItemConstructorOptions[][]): MenuItemConstructorOptions[] {
  return groups.filter((group) => group.length > 0).flatMap((group, i) => (i === 0 ? group : [SEPARATOR, ...group]));
}

/**
 * The application menu. Dossier's own commands come from the command registry
 * (electron/common/commands.ts) and go to the renderer, which owns their shortcuts: their
 * accelerators are shown but not registered (`registerAccelerator: false`), so a key press is
 * never handled twice. Undo/Redo are Dossier's too: in a text field the renderer hands them to
 * the field, elsewhere they walk the operation log. Everything else is an Electron role, so
 * Cut/Copy/Paste, Hide, Services, Minimize and the window list behave as in every other program.
 * Every label carries a mnemonic for Alt+letter on Windows and Linux (macOS drops the `&`).
 * Developer tools only in development: in a package they would be a way around the renderer's
 * sandboxing rules.
 */
export function appMenuTemplate(
  isPackaged: boolean,
  platform: NodeJS.Platform,
  send: (command: AppCommand, window?: BaseWindow) => void = () => undefined,
  shellCommands: ShellCommands = {},
  recent?: RecentMenu,
): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  const command = (id: CommandId, label: string): MenuItemConstructorOptions => ({
    label,
    accelerator: acceleratorOf(id, mac),
    registerAccelerator: false,
    click: (_item, window) => {
      const own = shellCommands[id];
      if (own) own();
      else send(id, window);
    },
  });
  // On macOS, Settings… lives in the application menu, not in File.
  const inMenu = (id: CommandId) => !(mac && id === 'settings');
  /** The registry's commands of one menu, in its groups; File › Open Recent follows Workspaces…. */
  const registry = (name: MenuName): MenuItemConstructorOptions[][] =>
    menuGroups(name).map((group) =>
      group.filter(({ id }) => inMenu(id)).flatMap(({ id, label }) => [command(id, label), ...(id === 'workspaces' && recent ? [openRecentMenu(recent)] : [])]),
    );
  const [undoRedo = [], ...editRest] = registry('edit');

  return [
    // macOS keeps About, Services, Hide and Quit in the application menu, named after the app.
    ...(mac
      ? [
          {
            label: 'Dossier',
            submenu: joined(
              [{ role: 'about', label: '&About Dossier' }],
              [command('settings', 'Se&ttings…')],
              [{ role: 'services', label: '&Services' }],
              [{ role: 'hide', label: '&Hide Dossier' }, { role: 'hideOthers', label: 'Hide &Others' }, { role: 'unhide', label: 'Show &All' }],
              [{ role: 'quit', label: '&Quit Dossier' }],
            ),
          } satisfies MenuItemConstructorOptions,
        ]
      : []),
    // On macOS, Quit lives in the application menu, and File › Close closes the window.
    { label: '&File', submenu: joined(...registry('file'), [mac ? { role: 'close', label: '&Close Window' } : { role: 'quit', label: 'E&xit' }]) },
    {
      label: '&Edit',
      submenu: joined(
        undoRedo,
        [
          { role: 'cut', label: 'Cu&t' },
          { role: 'copy', label: '&Copy' },
          { role: 'paste', label: '&Paste' },
          ...(mac ? [{ role: 'pasteAndMatchStyle', label: 'Paste and &Match Style' } as const] : []),
          { role: 'delete', label: '&Delete' },
          { role: 'selectAll', label: 'Select &All' },
        ],
        ...editRest,
      ),
    },
    {
      label: '&View',
      submenu: joined(
        ...registry('view'),
        [{ role: 'reload', label: '&Reload' }, ...(isPackaged ? [] : [{ role: 'toggleDevTools', label: 'Toggle &Developer Tools' } as const])],
        // Ctrl/Cmd with = - 0 size the reader's text (remembered in Settings); the whole window zooms with Alt as well.
        [
          { role: 'resetZoom', label: '&Actual Size', accelerator: 'CmdOrCtrl+Alt+0' },
          { role: 'zoomIn', label: 'Zoom &In', accelerator: 'CmdOrCtrl+Alt+=' },
          { role: 'zoomOut', label: 'Zoom &Out', accelerator: 'CmdOrCtrl+Alt+-' },
        ],
        [{ role: 'togglefullscreen', label: '&Full Screen' }],
      ),
    },
    {
      label: '&Window',
      role: 'window',
      submenu: mac
        ? joined([{ role: 'minimize', label: '&Minimize' }, { role: 'zoom', label: '&Zoom' }], [{ role: 'front', label: '&Bring All to Front' }])
        : [{ role: 'minimize', label: '&Minimize' }, { role: 'close', label: '&Close' }],
    },
    {
      label: '&Help',
      role: 'help',
      submenu: joined(...registry('help'), mac ? [] : [{ role: 'about', label: '&About Dossier' }]),
    },
  ];
}
