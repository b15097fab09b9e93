import path from 'node:path';
import type { CallResponse, DossierApi } from '../common/contract';
import { createCore, EventBus, isWebAnnotationFile, liveLockHolder, WorkspaceStore, type ImportSource } from '../core';
import type { CliIO } from './cliIO';
import { createRemoteApi } from './remoteApi';

export type ImportResult = CallResponse<'articles.import'>;

/**
 * The workspace as a command sees it, the same whether the CLI opened the files or talks to the
 * running app: commands never ask which.
 */
export interface WorkspaceSession {
  api: DossierApi;
  /** `import.progress` and `export.progress` of the work this command asks for. */
  events: EventBus;
  /**
   * Imports files read from disk: articles, then W3C `.jsonld` annotation files, with one
   * `import.progress` event per article file. `name` is the path as the user gave it.
   */
  importFiles(sources: ImportSource[]): Promise<ImportResult>;
}

/**
 * Runs `task` against the workspace: through the running app when its lock advertises a host,
 * else by opening the files directly (and locking them meanwhile).
 */
export async function withWorkspace<T>(
  io: CliIO,
  dir: string,
  options: { create?: boolean },
  task: (session: WorkspaceSession) => Promise<T>,
): Promise<T> {
  const holder = await liveLockHolder(dir);
  if (holder?.url && holder.token) return task(remoteSession(createRemoteApi(holder.url, holder.token)));
  const store = await WorkspaceStore.open(dir, { create: options.create ?? false });
  if (store.lockTakeoverMessage) io.stderr(`dossier: ${store.lockTakeoverMessage}\n`);
  for (const step of store.migrations) io.stderr(`dossier: upgraded the workspace (${step})\n`);
  let core;
  try {
    core = createCore(store, io.core);
  } catch (error) {
    await store.close();
    throw error;
  }
  try {
    return await task({ api: core.api, events: core.events, importFiles: (sources) => core.importFiles(sources) });
  } finally {
    // Saves what the core keeps pending (the search index) before the lock goes.
    await core.close();
  }
}

/**
 * The running app does the work and announces it on its own event stream, which carries every
 * client's imports alike; so progress here is this command's own, one event per file of each
 * call once the app has answered it. Export progress is the app's to show.
 */
function remoteSession(api: DossierApi): WorkspaceSession {
  const events = new EventBus();
  return {
    api,
    events,
    async importFiles(sources) {
      const result = await api['articles.import']({
        // The app is told file names, not where the files are on this machine.
        files: sources.map((s) => ({ name: path.basename(s.name), base64: Buffer.from(s.bytes).toString('base64') })),
      });
      const articles = sources.filter((s) => !isWebAnnotationFile(s));
      articles.forEach((s, i) => events.emit('import.progress', { done: i + 1, total: articles.length, file: path.basename(s.name) }));
      return result;
    },
  };
}
