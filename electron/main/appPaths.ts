import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface AppPaths {
  rendererDir: string;
  preloadFile: string;
  assetsDir: string;
}

/**
 * Two folders up from the main bundle (out/main/index.js) is the app root: the project folder
 * in development, app.asar in a package. Electron's fs reads inside app.asar, so the renderer
 * and the preload are served from there.
 */
const APP_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Assets are shipped beside app.asar (electron-builder extraResources), so they stay plain files. */
export function resolveAppPaths(isPackaged: boolean, resourcesPath: string, appRoot: string = APP_ROOT): AppPaths {
  return {
    rendererDir: path.join(appRoot, 'out', 'renderer'),
    preloadFile: path.join(appRoot, 'out', 'preload', 'index.cjs'),
    assetsDir: isPackaged ? path.join(resourcesPath, 'assets') : path.join(appRoot, 'assets'),
  };
}
