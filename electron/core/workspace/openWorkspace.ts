import { promises as fs } from 'node:fs';
import path from 'node:path';
import { createCore, type CoreOptions, type DossierCore } from '../dossierCore';
import { importArticles } from '../import/importArticles';
import { NOTES_INDEX } from '../notes/noteDocuments';
import { WorkspaceStore } from '../store/workspaceStore';
import { pathExists } from '../store/pathExists';

export const SAMPLE_ARTICLE = 'india-japan-defence-2025-05-04.txt';

export interface OpenedWorkspace {
  core: DossierCore;
  /** Things to tell the user once (a stale lock taken over, a read-only workspace). */
  notices: string[];
}

/** How a workspace is opened: created when missing (the default), under which name, with the sample or not. */
export interface OpenHow {
  /** Create the workspace when the folder holds none (default: true). */
  create?: boolean;
  /** The new workspace's display name (default: the folder's name). */
  name?: string;
  /** Put the bundled sample article in a new workspace (default: true, the first run). */
  sample?: boolean;
  /** The workspace was just created empty (and encrypted) by the caller: new, for the sample. */
  fresh?: boolean;
}

/**
 * Opens the app's workspace, creating it on first run with the bundled sample article so a new
 * user lands on something to read.
 */
export async function openAppWorkspace(dir: string, assetsDir: string, options: CoreOptions = {}, how: OpenHow = {}): Promise<OpenedWorkspace> {
  const isNew = how.fresh === true || !(await pathExists(path.join(dir, 'workspace.json')));
  const store = await WorkspaceStore.open(dir, { create: how.create ?? true, name: how.name });
  const notices: string[] = [];
  if (store.lockTakeoverMessage) notices.push(store.lockTakeoverMessage);
  if (store.readOnlyReason) notices.push(store.readOnlyReason);
  if (store.migrations.length > 0) {
    notices.push(`This workspace was upgraded to the current format (${store.migrations.join('; ')}). Earlier versions of Dossier open it read-only.`);
  }
  try {
    // Read now so that a missing list of notes, rebuilt from the notes, is told with the rest
    // (a damaged one is named where notes are shown, as before).
    await store.readWorkspaceDoc(NOTES_INDEX).catch(() => undefined);
    notices.push(...store.notices);
    if (isNew && (how.sample ?? true)) {
      const bytes = await fs.readFile(path.join(assetsDir, SAMPLE_ARTICLE));
      const { articles } = await importArticles(store, [{ name: SAMPLE_ARTICLE, bytes }]);
      if (articles[0]) await store.setStartArticle(articles[0].id);
    }
  } catch (error) {
    await store.close();
    throw error;
  }
  const startupNotices = notices.map((message) => {
    const file = store.noticeFiles.get(message);
    return file === undefined ? { message } : { message, file };
  });
  return { core: createCore(store, { ...options, notices: startupNotices }), notices };
}

