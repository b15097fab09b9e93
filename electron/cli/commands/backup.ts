import { backupWorkspace } from '../../core';
import { archiveProgress, byteSize } from '../archiveProgress';
import { FORCE_FLAG, JSON_FLAG, WORKSPACE_FLAG, type CliCommand } from '../command';
import { UsageError } from '../usageError';

interface BackupFlags {
  out?: string;
  force?: boolean;
  json?: boolean;
}

/**
 * `dossier backup --out FILE.zip [--force]`: the workspace's files, the lock aside, in one archive.
 * It reads the files even while the app holds them (and writes nothing there), so it needs no session.
 */
export const backupCommand: CliCommand<BackupFlags> = {
  name: 'backup',
  help: [['backup --out FILE.zip [--force]', 'write the whole workspace into one archive (with SHA-256 manifest)']],
  description: 'Write every file of the workspace but its lock into one zip archive, with a SHA-256 manifest.',
  flags: [{ flags: '--out <FILE.zip>', description: 'the archive to write' }, FORCE_FLAG, WORKSPACE_FLAG, JSON_FLAG],
  async run(_operands, flags, { io, workspaceDir }) {
    if (!flags.out) throw new UsageError('backup needs --out FILE.zip');
    const result = await backupWorkspace(workspaceDir(), flags.out, {
      force: flags.force,
      onProgress: flags.json ? undefined : archiveProgress('backup', io),
    });
    if (flags.json) {
      io.stdout(`${JSON.stringify({ out: result.out, workspaceId: result.workspaceId, files: result.files, bytes: result.bytes })}\n`);
    } else {
      io.stdout(`backed up ${result.files} files (${byteSize(result.bytes)}) to ${result.out}\n`);
    }
    return 0;
  },
};
