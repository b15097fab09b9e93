import { promises as fs } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const CORE_WORKER = path.resolve(import.meta.dirname, '..', 'workers', 'coreWorker.ts');

/**
 * A file that starts the core's worker thread from its TypeScript source, for tests that must see
 * work cross the thread boundary without a build (unit tests run before `electron-vite build`).
 * A worker does not take `--import tsx` from its execArgv before its entry, so the entry
 * registers tsx itself (its ESM entry: the CommonJS one resolves the loader beside itself).
 */
export async function sourceCoreWorker(dir: string): Promise<string> {
  const tsx = createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs');
  const file = path.join(dir, 'coreWorker.source.mjs');
  await fs.writeFile(
    file,
    `import { register } from ${JSON.stringify(pathToFileURL(tsx).href)};\nregister();\nawait import(${JSON.stringify(pathToFileURL(CORE_WORKER).href)});\n`,
  );
  return file;
}
