import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The project root: the nearest folder above this module holding package.json. Searched rather
 * than counted, because the same code runs from electron/cli, from out/main, and from a shared
 * chunk in out/main/chunks when the app bundles the CLI for `--cli`.
 */
export const PROJECT_ROOT = findRoot(path.dirname(fileURLToPath(import.meta.url)));
export const ASSETS_DIR = path.join(PROJECT_ROOT, 'assets');
export const RENDERER_DIR = path.join(PROJECT_ROOT, 'out', 'renderer');
/** The core's worker thread (entity detection, reading PDFs and web pages), built beside the CLI bundle. */
export const CORE_WORKER = path.join(PROJECT_ROOT, 'out', 'main', 'coreWorker.js');

function findRoot(start: string): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) return path.resolve(start, '..', '..');
  }
}
