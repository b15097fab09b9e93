import { app, BrowserWindow, Menu, type BaseWindow, type MenuItemConstructorOptions } from 'electron';
import { acceleratorOf, menuGroups, type CommandId, type MenuName } from '../common/commands';
import type { AppCommand, ShellMessage } from '../common/contract';
import { IPC_EVENT } from '../common/ipcChannels';
import { sameStep } from '../common/model/phrase';
import { historyCommandTitle, type HistoryDirection } from '../common/undoTitles';
import { menuTranslator, type Translate } from './menuLanguage';
import { openRecentMenu, type RecentMenu } from './openRecentMenu';

/** Registry commands the shell runs itself instead of sending them to the window (Check for updates…). */
export type ShellCommands = Partial<Record<CommandId, () => void>>;

/** What Edit › Undo and Redo name, as the window reports it for its current view. */
export type UndoMenuState = Omit<Extract<ShellMessage, { kind: 'undoState' }>, 'kind'>;

/** Before the window has said anything: nothing to undo yet. */
export const NOTHING_TO_UNDO: UndoMenuState = { undo: null, redo: null, inField: false };

/** What the menu was last built from: File › Open Recent and Edit › Undo change apart. */
let installed: { shellCommands: ShellCommands; recent?: RecentMenu; undo: UndoMenuState } | null = null;

/** Installs the menu; again whenever the recent workspaces change (File › Open Recent). */
export function installAppMenu(shellCommands: ShellCommands = {}, recent?: RecentMenu): void {
  installed = { undo: NOTHING_TO_UNDO, ...installed, shellCommands, recent };
  buildAppMenu();
}

/** Builds the menu again in the UI language now chosen (Settings › Language), with what it last held. */
export function reinstallAppMenu(): void {
  if (installed) buildAppMenu();
}

/**
 * Names Edit › Undo and Redo after the steps the window's current view would take back. A
 * native menu item's label cannot change once built, so the menu is built again, but only when
 * what it says changes (the window reports on every focus move). True when it was rebuilt.
 */
export function showUndoState(undo: UndoMenuState): boolean {
  const before = installed?.undo ?? NOTHING_TO_UNDO;
  if (sameStep(before.undo, undo.undo) && sameStep(before.redo, undo.redo) && before.inField === undo.inField) return false;
  installed = { shellCommands: {}, ...installed, undo };
  buildAppMenu();
  return true;
}

function buildAppMenu(): void {
  // To the window the menu was used in; on macOS the menu also works with no window focused
  // (another app's dialog in front), and Dossier has one window.
  const send = (command: AppCommand, window?: BaseWindow) => {
    const target = (window && BrowserWindow.fromId(window.id)) ?? BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
    target?.webContents.send(IPC_EVENT, 'app.command', { command });
  };
  const { shellCommands, recent, undo } = installed ?? { shellCommands: {}, undo: NOTHING_TO_UNDO };
  Menu.setApplicationMenu(Menu.buildFromTemplate(appMenuTemplate(app.isPackaged, process.platform, send, shellCommands, recent, undo, menuTranslator())));
}

