import { z } from 'zod';

/** Why an automatic backup was taken. */
export const BackupReason = z.enum(['open', 'activity', 'exit', 'manual', 'before-restore']);
export type BackupReason = z.infer<typeof BackupReason>;

/** One automatic backup of the workspace, as lists show it. */
export const BackupSummary = z.object({
  id: z.string(),
  takenAt: z.string(),
  reason: BackupReason,
  /** Files added, changed or removed since the backup before it. */
  changed: z.number().int().nonnegative(),
  /** Damaged files it left out (an older good copy stays the backed-up one). */
  skipped: z.number().int().nonnegative(),
});
export type BackupSummary = z.infer<typeof BackupSummary>;

/** A file a backup recorded: what happened to it since the backup before. */
export const BackupFile = z.object({
  file: z.string(),
  change: z.enum(['added', 'changed', 'removed', 'skipped']),
  size: z.number().int().nonnegative().nullable(),
  /** For a skipped file: what was wrong with it. */
  problem: z.string().optional(),
});
export type BackupFile = z.infer<typeof BackupFile>;
