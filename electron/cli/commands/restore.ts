import path from 'node:path';
import { previewBackup, restoreBackup } from '../../core';
import { archiveProgress } from '../archiveProgress';
import { JSON_FLAG, WORKSPACE_FLAG, type CliCommand, type JsonFlags } from '../command';
import { passphraseFrom } from '../passphrase';
import { UsageError } from '../usageError';

/** `dossier restore FILE.zip --workspace DIR`: into an empty or new folder only. */
export const restoreCommand: CliCommand<JsonFlags> = {
  name: 'restore',
  help: [['restore FILE.zip --workspace DIR', 'restore a backup into an empty or new folder']],
  description: 'Restore a backup into an empty or new folder; every hash is checked before anything is written.',
  operands: 'FILE.zip',
  flags: [WORKSPACE_FLAG, JSON_FLAG],
  async run(archives, flags, { io, workspaceDir }) {
    if (archives.length !== 1) throw new UsageError('restore takes exactly one FILE.zip (and --workspace DIR)');
    const archive = archives[0]!;
    // An encrypted workspace's backup: its passphrase, when there is a way to give it, checks the
    // backup opens (a wrong one stops before anything is written); without one it is restored as it is.
    const { encrypted } = await previewBackup(archive);
    const canAsk = (io.env.DOSSIER_PASSPHRASE ?? '') !== '' || io.readSecret !== undefined;
    const secret = encrypted && canAsk ? await passphraseFrom(io, 'DOSSIER_PASSPHRASE', `Passphrase of the encrypted workspace in ${path.basename(archive)}`) : undefined;
    const result = await restoreBackup(archive, workspaceDir(), { onProgress: flags.json ? undefined : archiveProgress('restore', io), secret });
    if (flags.json) {
      io.stdout(`${JSON.stringify({ workspace: result.workspace, workspaceId: result.workspaceId, files: result.files, articles: result.articles, encrypted: result.encrypted })}\n`);
    } else if (result.articles === null) {
      io.stdout(`restored the encrypted workspace (${result.files} files) from ${path.basename(archive)} into ${result.workspace}; it opens with its passphrase\n`);
    } else {
      io.stdout(`restored ${result.articles} article${result.articles === 1 ? '' : 's'} (${result.files} files) from ${path.basename(archive)} into ${result.workspace}${result.encrypted ? ' (encrypted: it opens with its passphrase)' : ''}\n`);
    }
    return 0;
  },
};
