import { promises as fs } from 'node:fs';
import path from 'node:path';
import { DossierError, phrase } from '../../common/errors';
import { newId } from '../../common/ids';
import { registerFileAccess, unregisterFileAccess } from '../store/fileAccess';
import { WorkspaceStore } from '../store/workspaceStore';
import { newKeyFile, writeKeyFile, type KdfParams } from './keyFile';
import { SealedFileAccess } from './sealedFiles';

/**
 * Creates a new workspace encrypted from its first byte: the key file is written into the empty
 * folder and the folder unlocked before workspace.json exists, so no plaintext (not even the
 * workspace's name) ever reaches the disk, where a deleted file's blocks could be read back.
 * Leaves the workspace unlocked for this process; answers the recovery key, shown once.
 */
export async function createEncryptedWorkspace(dir: string, name: string | undefined, passphrase: string, kdf?: KdfParams): Promise<{ recoveryKey: string }> {
  const root = path.resolve(dir);
  if (passphrase === '') throw new DossierError('bad-input', phrase('crypt.emptyPassphrase'));
  const existing = await fs.readdir(root).catch(() => [] as string[]);
  if (existing.some((entry) => !entry.startsWith('.'))) {
    throw new DossierError('bad-input', phrase('crypt.folderNotEmpty', { path: root }));
  }
  await fs.mkdir(root, { recursive: true });
  const id = newId('ws');
  const made = await newKeyFile(id, passphrase, kdf);
  await writeKeyFile(root, made.file);
  registerFileAccess(root, await SealedFileAccess.open(root, made.key));
  try {
    const store = await WorkspaceStore.open(root, { create: true, name, id });
    await store.close();
  } catch (error) {
    unregisterFileAccess(root);
    throw error;
  }
  return { recoveryKey: made.recoveryKey };
}
