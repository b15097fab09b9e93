import { appDataDir, decryptWorkspace, readKeyFile, RememberedKeys } from '../../core';
import { JSON_FLAG, WORKSPACE_FLAG, type CliCommand, type JsonFlags } from '../command';
import { passphraseFrom } from '../passphrase';
import { UsageError } from '../usageError';

/** `dossier decrypt`: an encrypted workspace back to plaintext files. */
export const decryptCommand: CliCommand<JsonFlags> = {
  name: 'decrypt',
  help: [['decrypt [--json]', 'decrypt the workspace back to plaintext files (DOSSIER_PASSPHRASE or asked)']],
  description:
    'Decrypt the workspace in place (the passphrase or the recovery key from DOSSIER_PASSPHRASE, else asked for): every file is ' +
    'written back in plaintext, each one atomically, and the key file goes last. Run it again to finish a decryption that was interrupted.',
  flags: [WORKSPACE_FLAG, JSON_FLAG],
  async run(operands, flags, { io, workspaceDir }) {
    if (operands.length > 0) throw new UsageError('decrypt takes no operands');
    const dir = workspaceDir();
    const passphrase = await passphraseFrom(io, 'DOSSIER_PASSPHRASE', `Passphrase for ${dir}`);
    const keys = await readKeyFile(dir).catch(() => null);
    const result = await decryptWorkspace(dir, passphrase);
    // The desktop app may remember its key (sealed by the system keychain, in the app-data folder):
    // a plaintext workspace has nothing to remember. Forgetting needs no keychain.
    if (keys) await new RememberedKeys(appDataDir(io.env), null).forgetWorkspace(keys.workspaceId).catch(() => undefined);
    if (flags.json) io.stdout(`${JSON.stringify({ workspace: dir, files: result.files, resumed: result.resumed })}\n`);
    else io.stdout(`${result.resumed ? 'finished decrypting' : 'decrypted'} ${dir} (${result.files} file${result.files === 1 ? '' : 's'}); it is no longer encrypted\n`);
    return 0;
  },
};
