import path from 'node:path';
import type { MessageBoxOptions, OpenDialogOptions } from 'electron';
import type { BackupPreview } from '../core';

export interface BackupOpenerDeps {
  preview(file: string): Promise<BackupPreview>;
  restore(file: string, dir: string): Promise<{ articles: number | null }>;
  showMessageBox(options: MessageBoxOptions): Promise<{ response: number }>;
  showOpenDialog(options: OpenDialogOptions): Promise<{ canceled: boolean; filePaths: string[] }>;
  /** Starts Dossier again on the restored workspace (the running one keeps its own until then). */
  openWorkspace(dir: string): void;
  /** For the default folder of the dialog. */
  documentsDir: string;
}

/**
 * A backup opened from the file manager (or given on the command line): what it holds is shown
 * first, and it is restored only into a new or empty folder the analyst picks, never over the
 * workspace that is open. A file that is not a backup, or a damaged one, is named with the reason
 * the restore would give.
 */
export async function openBackupFile(file: string, deps: BackupOpenerDeps): Promise<'restored' | 'cancelled' | 'refused'> {
  let preview: BackupPreview;
  try {
    preview = await deps.preview(file);
  } catch (error) {
    await deps.showMessageBox({ type: 'error', title: 'Open backup', message: `Dossier cannot open ${path.basename(file)}.`, detail: errorText(error), buttons: ['OK'] });
    return 'refused';
  }
  const { response } = await deps.showMessageBox({
    type: 'question',
    title: 'Open backup',
    // An encrypted workspace's backup does not name it (its manifest is plaintext).
    message: preview.encrypted ? 'Restore the backup of an encrypted workspace?' : `Restore the backup of “${preview.workspaceName}”?`,
    detail: `Taken ${preview.created}: ${preview.files} files, ${megabytes(preview.bytes)}. It is restored into a new or empty folder you choose; the workspace open now does not change.`,
    buttons: ['&Restore into a folder…', '&Cancel'],
    defaultId: 0,
    cancelId: 1,
    normalizeAccessKeys: true,
  });
  if (response !== 0) return 'cancelled';
  const picked = await deps.showOpenDialog({
    title: 'Restore the backup into a new or empty folder',
    defaultPath: deps.documentsDir,
    buttonLabel: 'Restore here',
    properties: ['openDirectory', 'createDirectory', 'promptToCreate'],
  });
  const dir = picked.filePaths[0];
  if (picked.canceled || !dir) return 'cancelled';
  try {
    const { articles } = await deps.restore(file, dir);
    const opened = await deps.showMessageBox({
      type: 'info',
      title: 'Open backup',
      message: `The backup is restored in ${dir}.`,
      detail:
        articles === null
          ? 'It is encrypted: it asks for its passphrase when it opens. Open it now? Dossier restarts on that workspace.'
          : `${articles} ${articles === 1 ? 'article' : 'articles'}. Open it now? Dossier restarts on that workspace.`,
      buttons: ['&Open it', '&Later'],
      defaultId: 0,
      cancelId: 1,
      normalizeAccessKeys: true,
    });
    if (opened.response === 0) deps.openWorkspace(dir);
    return 'restored';
  } catch (error) {
    await deps.showMessageBox({ type: 'error', title: 'Open backup', message: 'Dossier could not restore the backup.', detail: errorText(error), buttons: ['OK'] });
    return 'refused';
  }
}

function megabytes(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

function errorText(error: unknown): string {
  return (error as Error)?.message ?? String(error);
}
