import { BrowserWindow, type Session } from 'electron';
import { APP_ENTRY_URL, isAppUrl } from './appUrl';
import { externalLinkOpener } from './externalLinks';
import { blockForeignRequests } from './requestPolicy';
import { DEFAULT_SIZE, MIN_SIZE, type placeWindow } from './windowState';

/** Where the window opens (see placeWindow): its bounds, and whether to maximize it once shown. */
export type WindowPlacement = ReturnType<typeof placeWindow>;

const openExternalLink = externalLinkOpener();

/** Where Chromium would fetch spellchecker dictionaries: a name that never resolves (.invalid, RFC 2606). */
const NO_DICTIONARIES = 'https://dictionaries.invalid/';

/**
 * The one window: the renderer runs sandboxed and isolated, reaches the core only through the
 * preload's `window.dossier`, and can neither leave the app's origin nor open other windows. A
 * web link the analyst follows opens in the system browser, after asking.
 */
export async function createMainWindow(preloadFile: string, placement: WindowPlacement = { bounds: DEFAULT_SIZE, maximized: false }): Promise<BrowserWindow> {
  const win = new BrowserWindow({
    title: 'Dossier',
    ...placement.bounds,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
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
  win.once('ready-to-show', () => {
    // Maximized after the bounds are set, so un-maximizing returns to the remembered size.
    if (placement.maximized) win.maximize();
    win.show();
  });
  await win.loadURL(APP_ENTRY_URL);
  return win;
}

function lockDownSession(session: Session): void {
  // Nothing in Dossier needs a camera, notifications or the like; a request is a sign of trouble.
  session.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  // Off for the whole session too, so no dictionary download starts whatever a window asks for.
  session.setSpellCheckerEnabled(false);
  // And should anything turn it on, its dictionaries come from nowhere.
  session.setSpellCheckerDictionaryDownloadURL(NO_DICTIONARIES);
  // The CSP already says so; this holds even for what a CSP does not cover (a navigation, a
  // prefetch, a bug in Chromium's CSP), and logs the attempt.
  blockForeignRequests(session);
}
