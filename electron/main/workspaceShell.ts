import { app, BrowserWindow, dialog, ipcMain } from 'electron';
import type { AppWorkspaces } from '../core';
import { IPC_CHOOSE_FOLDER, IPC_EVENT } from '../common/ipcChannels';
import { installAppMenu, type ShellCommands } from './appMenu';
import { assertAppSender } from './ipcSender';

/**
 * The desktop side of workspaces: the native folder picker of the start screen, File › Open
 * Recent kept current, and the OS's own recent list (`app.addRecentDocument`: the Dock menu on
 * macOS, the taskbar's Jump List on Windows). Returns a function that unbinds it.
 *
 * Open Recent asks the window to open the workspace (it saves a note being typed first, then
 * calls `workspaces.open`, showing any error); with no window open, the switch is made here and
 * `showWindow` brings one up.
 */
export function bindWorkspaceShell(workspaces: AppWorkspaces, showWindow: () => void, shellCommands: ShellCommands = {}): () => void {
  ipcMain.handle(IPC_CHOOSE_FOLDER, async (event, purpose: unknown) => {
    assertAppSender(event);
    const create = purpose === 'create';
    const options: Electron.OpenDialogOptions = {
      title: create ? 'Choose a folder for the new workspace' : 'Open a Dossier workspace',
      buttonLabel: create ? 'Choose' : 'Open',
      properties: ['openDirectory', 'createDirectory'],
    };
    const parent = BrowserWindow.fromWebContents(event.sender);
    const { canceled, filePaths } = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
    return canceled || !filePaths[0] ? null : filePaths[0];
  });

  const open = (path: string): void => {
    const win = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
    if (win && !win.isDestroyed()) {
      win.webContents.send(IPC_EVENT, 'app.openWorkspace', { path });
      return;
    }
    workspaces.open(path).then(showWindow, (error: unknown) => dialog.showErrorBox('Dossier cannot open the workspace', (error as Error).message));
  };
  const clear = (): void => {
    app.clearRecentDocuments();
    workspaces.clearRecent().catch(console.error);
  };
  const refresh = (): void => {
    void workspaces.recent().then(
      ({ current, workspaces: list }) => installAppMenu(shellCommands, { workspaces: list, current, open, clear }),
      (error: unknown) => console.error('Dossier: the recent workspaces could not be read:', error),
    );
  };

  if (workspaces.path !== null) app.addRecentDocument(workspaces.path);
  refresh();
  const offRecent = workspaces.onRecentChange(refresh);
  const offSwitched = workspaces.events.subscribe((name, payload) => {
    if (name === 'workspace.switched') app.addRecentDocument((payload as { path: string }).path);
  });
  return () => {
    offRecent();
    offSwitched();
    ipcMain.removeHandler(IPC_CHOOSE_FOLDER);
  };
}
