import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import { DossierError, phrase, wordsOf } from '../../common/errors';
import { fsyncDir } from '../store/durableFile';
import { filesOf } from '../store/fileAccess';
import { FILE_NAMES } from '../store/files';
import { liveLockHolder, readLock } from '../store/lock';
import { BACKUPS_DIR } from '../snapshots/snapshotManifest';
import { WorkspaceStore } from '../store/workspaceStore';
import { BACKUP_FORMAT_VERSION, MANIFEST_ENTRY, WORKSPACE_PREFIX, type BackupManifest } from './backupManifest';

export interface BackupProgress {
  doneBytes: number;
  totalBytes: number;
  file: string;
}

export interface BackupOptions {
  force?: boolean;
  /** Awaited, so the caller can pace the copy. */
  onProgress?: (progress: BackupProgress) => void | Promise<void>;
}

export interface BackupResult {
  out: string;
  workspaceId: string;
  files: number;
  /** Bytes of the workspace's files, and of the archive. */
  bytes: number;
  archiveBytes: number;
  /** Whether another Dossier had the workspace open (the copy was then checked as described below). */
  whileOpen: boolean;
}

/** How often a copy of a workspace that changed while being read is started again. */
const ATTEMPTS = 3;
/** ZIP without ZIP64: at most 65,535 entries and 4 GiB. */
const MAX_ENTRIES = 0xffff - 1;
const MAX_ARCHIVE_BYTES = 0xffffffff;
/** Already-compressed originals are stored as they are. */
const STORED = new Set(['.pdf', '.png', '.jpg', '.jpeg', '.gif', '.webp', '.zip', '.gz', '.docx', '.xlsx', '.pptx', '.epub']);

/**
 * Writes every file of the workspace (but its lock file) into one ZIP archive with a manifest
 * of SHA-256 hashes, streaming each file so a large workspace never sits in memory.
 *
 * Consistency: when no other Dossier holds the workspace, the backup takes its lock, so nothing
 * changes meanwhile. When one does (the app is open), the backup does not go through it: it
 * reads the files without writing anything and checks, after the last one, that no file was
 * added, removed, replaced or appended to while it read them; if one was, it starts again. Since
 * every save in the store is an atomic rename or an append, an unchanged listing means the copy
 * is the workspace as it stood at one instant, the state the store is built to recover from
 * after a crash. A workspace that keeps changing through every attempt is refused.
 */
export async function backupWorkspace(dir: string, out: string, options: BackupOptions = {}): Promise<BackupResult> {
  const root = path.resolve(dir);
  const target = path.resolve(out);
  const inside = path.relative(root, target);
  if (!inside.startsWith('..') && !path.isAbsolute(inside)) {
    throw new DossierError('bad-input', phrase('backup.insideWorkspace', { path: root }));
  }
  await checkOut(target, options.force === true);
  // Another process's app, or this process's own (the app backing up the workspace it has open).
  const lock = await readLock(root);
  const open = (await liveLockHolder(root)) !== null || (lock?.pid === process.pid && lock.host === os.hostname());
  const store = await WorkspaceStore.open(root, { lock: !open });
  try {
    // The files are copied as they are (sealed when the workspace is encrypted); only the manifest
    // is written here in the clear, so it must not carry the name of an encrypted workspace.
    const encrypted = filesOf(root).sealed;
    const info = { ...store.info(), ...(encrypted ? { name: '' } : {}), encrypted };
    for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
      const written = await writeArchive(root, target, info, options);
      if (written) {
        return { out: target, workspaceId: info.id, files: written.files, bytes: written.bytes, archiveBytes: written.archiveBytes, whileOpen: open };
      }
    }
    throw new DossierError(
      'unavailable',
      phrase('backup.keptChanging', { count: ATTEMPTS }),
    );
  } finally {
    await store.close();
  }
}

interface Listing {
  files: Map<string, { size: number; mtimeNs: bigint; ino: bigint; readOnly: boolean }>;
  directories: string[];
}

