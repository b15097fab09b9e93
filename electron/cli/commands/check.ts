import { checkWorkspace, repairWorkspace, type Problem } from '../../core';
import type { CliIO } from '../cliIO';
import { JSON_FLAG, WORKSPACE_FLAG, type CliCommand } from '../command';

interface CheckFlags {
  repair?: boolean;
  json?: boolean;
}

/**
 * `dossier check [--repair]`: every file against its schema and every original against its
 * SHA-256. Exit 0 when healthy, 1 when not. It reads the files as they are, even while the app
 * holds them; --repair needs the workspace to itself.
 */
export const checkCommand: CliCommand<CheckFlags> = {
  name: 'check',
  help: [
    ['check [--json]', 'verify every file of the workspace (schemas, SHA-256 of the originals, history)'],
    ['check --repair [--json]', 'apply the safe repairs: quarantine, rebuild what can be rebuilt, say what was done'],
  ],
  description: 'Verify every file of the workspace against its schema and every original against its SHA-256; --repair applies the safe repairs.',
  flags: [{ flags: '--repair', description: 'quarantine damaged files, rebuild what can be rebuilt, cut torn lines, remove crash leftovers' }, WORKSPACE_FLAG, JSON_FLAG],
  async run(_operands, flags, { io, workspaceDir }) {
    const progress = flags.json ? undefined : articleProgress(io);
    const strip = ({ file, problem, repair }: Problem): Problem => ({ file, problem, repair });
    if (flags.repair) {
      const { repaired, problems } = await repairWorkspace(workspaceDir(), progress);
      if (flags.json) {
        io.stdout(`${JSON.stringify({ healthy: problems.length === 0, problems, repaired })}\n`);
      } else {
        for (const p of repaired) io.stdout(`repaired ${p.file}: ${p.problem} — ${p.repair}\n`);
        report(problems, (line) => io.stdout(line));
      }
      return problems.length === 0 ? 0 : 1;
    }
    const problems = (await checkWorkspace(workspaceDir(), progress)).map(strip);
    if (flags.json) io.stdout(`${JSON.stringify({ healthy: problems.length === 0, problems })}\n`);
    else report(problems, (line) => io.stdout(line));
    return problems.length === 0 ? 0 : 1;
  },
};

/** One stderr line per tenth of a workspace of more than a few hundred articles. */
function articleProgress(io: CliIO): (done: number, total: number) => void {
  let shown = 0;
  return (done, total) => {
    if (total < 500) return;
    const tenth = Math.floor((done / total) * 10);
    if (tenth <= shown) return;
    shown = tenth;
    io.stderr(`check: ${tenth * 10}% (${done} of ${total} articles)\n`);
  };
}

function report(problems: Problem[], out: (line: string) => void): void {
  if (problems.length === 0) {
    out('healthy: every file checks out\n');
    return;
  }
  for (const p of problems) out(`${p.file}: ${p.problem}\n  repair: ${p.repair}\n`);
  out(`${problems.length} problem${problems.length === 1 ? '' : 's'} found\n`);
}
