import os from 'node:os';
import path from 'node:path';

/** The product name Electron derives its app-data folder from (`app.getPath('userData')`). */
const APP_NAME = 'Dossier';

/**
 * The folder for the app's own files (settings, recent workspaces, window state, logs), never the
 * analyst's work, which lives in a workspace folder. `$DOSSIER_APP_DATA` overrides it (tests and
 * portable installs); otherwise it is the folder Electron's `userData` names on each platform, so
 * the desktop app and `dossier serve` share one set of settings.
 */
export function appDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home: string = os.homedir()): string {
  if (env.DOSSIER_APP_DATA) return path.resolve(env.DOSSIER_APP_DATA);
  if (platform === 'win32') return path.join(env.APPDATA || path.join(home, 'AppData', 'Roaming'), APP_NAME);
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', APP_NAME);
  return path.join(env.XDG_CONFIG_HOME || path.join(home, '.config'), APP_NAME);
}
