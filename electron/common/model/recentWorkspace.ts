import { z } from 'zod';

/** A workspace in the recent list (File › Open Recent, the start screen). */
export const RecentWorkspace = z.object({
  /** The workspace folder, absolute. */
  path: z.string(),
  /** Its display name when it was last open here. */
  name: z.string(),
  /** ISO time it was last opened. */
  lastOpened: z.string(),
  /** The folder is gone or no longer holds a workspace (moved, deleted, an unplugged drive). */
  missing: z.boolean(),
});
export type RecentWorkspace = z.infer<typeof RecentWorkspace>;

/** A workspace's display name: shown in the title bar and the recent list, never its folder's name. */
export const WorkspaceName = z.string().trim().min(1, 'A workspace needs a name.').max(120);

/** A folder path typed or chosen for a workspace. */
export const WorkspacePath = z.string().trim().min(1, 'Choose a folder for the workspace.').max(4096);
