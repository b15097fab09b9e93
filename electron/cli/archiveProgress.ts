import type { BackupProgress } from '../core';
import type { CliIO } from './cliIO';

/** Below this, a backup or restore is over before progress would help. */
const PROGRESS_FROM_BYTES = 64 * 1024 * 1024;

/** One stderr line per tenth of a large backup or restore. */
export function archiveProgress(label: string, io: CliIO): (p: BackupProgress) => void {
  let shown = 0;
  return ({ doneBytes, totalBytes }) => {
    if (totalBytes < PROGRESS_FROM_BYTES) return;
    const tenth = Math.floor((doneBytes / totalBytes) * 10);
    if (tenth <= shown) return;
    shown = tenth;
    io.stderr(`${label}: ${tenth * 10}% (${byteSize(doneBytes)} of ${byteSize(totalBytes)})\n`);
  };
}

export function byteSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(bytes < 100 * 1024 * 1024 ? 1 : 0)} MB`;
}
