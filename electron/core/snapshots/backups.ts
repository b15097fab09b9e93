import { randomBytes } from 'node:crypto';
import { constants as fsConstants, promises as fs } from 'node:fs';
import path from 'node:path';
import { DossierError, phrase } from '../../common/errors';
import type { BackupFile } from '../../common/model/backup';
import { ArticleFile, FILE_NAMES } from '../store/files';
import { syncFilesDurable } from '../store/durableFile';
import { filesOf, type FileAccess } from '../store/fileAccess';
import { parseSchemaFile } from '../store/schemaFile';
import { keptByAge } from './retention';
import {
  BACKUPS_DIR,
  manifestPath,
  objectPath,
  OBJECTS_DIR,
  SnapshotManifest,
  snapshotId,
  SNAPSHOTS_DIR,
  summaryOf,
  type SnapshotEntry,
  type SnapshotReason,
  type SnapshotSummary,
} from './snapshotManifest';
import { isImmutable, problemWith, scanWorkspace, sha256Of, type FileStat } from './workspaceFiles';
import { pathExists } from '../store/pathExists';

/** The workspace's files as one backup holds them. */
export type SnapshotState = Map<string, SnapshotEntry>;

/** What a backup that was taken found. */
export interface TakenSnapshot extends SnapshotSummary {
  /** Damaged files left out (their older good copy stays the backed-up one). */
  skippedFiles: { file: string; problem: string }[];
}

/** Files read at once while taking a backup. */
const READ_CONCURRENCY = 8;

/**
 * The workspace's automatic backups (see snapshotManifest.ts for the layout): taking one,
 * listing them, reading a file as a backup holds it, and pruning by age. Everything is serialised,
 * so a prune never removes what a backup being taken has just stored.
 */
export class Backups {
  private manifests: SnapshotManifest[] | null = null;
  private latest: SnapshotState | null = null;
  private lane: Promise<unknown> = Promise.resolve();

  /** How the workspace's files are read and the copies written: sealed in an encrypted workspace, copies included. */
  private readonly files: FileAccess;

  constructor(
    readonly root: string,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.files = filesOf(path.resolve(root));
  }

  /** Newest first. */
  async list(): Promise<SnapshotSummary[]> {
    return (await this.loaded()).map(summaryOf).reverse();
  }

  async manifest(id: string): Promise<SnapshotManifest> {
    const found = (await this.loaded()).find((m) => m.id === id);
    if (!found) throw new DossierError('not-found', phrase('backup.noSuch', { id }));
    return found;
  }

  /** Every file as it was when backup `id` was taken (the newest one without an id). */
  async stateAt(id?: string): Promise<SnapshotState> {
    const manifests = await this.loaded();
    if (id === undefined && this.latest) return this.latest;
    const end = id === undefined ? manifests.length : manifests.findIndex((m) => m.id === id) + 1;
    if (end === 0 && id !== undefined) throw new DossierError('not-found', phrase('backup.noSuch', { id }));
    const state: SnapshotState = new Map();
    for (const manifest of manifests.slice(0, end)) applyManifest(state, manifest);
    if (id === undefined) this.latest = state;
    return state;
  }

  /** What backup `id` recorded, against the backup before it. */
  async filesIn(id: string): Promise<BackupFile[]> {
    const manifests = await this.loaded();
    const at = manifests.findIndex((m) => m.id === id);
    if (at === -1) throw new DossierError('not-found', phrase('backup.noSuch', { id }));
    const manifest = manifests[at]!;
    const before = at === 0 ? new Map<string, SnapshotEntry>() : await this.stateAt(manifests[at - 1]!.id);
    const files: BackupFile[] = [];
    for (const [file, entry] of Object.entries(manifest.files)) {
      const previous = before.get(file);
      if (previous?.sha256 === entry.sha256) continue; // Touched, not changed.
      files.push({ file, change: previous ? 'changed' : 'added', size: entry.size });
    }
    for (const file of manifest.removed) files.push({ file, change: 'removed', size: null });
    for (const { file, problem } of manifest.skipped) files.push({ file, change: 'skipped', size: null, problem });
    return files.sort((a, b) => a.file.localeCompare(b.file));
  }

