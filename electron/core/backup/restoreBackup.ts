import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { DossierError, isDossierError, phrase, type Words, wordsOf } from '../../common/errors';
import { EnvelopeError, isSealed, open as openSealed } from '../crypt/envelope';
import { KEYS_FILE, parseKeyFile, unlockKeyFile, type KeyFile } from '../crypt/keyFile';
import { forgetWorkspaceKey, unlockWithKey } from '../crypt/keyring';
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
  /** Null for an encrypted backup restored without its passphrase: its library cannot be read. */
  articles: number | null;
  encrypted: boolean;
}

const MAX_MANIFEST_BYTES = 64 * 1024 * 1024;
/** workspace.json and library.json are read whole to be checked before the workspace becomes visible. */
const MAX_INDEX_BYTES = 256 * 1024 * 1024;
const MAX_KEYS_BYTES = 1024 * 1024;

/** An encrypted backup's key file, and the workspace key when its passphrase was given. */
interface Sealing {
  keys: KeyFile;
  key: Buffer | null;
}

/**
 * Restores a backup into an empty or new folder. The archive is checked before anything is
 * written (every entry a safe relative path listed in the manifest, and nothing else); every
 * file's SHA-256 is checked as it is written; workspace.json comes last, as when a workspace is
 * created, so the folder only becomes a workspace once everything is in place. Any failure
 * removes what was written.
 *
 * A backup of an encrypted workspace holds its sealed files and its keys.json, copied as they are:
 * restored, it is the same encrypted workspace (the envelopes bind workspace-relative paths, so
 * the new folder changes nothing). Given `secret` (its passphrase or recovery key), the key is
 * unwrapped first — a wrong one refuses before anything is written — and the restored
 * workspace.json and library.json are opened with it; without one, the archive's hashes are
 * all that is checked, and the workspace asks for its passphrase when it is first opened.
 */
export async function restoreBackup(
  archive: string,
  dir: string,
  options: { onProgress?: (progress: BackupProgress) => void; secret?: string } = {},
): Promise<RestoreResult> {
  const target = path.resolve(dir);
  const source = path.resolve(archive);
  const zip = await openArchive(source);
  try {
    const { manifest, entries } = await checkArchive(zip, source);
    const sealing = await sealingOf(zip, manifest, entries, source, options.secret);
    const { cleanup, existing } = await prepareTarget(target);
    try {
      return await extract(zip, manifest, entries, target, existing, sealing, options);
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
  /** Empty for an encrypted workspace (its manifest does not name it). */
  workspaceName: string;
  encrypted: boolean;
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
      encrypted: isEncryptedBackup(manifest),
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
    throw new DossierError('not-found', code === 'ENOENT' ? phrase('common.noSuchFile', { file }) : phrase('store.cannotRead', { file, reason: wordsOf(error) }), file);
  }
}

/** The manifest, and the archive entry of each file it lists; refuses anything else in the archive. */
async function checkArchive(zip: ZipReader, file: string): Promise<{ manifest: BackupManifest; entries: Map<string, ZipEntry> }> {
  const refuse = (why: Words) => new DossierError('corrupt-file', phrase('restore.refused', { file, why }), file);
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
  if (!manifestEntry) throw refuse(phrase('restore.notABackup'));
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(await zip.readAll(manifestEntry, MAX_MANIFEST_BYTES)));
  } catch (error) {
    if (isDossierError(error)) throw error;
    throw refuse(phrase('restore.manifestNotJson'));
  }
  const parsed = BackupManifest.safeParse(json);
  if (!parsed.success) throw refuse(phrase('restore.manifestDamaged'));
  const manifest = parsed.data;
  if (manifest.formatVersion > BACKUP_FORMAT_VERSION) throw refuse(phrase('restore.newerFormat', { format: manifest.formatVersion }));
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

function isEncryptedBackup(manifest: BackupManifest): boolean {
  return manifest.encrypted === true || manifest.files.some((f) => f.path === KEYS_FILE);
}

/**
 * An encrypted backup's key file, read from the archive and checked (its hash, its schema, its
 * workspace), and the key it wraps when `secret` opens it; null for a plaintext backup.
 */
async function sealingOf(zip: ZipReader, manifest: BackupManifest, entries: Map<string, ZipEntry>, file: string, secret: string | undefined): Promise<Sealing | null> {
  if (!isEncryptedBackup(manifest)) return null;
  const refuse = (why: Words) => new DossierError('corrupt-file', phrase('restore.refused', { file, why }), file);
  const listed = manifest.files.find((f) => f.path === KEYS_FILE);
  if (!listed) throw refuse(`it is a backup of an encrypted workspace without its ${KEYS_FILE}`);
  const bytes = await zip.readAll(entries.get(KEYS_FILE)!, MAX_KEYS_BYTES);
  if (createHash('sha256').update(bytes).digest('hex') !== listed.sha256) throw refuse(`${KEYS_FILE} does not match its SHA-256 in the manifest (the archive was changed or damaged)`);
  const keys = parseKeyFile(new TextDecoder().decode(bytes), `${file} › ${KEYS_FILE}`);
  if (keys.workspaceId !== manifest.workspaceId) throw refuse(`its ${KEYS_FILE} belongs to another workspace than its manifest`);
  if (secret === undefined) return { keys, key: null };
  const key = await unlockKeyFile(keys, secret);
  if (!key) throw new DossierError('locked', phrase('restore.wrongPassphrase', { file }), file);
  return { keys, key };
}