/** One attempt; null when the workspace changed while it was read (the partial archive is removed). */
async function writeArchive(
  root: string,
  out: string,
  info: { id: string; name: string; schemaVersion: number; encrypted: boolean },
  options: BackupOptions,
): Promise<{ files: number; bytes: number; archiveBytes: number } | null> {
  const before = await listWorkspace(root);
  const paths = [...before.files.keys()].sort();
  const totalBytes = paths.reduce((sum, p) => sum + before.files.get(p)!.size, 0);
  if (paths.length + 1 > MAX_ENTRIES || totalBytes > MAX_ARCHIVE_BYTES - 64 * 1024 * 1024) {
    throw new DossierError(
      'bad-input',
      phrase('backup.tooLargeOrMany'),
    );
  }
  const partial = path.join(path.dirname(out), `.${path.basename(out)}.${randomBytes(6).toString('hex')}.partial`);
  const handle = await fs.open(partial, 'wx', 0o600);
  let ok = false;
  try {
    const sink = new ArchiveSink(handle);
    const manifest: BackupManifest = {
      format: 'dossier-backup',
      formatVersion: BACKUP_FORMAT_VERSION,
      schemaVersion: info.schemaVersion,
      workspaceId: info.id,
      workspaceName: info.name,
      ...(info.encrypted ? { encrypted: true } : {}),
      created: new Date().toISOString(),
      directories: before.directories,
      files: [],
    };
    let doneBytes = 0;
    for (const rel of paths) {
      const stat = before.files.get(rel)!;
      const entry = STORED.has(path.extname(rel).toLowerCase())
        ? new ZipPassThrough(WORKSPACE_PREFIX + rel)
        : new ZipDeflate(WORKSPACE_PREFIX + rel, { level: 6 });
      sink.zip.add(entry);
      const hash = createHash('sha256');
      let size = 0;
      try {
        for await (const chunk of createReadStream(path.join(root, ...rel.split('/')), { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
          hash.update(chunk);
          size += chunk.length;
          entry.push(chunk);
          await sink.drain();
          doneBytes += chunk.length;
          await options.onProgress?.({ doneBytes, totalBytes, file: rel });
        }
      } catch (error) {
        // Replaced by a save since it was listed: this copy would mix two moments, so start again.
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
      entry.push(new Uint8Array(0), true);
      await sink.drain();
      if (size !== stat.size) return null;
      manifest.files.push({ path: rel, size, sha256: hash.digest('hex'), readOnly: stat.readOnly });
    }
    const manifestEntry = new ZipDeflate(MANIFEST_ENTRY, { level: 6 });
    sink.zip.add(manifestEntry);
    manifestEntry.push(new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`), true);
    sink.zip.end();
    await sink.drain();
    await handle.sync();
    if (!sameListing(before, await listWorkspace(root))) return null;
    await handle.close();
    await checkOut(out, options.force === true);
    await fs.rename(partial, out);
    await fsyncDir(path.dirname(out));
    ok = true;
    return { files: paths.length, bytes: totalBytes, archiveBytes: sink.bytes };
  } finally {
    if (!ok) {
      await handle.close().catch(() => undefined);
      await fs.rm(partial, { force: true });
    }
  }
}

/** fflate's Zip hands out chunks synchronously; they are written before more input is read. */
class ArchiveSink {
  readonly zip: Zip;
  bytes = 0;
  private readonly pending: Uint8Array[] = [];
  private error: Error | null = null;

  constructor(private readonly handle: fs.FileHandle) {
    this.zip = new Zip((error, chunk) => {
      if (error) this.error = error;
      else this.pending.push(chunk);
    });
  }

  async drain(): Promise<void> {
    for (let chunk = this.pending.shift(); chunk; chunk = this.pending.shift()) {
      for (let written = 0; written < chunk.length; ) {
        written += (await this.handle.write(chunk, written, chunk.length - written)).bytesWritten;
      }
      this.bytes += chunk.length;
    }
    if (this.error) throw this.error;
    if (this.bytes > MAX_ARCHIVE_BYTES) {
      throw new DossierError('bad-input', phrase('backup.tooLarge'));
    }
  }
}

/**
 * Every file and folder, as '/'-separated paths. Left out: the lock file (it belongs to the
 * running app), derived data (the search index, rebuilt from the rest), the automatic backups
 * (earlier states of these same files: an archive holds the workspace now) and the temp files of saves in progress (`.<name>.<hex>.tmp`, renamed over their
 * file when the save completes). Links and other special files are not workspace data.
 */
async function listWorkspace(root: string): Promise<Listing> {
  const listing: Listing = { files: new Map(), directories: [] };
  const walk = async (rel: string) => {
    const entries = await fs.readdir(path.join(root, ...rel.split('/').filter(Boolean)), { withFileTypes: true });
    for (const entry of entries) {
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      if (child === FILE_NAMES.lock || child === FILE_NAMES.derived || child === BACKUPS_DIR || /^\..+\.[0-9a-f]{12}\.tmp$/.test(entry.name)) continue;
      if (entry.isDirectory()) {
        listing.directories.push(child);
        await walk(child);
      } else if (entry.isFile()) {
        const stat = await fs.stat(path.join(root, ...child.split('/')), { bigint: true }).catch(() => null);
        // Gone between listing and stat: a save renamed it away. The next listing will differ.
        if (stat) listing.files.set(child, { size: Number(stat.size), mtimeNs: stat.mtimeNs, ino: stat.ino, readOnly: (Number(stat.mode) & 0o200) === 0 });
      }
    }
  };
  await walk('');
  listing.directories.sort();
  return listing;
}

function sameListing(a: Listing, b: Listing): boolean {
  if (a.files.size !== b.files.size || a.directories.join('\n') !== b.directories.join('\n')) return false;
  for (const [rel, x] of a.files) {
    const y = b.files.get(rel);
    if (!y || y.size !== x.size || y.mtimeNs !== x.mtimeNs || y.ino !== x.ino) return false;
  }
  return true;
}

async function checkOut(out: string, force: boolean): Promise<void> {
  const stat = await fs.stat(out).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw new DossierError('bad-input', phrase('backup.cannotWrite', { file: out, reason: wordsOf(error) }));
  });
  if (stat?.isDirectory()) throw new DossierError('bad-input', phrase('backup.isFolder', { file: out }));
  if (stat && !force) throw new DossierError('bad-input', phrase('backup.exists', { file: out }));
  const parent = await fs.stat(path.dirname(out)).catch(() => null);
  if (!parent?.isDirectory()) throw new DossierError('bad-input', phrase('backup.noFolder', { file: out }));
}
