import type { RecentWorkspaces } from '../appData/recentWorkspaces';
import { resolveWorkspaceDir } from './workspaceLocation';

/**
 * The workspace the desktop app opens on start: the one named (`--workspace`, `DOSSIER_WORKSPACE`),
 * else the one open when it last quit (the first of the recent list still there), else the
 * default `Documents/Dossier`.
 */
export async function startupWorkspaceDir(
  flag: string | undefined,
  env: NodeJS.ProcessEnv,
  documentsDir: string,
  recent: Pick<RecentWorkspaces, 'list'>,
): Promise<string> {
  if (flag || env.DOSSIER_WORKSPACE) return resolveWorkspaceDir(flag, env, documentsDir);
  const last = (await recent.list().catch(() => [])).find((w) => !w.missing);
  return last?.path ?? resolveWorkspaceDir(undefined, env, documentsDir);
}
