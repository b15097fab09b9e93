import { z } from 'zod';

/** The archive layout: `manifest.json` beside a `workspace/` folder holding the workspace's files. */
export const MANIFEST_ENTRY = 'manifest.json';
export const WORKSPACE_PREFIX = 'workspace/';
export const BACKUP_FORMAT_VERSION = 1;

export const BackupManifest = z.object({
  format: z.literal('dossier-backup'),
  formatVersion: z.number().int().positive(),
  /** The workspace's schema version when it was backed up. */
  schemaVersion: z.number().int().positive(),
  workspaceId: z.string().min(1),
  /** Empty for an encrypted workspace: the manifest is plaintext, and a name can say what the work is about. */
  workspaceName: z.string(),
  /** The workspace's files are sealed (its keys.json is in the archive): it opens with its passphrase. */
  encrypted: z.boolean().optional(),
  created: z.string(),
  /** Every folder, so empty ones come back too. */
  directories: z.array(z.string()),
  files: z.array(
    z.object({
      path: z.string(),
      size: z.number().int().nonnegative(),
      sha256: z.string().regex(/^[0-9a-f]{64}$/),
      /** The original bytes of article versions are kept read-only. */
      readOnly: z.boolean(),
    }),
  ),
});
export type BackupManifest = z.infer<typeof BackupManifest>;

/**
 * Whether a path from an archive may be written under the target folder: relative, '/'-separated,
 * without '..', '.', empty segments, backslashes, drive letters or NUL. Anything else could write
 * outside the folder (zip slip).
 */
export function isSafeRelativePath(p: string): boolean {
  if (p.length === 0 || p.length > 1024 || p.startsWith('/') || /[\\\0]/.test(p) || /^[A-Za-z]:/.test(p)) return false;
  return p.split('/').every((segment) => segment !== '' && segment !== '.' && segment !== '..');
}
