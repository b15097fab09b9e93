import { Command, CommanderError, Option } from 'commander';
import { fromSystemError, isDossierError } from '../common/errors';
import { resolveWorkspaceDir } from '../core';
import { processIO, type CliIO } from './cliIO';
import { JSON_FLAG, WORKSPACE_FLAG, type CliCommand, type CommandContext } from './command';
import { COMMANDS } from './commandTable';
import { unlockIfEncrypted } from './passphrase';
import { UsageError } from './usageError';
import { withWorkspace } from './workspaceSession';

export { processIO, type CliIO } from './cliIO';

const CONVERSIONS = new Set(['encrypt', 'decrypt', 'passphrase']);

/** `dossier --help`: one line per way of calling each command. */
export const USAGE = usageText(COMMANDS);

/** Runs one `dossier` command; returns the exit code. Errors are one line on stderr. */
export async function runCli(argv: string[], io: CliIO = processIO): Promise<number> {
  try {
    const chosen = await parse(argv, io);
    if (typeof chosen === 'number') return chosen;
    const { command, operands, flags } = chosen;
    const workspaceDir = () => resolveWorkspaceDir(flags.workspace as string | undefined, io.env);
    const context: CommandContext = {
      io,
      workspaceDir,
      withWorkspace: (task, options = {}) => withWorkspace(io, workspaceDir(), options, task),
    };
    // An encrypted workspace is unlocked once, before the command opens anything (the three that
    // convert it or change its passphrase ask for theirs themselves).
    // `dossier serve` without DOSSIER_PASSPHRASE serves the page's unlock screen instead of asking here.
    const unlocksInPage = command.name === 'serve' && (io.env.DOSSIER_PASSPHRASE ?? '') === '';
    if (!CONVERSIONS.has(command.name) && !unlocksInPage && command.flags.includes(WORKSPACE_FLAG)) await unlockIfEncrypted(io, workspaceDir());
    return await command.run(operands, flags, context);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`dossier: ${error.message}\n`);
      return 2;
    }
    const known = isDossierError(error) ? error : fromSystemError(error);
    if (known) {
      io.stderr(`dossier: ${known.message}\n`);
      return 1;
    }
    io.stderr(`dossier: unexpected error: ${(error as Error)?.message ?? String(error)}\n`);
    return 1;
  }
}

interface Chosen {
  command: CliCommand;
  operands: string[];
  flags: Record<string, unknown>;
}

/**
 * The command and its flags, or the exit code when the command line was only a request for help.
 * A fresh parser per call: the tests (and the app's `--cli`) run many command lines in one process.
 */
async function parse(argv: string[], io: CliIO): Promise<Chosen | number> {
  checkFlagValues(argv);
  let chosen: Chosen | undefined;
  const program = configure(new Command('dossier'), io, undefined)
    .usage('<command> [options]')
    // Flags before the command name, as in `dossier --workspace DIR articles`: only these two.
    .option(WORKSPACE_FLAG.flags, WORKSPACE_FLAG.description)
    .option(JSON_FLAG.flags, JSON_FLAG.description)
    .enablePositionalOptions()
    .helpCommand(false)
    .configureHelp({ formatHelp: () => USAGE });
  for (const command of COMMANDS) {
    const sub = configure(new Command(command.name), io, command.name)
      .description(command.description)
      .usage(command.operands ? `${command.operands} [options]` : '[options]');
    if (command.operands) sub.argument('[operands...]');
    for (const flag of command.flags) sub.addOption(new Option(flag.flags, flag.description));
    sub.action(() => {
      // Given before the command name, a flag is still the command's to take.
      const early = program.opts();
      for (const name of Object.keys(early)) {
        if (!sub.options.some((o) => o.attributeName() === name)) {
          throw new UsageError(`${command.name} does not take --${name} (see dossier ${command.name} --help)`);
        }
      }
      chosen = { command, operands: [...sub.args], flags: { ...early, ...sub.opts() } };
    });
    program.addCommand(sub);
  }
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    if (error instanceof HelpShown) return error.exitCode;
    throw error;
  }
  if (!chosen) throw new UsageError('no command given (see dossier --help)');
  return chosen;
}

/** Every flag that takes a value, across the commands. */
const VALUE_FLAGS = new Set(
  [WORKSPACE_FLAG, ...COMMANDS.flatMap((c) => c.flags)].filter((f) => f.flags.includes('<')).map((f) => new Option(f.flags).long!),
);

/**
 * `--article --json` is a forgotten value, not an article id named "--json": a value that starts
 * with '-' is written `--quote=-…`. (Commander would take the next word whatever it is.)
 */
function checkFlagValues(argv: readonly string[]): void {
  const command = argv.find((a) => COMMANDS.some((c) => c.name === a));
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') return;
    if (!VALUE_FLAGS.has(arg)) continue;
    const next = argv[i + 1];
    if (next !== undefined && next.startsWith('-') && next !== '-') {
      throw new UsageError(`${arg} needs a value (see dossier ${command ? `${command} ` : ''}--help; one starting with '-' is written ${arg}=-…)`);
    }
    i += 1;
  }
}

/** Help was printed (on stdout when asked for, on stderr with exit 2 when no command was given). */
class HelpShown extends Error {
  constructor(readonly exitCode: number) {
    super('help shown');
  }
}

/** What every command's parser shares: output through `io`, and parse errors worded as ours. */
function configure(cmd: Command, io: CliIO, name: string | undefined): Command {
  return cmd
    .configureOutput({ writeOut: (s) => io.stdout(s), writeErr: (s) => io.stderr(s), outputError: () => {} })
    .helpOption('-h, --help', name ? `show the flags of dossier ${name}` : 'show this help')
    .exitOverride((error) => {
      throw parseError(error, name);
    });
}

/** Commander's errors in the CLI's own words: one line, saying what to run for help. */
function parseError(error: CommanderError, command: string | undefined): Error {
  if (error.code === 'commander.helpDisplayed') return new HelpShown(0);
  // No command at all: the usage text went to stderr.
  if (error.code === 'commander.help') return new HelpShown(2);
  const help = command ? `see dossier ${command} --help` : 'see dossier --help';
  const quoted = /'([^']*)'/.exec(error.message)?.[1] ?? '';
  switch (error.code) {
    case 'commander.unknownOption':
      return new UsageError(command ? `${command} does not take ${quoted} (${help})` : `unknown option '${quoted}' (${help})`);
    case 'commander.optionMissingArgument':
      return new UsageError(`${quoted.split(/[ ,]/)[0]} needs a value (${help})`);
    case 'commander.excessArguments':
      return new UsageError(`${command ?? 'dossier'} takes no arguments (${help})`);
    case 'commander.unknownCommand':
      return new UsageError(`unknown command '${quoted}' (${help})`);
    default:
      return new UsageError(`${error.message.replace(/^error: /, '').split('\n')[0]} (${help})`);
  }
}

function usageText(commands: readonly CliCommand[]): string {
  const line = ([synopsis, summary]: readonly [string, string]) =>
    `  ${synopsis.length < 38 ? synopsis.padEnd(39) : `${synopsis}  `}${summary}\n`;
  return (
    'Usage: dossier <command> [options]\n\nCommands:\n' +
    commands.flatMap((c) => c.help.map(line)).join('') +
    `
Options:
  --workspace DIR   the workspace folder (default: $DOSSIER_WORKSPACE, else Documents/Dossier)
  --json            print one JSON object on stdout
  -h, --help        show this help (dossier COMMAND --help: that command's flags)
`
  );
}
