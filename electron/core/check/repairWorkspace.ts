import { promises as fs } from 'node:fs';
import path from 'node:path';
import { createCore } from '../dossierCore';
import { accessFor, filesOf } from '../store/fileAccess';
import { FILE_NAMES, type AnnotationsFile } from '../store/files';
import { rebuildLibrary } from '../store/libraryIndex';
import { acquireLock } from '../store/lock';
import { SCHEMA_VERSION } from '../store/schemaFile';
import { WorkspaceStore } from '../store/workspaceStore';
import { WriteAheadLog } from '../store/writeAheadLog';
import { annotationsFromHistory, moveToQuarantine, quarantineFolder } from '../store/quarantine';
import { Backups } from '../snapshots/backups';
import { isImmutable } from '../snapshots/workspaceFiles';
import { checkWorkspace, type Finding, type Problem } from './checkWorkspace';

export interface RepairReport {
  /** What was done, problem by problem. */
  repaired: Problem[];
  /** What is still wrong afterwards (what --repair cannot mend). */
  problems: Problem[];
}

/**
 * `dossier check --repair`: the safe repairs only. A damaged file is moved to quarantine/ (never
 * overwritten, never deleted); what can be derived again is rebuilt (the library from the
 * article folders, an article's highlights from its history, the search index); torn history
 * lines and crash leftovers go. Needs the workspace to itself: run it with Dossier closed.
 */
export async function repairWorkspace(dir: string, onProgress?: (done: number, total: number) => void): Promise<RepairReport> {
  const root = path.resolve(dir);
  accessFor(root);
  const lock = await acquireLock(root);
  const repaired: Problem[] = [];
  let rebuildSearch = false;
  try {
    // What the last run saved but had not folded yet goes into the files first.
    await (await WriteAheadLog.open(root, { writable: true, foldNow: true })).close();
    const quarantine = quarantineFolder(root);
    let libraryRebuilt = false;
    for (const finding of await checkWorkspace(root, onProgress)) {
      // One rebuild of the library answers every problem it mends.
      const done = finding.action === 'rebuild-library' && libraryRebuilt ? true : await repairOne(root, quarantine, finding);
      if (finding.action === 'rebuild-library') libraryRebuilt = true;
      if (done === 'search') rebuildSearch = true;
      if (done) repaired.push({ file: finding.file, problem: finding.problem, repair: finding.repair });
    }
  } finally {
    await lock.release();
  }
  if (rebuildSearch || repaired.length > 0) {
    // Opening rebuilds what is derived on open (a missing notes list); the index is rebuilt whole.
    const core = createCore(await WorkspaceStore.open(root));
    try {
      if (rebuildSearch) await core.api['search.reindex']({});
    } finally {
      await core.close();
    }
  }
  const problems = (await checkWorkspace(root)).map(({ file, problem, repair }) => ({ file, problem, repair }));
  return { repaired, problems };
}

/** Applies one finding's repair; answers whether it did (or 'search' for a rebuild still to run). */
async function repairOne(root: string, quarantine: string, finding: Finding): Promise<boolean | 'search'> {
  const file = path.join(root, ...finding.file.split('/'));
  switch (finding.action) {
    case 'none':
      return false;
    case 'quarantine':
      return moveToQuarantine(root, quarantine, file);
    case 'remove-temp':
      await fs.rm(file, { force: true });
      return true;
    case 'cut-history': {
      // Whole lines only (a sealed torn line is left out on reading): written back as they are.
      const raw = await filesOf(file).readText(file);
      await filesOf(file).writeFileDurable(file, raw.slice(0, raw.lastIndexOf('\n') + 1));
      return true;
    }
    case 'rebuild-library': {
      const libraryFile = path.join(root, FILE_NAMES.library);
      await moveToQuarantine(root, quarantine, libraryFile);
      const rebuilt = await rebuildLibrary(root, libraryFile);
      await filesOf(libraryFile).writeFileDurable(libraryFile, `${JSON.stringify(rebuilt?.value ?? { schemaVersion: SCHEMA_VERSION, kind: 'library', rev: 0, articles: [], trash: [] }, null, 2)}\n`);
      return true;
    }
    case 'rebuild-annotations': {
      await moveToQuarantine(root, quarantine, file);
      const articleId = path.basename(path.dirname(file));
      const annotations = await annotationsFromHistory(path.join(path.dirname(file), FILE_NAMES.history));
      const value: AnnotationsFile = { schemaVersion: SCHEMA_VERSION, kind: 'annotations', articleId, rev: 1, annotations };
      await filesOf(file).writeFileDurable(file, `${JSON.stringify(value, null, 2)}\n`);
      return true;
    }
    case 'restore-backup': {
      const backups = new Backups(root);
      const entry = (await backups.stateAt(finding.backup)).get(finding.file);
      if (!entry) return false;
      const bytes = await backups.object(entry);
      await moveToQuarantine(root, quarantine, file);
      await fs.mkdir(path.dirname(file), { recursive: true });
      await filesOf(file).writeFileDurable(file, bytes, isImmutable(finding.file) ? 0o444 : entry.mode);
      return true;
    }
    case 'rebuild-search':
      await moveToQuarantine(root, quarantine, file);
      return 'search';
  }
}
