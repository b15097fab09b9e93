import { parseArgs } from 'node:util';
import { DossierError } from '../common/errors';

/**
 * The `--workspace DIR` (or `--workspace=DIR`) given to the app. Not strict: Electron and
 * Chromium switches share the command line, and the app path sits among them in development.
 */
export function workspaceFlag(argv: readonly string[]): string | undefined {
  const { values } = parseArgs({
    args: argv.slice(1),
    options: { workspace: { type: 'string' } },
    strict: false,
    allowPositionals: true,
  });
  const flag = values.workspace;
  if (flag === undefined) return undefined;
  // A bare flag would otherwise open the default workspace, which is not what was asked for.
  if (typeof flag !== 'string' || flag === '') {
    throw new DossierError('bad-input', 'The --workspace option needs a folder, e.g. --workspace ~/Documents/Dossier.');
  }
  return flag;
}
