import path from 'node:path';
import { restoreBackup } from '../../core';
import { archiveProgress } from '../archiveProgress';
import { JSON_FLAG, WORKSPACE_FLAG, type CliCommand, type JsonFlags } from '../command';
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
    const result = await restoreBackup(archive, workspaceDir(), { onProgress: flags.json ? undefined : archiveProgress('restore', io) });
    if (flags.json) {
      io.stdout(`${JSON.stringify({ workspace: result.workspace, workspaceId: result.workspaceId, files: result.files, articles: result.articles })}\n`);
    } else {
      io.stdout(`restored ${result.articles} article${result.articles === 1 ? '' : 's'} (${result.files} files) from ${path.basename(archive)} into ${result.workspace}\n`);
    }
    return 0;
  },
};