  /** A file's bytes as backup `id` holds it, checked against their SHA-256. */
  async read(id: string, rel: string): Promise<Buffer> {
    const entry = (await this.stateAt(id)).get(rel);
    if (!entry) throw new DossierError('not-found', phrase('backup.holdsNo', { id, name: rel }));
    return this.object(entry);
  }

  async object(entry: SnapshotEntry): Promise<Buffer> {
    const file = objectPath(this.root, this.files.objectName(entry.sha256));
    const bytes = await this.files.readFile(file).catch((error: NodeJS.ErrnoException) => {
      if (error instanceof DossierError) throw error;
      throw new DossierError('corrupt-file', phrase('backup.copyUnreadable', { file, reason: error.code ?? error.message }), file);
    });
    if (sha256Of(bytes) !== entry.sha256) throw new DossierError('corrupt-file', phrase('backup.copyDamaged', { file }), file);
    return bytes;
  }

  /** The newest backup that holds a good copy of `rel`, or null. */
  async newestHolding(rel: string): Promise<SnapshotSummary | null> {
    const manifests = await this.loaded();
    for (let i = manifests.length - 1; i >= 0; i -= 1) {
      if (manifests[i]!.files[rel]) return summaryOf(manifests[i]!);
    }
    return null;
  }

  /**
   * Backs up every file changed since the last backup. Damaged files are left out (and named),
   * so a backup never holds one. Answers null when nothing changed, unless `always`.
   */
  take(reason: SnapshotReason, options: { always?: boolean } = {}): Promise<TakenSnapshot | null> {
    return this.exclusive(async () => {
      const known = await this.stateAt();
      const current = await scanWorkspace(this.root);
      const changed = [...current].filter(([rel, stat]) => !sameStat(known.get(rel), stat));
      const files: Record<string, SnapshotEntry> = {};
      const restat: SnapshotManifest['restat'] = {};
      const skipped: { file: string; problem: string }[] = [];
      const written: string[] = [];
      const recorded = new RecordedHashes(this.root);
      const work = [...changed];
      const worker = async () => {
        for (let next = work.shift(); next; next = work.shift()) {
          const [rel, stat] = next;
          const source = path.join(this.root, rel);
          const bytes = await this.files.readFile(source).catch((error: NodeJS.ErrnoException) => {
            // A sealed file that does not open is damaged: named and left out, like one that does not fit its schema.
            if (error instanceof DossierError) {
              skipped.push({ file: rel, problem: error.message });
              return 'skipped' as const;
            }
            return null;
          });
          if (bytes === 'skipped') continue;
          if (!bytes) continue; // Gone since the scan: the next backup records it as removed.
          const sha256 = sha256Of(bytes);
          const entry: SnapshotEntry = { sha256, size: bytes.length, mode: stat.mode, mtimeMs: stat.mtimeMs, ino: stat.ino };
          if (known.get(rel)?.sha256 === sha256) {
            restat[rel] = { mtimeMs: stat.mtimeMs, ino: stat.ino, mode: stat.mode }; // Touched, not changed.
            continue;
          }
          const problem = problemWith(rel, bytes, isImmutable(rel) ? await recorded.of(rel) : null);
          if (problem) {
            skipped.push({ file: rel, problem });
            continue;
          }
          const stored = await this.store(entry, bytes, source, rel);
          if (stored) written.push(stored);
          files[rel] = entry;
        }
      };
      await Promise.all(Array.from({ length: READ_CONCURRENCY }, worker));
      const removed = [...known.keys()].filter((rel) => !current.has(rel));
      if (!options.always && Object.keys(files).length === 0 && removed.length === 0) {
        // Nothing to keep; what was only touched is remembered so it is not read again next time.
        if (Object.keys(restat).length > 0) applyManifest(known, { ...EMPTY_MANIFEST, restat });
        return null;
      }

      // The copies are on disk before the backup that names them.
      await syncFilesDurable(written);
      const manifests = await this.loaded();
      const takenAt = this.now();
      let id = snapshotId(takenAt, 0);
      for (let counter = 1; manifests.some((m) => m.id >= id); counter += 1) id = snapshotId(takenAt, counter);
      const manifest: SnapshotManifest = {
        schemaVersion: 1,
        kind: 'snapshot',
        id,
        takenAt: takenAt.toISOString(),
        reason,
        files: sortedRecord(files),
        restat: sortedRecord(restat),
        removed: removed.sort(),
        skipped: skipped.sort((a, b) => a.file.localeCompare(b.file)),
      };
      await fs.mkdir(path.dirname(manifestPath(this.root, id)), { recursive: true });
      await this.files.writeFileDurable(manifestPath(this.root, id), `${JSON.stringify(manifest)}\n`);
      manifests.push(manifest);
      applyManifest(known, manifest);
      await this.pruneNow();
      return { ...summaryOf(manifest), skippedFiles: manifest.skipped };
    });
  }

