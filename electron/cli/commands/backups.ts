import type { BackupSummary } from '../../common/model/backup';
import { JSON_FLAG, WORKSPACE_FLAG, type CliCommand } from '../command';
import { UsageError } from '../usageError';

interface BackupsFlags {
  json?: boolean;
  file?: string[];
}

const when = (b: BackupSummary) => b.takenAt.replace('T', ' ').replace(/\.\d+Z$/, ' UTC');

/**
 * `dossier backups`: the workspace's automatic backups (taken by the app while it runs). Lists
 * them, shows what one recorded, takes one now, or restores the workspace or some of its files
 * from one. Through the running app when it holds the workspace, so its windows follow.
 */
export const backupsCommand: CliCommand<BackupsFlags> = {
  name: 'backups',
  help: [
    ['backups [list] --json', 'the automatic backups, newest first'],
    ['backups files ID --json', 'the files one backup recorded as added, changed, removed or damaged'],
    ['backups take --json', 'a backup now of what changed since the last one'],
    ['backups restore ID [--file FILE...]', 'put the workspace (or FILEs) back as backup ID holds them'],
  ],
  description:
    "The workspace's automatic backups: 'list' them, show the 'files' one recorded, 'take' one now, or 'restore ID' the workspace " +
    '(or only --file FILE …, paths as `files` prints them). A backup of the files as they were is taken before a restore, so it can be undone.',
  operands: '[list | files ID | take | restore ID]',
  flags: [{ flags: '--file <FILE...>', description: 'restore only these files (workspace-relative paths)' }, WORKSPACE_FLAG, JSON_FLAG],
  run: ([sub = 'list', id, ...rest], flags, { io, withWorkspace }) => {
    if (rest.length > 0) throw new UsageError(`backups ${sub} takes one backup ID, not ${rest.length + 1}`);
    if ((sub === 'files' || sub === 'restore') && !id) throw new UsageError(`backups ${sub} needs a backup ID (dossier backups lists them)`);
    if ((sub === 'list' || sub === 'take') && id) throw new UsageError(`backups ${sub} takes no ID`);
    if (flags.file && sub !== 'restore') throw new UsageError('--file goes with backups restore');
    if (!['list', 'files', 'take', 'restore'].includes(sub)) throw new UsageError(`unknown backups command '${sub}' (list, files ID, take, restore ID)`);
    const out = (value: unknown) => io.stdout(`${JSON.stringify(value)}\n`);
    return withWorkspace(async ({ api }) => {
      if (sub === 'list') {
        const { backups } = await api['backups.list']({});
        if (flags.json) out({ backups });
        else if (backups.length === 0) io.stdout('No backups yet: the app takes one after opening the workspace, then every ten minutes while it changes.\n');
        else for (const b of backups) io.stdout(`${b.id}  ${when(b)}  ${b.reason.padEnd(14)} ${b.changed} file${b.changed === 1 ? '' : 's'}${b.skipped ? `, ${b.skipped} damaged left out` : ''}\n`);
      } else if (sub === 'files') {
        const result = await api['backups.files']({ id: id! });
        if (flags.json) out(result);
        else for (const f of result.files) io.stdout(`${f.change.padEnd(8)} ${f.file}${f.problem ? `  (${f.problem})` : ''}\n`);
      } else if (sub === 'take') {
        const { backup } = await api['backups.take']({});
        if (flags.json) out({ backup });
        else io.stdout(backup ? `backed up ${backup.changed} changed file${backup.changed === 1 ? '' : 's'} (${backup.id})\n` : 'nothing changed since the last backup\n');
      } else {
        const result = await api['backups.restore']({ id: id!, files: flags.file });
        if (flags.json) out(result);
        else io.stdout(`restored ${result.restored.length} file${result.restored.length === 1 ? '' : 's'} from ${id}; to undo: dossier backups restore ${result.before}\n`);
      }
      return 0;
    });
  },
};
