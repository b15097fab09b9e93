import { z } from 'zod';
import { ErrorPhrase } from '../errorPhrase';

/** What a sync run did: documents sent, documents received, conflicts now waiting for the analyst. */
export const SyncCounts = z.object({
  pushed: z.number().int().nonnegative(),
  pulled: z.number().int().nonnegative(),
  conflicts: z.number().int().nonnegative(),
});
export type SyncCounts = z.infer<typeof SyncCounts>;

/** How to reach the team's database: the URL (credentials may be in it) or apart. */
export const SyncTarget = z.object({
  /** The database URL; the workspace's linked one when left out. */
  remote: z.string().max(2000).optional(),
  username: z.string().max(500).optional(),
  password: z.string().max(500).optional(),
  /** A bearer token for a proxy in front of CouchDB, instead of a user and password. */
  token: z.string().max(4000).optional(),
});
export type SyncTarget = z.infer<typeof SyncTarget>;

/** One version of a record in conflict: its CouchDB revision and the record as it was saved there. */
export const ConflictVersion = z.object({
  rev: z.string(),
  value: z.unknown(),
  /** Who saved it and when, as that side knew them. */
  changedBy: z.string().optional(),
  changedAt: z.string().optional(),
  /** The version CouchDB chose as the winner (what the workspace shows until the analyst decides). */
  winner: z.boolean().optional(),
});
export type ConflictVersion = z.infer<typeof ConflictVersion>;

export const SyncConflict = z.object({
  /** The kind of record: note, annotation, entity … */
  kind: z.string(),
  /** The sync document's id (ids only: it carries no content). */
  id: z.string(),
  versions: z.array(ConflictVersion).min(2),
});
export type SyncConflict = z.infer<typeof SyncConflict>;

/** Where the workspace's sync stands, for the status bar and Settings. */
export const SyncStatus = z.object({
  /** The linked database's URL (never with credentials), or null when the workspace is not linked. */
  remote: z.string().nullable(),
  state: z.enum(['unlinked', 'idle', 'syncing', 'offline', 'error']),
  /** When the last run finished without error (ISO), if ever. */
  lastSyncedAt: z.string().nullable(),
  /** Local changes not yet sent. */
  pending: z.number().int().nonnegative(),
  conflicts: z.number().int().nonnegative(),
  /** Why the last run failed, in words, when it did. */
  error: z.string().nullable(),
  /** The same, as words the window says in the UI language. */
  errorPhrase: ErrorPhrase.optional().catch(undefined),
  /**
   * Whether this process keeps syncing on its own (the app and the host, once a run this session
   * was given credentials). A linked workspace that is not live syncs only when asked.
   */
  live: z.boolean().optional(),
  /** Why this workspace may not sync, in words (an encrypted or read-only one), or null. */
  refusal: z.string().nullable().optional(),
  refusalPhrase: ErrorPhrase.optional().catch(undefined),
});
export type SyncStatus = z.infer<typeof SyncStatus>;
