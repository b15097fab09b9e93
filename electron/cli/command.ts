import type { CliIO } from './cliIO';
import type { WorkspaceSession } from './workspaceSession';

/** A flag as commander spells it (`--out <FILE>`, `--force`), with its line in `dossier COMMAND --help`. */
export interface FlagSpec {
  flags: string;
  description: string;
}

export interface CommandContext {
  io: CliIO;
  /** The workspace folder: --workspace, else $DOSSIER_WORKSPACE, else Documents/Dossier. */
  workspaceDir(): string;
  /**
   * Runs `task` on the workspace, through the running app when one holds it, else on the files
   * (see workspaceSession.ts): the one place that choice is made.
   */
  withWorkspace<T>(task: (session: WorkspaceSession) => Promise<T>, options?: { create?: boolean }): Promise<T>;
}

/** One `dossier` command: its help, the flags it takes, and what it does. */
export interface CliCommand<Flags = Record<string, unknown>> {
  name: string;
  /** Its lines in `dossier --help`, one per way of calling it: [synopsis, what it does]. */
  help: readonly (readonly [string, string])[];
  /** What `dossier NAME --help` says it does. */
  description: string;
  /**
   * Its operands as `dossier NAME --help` shows them (`FILE|DIR...`); none means it takes none.
   * The command checks them itself, so its messages stay its own.
   */
  operands?: string;
  /** The flags it takes; any other is a usage error naming it. */
  flags: readonly FlagSpec[];
  run(operands: string[], flags: Flags, context: CommandContext): Promise<number>;
}

export const WORKSPACE_FLAG: FlagSpec = { flags: '--workspace <DIR>', description: 'the workspace folder (default: $DOSSIER_WORKSPACE, else Documents/Dossier)' };
export const JSON_FLAG: FlagSpec = { flags: '--json', description: 'print one JSON object on stdout' };
export const FORCE_FLAG: FlagSpec = { flags: '--force', description: 'overwrite FILE if it exists' };

export interface JsonFlags {
  json?: boolean;
}
