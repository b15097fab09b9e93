import { BrowserWindow, type Session } from 'electron';
import { APP_ENTRY_URL, isAppUrl } from './appUrl';
import { externalLinkOpener } from './externalLinks';
import { blockForeignRequests } from './requestPolicy';

const openExternalLink = externalLinkOpener();

/**
 * The one window: the renderer runs sandboxed and isolated, reaches the core only through the
 * preload's `window.dossier`, and can neither leave the app's origin nor open other windows. A
 * web link the analyst follows opens in the system browser, after asking.
 */
export async function createMainWindow(preloadFile: string): Promise<BrowserWindow> {
  const win = new BrowserWindow({
    title: 'Dossier',
    width: 1280,
    height: 860,
    minWidth: 640,
    minHeight: 480,
    show: false,
    webPreferences: {
      preload: preloadFile,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      // Chromium's spellchecker downloads dictionaries from Google: Dossier promises to stay offline.
      spellcheck: false,
    },
  });
  lockDownSession(win.webContents.session);
  win.webContents.setWindowOpenHandler(({ url }) => {
    void openExternalLink(url, win).catch(console.error);
    return { action: 'deny' };
  });
  win.webContents.on('will-navigate', (event) => {
    if (isAppUrl(event.url)) return;
    event.preventDefault();
    void openExternalLink(event.url, win).catch(console.error);
  });
  win.once('ready-to-show', () => win.show());
  await win.loadURL(APP_ENTRY_URL);
  return win;
}

function lockDownSession(session: Session): void {
  // Nothing in Dossier needs a camera, notifications or the like; a request is a sign of trouble.
  session.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  // Off for the whole session too, so no dictionary download starts whatever a window asks for.
  session.setSpellCheckerEnabled(false);
  // The CSP already says so; this holds even for what a CSP does not cover (a navigation, a
  // prefetch, a bug in Chromium's CSP), and logs the attempt.
  blockForeignRequests(session);
}
