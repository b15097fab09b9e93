import type { CoreOptions } from '../core';

/** Where a `dossier` command prints, and what it reads from its environment. */
export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  env: NodeJS.ProcessEnv;
  /** How the core is set up when the CLI opens the workspace itself (the installed app prints PDFs with Electron). */
  core?: CoreOptions;
  /** Asks for a passphrase without echoing it; absent when there is no terminal to ask on. */
  readSecret?: (prompt: string) => Promise<string>;
  /** The cost of the key derivation for a new workspace key (tests use less than the default). */
  kdf?: { N: number; r: number; p: number };
}

export const processIO: CliIO = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
  readSecret: process.stdin.isTTY ? readHidden : undefined,
};

/** One line typed on the terminal, not echoed (a passphrase is never a flag: shell history and `ps` would keep it). */
function readHidden(prompt: string): Promise<string> {
  const stdin = process.stdin;
  return new Promise((resolve, reject) => {
    let value = '';
    const finish = (error?: Error) => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stderr.write('\n');
      if (error) reject(error);
      else resolve(value);
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') return finish();
        if (ch === '\u0003' || ch === '\u0004') return finish(new Error('cancelled'));
        if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1);
        else value += ch;
      }
    };
    process.stderr.write(prompt);
    stdin.setRawMode(true);
    stdin.setEncoding('utf8');
    stdin.on('data', onData);
    stdin.resume();
  });
}
