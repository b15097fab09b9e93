import { z } from 'zod';

export const WorkspaceInfo = z.object({
  id: z.string(),
  name: z.string(),
  path: z.string(),
  schemaVersion: z.number().int(),
  readOnly: z.boolean(),
  /** Why the workspace is read-only, worded for the user. */
  readOnlyReason: z.string().nullable(),
  articleCount: z.number().int().nonnegative(),
});
export type WorkspaceInfo = z.infer<typeof WorkspaceInfo>;
