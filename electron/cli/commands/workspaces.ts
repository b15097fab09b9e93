import { appDataDir, RecentWorkspaces } from '../../core';
import { JSON_FLAG, type CliCommand, type JsonFlags } from '../command';
import { UsageError } from '../usageError';

/**
 * `dossier workspaces`: the workspaces the app and `dossier serve` opened lately, most recent
 * first, from the app-data folder; it opens none of them.
 */
export const workspacesCommand: CliCommand<JsonFlags> = {
  name: 'workspaces',
  help: [['workspaces --json', 'the workspaces opened lately in the app, most recent first']],
  description:
    'The workspaces the Dossier app (or dossier serve) opened lately, most recent first, each with its name, folder, when it was last ' +
    'opened and whether its folder is missing. Use a folder with --workspace in other commands.',
  flags: [JSON_FLAG],
  run: async (operands, flags, { io }) => {
    if (operands.length > 0) throw new UsageError('workspaces takes no operands');
    const workspaces = await new RecentWorkspaces(appDataDir(io.env)).list();
    if (flags.json) io.stdout(`${JSON.stringify({ workspaces })}\n`);
    else if (workspaces.length === 0) io.stdout('No workspace opened in the app yet.\n');
    else for (const w of workspaces) io.stdout(`${w.name}\t${w.path}\t${w.lastOpened}${w.missing ? '\t(missing)' : ''}\n`);
    return 0;
  },
};
