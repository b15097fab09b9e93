import type { AppSettings } from '../common/model/settings';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, crashReporter, dialog, Menu, nativeTheme, screen, type MessageBoxOptions } from 'electron';
import { IPC_EVENT } from '../common/ipcChannels';
import {
  appDataDir,
  AppSettingsFile,
  AppWorkspaces,
  CoreWorker,
  openAppWorkspace,
  previewBackup,
  RecentWorkspaces,
  RememberedKeys,
  SyncCredentialStore,
  restoreBackup,
  startupWorkspaceDir,
  unlockedKey,
  workerDetector,
} from '../core';
import { startHost } from '../host/hostServer';
import { keychainSealer } from './keychain';
import { installAppMenu, reinstallAppMenu, showUndoState, type ShellCommands } from './appMenu';
import { setMenuLanguage } from './menuLanguage';
import { openBackupFile } from './backupOpener';
import { cliArguments, runCliMode } from './cliMode';
import { resolveAppPaths } from './appPaths';
import { registerAppScheme, serveAppProtocol } from './appProtocol';
import { contextMenuTemplate } from './contextMenu';
import { createMainWindow } from './createMainWindow';
import { FileOpenQueue, filesFromArgv, openFiles, recentDocuments } from './openFiles';
import { electronPdfPrinter } from './pdfPrinter';
import { registerIpc } from './registerIpc';
import { registerShellChannel } from './shellChannel';
import { startupErrorMessage } from './startupErrorMessage';
import { checkForUpdates, UPDATE_FEED } from './updates';
import { guardEveryWebContents } from './webContentsGuards';
import { placeWindow, readWindowState, trackWindowState } from './windowState';
import { workspaceFlag } from './workspaceFlag';
import { bindWorkspaceShell } from './workspaceShell';

/**
 * Two folders up from this entry bundle (out/main/index.js) is the app root. Taken here because
 * the entry never moves into a shared chunk, where import.meta.url would point elsewhere.
 */
const APP_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

// The app's own files (window state, settings, crash dumps) go to the folder `dossier serve` uses
// too, which $DOSSIER_APP_DATA moves (tests, portable installs). First of all: the single-instance
// lock lives there as well, so two app-data folders are two independent apps.
app.setPath('userData', appDataDir());
// Crash dumps stay in the app-data folder: nothing ever leaves the machine.
crashReporter.start({ uploadToServer: false });
registerAppScheme();
// Sandbox every renderer, not only the windows that ask for it.
app.enableSandbox();
// No <webview>, new window or navigation away from the app, for every page, before any exists.
guardEveryWebContents(app);

/** Files the system asked to open, held until a window is ready for them. */
const opening = new FileOpenQueue();
/** Brings the window to the front, or opens one (set once the workspace is open). */
let showWindow: (() => void) | null = null;

const cli = cliArguments(process.argv);
if (cli) void runCliMode(cli);
// One app per user: a second launch only brings the running one, which holds the workspace, to
// the front, with the files it was given.
else if (app.requestSingleInstanceLock()) {
  app.on('second-instance', (_event, argv, workingDirectory) => {
    opening.open(filesFromArgv(argv, { defaultApp: process.defaultApp === true, cwd: workingDirectory }));
    showWindow?.();
  });
  // macOS hands files over as events (Finder, the Dock, Open Recent), the first ones before ready.
  app.on('open-file', (event, file) => {
    event.preventDefault();
    opening.open([file]);
    showWindow?.();
  });
  opening.open(filesFromArgv(process.argv, { defaultApp: process.defaultApp === true, cwd: process.cwd() }));
  void start();
} else app.quit();

