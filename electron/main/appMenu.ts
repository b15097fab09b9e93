import { app, BrowserWindow, Menu, type BaseWindow, type MenuItemConstructorOptions } from 'electron';
import { acceleratorOf, menuGroups, type CommandId, type MenuName } from '../common/commands';
import type { AppCommand } from '../common/contract';
import { IPC_EVENT } from '../common/ipcChannels';

/** Registry commands the shell runs itself instead of sending them to the window (Check for updates…). */
export type ShellCommands = Partial<Record<CommandId, () => void>>;

export function installAppMenu(shellCommands: ShellCommands = {}): void {
  // To the window the menu was used in; on macOS the menu also works with no window focused
  // (another app's dialog in front), and Dossier has one window.
  const send = (command: AppCommand, window?: BaseWindow) => {
    const target = (window && BrowserWindow.fromId(window.id)) ?? BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
    target?.webContents.send(IPC_EVENT, 'app.command', { command });
  };
  Menu.setApplicationMenu(Menu.buildFromTemplate(appMenuTemplate(app.isPackaged, process.platform, send, shellCommands)));
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
  /** The registry's commands of one menu, in its groups. */
  const registry = (name: MenuName): MenuItemConstructorOptions[][] => menuGroups(name).map((group) => group.map(({ id, label }) => command(id, label)));
  const [undoRedo = [], ...editRest] = registry('edit');

  return [
    // macOS keeps About, Services, Hide and Quit in the application menu, named after the app.
    ...(mac
      ? [
          {
            label: 'Dossier',
            submenu: joined(
              [{ role: 'about', label: '&About Dossier' }],
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
        [{ role: 'resetZoom', label: '&Actual Size' }, { role: 'zoomIn', label: 'Zoom &In' }, { role: 'zoomOut', label: 'Zoom &Out' }],
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
