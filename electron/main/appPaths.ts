import path from 'node:path';

export interface AppPaths {
  rendererDir: string;
  preloadFile: string;
  assetsDir: string;
  /** The entity detection worker; workers load from app.asar like any module. */
  coreWorker: string;
}

/**
 * Where the app finds its parts, from the app root (the project folder in development, app.asar
 * in a package: Electron's fs reads inside it). Assets ship beside app.asar as electron-builder
 * extraResources, so they stay plain files.
 */
export function resolveAppPaths(appRoot: string, isPackaged: boolean, resourcesPath: string): AppPaths {
  return {
    rendererDir: path.join(appRoot, 'out', 'renderer'),
    preloadFile: path.join(appRoot, 'out', 'preload', 'index.cjs'),
    assetsDir: isPackaged ? path.join(resourcesPath, 'assets') : path.join(appRoot, 'assets'),
    coreWorker: path.join(appRoot, 'out', 'main', 'coreWorker.js'),
  };
}
