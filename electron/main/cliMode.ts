import { app } from 'electron';
import { processIO, runCli, type CliIO } from '../cli/runCli';
import { electronPdfPrinter } from './pdfPrinter';

/**
 * The installed app has no Node runtime to run `dossier` with (the RunAsNode fuse is off), so it
 * takes `--cli …` and runs the same commands itself, printing PDFs with its own Chromium.
 */
export function cliArguments(argv: readonly string[]): string[] | null {
  const at = argv.indexOf('--cli');
  return at === -1 ? null : argv.slice(at + 1);
}

export async function runCliMode(args: string[], io: CliIO = processIO): Promise<void> {
  // A command line tool: no dock icon, no window, and no single-instance lock (it may run beside the app,
  // which it then talks to through the app's host, as `dossier` on Node does).
  app.dock?.hide();
  await app.whenReady();
  let code: number;
  try {
    code = await runCli(args, { ...io, core: { ...io.core, pdfPrinter: electronPdfPrinter() } });
  } catch (error) {
    io.stderr(`dossier: unexpected error: ${(error as Error)?.message ?? String(error)}\n`);
    code = 1;
  }
  app.exit(code);
}
