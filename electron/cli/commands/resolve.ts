import { JSON_FLAG, WORKSPACE_FLAG, type CliCommand, type JsonFlags } from '../command';
import { UsageError } from '../usageError';

interface ResolveFlags extends JsonFlags {
  keep?: string;
}

/** `dossier resolve`: settles a sync conflict by keeping one version; the choice syncs. */
export const resolveCommand: CliCommand<ResolveFlags> = {
  name: 'resolve',
  help: [['resolve ID --keep REV [--json]', 'settle a sync conflict by keeping version REV (dossier conflicts lists them)']],
  description:
    'Settle a conflict `dossier conflicts` lists: version REV of record ID becomes the one every side keeps; the other versions ' +
    'are closed. The choice reaches the others at the next `dossier sync`.',
  operands: 'ID',
  flags: [{ flags: '--keep <REV>', description: 'the version to keep' }, WORKSPACE_FLAG, JSON_FLAG],
  run: (operands, flags, { io, withWorkspace }) => {
    if (operands.length !== 1) throw new UsageError('resolve takes one record ID (dossier conflicts --json lists them)');
    if (!flags.keep) throw new UsageError('resolve needs --keep REV: the version to keep');
    return withWorkspace(async ({ api }) => {
      const result = await api['sync.resolve']({ id: operands[0]!, keep: flags.keep });
      if (flags.json) io.stdout(`${JSON.stringify(result)}\n`);
      else io.stdout(`kept ${flags.keep} of ${result.id} (now ${result.rev}); it reaches the others at the next sync\n`);
      return 0;
    });
  },
};
