import { Backups } from '../../electron/core/snapshots/backups';
import type { ServedWorkspace } from './servedWorkspace';

/** The backups the server said it took, by id: each must still be there, whole, after a kill. */
export class BackupModel {
  readonly acknowledged = new Set<string>();
}

/**
 * Backups taken one after the other while the saves go on, so kills land in the middle of
 * one (its copies half written, its list of files not yet), until stopped or the server is gone.
 */
export async function backupLoop(server: ServedWorkspace, model: BackupModel, stopped: () => boolean): Promise<void> {
  while (!stopped()) {
    try {
      const answer = await server.call('backups.take', {});
      if (answer.ok && answer.value.backup) model.acknowledged.add(answer.value.backup.id);
    } catch {
      return; // no answer: the server is gone
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Every backup opens: its list parses, every file it names is stored and matches its SHA-256,
 * and every backup the server acknowledged is still listed.
 */
export async function checkBackups(dir: string, model: BackupModel): Promise<string[]> {
  const problems: string[] = [];
  const backups = new Backups(dir);
  const listed = await backups.list();
  const ids = new Set(listed.map((b) => b.id));
  for (const id of model.acknowledged) if (!ids.has(id)) problems.push(`the acknowledged backup ${id} is gone`);
  const checked = new Set<string>();
  for (const { id } of listed) {
    for (const [file, entry] of await backups.stateAt(id)) {
      if (checked.has(entry.sha256)) continue;
      checked.add(entry.sha256);
      await backups.object(entry).catch((error: Error) => problems.push(`backup ${id}, ${file}: ${error.message}`));
    }
  }
  return problems;
}
