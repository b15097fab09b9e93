import type { CoreOptions } from '../core';

/** Where a `dossier` command prints, and what it reads from its environment. */
export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  env: NodeJS.ProcessEnv;
  /** How the core is set up when the CLI opens the workspace itself (the installed app prints PDFs with Electron). */
  core?: CoreOptions;
}

export const processIO: CliIO = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
};
