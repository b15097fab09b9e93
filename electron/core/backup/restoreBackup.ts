import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { DossierError, isDossierError } from '../../common/errors';
import { syncFilesDurable, writeFileDurable } from '../store/durableFile';
import { FILE_NAMES, LibraryFile, WorkspaceFile } from '../store/files';
import { parseSchemaFile } from '../store/schemaFile';
import { WorkspaceStore } from '../store/workspaceStore';
import type { BackupProgress } from './backup';
import { BACKUP_FORMAT_VERSION, BackupManifest, isSafeRelativePath, MANIFEST_ENTRY, WORKSPACE_PREFIX } from './backupManifest';
import { ZipReader, type ZipEntry } from './zipReader';

export interface RestoreResult {
  workspace: string;
  workspaceId: string;
  files: number;
  bytes: number;
  articles: number;
}

const MAX_MANIFEST_BYTES = 64 * 1024 * 1024;
/** workspace.json and library.json are read whole to be checked before the workspace becomes visible. */
const MAX_INDEX_BYTES = 256 * 1024 * 1024;

/**
 * Restores a backup into an empty or new folder. The archive is checked before anything is
 * written (every entry a safe relative path listed in the manifest, and nothing else); every
 * file's SHA-256 is checked as it is written; workspace.json comes last, as when a workspace is
 * created, so the folder only becomes a workspace once everything is in place. Any failure
 * removes what was written.
 */
export async function restoreBackup(
  archive: string,
  dir: string,
  options: { onProgress?: (progress: BackupProgress) => void } = {},
): Promise<RestoreResult> {
  const target = path.resolve(dir);
  const source = path.resolve(archive);
  const zip = await openArchive(source);
  try {
    const { manifest, entries } = await checkArchive(zip, source);
    const { cleanup, existing } = await prepareTarget(target);
    try {
      return await extract(zip, manifest, entries, target, existing, options);
    } catch (error) {
      await cleanup();
      throw error;
    }
  } finally {
    await zip.close();
  }
}

/** What a backup holds, for a look before restoring it. */
export interface BackupPreview {
  workspaceName: string;
  created: string;
  files: number;
  bytes: number;
}

/**
 * A backup's manifest, checked as a restore checks it (the same errors for a file that is not a
 * backup, or a damaged one), without writing anything: what the app shows before it asks where to
 * restore a backup the analyst opened.
 */
export async function previewBackup(archive: string): Promise<BackupPreview> {
  const source = path.resolve(archive);
  const zip = await openArchive(source);
  try {
    const { manifest } = await checkArchive(zip, source);
    return {
      workspaceName: manifest.workspaceName,
      created: manifest.created,
      files: manifest.files.length,
      bytes: manifest.files.reduce((sum, f) => sum + f.size, 0),
    };
  } finally {
    await zip.close();
  }
}

async function openArchive(file: string): Promise<ZipReader> {
  try {
    return await ZipReader.open(file);
  } catch (error) {
    if (isDossierError(error)) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new DossierError('not-found', code === 'ENOENT' ? `${file}: no such file.` : `Cannot read ${file}: ${(error as Error).message}`, file);
  }
}

/** The manifest, and the archive entry of each file it lists; refuses anything else in the archive. */
async function checkArchive(zip: ZipReader, file: string): Promise<{ manifest: BackupManifest; entries: Map<string, ZipEntry> }> {
  const refuse = (why: string) => new DossierError('corrupt-file', `${file} cannot be restored: ${why}.`, file);
  const entries = new Map<string, ZipEntry>();
  let manifestEntry: ZipEntry | undefined;
  for (const entry of zip.entries) {
    if (entry.name === MANIFEST_ENTRY && !manifestEntry) {
      manifestEntry = entry;
      continue;
    }
    const rel = entry.name.startsWith(WORKSPACE_PREFIX) ? entry.name.slice(WORKSPACE_PREFIX.length) : null;
    if (rel === null || !isSafeRelativePath(rel) || rel === FILE_NAMES.lock) {
      throw refuse(`it holds an entry that would be written outside the workspace folder (${JSON.stringify(entry.name.slice(0, 200))})`);
    }
    if (entries.has(rel)) throw refuse(`it holds ${rel} twice`);
    entries.set(rel, entry);
  }
  if (!manifestEntry) throw refuse('it is not a Dossier backup (no manifest.json)');
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(await zip.readAll(manifestEntry, MAX_MANIFEST_BYTES)));
  } catch (error) {
    if (isDossierError(error)) throw error;
    throw refuse('its manifest is not valid JSON');
  }
  const parsed = BackupManifest.safeParse(json);
  if (!parsed.success) throw refuse('its manifest is damaged');
  const manifest = parsed.data;
  if (manifest.formatVersion > BACKUP_FORMAT_VERSION) throw refuse(`it was written by a newer Dossier (backup format ${manifest.formatVersion}); update Dossier to restore it`);
  const listed = new Set<string>();
  for (const f of manifest.files) {
    if (!isSafeRelativePath(f.path)) throw refuse(`its manifest names a path outside the workspace folder (${JSON.stringify(f.path.slice(0, 200))})`);
    if (!entries.has(f.path)) throw refuse(`${f.path} is listed in its manifest but missing`);
    if (entries.get(f.path)!.size !== f.size) throw refuse(`${f.path} does not have the size its manifest gives`);
    listed.add(f.path);
  }
  for (const rel of entries.keys()) if (!listed.has(rel)) throw refuse(`it holds ${rel}, which its manifest does not list`);
  for (const d of manifest.directories) if (!isSafeRelativePath(d)) throw refuse(`its manifest names a folder outside the workspace folder (${JSON.stringify(d.slice(0, 200))})`);
  if (!listed.has(FILE_NAMES.workspace)) throw refuse(`it holds no ${FILE_NAMES.workspace}`);
  return { manifest, entries };
}

