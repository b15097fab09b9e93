import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, crashReporter, dialog, nativeTheme } from 'electron';
import { AppSettingsFile, AppWorkspaces, CoreWorker, openAppWorkspace, RecentWorkspaces, startupWorkspaceDir, workerDetector } from '../core';
import { startHost } from '../host/hostServer';
import { installAppMenu } from './appMenu';
import { cliArguments, runCliMode } from './cliMode';
import { resolveAppPaths } from './appPaths';
import { registerAppScheme, serveAppProtocol } from './appProtocol';
import { createMainWindow } from './createMainWindow';
import { electronPdfPrinter } from './pdfPrinter';
import { registerIpc } from './registerIpc';
import { startupErrorMessage } from './startupErrorMessage';
import { guardEveryWebContents } from './webContentsGuards';
import { workspaceFlag } from './workspaceFlag';
import { bindWorkspaceShell } from './workspaceShell';

/**
 * Two folders up from this entry bundle (out/main/index.js) is the app root. Taken here because
 * the entry never moves into a shared chunk, where import.meta.url would point elsewhere.
 */
const APP_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

// Crash dumps stay in the app-data folder: nothing ever leaves the machine.
crashReporter.start({ uploadToServer: false });
registerAppScheme();
// Sandbox every renderer, not only the windows that ask for it.
app.enableSandbox();
// No <webview>, new window or navigation away from the app, for every page, before any exists.
guardEveryWebContents(app);

const cli = cliArguments(process.argv);
if (cli) void runCliMode(cli);
// One app per user: a second launch only brings the running one, which holds the workspace, to the front.
else if (app.requestSingleInstanceLock()) void start();
else app.quit();

async function start(): Promise<void> {
  let workspaces: AppWorkspaces | undefined;
  try {
    const paths = resolveAppPaths(APP_ROOT, app.isPackaged, process.resourcesPath);
    const flag = workspaceFlag(process.argv);
    // One worker thread for entity detection, reading imported files and building the search index: the main process stays free for the window.
    const worker = new CoreWorker(paths.coreWorker);
    await app.whenReady();
    serveAppProtocol(paths.rendererDir);
    installAppMenu();
    // $DOSSIER_APP_DATA (tests, portable installs) or Electron's own userData folder.
    const appData = process.env.DOSSIER_APP_DATA || app.getPath('userData');
    const settings = await AppSettingsFile.open(appData);
    followThemeSetting(settings);
    const documents = app.getPath('documents');
    const recent = new RecentWorkspaces(appData);
    // The window can switch to another workspace (its start screen, File › Open Recent) without a restart.
    workspaces = await AppWorkspaces.start(await startupWorkspaceDir(flag, process.env, documents, recent), {
      open: (dir, how) =>
        openAppWorkspace(
          dir,
          paths.assetsDir,
          {
            detector: workerDetector(worker),
            extract: (bytes, name) => worker.run('extract', { bytes, name }),
            searchBuilder: (d, progress) => worker.run('searchIndex', { dir: d }, progress),
            warmSearch: true,
            backups: {},
            settings,
            // Briefs print with Electron's own Chromium, also when the CLI asks this app through its host.
            pdfPrinter: electronPdfPrinter(),
          },
          how,
        ),
      recent,
      documentsDir: documents,
    });
    const opened = workspaces;
    const cliAccess = await startHost({ core: opened, rendererDir: paths.rendererDir, workspacePath: () => opened.path });
    // The `dossier` CLI finds this in the lock file and asks the app instead of writing behind its back.
    await opened.advertise(cliAccess.origin, cliAccess.token);
    const unbindIpc = registerIpc(opened, documents);

    const reopen = (): void => {
      focusOrOpenWindow(paths.preloadFile).catch((error: unknown) => {
        showFatalError(error);
        app.quit();
      });
    };
    const unbindShell = bindWorkspaceShell(opened, reopen);
    closeWorkspaceOnQuit(opened, () => {
      unbindIpc();
      unbindShell();
      void cliAccess.close();
    });

    app.on('second-instance', reopen);
    app.on('activate', reopen);
    app.on('window-all-closed', () => {
      if (process.platform !== 'darwin') app.quit();
    });

    // What opening found (notices) is shown by the window itself, with a backup offered where one helps.
    await createMainWindow(paths.preloadFile);
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

/** The full error goes to the local log; the user sees a worded message, never a stack. */
function showFatalError(error: unknown): void {
  console.error(error);
  dialog.showErrorBox('Dossier cannot open the workspace', startupErrorMessage(error));
}

async function focusOrOpenWindow(preloadFile: string): Promise<void> {
  // getAllWindows also lists a window that is still loading, so a quick second launch cannot open two.
  const existing = BrowserWindow.getAllWindows()[0];
  if (!existing) {
    await createMainWindow(preloadFile);
    return;
  }
  if (existing.isMinimized()) existing.restore();
  existing.focus();
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
