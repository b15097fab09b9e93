import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveAppPaths } from './appPaths';

describe('resolveAppPaths', () => {
  it('finds the built bundles and the assets in the project in development', () => {
    const root = path.resolve('/src/dossier');
    expect(resolveAppPaths(root, false, '/ignored')).toEqual({
      rendererDir: path.join(root, 'out', 'renderer'),
      preloadFile: path.join(root, 'out', 'preload', 'index.cjs'),
      assetsDir: path.join(root, 'assets'),
      coreWorker: path.join(root, 'out', 'main', 'coreWorker.js'),
    });
  });

  it('takes the assets from the resources folder when packaged', () => {
    const resources = path.resolve('/opt/Dossier/resources');
    const asar = path.join(resources, 'app.asar');
    const paths = resolveAppPaths(asar, true, resources);
    expect(paths.assetsDir).toBe(path.join(resources, 'assets'));
    expect(paths.rendererDir).toBe(path.join(asar, 'out', 'renderer'));
    expect(paths.preloadFile).toBe(path.join(asar, 'out', 'preload', 'index.cjs'));
  });
});
