import path from 'node:path';
import { backupWorkspace, type BackupProgress } from '../core/store/backup';
import { restoreBackup } from '../core/store/restoreBackup';
import type { CliIO } from './runCli';

/** Below this, a backup or restore is over before progress would help. */
const PROGRESS_FROM_BYTES = 64 * 1024 * 1024;

/** `dossier backup --out FILE.zip [--force]`: the workspace's files, the lock aside, in one archive. */
export async function backupCommand(workspace: string, out: string, options: { force?: boolean; json?: boolean }, io: CliIO): Promise<number> {
  const result = await backupWorkspace(workspace, out, { force: options.force, onProgress: options.json ? undefined : progress('backup', io) });
  if (options.json) {
    io.stdout(`${JSON.stringify({ out: result.out, workspaceId: result.workspaceId, files: result.files, bytes: result.bytes })}\n`);
  } else {
    io.stdout(`backed up ${result.files} files (${size(result.bytes)}) to ${result.out}\n`);
  }
  return 0;
}

/** `dossier restore FILE.zip --workspace DIR`: into an empty or new folder only. */
export async function restoreCommand(archive: string, workspace: string, options: { json?: boolean }, io: CliIO): Promise<number> {
  const result = await restoreBackup(archive, workspace, { onProgress: options.json ? undefined : progress('restore', io) });
  if (options.json) {
    io.stdout(`${JSON.stringify({ workspace: result.workspace, workspaceId: result.workspaceId, files: result.files, articles: result.articles })}\n`);
  } else {
    io.stdout(`restored ${result.articles} article${result.articles === 1 ? '' : 's'} (${result.files} files) from ${path.basename(archive)} into ${result.workspace}\n`);
  }
  return 0;
}

/** One stderr line per tenth of a large job. */
function progress(label: string, io: CliIO): (p: BackupProgress) => void {
  let shown = 0;
  return ({ doneBytes, totalBytes }) => {
    if (totalBytes < PROGRESS_FROM_BYTES) return;
    const tenth = Math.floor((doneBytes / totalBytes) * 10);
    if (tenth <= shown) return;
    shown = tenth;
    io.stderr(`${label}: ${tenth * 10}% (${size(doneBytes)} of ${size(totalBytes)})\n`);
  };
}

function size(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(bytes < 100 * 1024 * 1024 ? 1 : 0)} MB`;
}