async function start(): Promise<void> {
  let workspaces: AppWorkspaces | undefined;
  try {
    const paths = resolveAppPaths(APP_ROOT, app.isPackaged, process.resourcesPath);
    const flag = workspaceFlag(process.argv);
    // One worker thread for entity detection, reading imported files and building the search index: the main process stays free for the window.
    const worker = new CoreWorker(paths.coreWorker);
    await app.whenReady();
    serveAppProtocol(paths.rendererDir);
    // Help › About: the version and the app's icon (macOS takes both from the bundle itself).
    app.setAboutPanelOptions({ applicationName: 'Dossier', applicationVersion: app.getVersion(), iconPath: path.join(paths.assetsDir, 'icon-512.png') });
    // Commands the shell carries out itself, from the menu or from the window (the command palette).
    const shellCommands: ShellCommands = {
      'check-updates': () => void checkForUpdates({ feed: UPDATE_FEED, currentVersion: app.getVersion(), showMessageBox: messageBox }),
    };
    installAppMenu(shellCommands);
    const appData = app.getPath('userData');
    const settings = await AppSettingsFile.open(appData);
    followThemeSetting(settings);
    followLanguageSetting(settings);
    const documents = app.getPath('documents');
    const recent = new RecentWorkspaces(appData);
    // The window can switch to another workspace (its start screen, File › Open Recent) without a restart.
    // One that cannot be opened (locked by another Dossier, not a workspace …) leaves the app
    // open on its start screen, which says why and offers the recent workspaces, open and create.
    workspaces = await AppWorkspaces.launch(await startupWorkspaceDir(flag, process.env, documents, recent), {
      open: (dir, how) =>
        openAppWorkspace(
          dir,
          paths.assetsDir,
          {
            detector: workerDetector(worker),
            extract: (bytes, name, options) => worker.run('extract', { bytes, name, options }),
            searchBuilder: (d, progress) => worker.run('searchIndex', { dir: d, key: unlockedKey(d) ?? undefined }, progress),
            warmSearch: true,
            liveSync: true,
            // The team database's credentials, sealed by the system keychain between launches.
            syncCredentials: new SyncCredentialStore(appData, keychainSealer()),
            backups: {},
            settings,
            // Briefs print with Electron's own Chromium, also when the CLI asks this app through its host.
            pdfPrinter: electronPdfPrinter(),
          },
          how,
        ),
      recent,
      documentsDir: documents,
      forgetKey: (dir) => worker.run('forgetKey', { dir }),
      idleLockMinutes: () => settings.get().lockAfterIdleMinutes,
      // "Remember the passphrase on this computer": the system keychain, which only the desktop app has.
      remembered: new RememberedKeys(appData, keychainSealer()),
    });
    const opened = workspaces;
    const cliAccess = await startHost({ core: opened, rendererDir: paths.rendererDir, workspacePath: () => opened.path });
    // The `dossier` CLI finds this in the lock file and asks the app instead of writing behind its back.
    await opened.advertise(cliAccess.origin, cliAccess.token);
    const unbindIpc = registerIpc(opened, documents);
    const unbindChannel = registerShellChannel({
      ready: (win) => opening.ready((files) => openFiles(files, openingInto(win, documents, opened))),
      contextMenu: showContextMenu,
      recent: (paths) => recentDocuments(paths).forEach((file) => app.addRecentDocument(file)),
      run: (command) => shellCommands[command]?.(),
      undoState: (state) => void showUndoState(state),
    });

    const openWindow = () => openMainWindow(paths.preloadFile);
    showWindow = (): void => {
      focusOrOpenWindow(openWindow).catch((error: unknown) => {
        showFatalError(error);
        app.quit();
      });
    };
    const unbindWorkspaces = bindWorkspaceShell(opened, showWindow, shellCommands);
    closeWorkspaceOnQuit(opened, () => {
      unbindIpc();
      unbindChannel();
      unbindWorkspaces();
      void cliAccess.close();
    });
    app.on('activate', showWindow);
    app.on('window-all-closed', () => {
      if (process.platform !== 'darwin') app.quit();
    });

    // What opening found (notices) is shown by the window itself, with a backup offered where one helps.
    await openWindow();
  } catch (error) {
    showFatalError(error);
    await workspaces?.close().catch(console.error);
    // exit, not quit: the app is half started and the store is already closed.
    app.exit(1);
  }
}

/** Native parts (menus, dialogs, the title bar) follow Dossier's theme, not only the system's. */
function followThemeSetting(settings: AppSettingsFile): void {
  nativeTheme.themeSource = settings.get().theme;
  settings.onChange((next) => {
    nativeTheme.themeSource = next.theme;
  });
}

