import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Where the workspace lives: `--workspace DIR`, else `DOSSIER_WORKSPACE`, else a visible
 * `Documents/Dossier` folder (not roaming app data, which domain profiles copy at every logon).
 */
export function resolveWorkspaceDir(
  flag: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
  documentsDir: string = userDocumentsDir(env),
): string {
  if (flag) return path.resolve(flag);
  if (env.DOSSIER_WORKSPACE) return path.resolve(env.DOSSIER_WORKSPACE);
  return path.join(documentsDir, 'Dossier');
}

/** The user's Documents folder, honouring the XDG user-dirs setting on Linux. */
export function userDocumentsDir(env: NodeJS.ProcessEnv = process.env): string {
  const home = os.homedir();
  if (process.platform === 'linux') {
    const config = path.join(env.XDG_CONFIG_HOME || path.join(home, '.config'), 'user-dirs.dirs');
    if (existsSync(config)) {
      const match = /^XDG_DOCUMENTS_DIR="?([^"\n]+)"?/m.exec(readFileSync(config, 'utf8'));
      if (match) return match[1]!.replace(/^\$HOME/, home);
    }
  }
  return path.join(home, 'Documents');
}
