import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * The Electron binary if this machine has one, without triggering the electron package's
 * download-on-first-use (requiring 'electron' from Node would try to fetch it).
 */
export function electronBinary(): { path?: string; missing?: string } {
  const require = createRequire(import.meta.url);
  let dir: string;
  try {
    dir = path.dirname(require.resolve('electron/package.json'));
  } catch {
    return { missing: 'the electron package is not installed' };
  }
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const pathFile = path.join(dir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  const candidate = override ? path.join(override, relative ?? 'electron') : relative ? path.join(dir, 'dist', relative) : null;
  if (candidate && existsSync(candidate)) return { path: candidate };
  return { missing: 'no Electron binary on this machine (its download is unavailable); the browser project covers these specs' };
}
