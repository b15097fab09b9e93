import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { COMMANDS } from './commandTable';
import { USAGE } from './runCli';
import { runCaptured, type CliRun } from './testing/runCaptured';

const SAMPLE = fileURLToPath(new URL('../../assets/india-japan-defence-2025-05-04.txt', import.meta.url));

let tmp: string;
let ws: string;
beforeEach(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'dossier-cli-args-'));
  ws = path.join(tmp, 'ws');
});
afterEach(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

const run = (...args: string[]) => runCaptured(args);

function expectUsageError(r: CliRun, pattern: RegExp): void {
  expect(r.code, r.stderr).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr).toMatch(/^dossier: [^\n]+\n$/);
  expect(r.stderr).toMatch(pattern);
}

/** The long flags a command's help lists. */
function flagsIn(help: string): string[] {
  return [...help.matchAll(/^ {2}(?:-\w, )?(--[a-z-]+)/gm)].map((m) => m[1]!);
}

describe('each command takes its own flags', () => {
  it('refuses a flag the command does not take, naming it (articles --quote)', async () => {
    await run('import', SAMPLE, '--workspace', ws);
    const r = await run('articles', '--quote', 'x', '--workspace', ws);
    expectUsageError(r, /^dossier: articles does not take --quote \(see dossier articles --help\)\n$/);
  });

  it.each([
    ['annotations', '--format', 'md'],
    ['backup', '--article', 'x'],
    ['serve', '--json'],
    ['restore', '--force'],
    ['entity', '--out', 'x'],
  ])('%s %s', async (command, ...flag) => {
    expectUsageError(await run(command, ...flag, '--workspace', ws), new RegExp(`${command} does not take ${flag[0]}`));
  });

  it('accepts --workspace and --json before the command name, as before, but only where the command takes them', async () => {
    await run('import', SAMPLE, '--workspace', ws);
    const r = await run('--workspace', ws, '--json', 'articles');
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ articles: [{ title: expect.stringMatching(/^India, Japan defence ministers/) }] });
    expectUsageError(await run('--json', 'serve', '--workspace', ws), /serve does not take --json/);
  });

  it('refuses operands a command does not take', async () => {
    expectUsageError(await run('articles', 'extra', '--workspace', ws), /articles takes no arguments/);
  });

  it('takes a flag followed by another flag as a missing value, as before', async () => {
    expectUsageError(await run('annotate', '--article', '--json', '--workspace', ws), /--article needs a value/);
    expectUsageError(await run('annotations', '--article'), /--article needs a value/);
  });

  it('refuses an option before an unknown or missing command', async () => {
    expectUsageError(await run('--bogus'), /unknown option '--bogus' \(see dossier --help\)/);
    expectUsageError(await run('frobnicate', '--json'), /unknown command 'frobnicate'/);
  });
});

describe('help', () => {
  it('dossier --help lists every command, each way of calling it on one line', async () => {
    const r = await run('--help');
    expect(r).toEqual({ code: 0, stdout: USAGE, stderr: '' });
    const section = USAGE.slice(USAGE.indexOf('Commands:\n') + 10, USAGE.indexOf('\n\nOptions:'));
    const lines = section.split('\n');
    for (const line of lines) expect(line, line).toMatch(new RegExp(`^ {2}(${COMMANDS.map((c) => c.name).join('|')}) \\S.*\\S {2,}\\S`));
    expect(new Set(lines.map((l) => l.trim().split(' ')[0]))).toEqual(new Set(COMMANDS.map((c) => c.name)));
    expect(lines.length).toBe(COMMANDS.reduce((n, c) => n + c.help.length, 0));
    expect(USAGE).toContain('  import FILE|DIR...   ');
  });

  it.each(COMMANDS.map((c) => [c.name, c] as const))('dossier %s --help shows that command and its flags alone', async (name, command) => {
    const r = await run(name, '--help');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(new RegExp(`^Usage: dossier ${name} `));
    expect(r.stdout).not.toContain('Commands:');
    const own = command.flags.map((f) => f.flags.split(' ')[0]!);
    expect(flagsIn(r.stdout).sort()).toEqual([...own, '--help'].sort());
    expect(await run(name, '-h')).toEqual(r);
  });

  it('says that a command has its own help', () => {
    expect(USAGE).toMatch(/dossier COMMAND --help/);
  });
});
