import type { MessageBoxOptions } from 'electron';
import type { AppUpdater } from 'electron-updater';

/** Set by electron-vite at build time from $DOSSIER_UPDATE_FEED (see electron.vite.config.ts); absent in tests. */
declare const __DOSSIER_UPDATE_FEED__: string | undefined;

/**
 * Where this build looks for updates, or '' in an offline build (the default): Dossier promises
 * to stay offline, so only a build made for a network that has an update server knows one.
 */
export const UPDATE_FEED: string = typeof __DOSSIER_UPDATE_FEED__ === 'string' ? __DOSSIER_UPDATE_FEED__ : '';

export interface UpdateDeps {
  feed: string;
  currentVersion: string;
  showMessageBox(options: MessageBoxOptions): Promise<{ response: number }>;
  /** electron-updater, loaded only when the analyst asks: it is not even read in an offline build. */
  loadUpdater?: () => Promise<Pick<AppUpdater, 'checkForUpdates' | 'downloadUpdate' | 'quitAndInstall' | 'setFeedURL' | 'autoDownload' | 'autoInstallOnAppQuit'>>;
}

/**
 * Help › Check for Updates…: only ever on request. Nothing is downloaded without asking, and
 * nothing is installed until the analyst restarts for it.
 */
export async function checkForUpdates(deps: UpdateDeps): Promise<'off' | 'current' | 'declined' | 'downloaded' | 'failed'> {
  const info = (message: string, detail?: string) => deps.showMessageBox({ type: 'info', title: 'Check for updates', message, detail, buttons: ['OK'] });
  if (!deps.feed) {
    await info('Updates are off in this build of Dossier.', 'This build never connects to the internet. Ask whoever gave you Dossier for a newer installer.');
    return 'off';
  }
  try {
    const updater = await (deps.loadUpdater ?? loadElectronUpdater)();
    updater.autoDownload = false;
    updater.autoInstallOnAppQuit = false;
    updater.setFeedURL({ provider: 'generic', url: deps.feed });
    const result = await updater.checkForUpdates();
    const next = result?.isUpdateAvailable ? result.updateInfo.version : null;
    if (!next) {
      await info(`Dossier ${deps.currentVersion} is up to date.`);
      return 'current';
    }
    const { response } = await deps.showMessageBox({
      type: 'question',
      title: 'Check for updates',
      message: `Dossier ${next} is available (you have ${deps.currentVersion}).`,
      detail: 'Download it now? Your work stays as it is; the new version is installed when you restart.',
      buttons: ['&Download', '&Not now'],
      defaultId: 0,
      cancelId: 1,
      normalizeAccessKeys: true,
    });
    if (response !== 0) return 'declined';
    await updater.downloadUpdate();
    const restart = await deps.showMessageBox({
      type: 'info',
      title: 'Check for updates',
      message: `Dossier ${next} is ready to install.`,
      buttons: ['&Restart now', '&Later'],
      defaultId: 0,
      cancelId: 1,
      normalizeAccessKeys: true,
    });
    if (restart.response === 0) updater.quitAndInstall();
    return 'downloaded';
  } catch (error) {
    await deps.showMessageBox({ type: 'error', title: 'Check for updates', message: 'Dossier could not check for updates.', detail: (error as Error)?.message ?? String(error), buttons: ['OK'] });
    return 'failed';
  }
}

async function loadElectronUpdater(): Promise<AppUpdater> {
  const { autoUpdater } = await import('electron-updater');
  return autoUpdater;
}
