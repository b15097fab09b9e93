import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The project root: two folders up from both this source file (electron/cli) and the built
 * bundle (out/main), so the same code finds assets and the renderer either way.
 */
export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const ASSETS_DIR = path.join(PROJECT_ROOT, 'assets');
export const RENDERER_DIR = path.join(PROJECT_ROOT, 'out', 'renderer');
/** The entity detection worker, built beside the CLI bundle. */
export const ENTITY_WORKER = path.join(PROJECT_ROOT, 'out', 'main', 'entityWorker.js');
