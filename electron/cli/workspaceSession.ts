import os from 'node:os';
import path from 'node:path';
import type { CallResponse, DossierApi } from '../common/contract';
import { isDossierError } from '../common/errors';
import { AppSettingsFile, appDataDir, createCore, EventBus, isWebAnnotationFile, liveLockHolder, WorkspaceStore, type ImportSource, type LockInfo } from '../core';
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
  const opened = await openOrWait(io, dir, options);
  if (opened.remote) return task(remoteSession(createRemoteApi(opened.remote.url!, opened.remote.token!, dir)));
  const store = opened.store;
  if (store.lockTakeoverMessage) io.stderr(`dossier: ${store.lockTakeoverMessage}\n`);
  for (const step of store.migrations) io.stderr(`dossier: upgraded the workspace (${step})\n`);
  let told = 0;
  const tell = () => {
    for (const notice of store.notices.slice(told)) io.stderr(`dossier: ${notice}\n`);
    told = store.notices.length;
  };
  tell();
  let core;
  try {
    // The analyst's display name (and export date format) from the app's settings, as in the app.
    const settings = io.core?.settings ?? (await AppSettingsFile.open(appDataDir(io.env)));
    core = createCore(store, { ...io.core, settings });
  } catch (error) {
    await store.close();
    throw error;
  }
  try {
    return await task({ api: core.api, events: core.events, importFiles: (sources) => core.importFiles(sources) });
  } finally {
    // Found while working (a missing index rebuilt when it was first read).
    tell();
    // Saves what the core keeps pending (the search index) before the lock goes.
    await core.close();
  }
}

/**
 * How long one other command may keep the workspace before this one gives up waiting for it;
 * `DOSSIER_LOCK_WAIT` (seconds, 0 = not at all) changes it for scripts that would rather fail.
 */
export const LOCK_WAIT_MS = 10_000;

function lockWaitMs(env: NodeJS.ProcessEnv): number {
  const seconds = Number(env.DOSSIER_LOCK_WAIT);
  return env.DOSSIER_LOCK_WAIT !== undefined && env.DOSSIER_LOCK_WAIT !== '' && Number.isFinite(seconds) && seconds >= 0
    ? seconds * 1000
    : LOCK_WAIT_MS;
}
/** However many commands queue up, none waits longer than this in all. */
const LOCK_WAIT_TOTAL_MS = 120_000;

/**
 * Opens the workspace, or finds the running app that has it open. While another command on this
 * machine has it (another `dossier` process, which holds the files only while it works), waits
 * for it: up to LOCK_WAIT_MS for any one holder, saying so once on stderr.
 */
async function openOrWait(
  io: CliIO,
  dir: string,
  options: { create?: boolean },
): Promise<{ remote: LockInfo; store?: undefined } | { remote?: undefined; store: WorkspaceStore }> {
  const start = Date.now();
  const patience = lockWaitMs(io.env);
  let waitingFor: string | null = null;
  let deadline = 0;
  let unclaimed = 0;
  for (;;) {
    const holder = await liveLockHolder(dir);
    if (holder?.url && holder.token) return { remote: holder };
    if (!holder) {
      try {
        return { store: await WorkspaceStore.open(dir, { create: options.create ?? false }) };
      } catch (error) {
        if (!isDossierError(error) || error.code !== 'locked') throw error;
        // Taken between the look and the open, or held by this very process: look again, a few times.
        const now = await liveLockHolder(dir);
        if (!now && ++unclaimed > 3) throw error;
        if (now && now.host !== os.hostname()) throw error;
        continue;
      }
    }
    if (holder.host !== os.hostname()) {
      // Its process cannot be watched from here: let the open say whose it is.
      return { store: await WorkspaceStore.open(dir, { create: options.create ?? false }) };
    }
    const who = `${holder.pid} ${holder.startedAt}`;
    if (who !== waitingFor && patience > 0) {
      if (waitingFor === null) io.stderr(`dossier: waiting for process ${holder.pid} to finish with the workspace\n`);
      waitingFor = who;
      deadline = Math.min(Date.now() + patience, start + LOCK_WAIT_TOTAL_MS);
    }
    if (patience === 0 || Date.now() > deadline) {
      // Opening now raises the error that names the holder.
      return { store: await WorkspaceStore.open(dir, { create: options.create ?? false }) };
    }
    await new Promise((resolve) => setTimeout(resolve, 25 + Math.random() * 50));
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
        files: sources.map((s) => ({
          name: path.basename(s.name),
          base64: Buffer.from(s.bytes).toString('base64'),
          ...(s.encoding ? { encoding: s.encoding } : {}),
        })),
      });
      const articles = sources.filter((s) => !isWebAnnotationFile(s));
      articles.forEach((s, i) => events.emit('import.progress', { done: i + 1, total: articles.length, file: path.basename(s.name) }));
      return result;
    },
  };
}