/** A label shown as written: `&` doubled so it is no mnemonic, the first letter made one. */
function withMnemonic(title: string): string {
  return `&${title.replace(/&/g, '&&')}`;
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
 * never handled twice. Undo/Redo are Dossier's too: outside a text field they walk the current
 * view's steps and are named after the step they would take ("Undo add highlight", disabled
 * when there is none); while a field or a note's editor has the focus, they are the plain
 * Electron roles, the field's own undo (Lexical's history inside a note). Everything else is an Electron role, so
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
  undo: UndoMenuState = NOTHING_TO_UNDO,
  t: Translate = menuTranslator('en'),
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
  const historyItem = (id: HistoryDirection, label: string): MenuItemConstructorOptions =>
    undo.inField
      ? { role: id, label, accelerator: acceleratorOf(id, mac), registerAccelerator: false }
      : { ...command(id, undo[id] === null ? label : withMnemonic(historyCommandTitle({ t }, id, undo[id]))), enabled: undo[id] !== null };
  // On macOS, Settings… lives in the application menu, not in File.
  const inMenu = (id: CommandId) => !(mac && id === 'settings');
  /** The registry's commands of one menu, in its groups; File › Open Recent follows Workspaces…. */
  const registry = (name: MenuName): MenuItemConstructorOptions[][] =>
    menuGroups(name).map((group) =>
      group
        .filter(({ id }) => inMenu(id))
        .flatMap(({ id }) => [
          id === 'undo' || id === 'redo' ? historyItem(id, t(`commands:${id}.menu`)) : command(id, t(`commands:${id}.menu`)),
          ...(id === 'workspaces' && recent ? [openRecentMenu(recent, t)] : []),
        ]),
    );
  const [undoRedo = [], ...editRest] = registry('edit');

  return [
    // macOS keeps About, Services, Hide and Quit in the application menu, named after the app.
    ...(mac
      ? [
          {
            label: t('menu:app'),
            submenu: joined(
              [{ role: 'about', label: t('menu:about') }],
              [command('settings', t('commands:settings.menu'))],
              [{ role: 'services', label: t('menu:services') }],
              [{ role: 'hide', label: t('menu:hide') }, { role: 'hideOthers', label: t('menu:hideOthers') }, { role: 'unhide', label: t('menu:unhide') }],
              [{ role: 'quit', label: t('menu:quit') }],
            ),
          } satisfies MenuItemConstructorOptions,
        ]
      : []),
    // On macOS, Quit lives in the application menu, and File › Close closes the window.
    { label: t('menu:file'), submenu: joined(...registry('file'), [mac ? { role: 'close', label: t('menu:closeWindow') } : { role: 'quit', label: t('menu:exit') }]) },
    {
      label: t('menu:edit'),
      submenu: joined(
        undoRedo,
        [
          { role: 'cut', label: t('menu:cut') },
          { role: 'copy', label: t('menu:copy') },
          { role: 'paste', label: t('menu:paste') },
          ...(mac ? [{ role: 'pasteAndMatchStyle', label: t('menu:pasteAndMatchStyle') } as const] : []),
          { role: 'delete', label: t('menu:delete') },
          { role: 'selectAll', label: t('menu:selectAll') },
        ],
        ...editRest,
      ),
    },
    {
      label: t('menu:view'),
      submenu: joined(
        ...registry('view'),
        [{ role: 'reload', label: t('menu:reload') }, ...(isPackaged ? [] : [{ role: 'toggleDevTools', label: t('menu:toggleDevTools') } as const])],
        // Ctrl/Cmd with = - 0 size the reader's text (remembered in Settings); the whole window zooms with Alt as well.
        [
          { role: 'resetZoom', label: t('menu:actualSize'), accelerator: 'CmdOrCtrl+Alt+0' },
          { role: 'zoomIn', label: t('menu:zoomIn'), accelerator: 'CmdOrCtrl+Alt+=' },
          { role: 'zoomOut', label: t('menu:zoomOut'), accelerator: 'CmdOrCtrl+Alt+-' },
        ],
        [{ role: 'togglefullscreen', label: t('menu:fullScreen') }],
      ),
    },
    {
      label: t('menu:window'),
      role: 'window',
      submenu: mac
        ? joined([{ role: 'minimize', label: t('menu:minimize') }, { role: 'zoom', label: t('menu:zoom') }], [{ role: 'front', label: t('menu:bringAllToFront') }])
        : [{ role: 'minimize', label: t('menu:minimize') }, { role: 'close', label: t('menu:close') }],
    },
    {
      label: t('menu:help'),
      role: 'help',
      submenu: joined(...registry('help'), mac ? [] : [{ role: 'about', label: t('menu:about') }]),
    },
  ];
}
