import type { CliIO } from '../cliIO';
import { runCli } from '../runCli';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs one `dossier` command in this process, as the CLI tests do, capturing what it prints. */
export async function runCaptured(args: string[], io: Partial<CliIO> = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env: {}, ...io });
  return { code, stdout, stderr };
}