/**
 * Makes sure the target is new or empty; returns what removes everything the restore adds, and
 * the hidden entries already there (never written into: one could be a link leading elsewhere).
 */
async function prepareTarget(target: string): Promise<{ cleanup: () => Promise<void>; existing: Set<string> }> {
  const stat = await fs.stat(target).catch(() => null);
  if (stat && !stat.isDirectory()) throw new DossierError('bad-input', `${target} is a file; restore into an empty or new folder.`);
  if (stat) {
    const existing = await fs.readdir(target);
    // Hidden files (.DS_Store …) do not count, as when a new workspace is created.
    const visible = existing.filter((name) => !name.startsWith('.'));
    if (visible.length > 0) {
      throw new DossierError('bad-input', `${target} is not empty (it holds ${visible.slice(0, 3).join(', ')}${visible.length > 3 ? ' …' : ''}); restore into an empty or new folder.`);
    }
    const before = new Set(existing);
    const cleanup = async () => {
      for (const name of await fs.readdir(target)) {
        if (!before.has(name)) await fs.rm(path.join(target, name), { recursive: true, force: true });
      }
    };
    return { cleanup, existing: before };
  }
  const created = (await fs.mkdir(target, { recursive: true })) ?? target;
  return { cleanup: () => fs.rm(created, { recursive: true, force: true }), existing: new Set() };
}

async function extract(
  zip: ZipReader,
  manifest: BackupManifest,
  entries: Map<string, ZipEntry>,
  target: string,
  existing: Set<string>,
  options: { onProgress?: (progress: BackupProgress) => void },
): Promise<RestoreResult> {
  const base = target.endsWith(path.sep) ? target : target + path.sep;
  const at = (rel: string) => {
    if (existing.has(rel.split('/')[0]!)) {
      throw new DossierError('bad-input', `${zip.file} cannot be restored into ${target}: it would write into ${rel.split('/')[0]}, which is already there.`);
    }
    const file = path.resolve(target, ...rel.split('/'));
    // Checked again on the real path, in case a platform reads a name differently.
    if (!file.startsWith(base)) throw new DossierError('corrupt-file', `${zip.file} cannot be restored: ${rel} lies outside the workspace folder.`, zip.file);
    return file;
  };
  // Every path is checked before the first is written.
  for (const rel of [...manifest.directories, ...manifest.files.map((f) => f.path)]) at(rel);
  for (const d of manifest.directories) await fs.mkdir(at(d), { recursive: true });
  const totalBytes = manifest.files.reduce((sum, f) => sum + f.size, 0);
  let doneBytes = 0;
  const written: string[] = [];
  const kept = new Map<string, Uint8Array>();
  for (const f of manifest.files) {
    const entry = entries.get(f.path)!;
    const hash = createHash('sha256');
    const whole = f.path === FILE_NAMES.workspace || f.path === FILE_NAMES.library;
    const chunks: Uint8Array[] = [];
    let handle: fs.FileHandle | null = null;
    if (!whole) {
      await fs.mkdir(path.dirname(at(f.path)), { recursive: true });
      handle = await fs.open(at(f.path), 'wx', 0o644);
      written.push(at(f.path));
    }
    try {
      for await (const chunk of zip.read(entry, whole ? MAX_INDEX_BYTES : f.size)) {
        hash.update(chunk);
        if (handle) {
          for (let done = 0; done < chunk.length; ) done += (await handle.write(chunk, done, chunk.length - done)).bytesWritten;
        } else {
          chunks.push(chunk);
        }
        doneBytes += chunk.length;
        options.onProgress?.({ doneBytes, totalBytes, file: f.path });
      }
    } finally {
      await handle?.close();
    }
    if (hash.digest('hex') !== f.sha256) {
      throw new DossierError('corrupt-file', `${zip.file} cannot be restored: ${f.path} does not match its SHA-256 in the manifest (the archive was changed or damaged).`, zip.file);
    }
    if (whole) kept.set(f.path, Buffer.concat(chunks));
  }

  const text = (rel: string) => new TextDecoder().decode(kept.get(rel));
  const workspace = parseSchemaFile(text(FILE_NAMES.workspace), at(FILE_NAMES.workspace), 'workspace', WorkspaceFile);
  if (workspace.id !== manifest.workspaceId) {
    throw new DossierError('corrupt-file', `${zip.file} cannot be restored: its workspace.json belongs to another workspace than its manifest.`, zip.file);
  }
  if (kept.has(FILE_NAMES.library)) {
    parseSchemaFile(text(FILE_NAMES.library), at(FILE_NAMES.library), 'library', LibraryFile);
    await fs.writeFile(at(FILE_NAMES.library), kept.get(FILE_NAMES.library)!, { flag: 'wx' });
    written.push(at(FILE_NAMES.library));
  }
  await syncFilesDurable(written);
  for (const f of manifest.files) if (f.readOnly && f.path !== FILE_NAMES.workspace) await fs.chmod(at(f.path), 0o444);
  // Last: its presence is what makes the folder a workspace.
  await writeFileDurable(at(FILE_NAMES.workspace), kept.get(FILE_NAMES.workspace)!);

  const store = await WorkspaceStore.open(target, { lock: false });
  const articles = store.info().articleCount;
  await store.close();
  return { workspace: target, workspaceId: workspace.id, files: manifest.files.length, bytes: totalBytes, articles };
}
