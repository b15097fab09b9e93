import path from 'node:path';
import { z } from 'zod';
import { BackupReason } from '../../common/model/backup';

/**
 * The workspace's automatic backups live in `backups/` inside it:
 *
 *   backups/objects/ab/abcdef…     one file's bytes, named by their SHA-256 (stored once however
 *                                  many backups hold them)
 *   backups/snapshots/<id>.json    one backup: the files that changed since the one before it
 *
 * A backup lists only what changed, so the workspace as it was at a backup is every backup up to
 * it, newer entries winning. Pruning a backup moves what only it knew into the next newer one, so
 * every backup that is kept still opens to the same files.
 */

export const BACKUPS_DIR = 'backups';
export const SNAPSHOTS_DIR = 'snapshots';
export const OBJECTS_DIR = 'objects';

export const SnapshotReason = BackupReason;
export type SnapshotReason = z.infer<typeof SnapshotReason>;

/** One file as a backup holds it. `mtimeMs`, `size` and `ino` tell the next backup whether it changed. */
export const SnapshotEntry = z.object({
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  size: z.number().int().nonnegative(),
  mode: z.number().int().nonnegative(),
  mtimeMs: z.number(),
  ino: z.number().nonnegative(),
});
export type SnapshotEntry = z.infer<typeof SnapshotEntry>;

export const SnapshotManifest = z.object({
  schemaVersion: z.literal(1),
  kind: z.literal('snapshot'),
  id: z.string(),
  takenAt: z.string(),
  reason: SnapshotReason,
  /** Files added or changed since the backup before, by workspace-relative path. */
  files: z.record(z.string(), SnapshotEntry),
  /** Files whose bytes did not change but whose folder entry did (copied, rewritten alike). */
  restat: z.record(z.string(), SnapshotEntry.pick({ mtimeMs: true, ino: true, mode: true })).default({}),
  /** Files gone since the backup before. */
  removed: z.array(z.string()),
  /** Files that were damaged when this backup was taken: left out, so the older good copy stays. */
  skipped: z.array(z.object({ file: z.string(), problem: z.string() })),
});
export type SnapshotManifest = z.infer<typeof SnapshotManifest>;

/** A backup as lists show it. */
export interface SnapshotSummary {
  id: string;
  takenAt: string;
  reason: SnapshotReason;
  /** Files added, changed or removed since the backup before it. */
  changed: number;
  skipped: number;
}

/** Ids sort as they were taken: the time, then a counter for backups taken in the same millisecond. */
export function snapshotId(at: Date, counter: number): string {
  return `${at.toISOString().replace(/[:.]/g, '-')}_${String(counter).padStart(3, '0')}`;
}

export function objectPath(root: string, sha256: string): string {
  return path.join(root, BACKUPS_DIR, OBJECTS_DIR, sha256.slice(0, 2), sha256);
}

export function manifestPath(root: string, id: string): string {
  return path.join(root, BACKUPS_DIR, SNAPSHOTS_DIR, `${id}.json`);
}

export function summaryOf(manifest: SnapshotManifest): SnapshotSummary {
  return {
    id: manifest.id,
    takenAt: manifest.takenAt,
    reason: manifest.reason,
    changed: Object.keys(manifest.files).length + manifest.removed.length,
    skipped: manifest.skipped.length,
  };
}
