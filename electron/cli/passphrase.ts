import { DossierError } from '../common/errors';
import { isEncryptedFolder, unlockWorkspace } from '../core';
import type { CliIO } from './cliIO';

/**
 * A passphrase from the environment variable, else asked for on the terminal (twice for a new
 * one). Never a flag. Without either, one line saying how to give it.
 */
export async function passphraseFrom(io: CliIO, variable: string, what: string, options: { confirm?: boolean } = {}): Promise<string> {
  const given = io.env[variable];
  if (given !== undefined && given !== '') return given;
  if (!io.readSecret) throw new DossierError('locked', `${what} is needed: set ${variable} (there is no terminal to ask on).`);
  const first = await io.readSecret(`${what}: `);
  if (first === '') throw new DossierError('bad-input', `${what} is empty; nothing was changed.`);
  if (options.confirm && (await io.readSecret(`${what} again: `)) !== first) {
    throw new DossierError('bad-input', 'The two passphrases differ; nothing was changed.');
  }
  return first;
}

/** Unlocks the workspace for this command when it is encrypted; a wrong or missing passphrase stops here, before any file is touched. */
export async function unlockIfEncrypted(io: CliIO, dir: string): Promise<void> {
  if (!isEncryptedFolder(dir)) return;
  if ((io.env.DOSSIER_PASSPHRASE ?? '') === '' && !io.readSecret) {
    throw new DossierError('locked', `The workspace ${dir} is encrypted: set DOSSIER_PASSPHRASE (or run dossier in a terminal to be asked for it).`);
  }
  await unlockWorkspace(dir, await passphraseFrom(io, 'DOSSIER_PASSPHRASE', `Passphrase for ${dir}`));
}
