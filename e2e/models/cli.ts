import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { ROOT } from '../fixtures';

const run = promisify(execFile);

/** Runs the real `dossier` command (it talks to the running app when one holds the workspace). */
export async function dossierCli(args: string[]): Promise<unknown> {
  const { stdout } = await run(process.execPath, [path.join(ROOT, 'bin', 'dossier.js'), ...args], {
    env: { ...process.env, DOSSIER_WORKSPACE: '' },
  });
  return JSON.parse(stdout);
}
