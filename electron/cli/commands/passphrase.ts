import { changePassphrase } from '../../core';
import { WORKSPACE_FLAG, type CliCommand } from '../command';
import { passphraseFrom } from '../passphrase';
import { UsageError } from '../usageError';

/** `dossier passphrase`: the workspace key wrapped under a new passphrase; no data file changes. */
export const passphraseCommand: CliCommand = {
  name: 'passphrase',
  help: [['passphrase [--workspace DIR]', 'change the passphrase of an encrypted workspace (DOSSIER_PASSPHRASE, DOSSIER_NEW_PASSPHRASE or asked)']],
  description:
    'Change the passphrase of an encrypted workspace: the current one (or the recovery key) from DOSSIER_PASSPHRASE, the new one ' +
    'from DOSSIER_NEW_PASSPHRASE, else both asked for. Only keys.json is rewritten; the recovery key stays valid.',
  flags: [WORKSPACE_FLAG],
  async run(operands, _flags, { io, workspaceDir }) {
    if (operands.length > 0) throw new UsageError('passphrase takes no operands');
    const dir = workspaceDir();
    const current = await passphraseFrom(io, 'DOSSIER_PASSPHRASE', `Current passphrase for ${dir}`);
    const next = await passphraseFrom(io, 'DOSSIER_NEW_PASSPHRASE', 'New passphrase', { confirm: true });
    await changePassphrase(dir, current, next);
    io.stdout(`changed the passphrase of ${dir} (the recovery key still opens it)\n`);
    return 0;
  },
};
