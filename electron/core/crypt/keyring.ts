import path from 'node:path';
import { DossierError, phrase } from '../../common/errors';
import { filesOf, isEncryptedFolder, registerFileAccess, unregisterFileAccess } from '../store/fileAccess';
import { readKeyFile, unlockKeyFile } from './keyFile';
import { SealedFileAccess } from './sealedFiles';

/**
 * Unlocks an encrypted workspace for this process: its files are read and written sealed from
 * now on, by whatever opens them. Reads keys.json only; a wrong passphrase touches no file.
 */
export async function unlockWorkspace(root: string, secret: string): Promise<void> {
  const dir = path.resolve(root);
  if (filesOf(dir).sealed) return;
  const file = await readKeyFile(dir);
  if (!file) throw new DossierError('bad-input', phrase('crypt.notEncrypted', { path: dir }));
  const key = await unlockKeyFile(file, secret);
  if (!key) throw new DossierError('locked', phrase('crypt.wrongPassphrase', { path: dir }));
  registerFileAccess(dir, await SealedFileAccess.open(dir, key));
}

/** Opens a workspace in a worker thread with the key its process unlocked it with. */
export async function unlockWithKey(root: string, key: Uint8Array): Promise<void> {
  const dir = path.resolve(root);
  if (filesOf(dir).sealed) return;
  registerFileAccess(dir, await SealedFileAccess.open(dir, Buffer.from(key)));
}

/** The key of an unlocked workspace (for this process's worker thread), or null. */
export function unlockedKey(root: string): Uint8Array | null {
  const access = filesOf(path.resolve(root));
  return access instanceof SealedFileAccess ? access.workspaceKey : null;
}

/** Forgets the key: the workspace must be unlocked again to be opened. Its store must be closed first. */
export async function lockWorkspace(root: string): Promise<void> {
  const access = unregisterFileAccess(root);
  if (access instanceof SealedFileAccess) {
    access.stop();
    await access.checkpoint();
  }
}

export { isEncryptedFolder };

/**
 * Forgets the key without saving anything: for a reader of the folder that never writes (the
 * worker thread's search index build), when the workspace is locked or decrypted.
 */
export function forgetWorkspaceKey(root: string): void {
  const access = unregisterFileAccess(root);
  if (access instanceof SealedFileAccess) access.stop();
}