  /** Drops what the retention rules no longer keep; answers how many backups went. */
  prune(): Promise<number> {
    return this.exclusive(() => this.pruneNow());
  }

  private async pruneNow(): Promise<number> {
    const manifests = await this.loaded();
    const keep = keptByAge(
      manifests.map((m) => Date.parse(m.takenAt)),
      this.now().getTime(),
    );
    if (keep.every(Boolean)) return 0;
    // What a dropped backup alone knew moves into the next newer one, so every kept backup still
    // opens to the same files. Changed backups are written before dropped ones are deleted: a crash
    // between leaves an entry twice, which reads the same.
    const changed = new Set<SnapshotManifest>();
    for (let i = 0; i < manifests.length - 1; i += 1) {
      if (keep[i]) continue;
      const dropped = manifests[i]!;
      const next = manifests[i + 1]!;
      for (const [rel, entry] of Object.entries(dropped.files)) {
        if (!next.files[rel] && !next.removed.includes(rel)) next.files[rel] = entry;
      }
      for (const [rel, stat] of Object.entries(dropped.restat)) {
        if (!next.files[rel] && !next.restat[rel] && !next.removed.includes(rel)) next.restat[rel] = stat;
      }
      for (const rel of dropped.removed) {
        if (!next.files[rel] && !next.removed.includes(rel)) next.removed.push(rel);
      }
      changed.add(next);
    }
    const kept = manifests.filter((_, i) => keep[i]);
    // The oldest backup has nothing before it to remove files from.
    if (kept[0] && kept[0].removed.length > 0) {
      kept[0].removed = [];
      changed.add(kept[0]);
    }
    for (const manifest of kept) {
      if (changed.has(manifest)) {
        const sorted = { ...manifest, files: sortedRecord(manifest.files), restat: sortedRecord(manifest.restat) };
        await this.files.writeFileDurable(manifestPath(this.root, manifest.id), `${JSON.stringify(sorted)}\n`);
      }
    }
    const dropped = manifests.filter((_, i) => !keep[i]);
    for (const manifest of dropped) await fs.rm(manifestPath(this.root, manifest.id), { force: true });
    this.manifests = kept;
    await this.collectGarbage(kept);
    return dropped.length;
  }

  /** Removes stored copies no backup names any more (and those a crash left before their backup was written). */
  private async collectGarbage(manifests: SnapshotManifest[]): Promise<void> {
    const named = new Set<string>();
    for (const manifest of manifests) for (const entry of Object.values(manifest.files)) named.add(this.files.objectName(entry.sha256));
    const objects = path.join(this.root, BACKUPS_DIR, OBJECTS_DIR);
    for (const prefix of await fs.readdir(objects).catch(() => [] as string[])) {
      for (const name of await fs.readdir(path.join(objects, prefix)).catch(() => [] as string[])) {
        if (!named.has(name)) await fs.rm(path.join(objects, prefix, name), { force: true });
      }
    }
  }

