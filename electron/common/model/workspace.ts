import { z } from 'zod';
import { Creator } from './annotation';
import { Palette } from './palette';
import { ErrorPhrase } from '../errorPhrase';

export const WorkspaceInfo = z.object({
  id: z.string(),
  name: z.string(),
  path: z.string(),
  schemaVersion: z.number().int(),
  readOnly: z.boolean(),
  /** Why the workspace is read-only, worded for the user. */
  readOnlyReason: z.string().nullable(),
  /** The same reason as words the window says in the UI language. */
  readOnlyPhrase: ErrorPhrase.optional().catch(undefined),
  articleCount: z.number().int().nonnegative(),
  palette: Palette,
  /** Who annotations made here are attributed to (the signed-in user's name by default). */
  creator: Creator,
});
export type WorkspaceInfo = z.infer<typeof WorkspaceInfo>;
