import { encryptWorkspace } from '../../core';
import { JSON_FLAG, WORKSPACE_FLAG, type CliCommand, type JsonFlags } from '../command';
import { passphraseFrom } from '../passphrase';
import { UsageError } from '../usageError';

/** `dossier encrypt`: the workspace encrypted in place (docs/ENCRYPTION.md); prints the recovery key once. */
export const encryptCommand: CliCommand<JsonFlags> = {
  name: 'encrypt',
  help: [['encrypt [--json]', 'encrypt the workspace with a passphrase (DOSSIER_PASSPHRASE or asked); prints the recovery key']],
  description:
    'Encrypt the workspace in place with a passphrase (from DOSSIER_PASSPHRASE, else asked for twice): every file is sealed with ' +
    'AES-256-GCM, each one atomically; the plaintext files go only once every sealed copy is written. Prints the recovery key once: ' +
    'keep it apart from the passphrase. Run it again to finish an encryption that was interrupted.',
  flags: [WORKSPACE_FLAG, JSON_FLAG],
  async run(operands, flags, { io, workspaceDir }) {
    if (operands.length > 0) throw new UsageError('encrypt takes no operands');
    const dir = workspaceDir();
    const passphrase = await passphraseFrom(io, 'DOSSIER_PASSPHRASE', `New passphrase for ${dir}`, { confirm: true });
    const result = await encryptWorkspace(dir, passphrase, { kdf: io.kdf });
    if (flags.json) {
      io.stdout(`${JSON.stringify({ workspace: dir, files: result.files, resumed: result.resumed, recoveryKey: result.recoveryKey })}\n`);
    } else {
      io.stdout(`${result.resumed ? 'finished encrypting' : 'encrypted'} ${dir} (${result.files} file${result.files === 1 ? '' : 's'})\n`);
      io.stdout(`recovery key (shown once; it opens the workspace without the passphrase: keep it somewhere else):\n  ${result.recoveryKey}\n`);
    }
    return 0;
  },
};