  /** Stores a file's bytes once by their hash; answers the new copy's path, or null when it was there. */
  private async store(entry: SnapshotEntry, bytes: Buffer, source: string, rel: string): Promise<string | null> {
    const target = objectPath(this.root, this.files.objectName(entry.sha256));
    if (await pathExists(target)) return null;
    await fs.mkdir(path.dirname(target), { recursive: true });
    const tmp = `${target}.${randomBytes(6).toString('hex')}.tmp`;
    if (this.files.sealed) {
      // Sealed for the copy's own path (never cloned: the original is sealed for its own).
      await this.files.writeFileDurable(target, bytes, 0o444);
      return target;
    }
    if (isImmutable(rel)) {
      // Originals can be large: cloned where the filesystem shares blocks copy-on-write (APFS,
      // Btrfs, XFS), copied elsewhere. Never hard-linked: a tool that rewrote the original in place
      // would damage the backup with it, and that is what a backup is for.
      await fs.copyFile(source, tmp, fsConstants.COPYFILE_FICLONE);
      if (sha256Of(await fs.readFile(tmp)) === entry.sha256) {
        await fs.chmod(tmp, 0o444);
        await fs.rename(tmp, target);
        return target;
      }
      await fs.rm(tmp, { force: true }); // Changed since it was read: store what was checked.
    }
    await fs.writeFile(tmp, bytes, { mode: 0o444 });
    await fs.rename(tmp, target);
    return target;
  }

  private async loaded(): Promise<SnapshotManifest[]> {
    if (this.manifests) return this.manifests;
    const dir = path.join(this.root, BACKUPS_DIR, SNAPSHOTS_DIR);
    const names = (await fs.readdir(dir).catch(() => [] as string[])).filter((n) => n.endsWith('.json')).sort();
    const manifests: SnapshotManifest[] = [];
    for (const name of names) {
      const file = path.join(dir, name);
      try {
        manifests.push(parseSchemaFile(await this.files.readText(file), file, 'snapshot', SnapshotManifest));
      } catch (error) {
        // A damaged backup is set aside, never trusted: the others still restore.
        console.error(`Dossier: the backup ${file} is damaged and is not used:`, (error as Error).message);
      }
    }
    this.manifests = manifests;
    return manifests;
  }

  private exclusive<T>(task: () => Promise<T>): Promise<T> {
    const next = this.lane.then(task, task);
    this.lane = next.catch(() => undefined);
    return next;
  }
}

const EMPTY_MANIFEST: SnapshotManifest = { schemaVersion: 1, kind: 'snapshot', id: '', takenAt: '', reason: 'manual', files: {}, restat: {}, removed: [], skipped: [] };

function applyManifest(state: SnapshotState, manifest: SnapshotManifest): void {
  for (const rel of manifest.removed) state.delete(rel);
  for (const [rel, entry] of Object.entries(manifest.files)) state.set(rel, entry);
  for (const [rel, stat] of Object.entries(manifest.restat)) {
    const entry = state.get(rel);
    if (entry) state.set(rel, { ...entry, ...stat });
  }
}

function sameStat(entry: SnapshotEntry | undefined, stat: FileStat): boolean {
  return entry !== undefined && entry.size === stat.size && entry.mtimeMs === stat.mtimeMs && entry.ino === stat.ino;
}

function sortedRecord<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** The SHA-256 each article recorded for its originals, read once per article. */
class RecordedHashes {
  private readonly byArticle = new Map<string, Promise<Map<string, string>>>();
  constructor(private readonly root: string) {}

  async of(rel: string): Promise<string | null> {
    const [, articleId, ...inFolder] = rel.split('/');
    if (!articleId) return null;
    let hashes = this.byArticle.get(articleId);
    if (!hashes) {
      const file = path.join(this.root, FILE_NAMES.articles, articleId, FILE_NAMES.article);
      hashes = fs
        .readFile(file, 'utf8')
        .then((raw) => parseSchemaFile(raw, file, 'article', ArticleFile))
        .then(({ article }) => new Map(article.versions.map((v) => [v.original, v.sha256])))
        .catch(() => new Map<string, string>());
      this.byArticle.set(articleId, hashes);
    }
    return (await hashes).get(inFolder.join('/')) ?? null;
  }
}