/** The native menus speak the window's language (Settings › Language), rebuilt when it changes. */
function followLanguageSetting(settings: AppSettingsFile): void {
  const follow = (choice: AppSettings['uiLanguage']) => {
    if (setMenuLanguage(choice, app.getPreferredSystemLanguages())) reinstallAppMenu();
  };
  follow(settings.get().uiLanguage);
  settings.onChange((next) => follow(next.uiLanguage));
}

/** The full error goes to the local log; the user sees a worded message, never a stack. */
function showFatalError(error: unknown): void {
  console.error(error);
  dialog.showErrorBox('Dossier cannot open the workspace', startupErrorMessage(error));
}

async function focusOrOpenWindow(openWindow: () => Promise<unknown>): Promise<void> {
  // getAllWindows also lists a window that is still loading, so a quick second launch cannot open two.
  const existing = BrowserWindow.getAllWindows()[0];
  if (!existing) {
    await openWindow();
    return;
  }
  if (existing.isMinimized()) existing.restore();
  existing.focus();
}

/** The window where it was last time (brought back on screen if that screen is gone), remembered as it moves. */
async function openMainWindow(preloadFile: string): Promise<BrowserWindow> {
  const dir = app.getPath('userData');
  const primary = screen.getPrimaryDisplay();
  const screens = [primary, ...screen.getAllDisplays().filter((d) => d.id !== primary.id)].map((d) => d.workArea);
  const win = await createMainWindow(preloadFile, placeWindow(await readWindowState(dir), screens));
  trackWindowState(win, dir);
  win.on('closed', () => opening.closed());
  return win;
}

/** How files the system opens reach this window: its import for articles, dialogs for a backup. */
function openingInto(win: BrowserWindow, documents: string, workspaces: AppWorkspaces): Parameters<typeof openFiles>[1] {
  return {
    readFile: (file) => readFile(file),
    addRecentDocument: (file) => app.addRecentDocument(file),
    importIntoWindow: (files) => {
      if (win.isDestroyed()) return;
      win.webContents.send(IPC_EVENT, 'app.openFiles', { files });
      if (win.isMinimized()) win.restore();
      win.focus();
    },
    openBackup: (file) =>
      openBackupFile(file, {
        preview: previewBackup,
        restore: restoreBackup,
        showMessageBox: messageBox,
        showOpenDialog: (options) => (win.isDestroyed() ? dialog.showOpenDialog(options) : dialog.showOpenDialog(win, options)),
        documentsDir: documents,
        // The window reloads on the restored workspace (workspace.switched).
        openWorkspace: (dir) => {
          workspaces.open(dir).catch((error: unknown) => dialog.showErrorBox('Dossier cannot open the workspace', startupErrorMessage(error)));
        },
      }),
    reportUnreadable: (file, message) => dialog.showErrorBox('Dossier cannot open a file', `${file}: ${message}`),
  };
}

function showContextMenu(win: BrowserWindow, request: Parameters<typeof contextMenuTemplate>[0]): void {
  const template = contextMenuTemplate(request, process.platform === 'darwin', (command) => win.webContents.send(IPC_EVENT, 'app.command', { command }));
  if (template.length > 0) Menu.buildFromTemplate(template).popup({ window: win });
}

/** A message box on the focused window when there is one (sheet on macOS), else on its own. */
function messageBox(options: MessageBoxOptions): Promise<{ response: number }> {
  const parent = BrowserWindow.getFocusedWindow();
  return parent ? dialog.showMessageBox(parent, options) : dialog.showMessageBox(options);
}

/**
 * Quitting waits for the core to close: it saves the search index and releases the workspace lock,
 * so the CLI or the next start finds a clean workspace. IPC is unbound first so no call lands on
 * a closing store.
 */
function closeWorkspaceOnQuit(workspace: { close(): Promise<void> }, unbindIpc: () => void): void {
  let state: 'open' | 'closing' | 'closed' = 'open';
  app.on('will-quit', (event) => {
    if (state === 'closed') return;
    event.preventDefault();
    if (state === 'closing') return;
    state = 'closing';
    unbindIpc();
    void workspace
      .close()
      .catch(console.error)
      .finally(() => {
        state = 'closed';
        app.quit();
      });
  });
}