/**
 * Makes sure the target is new or empty; returns what removes everything the restore adds, and
 * the hidden entries already there (never written into: one could be a link leading elsewhere).
 */
async function prepareTarget(target: string): Promise<{ cleanup: () => Promise<void>; existing: Set<string> }> {
  const stat = await fs.stat(target).catch(() => null);
  if (stat && !stat.isDirectory()) throw new DossierError('bad-input', phrase('restore.targetIsFile', { path: target }));
  if (stat) {
    const existing = await fs.readdir(target);
    // Hidden files (.DS_Store …) do not count, as when a new workspace is created.
    const visible = existing.filter((name) => !name.startsWith('.'));
    if (visible.length > 0) {
      throw new DossierError('bad-input', phrase(visible.length > 3 ? 'restore.targetNotEmptyMore' : 'restore.targetNotEmpty', { path: target, names: visible.slice(0, 3) }));
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
  sealing: Sealing | null,
  options: { onProgress?: (progress: BackupProgress) => void },
): Promise<RestoreResult> {
  const base = target.endsWith(path.sep) ? target : target + path.sep;
  const at = (rel: string) => {
    if (existing.has(rel.split('/')[0]!)) {
      throw new DossierError('bad-input', phrase('restore.wouldOverwrite', { file: zip.file, path: target, name: rel.split('/')[0]! }));
    }
    const file = path.resolve(target, ...rel.split('/'));
    // Checked again on the real path, in case a platform reads a name differently.
    if (!file.startsWith(base)) throw new DossierError('corrupt-file', phrase('restore.refused', { file: zip.file, why: phrase('restore.outside', { name: rel }) }), zip.file);
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
      throw new DossierError('corrupt-file', phrase('restore.refused', { file: zip.file, why: phrase('restore.checksum', { name: f.path }) }), zip.file);
    }
    if (whole) kept.set(f.path, Buffer.concat(chunks));
  }

  // Sealed files are read with the key when there is one; without it, they must at least be sealed.
  const text = (rel: string): string | null => {
    const bytes = kept.get(rel)!;
    if (!sealing) return new TextDecoder().decode(bytes);
    const damaged = (why: string) => new DossierError('corrupt-file', phrase('restore.refused', { file: zip.file, why: phrase('restore.entryDamaged', { name: rel, why }) }), zip.file);
    if (!isSealed(bytes)) throw damaged('is not sealed, though the workspace is encrypted');
    if (!sealing.key) return null;
    try {
      return openSealed(sealing.key, rel, bytes).plaintext.toString('utf8');
    } catch (error) {
      throw damaged(`does not open with the workspace's key (${error instanceof EnvelopeError ? error.message : String(error)})`);
    }
  };
  const workspaceText = text(FILE_NAMES.workspace);
  const workspace = workspaceText === null ? null : parseSchemaFile(workspaceText, at(FILE_NAMES.workspace), 'workspace', WorkspaceFile);
  if (workspace && workspace.id !== manifest.workspaceId) {
    throw new DossierError('corrupt-file', phrase('restore.refused', { file: zip.file, why: phrase('restore.otherWorkspace') }), zip.file);
  }
  if (kept.has(FILE_NAMES.library)) {
    const libraryText = text(FILE_NAMES.library);
    if (libraryText !== null) parseSchemaFile(libraryText, at(FILE_NAMES.library), 'library', LibraryFile);
    await fs.writeFile(at(FILE_NAMES.library), kept.get(FILE_NAMES.library)!, { flag: 'wx' });
    written.push(at(FILE_NAMES.library));
  }
  await syncFilesDurable(written);
  for (const f of manifest.files) if (f.readOnly && f.path !== FILE_NAMES.workspace) await fs.chmod(at(f.path), 0o444);
  // Last: its presence is what makes the folder a workspace.
  await writeFileDurable(at(FILE_NAMES.workspace), kept.get(FILE_NAMES.workspace)!);

  if (sealing && !sealing.key) return { workspace: target, workspaceId: manifest.workspaceId, files: manifest.files.length, bytes: totalBytes, articles: null, encrypted: true };
  // Read with the key for this count only: the restored workspace is not left unlocked here.
  if (sealing?.key) await unlockWithKey(target, sealing.key);
  try {
    const store = await WorkspaceStore.open(target, { lock: false });
    const articles = store.info().articleCount;
    await store.close();
    return { workspace: target, workspaceId: manifest.workspaceId, files: manifest.files.length, bytes: totalBytes, articles, encrypted: sealing !== null };
  } finally {
    if (sealing?.key) forgetWorkspaceKey(target);
  }
}
