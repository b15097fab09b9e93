import { JSON_FLAG, WORKSPACE_FLAG, type CliCommand, type JsonFlags } from '../command';
import { UsageError } from '../usageError';

/** `dossier conflicts`: records edited on two sides, with every version kept. */
export const conflictsCommand: CliCommand<JsonFlags> = {
  name: 'conflicts',
  help: [['conflicts --json', 'records edited on two sides by sync, with each version']],
  description:
    'List the records that two people changed at once (found by `dossier sync`): each with its versions, the one the workspace ' +
    'shows now first. Settle one with `dossier resolve ID --keep REV`.',
  flags: [WORKSPACE_FLAG, JSON_FLAG],
  run: (operands, flags, { io, withWorkspace }) => {
    if (operands.length > 0) throw new UsageError('conflicts takes no operands');
    return withWorkspace(async ({ api }) => {
      const { conflicts } = await api['sync.conflicts']({});
      if (flags.json) {
        const shaped = conflicts.map(({ kind, id, versions }) => ({ kind, id, versions: versions.map(({ rev, value }) => ({ rev, value })) }));
        io.stdout(`${JSON.stringify({ conflicts: shaped })}\n`);
      } else if (conflicts.length === 0) {
        io.stdout('No conflicts.\n');
      } else {
        for (const conflict of conflicts) {
          io.stdout(`${conflict.kind} ${conflict.id}\n`);
          for (const version of conflict.versions) {
            const who = [version.changedBy, version.changedAt].filter(Boolean).join(', ');
            io.stdout(`  ${version.rev}${version.winner ? ' (shown now)' : ''}${who ? `  ${who}` : ''}\n`);
          }
        }
      }
      return 0;
    });
  },
};
